"""Every page of Outil 9 and 10 through HTTP, for each role."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from core.tests.support import url
from factors.tests.factories import FactorFactory
from plan.tests.factories import (
    ActionFactory,
    ActionPartnerFactory,
    BudgetLineFactory,
    FunderFactory,
    IndicatorFactory,
    MilestoneFactory,
    TargetFactory,
    TransformationFactory,
)
from priorities.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(cast, cycle):
    objective = ObjectiveFactory(cycle=cycle, title="Favoriser l'éveil à la lecture")
    transformation = TransformationFactory(objective=objective, lead=cast.organization)
    indicator = IndicatorFactory(transformation=transformation)
    TargetFactory(indicator=indicator)
    action = ActionFactory(cycle=cycle, lead=cast.organization, transformations=[transformation])
    part = ActionPartnerFactory(action=action, organization=cast.other_organization)
    MilestoneFactory(action=action)
    BudgetLineFactory(action=action, funder=FunderFactory(partnership=cast.partnership))
    return {
        "objective": objective,
        "transformation": transformation,
        "indicator": indicator,
        "action": action,
        "part": part,
    }


def _pages(plan, cycle_url, cast):
    t, i, a = plan["transformation"], plan["indicator"], plan["action"]
    return [
        cycle_url("plan:home"),
        cycle_url("plan:actions"),
        cycle_url("plan:my_actions"),
        cycle_url("plan:overview"),
        cycle_url("plan:versions"),
        cycle_url("plan:transformation_detail", transformation_pk=t.pk),
        cycle_url("plan:transformation_history", transformation_pk=t.pk),
        cycle_url("plan:indicator_detail", indicator_pk=i.pk),
        cycle_url("plan:indicator_history", indicator_pk=i.pk),
        cycle_url("plan:action_detail", action_pk=a.pk),
        cycle_url("plan:action_history", action_pk=a.pk),
        cycle_url("plan:version_compare"),
        url("plan:funders", cast),
    ]


@pytest.mark.parametrize("role", ["coordinator", "committee", "partner", "observer"])
def test_every_member_reads_every_page(cast, client_for, cycle_url, plan, role):
    client = client_for(getattr(cast, role))
    for address in _pages(plan, cycle_url, cast):
        assert client.get(address).status_code == 200, address


def test_editors_open_every_form(cast, client_for, cycle_url, plan):
    client = client_for(cast.committee)
    t, i, a = plan["transformation"], plan["indicator"], plan["action"]
    for address in [
        cycle_url("plan:transformation_create"),
        cycle_url("plan:transformation_edit", transformation_pk=t.pk),
        cycle_url("plan:transformation_delete", transformation_pk=t.pk),
        cycle_url("plan:indicator_create", transformation_pk=t.pk),
        cycle_url("plan:indicator_edit", indicator_pk=i.pk),
        cycle_url("plan:indicator_delete", indicator_pk=i.pk),
        cycle_url("plan:targets", indicator_pk=i.pk),
        cycle_url("plan:action_create"),
        cycle_url("plan:action_edit", action_pk=a.pk),
        cycle_url("plan:action_delete", action_pk=a.pk),
        cycle_url("plan:partners", action_pk=a.pk),
        cycle_url("plan:milestones", action_pk=a.pk),
        cycle_url("plan:budget", action_pk=a.pk),
        cycle_url("plan:contribution_edit", action_pk=a.pk, part_pk=plan["part"].pk),
    ]:
        assert client.get(address).status_code == 200, address


def test_only_the_coordinator_adopts(cast, client_for, cycle_url, plan):
    assert client_for(cast.coordinator).get(cycle_url("plan:version_adopt")).status_code == 200
    assert client_for(cast.committee).get(cycle_url("plan:version_adopt")).status_code == 403


def test_partner_edits_milestones_of_what_its_organization_leads_only(cast, client_for, cycle_url, plan, cycle):
    client = client_for(cast.partner)
    assert client.get(cycle_url("plan:milestones", action_pk=plan["action"].pk)).status_code == 200
    other = ActionFactory(cycle=cycle, lead=cast.other_organization)
    assert client.get(cycle_url("plan:milestones", action_pk=other.pk)).status_code == 403
    assert client.get(cycle_url("plan:budget", action_pk=plan["action"].pk)).status_code == 403
    assert client.get(cycle_url("plan:action_edit", action_pk=plan["action"].pk)).status_code == 403


def test_partner_edits_its_own_contribution_only(cast, client_for, cycle_url, plan, cycle):
    own = ActionPartnerFactory(action=plan["action"], organization=cast.organization)
    client = client_for(cast.partner)
    address = cycle_url("plan:contribution_edit", action_pk=plan["action"].pk, part_pk=own.pk)
    response = client.post(
        address,
        {
            "version": own.version,
            "role": "Accueille les familles",
            "contribution_in_kind": "Un local",
            "contribution_money": "250.00",
        },
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.role == "Accueille les familles" and str(own.contribution_money) == "250.00"
    others = cycle_url("plan:contribution_edit", action_pk=plan["action"].pk, part_pk=plan["part"].pk)
    assert client.get(others).status_code == 403


def test_my_actions_lists_those_led_or_joined(cast, client_for, cycle_url, plan, cycle):
    ActionFactory(cycle=cycle, title="Action d'un autre organisme", lead=cast.other_organization)
    joined = ActionFactory(cycle=cycle, title="Action où l'on participe", lead=cast.other_organization)
    ActionPartnerFactory(action=joined, organization=cast.organization)
    page = client_for(cast.partner).get(cycle_url("plan:my_actions")).content.decode()
    assert escape(plan["action"].title) in page and escape("Action où l'on participe") in page
    assert escape("Action d'un autre organisme") not in page


def test_tools_9_and_10_are_on_the_cycle_page(cast, client_for, cycle):
    page = (
        client_for(cast.observer)
        .get(reverse("cycles:detail", kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk}))
        .content.decode()
    )
    assert "Outil 9 — Plan d&#x27;action concerté" in page
    assert "Outil 10 — Vue d&#x27;ensemble du plan d&#x27;action" in page


def test_transformation_page_shows_the_chain_both_ways(cast, client_for, cycle_url, plan):
    page = (
        client_for(cast.observer)
        .get(cycle_url("plan:transformation_detail", transformation_pk=plan["transformation"].pk))
        .content.decode()
    )
    assert escape(plan["objective"].title) in page
    assert escape(plan["action"].title) in page and plan["indicator"].name in page
    objective_page = (
        client_for(cast.observer)
        .get(cycle_url("priorities:objective_detail", objective_pk=plan["objective"].pk))
        .content.decode()
    )
    assert escape(plan["action"].title) in objective_page  # objective → transformation → action


def test_factor_picker_offers_the_objectives_factors(cast, client_for, cycle_url, plan):
    factor = FactorFactory(name_fr="Pratiques parentales")
    plan["objective"].factors.add(factor)
    page = client_for(cast.coordinator).get(cycle_url("plan:transformation_create")).content.decode()
    assert "Pratiques parentales" in page


def test_the_dashboard_counts_the_plans_gaps_at_step_3(cast, client_for, cycle, plan):
    from cycles.models import StepStatus

    dashboard = url("partnerships:home", cast)
    gaps = "restent à compléter dans le plan d&#x27;action"
    assert gaps not in client_for(cast.coordinator).get(dashboard).content.decode()  # the cycle is at step 1
    cycle.steps.filter(number__lt=3).update(status=StepStatus.COMPLETED)
    assert gaps in client_for(cast.coordinator).get(dashboard).content.decode()


def test_the_actions_come_fifty_a_page(cast, cycle, client_for, cycle_url):
    for index in range(51):
        ActionFactory(cycle=cycle, title=f"Action {index:02d}")
    client = client_for(cast.observer)
    first = client.get(cycle_url("plan:actions")).content.decode()
    assert "Action 00</a>" in first and "Action 49</a>" in first and "Action 50</a>" not in first
    assert "Page 1 sur 2" in first
    second = client.get(cycle_url("plan:actions") + "?page=2", headers={"HX-Request": "true"}).content.decode()
    assert "Action 50</a>" in second and "Action 00</a>" not in second and "<html" not in second
