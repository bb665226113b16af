"""Starting the next cycle from a cycle: who may, what is copied, what stays as it was, what is refused."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from core.history import history_entries
from core.systems import System
from core.tests.support import url
from cycles.models import Cycle, Step, StepStatus
from cycles.services import cycle_start_next
from cycles.tests.factories import CycleFactory
from evaluation.models import Measurement
from evaluation.tests.factories import MeasurementFactory
from meetings.models import Meeting
from plan.models import (
    Action,
    ActionPartner,
    ActionStatus,
    BudgetLine,
    BudgetStatus,
    DesiredChange,
    Indicator,
    Milestone,
    Target,
)
from plan.tests.factories import (
    ActionFactory,
    BudgetLineFactory,
    FunderFactory,
    IndicatorFactory,
    MilestoneFactory,
    TargetFactory,
)
from priorities.models import Objective

pytestmark = pytest.mark.django_db

D = datetime.date
NEW = {"name": "Plan d'action 2028-2031", "starts_on": "2028-04-01", "ends_on": "2031-03-31"}


def _start(client, cycle, cast, **data):
    return client.post(url("cycles:start_next", cast, cycle_pk=cycle.pk), {**NEW, **data})


def test_the_page_proposes_the_dates_and_name_and_previews_the_copy(cast, client_for, plan):
    response = client_for(cast.coordinator).get(url("cycles:start_next", cast, cycle_pk=plan.pk))
    form = response.context["form"]
    assert form.initial["name"] == "Plan d'action 2028-2031"
    assert (form.initial["starts_on"], form.initial["ends_on"]) == (D(2028, 4, 1), D(2031, 3, 31))
    preview = response.context["preview"]
    assert (preview.objectives, preview.transformations, preview.indicators, preview.new_baselines) == (1, 2, 2, 1)
    assert (preview.targets, preview.targets_left, preview.milestones, preview.budget_lines) == (2, 1, 1, 2)
    assert [a.title for a in preview.actions] == ["Ateliers parents-enfants", "Fête de la lecture"]
    content = response.content.decode()
    assert "Actions non reconduites (abandonnées)" in content and "Bibliobus" in content


def test_the_preview_follows_the_dates_typed_without_starting_anything(cast, client_for, plan):
    data = {**NEW, "starts_on": "2029-06-01", "ends_on": "2032-05-31", "apercu": "1"}
    response = client_for(cast.coordinator).post(url("cycles:start_next", cast, cycle_pk=plan.pk), data)
    assert response.status_code == 200
    assert response.context["preview"].targets == 1 and response.context["preview"].budget_lines == 1
    assert Cycle.objects.count() == 1


def test_coordinator_starts_the_next_cycle_with_steps_meetings_and_a_copy_of_the_plan(cast, client_for, plan):
    response = _start(client_for(cast.coordinator), plan, cast)
    new = Cycle.objects.get(origin=plan)
    assert response.status_code == 302 and response["Location"] == url("cycles:detail", cast, cycle_pk=new.pk)
    assert (new.name, new.starts_on, new.ends_on) == ("Plan d'action 2028-2031", D(2028, 4, 1), D(2031, 3, 31))
    assert list(new.steps.values_list("status", flat=True)) == [StepStatus.NOT_STARTED] * 5
    assert Meeting.objects.filter(cycle=new).exclude(standard_code="").exists()

    objective = Objective.objects.get(cycle=new)
    old_objective = Objective.objects.get(cycle=plan)
    assert objective.origin == old_objective
    assert (objective.title, objective.description, objective.position) == (
        old_objective.title,
        old_objective.description,
        old_objective.position,
    )
    assert [f.name_fr for f in objective.factors.all()] == ["Pratiques parentales"]
    assert not objective.priorities.exists()  # the new cycle chooses its own priorities

    family = DesiredChange.objects.get(objective=objective, system=System.FAMILY)
    assert family.origin.objective == old_objective and family.statement == "Les parents lisent."
    assert family.lead == cast.organization and list(family.partners.all()) == [cast.other_organization]
    assert family.factors.count() == 1
    assert DesiredChange.objects.filter(objective=objective).count() == 2


def test_an_indicator_starts_from_its_last_measurement_or_keeps_its_baseline(cast, client_for, plan):
    _start(client_for(cast.coordinator), plan, cast)
    new = Cycle.objects.get(origin=plan)
    measured = Indicator.objects.get(transformation__objective__cycle=new, name="Familles qui lisent chaque jour")
    assert (measured.baseline_value, measured.baseline_date, measured.baseline_source) == (
        Decimal("31"),
        D(2027, 6, 30),
        "Sondage 2027",
    )
    assert measured.origin.transformation.objective.cycle == plan
    assert (measured.unit, measured.data_source) == ("%", "Sondage annuel")
    assert list(measured.targets.values_list("value", "date")) == [(Decimal("40"), D(2030, 6, 30))]
    assert not Measurement.objects.filter(indicator=measured).exists()
    unmeasured = Indicator.objects.get(transformation__objective__cycle=new, name="Prêts de livres")
    assert (unmeasured.baseline_value, unmeasured.baseline_date) == (Decimal("10"), D(2024, 1, 1))
    assert list(unmeasured.targets.values_list("value", flat=True)) == [Decimal("15")]


def test_carried_actions_are_copied_planned_in_the_new_cycle_and_abandoned_ones_are_not(cast, client_for, plan):
    _start(client_for(cast.coordinator), plan, cast)
    new = Cycle.objects.get(origin=plan)
    actions = {action.title: action for action in Action.objects.filter(cycle=new)}
    assert sorted(actions) == ["Ateliers parents-enfants", "Fête de la lecture"]
    going_on = actions["Ateliers parents-enfants"]
    assert going_on.origin == Action.objects.get(cycle=plan, title="Ateliers parents-enfants")
    assert going_on.status == ActionStatus.PLANNED
    assert (going_on.starts_on, going_on.ends_on) == (D(2028, 4, 1), D(2029, 6, 30))
    assert (going_on.description, going_on.clienteles, going_on.territory, going_on.lead) == (
        "Chaque semaine.",
        "parents",
        "Petite-Patrie",
        cast.organization,
    )
    assert {t.objective.cycle_id for t in going_on.transformations.all()} == {new.pk}
    assert going_on.transformations.count() == 2 and going_on.factors.count() == 1
    part = ActionPartner.objects.get(action=going_on)
    assert (part.organization, part.role, part.contribution_money) == (
        cast.other_organization,
        "Prête le local",
        Decimal("500.00"),
    )
    assert list(going_on.milestones.values_list("title", "done")) == [("Bilan des ateliers", False)]
    assert list(going_on.budget_lines.values_list("year", "amount", "status")) == [
        (2028, Decimal("2028.00"), BudgetStatus.CONFIRMED),
        (2029, Decimal("2029.00"), BudgetStatus.CONFIRMED),
    ]
    finished = actions["Fête de la lecture"]
    assert (finished.status, finished.starts_on, finished.ends_on) == (ActionStatus.PLANNED, D(2028, 4, 1), None)


def test_every_copy_has_its_history_entry_naming_who_started_the_cycle(cast, client_for, plan):
    _start(client_for(cast.coordinator), plan, cast)
    new = Cycle.objects.get(origin=plan)
    copies = [
        *Objective.objects.filter(cycle=new),
        *DesiredChange.objects.filter(objective__cycle=new),
        *Indicator.objects.filter(transformation__objective__cycle=new),
        *Target.objects.filter(indicator__transformation__objective__cycle=new),
        *Action.objects.filter(cycle=new),
        *ActionPartner.objects.filter(action__cycle=new),
        *Milestone.objects.filter(action__cycle=new),
        *BudgetLine.objects.filter(action__cycle=new),
    ]
    assert len(copies) == 1 + 2 + 2 + 2 + 2 + 1 + 1 + 2
    for record in copies:
        entry = record.history.get()
        assert entry.history_type == "+" and entry.history_user == cast.coordinator
        assert entry.history_change_reason == "Copié du cycle « Plan d'action 2025-2028 » au début du cycle suivant"
    assert new.history.get().history_user == cast.coordinator
    action = Action.objects.get(cycle=new, title="Ateliers parents-enfants")
    [created] = history_entries(action)
    links = {change.label: change.new for change in created.changes}
    assert "Les parents lisent." in links["transformations souhaitées"]  # the entry holds the links
    assert links["copiée de"] == "Ateliers parents-enfants"
    assert all(step.history.count() == 1 for step in Step.objects.filter(cycle=new))


def _state_of(cycle: Cycle) -> dict:
    """Every field of every row of the cycle's plan and their history counts, to compare before and after."""
    kinds = {
        Cycle: {"pk": cycle.pk},
        Step: {"cycle": cycle},
        Meeting: {"cycle": cycle},
        Objective: {"cycle": cycle},
        DesiredChange: {"objective__cycle": cycle},
        Indicator: {"transformation__objective__cycle": cycle},
        Target: {"indicator__transformation__objective__cycle": cycle},
        Measurement: {"indicator__transformation__objective__cycle": cycle},
        Action: {"cycle": cycle},
        ActionPartner: {"action__cycle": cycle},
        Milestone: {"action__cycle": cycle},
        BudgetLine: {"action__cycle": cycle},
    }
    state = {}
    for model, filters in kinds.items():
        rows = model.objects.filter(**filters).order_by("pk")
        state[model.__name__] = [_fields(row) for row in rows]
        state[f"{model.__name__} history"] = model.history.filter(id__in=[row.pk for row in rows]).count()
    return state


