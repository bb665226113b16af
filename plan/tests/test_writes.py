"""Writing the plan through HTTP: transformations (one per objective and system), indicators and their targets,
actions and their sets, deletion and history."""

import pytest
from django.db import IntegrityError, transaction

from analysis.tests.factories import StatisticFactory
from core.tests.support import url
from factors.tests.factories import FactorFactory
from plan.models import Action, ActionPartner, BudgetLine, DesiredChange, Target
from plan.tests.factories import (
    ActionFactory,
    FunderFactory,
    IndicatorFactory,
    TargetFactory,
    TransformationFactory,
)
from priorities.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def objective(cycle):
    objective = ObjectiveFactory(cycle=cycle, title="Favoriser l'éveil à la lecture")
    objective.factors.set([FactorFactory(name_fr="Pratiques parentales", system="famille")])
    return objective


def _transformation_data(objective, system, **extra) -> dict:
    return {
        "objective": objective.pk,
        "system": system,
        "statement": "Les parents lisent chaque jour avec leur enfant.",
        "factors": [f.pk for f in objective.factors.all()],
        **extra,
    }


def test_one_transformation_per_objective_and_system_in_the_database(objective):
    TransformationFactory(objective=objective, system="famille")
    with pytest.raises(IntegrityError), transaction.atomic():
        TransformationFactory(objective=objective, system="famille")


def test_the_form_says_the_system_is_taken(cast, client_for, cycle_url, objective):
    client = client_for(cast.committee)
    first = client.post(cycle_url("plan:transformation_create"), _transformation_data(objective, "famille"))
    assert first.status_code == 302
    again = client.post(cycle_url("plan:transformation_create"), _transformation_data(objective, "famille"))
    assert again.status_code == 200
    assert "Cet objectif a déjà une transformation pour ce système." in again.content.decode()
    assert DesiredChange.objects.filter(objective=objective).count() == 1


def test_factors_must_be_the_objectives(cast, client_for, cycle_url, objective, cycle):
    other = ObjectiveFactory(cycle=cycle)
    stranger = FactorFactory(name_fr="Cohésion sociale", system="communaute")
    other.factors.set([stranger])
    data = _transformation_data(objective, "communaute", factors=[stranger.pk])
    response = client_for(cast.committee).post(cycle_url("plan:transformation_create"), data)
    assert "n&#x27;est pas un facteur visé par l&#x27;objectif" in response.content.decode()


def test_a_transformation_saved_with_its_links_has_one_history_entry(cast, client_for, cycle_url, objective):
    data = _transformation_data(objective, "famille", lead=cast.organization.pk, partners=[cast.other_organization.pk])
    client_for(cast.committee).post(cycle_url("plan:transformation_create"), data)
    transformation = DesiredChange.objects.get()
    assert transformation.history.count() == 1
    edit = {**data, "version": transformation.version, "partners": [cast.organization.pk]}
    address = cycle_url("plan:transformation_edit", transformation_pk=transformation.pk)
    assert client_for(cast.committee).post(address, edit).status_code == 302
    assert transformation.history.count() == 2
    stale = client_for(cast.committee).post(address, edit)
    assert stale.status_code == 409  # the version it started from is gone


def test_an_objective_cited_by_the_plan_cannot_vanish_from_outil_8(cast, client_for, cycle_url, objective):
    TransformationFactory(objective=objective)
    address = cycle_url("priorities:objective_delete", objective_pk=objective.pk)
    page = client_for(cast.coordinator).get(address).content.decode()
    assert "transformation souhaitée" in page
    assert client_for(cast.coordinator).post(address).status_code == 409
    objective.refresh_from_db()