def _fields(row) -> dict:
    """Every column (versions and update times included) and every many-to-many link."""
    values = {field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields}
    links = {
        field.name: sorted(getattr(row, field.name).values_list("pk", flat=True)) for field in row._meta.many_to_many
    }
    return values | links


def test_the_old_cycle_stays_as_it_was(cast, client_for, plan):
    before = _state_of(plan)
    assert len(before["Action"]) == 3 and len(before["Measurement"]) == 2
    _start(client_for(cast.coordinator), plan, cast)
    assert Cycle.objects.filter(origin=plan).exists()
    assert _state_of(plan) == before
    assert client_for(cast.observer).get(url("cycles:detail", cast, cycle_pk=plan.pk)).status_code == 200


@pytest.mark.parametrize("role", ["committee", "partner", "observer"])
def test_only_coordination_starts_the_next_cycle(cast, client_for, plan, role):
    client = client_for(getattr(cast, role))
    address = url("cycles:start_next", cast, cycle_pk=plan.pk)
    assert client.get(address).status_code == 403
    assert client.post(address, NEW).status_code == 403
    assert Cycle.objects.count() == 1 and Objective.objects.count() == 1


def test_an_outsider_cannot_tell_the_cycle_exists(cast, client_for, plan):
    client = client_for(cast.outsider)
    address = url("cycles:start_next", cast, cycle_pk=plan.pk)
    assert client.get(address).status_code == 404 and client.post(address, NEW).status_code == 404
    assert Cycle.objects.count() == 1