def test_an_indicator_cites_an_outil_5_statistic_and_the_statistic_lists_it(cast, client_for, cycle_url, cycle):
    transformation = TransformationFactory(objective=ObjectiveFactory(cycle=cycle))
    statistic = StatisticFactory(partnership=cast.partnership)
    data = {
        "name": "Enfants vulnérables en communication",
        "polarity": "lower",
        "baseline_value": "12.5",
        "baseline_date": "2022-06-01",
        "baseline_statistic": statistic.pk,
    }
    address = cycle_url("plan:indicator_create", transformation_pk=transformation.pk)
    assert client_for(cast.committee).post(address, data).status_code == 302
    page = client_for(cast.observer).get(url("analysis:statistic_detail", cast, statistic_pk=statistic.pk))
    assert "Enfants vulnérables en communication" in page.content.decode()


def _set_data(prefix: str, rows: list[dict], fingerprint: str, initial: int = 0) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
        "fingerprint": fingerprint,
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def _fingerprint(client, address: str) -> str:
    return client.get(address).context["form"].initial["fingerprint"]


def test_targets_are_saved_as_a_set_and_a_stale_set_is_refused(cast, client_for, cycle_url, cycle):
    indicator = IndicatorFactory(transformation__objective=ObjectiveFactory(cycle=cycle))
    client = client_for(cast.committee)
    address = cycle_url("plan:targets", indicator_pk=indicator.pk)
    fingerprint = _fingerprint(client, address)
    rows = [{"value": "30", "date": "2026-06-30"}, {"value": "40", "date": "2027-06-30"}, {"value": "", "date": ""}]
    assert client.post(address, _set_data("targets", rows, fingerprint)).status_code == 302
    assert sorted(str(t.value) for t in Target.objects.filter(indicator=indicator)) == ["30.000", "40.000"]
    stale = client.post(address, _set_data("targets", rows[:1], fingerprint))
    assert stale.status_code == 409 and Target.objects.filter(indicator=indicator).count() == 2


def test_a_partly_filled_row_says_what_it_lacks(cast, client_for, cycle_url, cycle):
    indicator = IndicatorFactory(transformation__objective=ObjectiveFactory(cycle=cycle))
    client = client_for(cast.committee)
    address = cycle_url("plan:targets", indicator_pk=indicator.pk)
    response = client.post(address, _set_data("targets", [{"value": "30", "date": ""}], _fingerprint(client, address)))
    assert response.status_code == 200 and "Ce champ est obligatoire." in response.content.decode()


def test_add_row_brings_the_form_back_with_one_more_row_and_htmx_gets_the_form_alone(
    cast, client_for, cycle_url, cycle
):
    indicator = IndicatorFactory(transformation__objective=ObjectiveFactory(cycle=cycle))
    TargetFactory(indicator=indicator)
    client = client_for(cast.committee)
    address = cycle_url("plan:targets", indicator_pk=indicator.pk)
    data = _set_data("targets", [{"value": "30", "date": "2026-06-30"}], _fingerprint(client, address))
    data["add_row"] = "1"
    whole = client.post(address, data)
    assert whole.status_code == 200 and len(whole.context["formset"].forms) == 2
    assert "<html" in whole.content.decode()
    partial = client.post(address, data, headers={"HX-Request": "true"})
    assert "<html" not in partial.content.decode() and 'id="row-set"' in partial.content.decode()
    assert Target.objects.filter(indicator=indicator).count() == 1  # nothing saved