def test_a_cycle_starting_before_the_latest_is_refused_with_what_was_typed(cast, client_for, plan):
    response = _start(client_for(cast.coordinator), plan, cast, name="Nom à garder", starts_on="2025-04-01")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Le cycle suivant doit commencer après le début du cycle le plus récent" in content
    assert "Nom à garder" in content
    assert Cycle.objects.count() == 1 and Objective.objects.count() == 1


def test_an_end_before_the_start_is_refused(cast, client_for, plan):
    response = _start(client_for(cast.coordinator), plan, cast, ends_on="2028-03-01")
    assert "La date de fin doit être après la date de début." in response.content.decode()
    assert Cycle.objects.count() == 1


def test_a_cycle_is_continued_once_even_when_the_form_is_sent_twice(cast, client_for, plan):
    client = client_for(cast.coordinator)
    token = client.get(url("cycles:start_next", cast, cycle_pk=plan.pk)).context["form"].initial["form_token"]
    first = _start(client, plan, cast, form_token=token)
    again = _start(client, plan, cast, form_token=token)
    assert first.status_code == again.status_code == 302 and again["Location"] == first["Location"]
    other_tab = _start(client, plan, cast, form_token="un-autre-onglet", starts_on="2029-04-01")
    assert other_tab.status_code == 200
    assert "a déjà un cycle suivant" in other_tab.content.decode()
    assert Cycle.objects.filter(partnership=cast.partnership).count() == 2
    assert Objective.objects.count() == 2


def test_the_copy_and_its_original_point_to_each_other_through_the_chain(cast, client_for, plan):
    _start(client_for(cast.coordinator), plan, cast)
    new = Cycle.objects.get(origin=plan)
    client = client_for(cast.partner)
    copy = Objective.objects.get(cycle=new)
    content = client.get(url("priorities:objective_detail", cast, cycle_pk=new.pk, objective_pk=copy.pk))
    assert "Favoriser l&#x27;éveil à la lecture (cycle « Plan d&#x27;action 2025-2028 »)" in content.content.decode()
    original = copy.origin
    content = client.get(url("priorities:objective_detail", cast, cycle_pk=plan.pk, objective_pk=original.pk))
    assert "Favoriser l&#x27;éveil à la lecture (cycle « Plan d&#x27;action 2028-2031 »)" in content.content.decode()
    action = Action.objects.get(cycle=new, title="Fête de la lecture")
    page = client.get(url("plan:action_detail", cast, cycle_pk=new.pk, action_pk=action.pk)).content.decode()
    assert "Fête de la lecture (cycle « Plan d&#x27;action 2025-2028 »)" in page