def test_an_action_with_two_partners_and_budget_lines_from_two_funders(cast, client_for, cycle_url, cycle):
    transformation = TransformationFactory(objective=ObjectiveFactory(cycle=cycle))
    client = client_for(cast.coordinator)
    data = {
        "title": "Croque-livres dans les parcs",
        "transformations": [transformation.pk],
        "clientele_codes": ["families", "age_2_5"],
        "lead": cast.organization.pk,
        "starts_on": "2025-09-01",
        "ends_on": "2027-06-30",
        "follow_up": "quarterly",
        "status": "planned",
    }
    assert client.post(cycle_url("plan:action_create"), data).status_code == 302
    action = Action.objects.get()
    assert action.clienteles == "age_2_5,families" and action.history.count() == 1
    partners = cycle_url("plan:partners", action_pk=action.pk)
    rows = [
        {"organization": cast.organization.pk, "role": "Porte l'action", "contribution_money": "500"},
        {"organization": cast.other_organization.pk, "role": "Anime", "contribution_in_kind": "Une éducatrice"},
    ]
    assert client.post(partners, _set_data("partners", rows, _fingerprint(client, partners))).status_code == 302
    assert ActionPartner.objects.filter(action=action).count() == 2
    foundation, city = FunderFactory(partnership=cast.partnership), FunderFactory(partnership=cast.partnership)
    budget = cycle_url("plan:budget", action_pk=action.pk)
    lines = [
        {"year": "2025", "funder": foundation.pk, "amount": "1234.50", "status": "confirmed", "nature": "cash"},
        {"year": "2026", "funder": city.pk, "amount": "800", "status": "requested", "nature": "in_kind"},
    ]
    assert client.post(budget, _set_data("budget", lines, _fingerprint(client, budget))).status_code == 302
    assert BudgetLine.objects.filter(action=action).count() == 2
    page = client.get(cycle_url("plan:action_detail", action_pk=action.pk)).content.decode()
    assert "1\u00a0234,50\u00a0$" in page and "2\u00a0034,50\u00a0$" in page


def test_the_same_organization_twice_among_partners_is_refused(cast, client_for, cycle_url, cycle):
    action = ActionFactory(cycle=cycle)
    client = client_for(cast.coordinator)
    address = cycle_url("plan:partners", action_pk=action.pk)
    rows = [{"organization": cast.organization.pk}, {"organization": cast.organization.pk}]
    response = client.post(address, _set_data("partners", rows, _fingerprint(client, address)))
    assert response.status_code == 200 and "ne figure qu&#x27;une fois" in response.content.decode()


def test_deleting_a_funder_with_budget_lines_is_prevented(cast, client_for, cycle):
    from django.urls import reverse

    from plan.tests.factories import BudgetLineFactory

    line = BudgetLineFactory(action=ActionFactory(cycle=cycle))
    address = reverse("plan:funder_delete", kwargs={"slug": cast.partnership.slug, "funder_pk": line.funder_id})
    page = client_for(cast.coordinator).get(address).content.decode()
    assert "ligne budgétaire" in page
    assert client_for(cast.coordinator).post(address).status_code == 409


def test_deleting_an_action_lists_its_rows(cast, client_for, cycle_url, cycle):
    from plan.tests.factories import BudgetLineFactory, MilestoneFactory

    action = ActionFactory(cycle=cycle)
    MilestoneFactory(action=action)
    BudgetLineFactory(action=action)
    address = cycle_url("plan:action_delete", action_pk=action.pk)
    page = client_for(cast.coordinator).get(address).content.decode()
    assert "1 jalon" in page and "1 ligne budgétaire" in page
    assert client_for(cast.coordinator).post(address).status_code == 302
    assert not Action.objects.filter(pk=action.pk).exists()


def test_editing_an_action_keeps_one_history_entry_per_save_and_refuses_a_stale_form(
    cast, client_for, cycle_url, cycle
):
    transformation = TransformationFactory(objective=ObjectiveFactory(cycle=cycle))
    action = ActionFactory(cycle=cycle, lead=cast.organization)
    client = client_for(cast.committee)
    address = cycle_url("plan:action_edit", action_pk=action.pk)
    data = {
        "version": action.version,
        "title": "Croque-livres",
        "transformations": [transformation.pk],
        "lead": cast.organization.pk,
        "status": "under_way",
    }
    before = action.history.count()
    assert client.post(address, data).status_code == 302
    action.refresh_from_db()
    assert action.history.count() == before + 1 and list(action.transformations.all()) == [transformation]
    stale = client.post(address, {**data, "title": "Autre titre"})
    assert stale.status_code == 409
    action.refresh_from_db()
    assert action.title == "Croque-livres"
    history = client_for(cast.observer).get(cycle_url("plan:action_history", action_pk=action.pk))
    assert history.status_code == 200 and "En cours" in history.content.decode()