def test_the_cycle_pages_link_the_two_cycles(cast, client_for, plan):
    client = client_for(cast.coordinator)
    page = client.get(url("cycles:detail", cast, cycle_pk=plan.pk)).content.decode()
    assert url("cycles:start_next", cast, cycle_pk=plan.pk) in page
    _start(client, plan, cast)
    new = Cycle.objects.get(origin=plan)
    page = client.get(url("cycles:detail", cast, cycle_pk=plan.pk)).content.decode()
    assert url("cycles:start_next", cast, cycle_pk=plan.pk) not in page
    assert url("cycles:detail", cast, cycle_pk=new.pk) in page
    page = client.get(url("cycles:detail", cast, cycle_pk=new.pk)).content.decode()
    assert "Suit le cycle" in page and url("cycles:detail", cast, cycle_pk=plan.pk) in page
    assert "Commencer le cycle suivant" in page  # the new cycle may in turn be continued


def test_an_indicator_with_its_latest_measurement_added_first_takes_the_latest_by_date(cast, client_for):
    cycle = CycleFactory(partnership=cast.partnership, name="Cycle A")
    indicator = IndicatorFactory(transformation__objective__cycle=cycle, baseline_value=None)
    MeasurementFactory(indicator=indicator, measured_on=D(2027, 1, 1), value=Decimal("7"))
    MeasurementFactory(indicator=indicator, measured_on=D(2026, 1, 1), value=Decimal("5"))
    MeasurementFactory(indicator=indicator, measured_on=D(2027, 1, 1), value=Decimal("8"))  # same day, later entry
    _start(client_for(cast.coordinator), cycle, cast, name="Cycle B")
    copy = Indicator.objects.get(origin=indicator)
    assert (copy.baseline_value, copy.baseline_date) == (Decimal("8"), D(2027, 1, 1))


def test_in_english_the_page_the_refusal_and_the_chain_read_in_english(cast, client_for, plan):
    client = client_for(cast.coordinator)
    client.cookies["django_language"] = "en"
    page = client.get(url("cycles:start_next", cast, cycle_pk=plan.pk)).content.decode()
    assert "Start the next cycle" in page and "Actions not carried over (abandoned)" in page
    refused = _start(client, plan, cast, starts_on="2024-01-01").content.decode()
    assert "The next cycle must start after the start of the most recent cycle" in refused
    _start(client, plan, cast)
    new = Cycle.objects.get(origin=plan)
    copy = Objective.objects.get(cycle=new)
    page = client.get(url("priorities:objective_detail", cast, cycle_pk=new.pk, objective_pk=copy.pk)).content.decode()
    assert "Favoriser l&#x27;éveil à la lecture (“Plan d&#x27;action 2025-2028” cycle)" in page
    compare = client.get(url("cycles:compare", cast)).content.decode()
    assert "Compare two cycles" in compare and "2 actions carried over" in compare


def test_the_preview_costs_the_same_with_3_or_200_actions(cast, client_for, plan, assert_flat_queries):
    funder = FunderFactory(partnership=cast.partnership)

    def grow() -> None:
        for n in range(197):
            action = ActionFactory(cycle=plan, title=f"Action {n}", lead=cast.organization)
            BudgetLineFactory(action=action, year=2028, funder=funder)
            MilestoneFactory(action=action, date=D(2028, 6, 1))
        for n in range(5):
            TargetFactory(indicator=IndicatorFactory(transformation__objective__cycle=plan, name=f"Indicateur {n}"))

    address = url("cycles:start_next", cast, cycle_pk=plan.pk)
    assert_flat_queries(client_for(cast.coordinator), address, grow=grow)


def test_the_service_checks_the_rules_again_and_writes_nothing_when_refused(cast, plan):
    dates = {"starts_on": D(2028, 4, 1), "ends_on": D(2031, 3, 31)}
    cycle_start_next(cycle=plan, name="Suite", by=cast.coordinator, **dates)
    counts = (Cycle.objects.count(), Objective.objects.count(), Action.objects.count(), Meeting.objects.count())
    with translation.override("fr"), pytest.raises(ValidationError, match="a déjà un cycle suivant"):
        cycle_start_next(cycle=plan, name="Suite bis", by=cast.coordinator, **dates)
    assert (Cycle.objects.count(), Objective.objects.count(), Action.objects.count(), Meeting.objects.count()) == counts
