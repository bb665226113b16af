"""Outil 10: the completeness check rule by rule, exact budget totals, money in each language, the filters and the
timeline."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import translation

from factors.tests.factories import FactorFactory
from plan.completeness import GapKind, plan_gaps
from plan.money import money
from plan.overview import Filters, overview
from plan.selectors import plan_of, plan_outline
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
from priorities.tests.factories import ObjectiveFactory, SelectedFactorFactory

pytestmark = pytest.mark.django_db


def _complete_plan(cast, cycle):
    """One objective whose plan lacks nothing: three transformations, each with an indicator (baseline, target)
    and an action (lead, dates, budget, follow-up schedule), on the one factor selected in Outil 8."""
    factor = FactorFactory(name_fr="Pratiques parentales", system="famille")
    SelectedFactorFactory(cycle=cycle, factor=factor)
    objective = ObjectiveFactory(cycle=cycle, title="Lire en famille")
    objective.factors.set([factor])
    funder = FunderFactory(partnership=cast.partnership)
    for system in ("enfant", "famille", "communaute"):
        transformation = TransformationFactory(objective=objective, system=system)
        transformation.factors.set([factor])
        indicator = IndicatorFactory(transformation=transformation, baseline_value=Decimal("12"))
        TargetFactory(indicator=indicator)
        action = ActionFactory(
            cycle=cycle,
            lead=cast.organization,
            starts_on=datetime.date(2025, 9, 1),
            ends_on=datetime.date(2026, 6, 30),
            follow_up="quarterly",
            transformations=[transformation],
        )
        BudgetLineFactory(action=action, funder=funder, year=2025, status="confirmed", amount=Decimal("100"))
    return objective


def _kinds(cast, cycle) -> list[GapKind]:
    return [gap.kind for gap in plan_gaps(plan_of(cycle), cast.partnership.slug)]


def test_a_complete_plan_has_no_gap(cast, cycle):
    _complete_plan(cast, cycle)
    assert _kinds(cast, cycle) == []


def test_an_objective_lacking_a_system(cast, cycle):
    objective = _complete_plan(cast, cycle)
    objective.transformations.get(system="communaute").delete()
    gaps = plan_gaps(plan_of(cycle), cast.partnership.slug)
    assert [g.kind for g in gaps] == [GapKind.NO_TRANSFORMATION]
    assert "Communauté" in gaps[0].label and f"objectif={objective.pk}&systeme=communaute" in gaps[0].url


def test_a_transformation_without_indicator_or_without_action(cast, cycle):
    objective = _complete_plan(cast, cycle)
    transformation = objective.transformations.get(system="enfant")
    transformation.indicators.all().delete()
    transformation.actions.clear()
    assert sorted(_kinds(cast, cycle)) == sorted([GapKind.NO_INDICATOR, GapKind.NO_ACTION])


def test_an_indicator_without_baseline_or_without_target(cast, cycle):
    objective = _complete_plan(cast, cycle)
    indicator = objective.transformations.get(system="enfant").indicators.get()
    indicator.baseline_value = None
    indicator.save()
    indicator.targets.all().delete()
    assert sorted(_kinds(cast, cycle)) == sorted([GapKind.NO_BASELINE, GapKind.NO_TARGET])


@pytest.mark.parametrize(
    "change,kind",
    [
        ({"lead": None}, GapKind.NO_LEAD),
        ({"ends_on": None}, GapKind.NO_DATES),
        ({"follow_up": ""}, GapKind.NO_FOLLOW_UP),
    ],
)
def test_an_action_without_lead_dates_or_follow_up(cast, cycle, change, kind):
    _complete_plan(cast, cycle)
    action = cycle.actions.first()
    for name, value in change.items():
        setattr(action, name, value)
    action.save()
    assert _kinds(cast, cycle) == [kind]


def test_an_action_without_budget(cast, cycle):
    _complete_plan(cast, cycle)
    cycle.actions.first().budget_lines.all().delete()
    assert _kinds(cast, cycle) == [GapKind.NO_BUDGET]


def test_a_selected_factor_no_transformation_works_on(cast, cycle):
    _complete_plan(cast, cycle)
    SelectedFactorFactory(cycle=cycle, factor=FactorFactory(name_fr="Cohésion sociale", system="communaute"))
    gaps = plan_gaps(plan_of(cycle), cast.partnership.slug)
    assert [g.kind for g in gaps] == [GapKind.FACTOR_UNTOUCHED] and "Cohésion sociale" in gaps[0].label


def test_a_year_whose_requested_budget_exceeds_confirmed(cast, cycle):
    _complete_plan(cast, cycle)
    BudgetLineFactory(action=cycle.actions.first(), year=2026, status="requested", amount=Decimal("50"))
    gaps = plan_gaps(plan_of(cycle), cast.partnership.slug)
    assert [g.kind for g in gaps] == [GapKind.YEAR_UNFUNDED] and "2026" in gaps[0].label


def test_every_gap_links_to_a_page_that_answers(cast, cycle, client_for):
    ObjectiveFactory(cycle=cycle)
    TransformationFactory(objective=ObjectiveFactory(cycle=cycle))
    IndicatorFactory(transformation__objective=ObjectiveFactory(cycle=cycle))
    ActionFactory(cycle=cycle, lead=None)
    client = client_for(cast.coordinator)
    for gap in plan_gaps(plan_of(cycle), cast.partnership.slug):
        assert client.get(gap.url.split("#")[0]).status_code == 200, gap


def test_money_in_each_language():
    with translation.override("fr"):
        assert money(Decimal("1234.5")) == "1\u00a0234,50\u00a0$"
    with translation.override("en"):
        assert money(Decimal("1234.5")) == "$1,234.50"


def test_budget_totals_are_exact_on_awkward_amounts(cast, cycle):
    action = ActionFactory(cycle=cycle)
    funder = FunderFactory(partnership=cast.partnership)
    BudgetLineFactory(action=action, funder=funder, amount=Decimal("0.10"), status="confirmed")
    BudgetLineFactory(action=action, funder=funder, amount=Decimal("0.20"), status="confirmed")
    BudgetLineFactory(action=action, funder=funder, amount=Decimal("9999999999.99"), status="requested", year=2026)
    BudgetLineFactory(action=action, funder=funder, amount=Decimal("0.01"), status="requested", year=2026)
    result = overview(plan_of(cycle), Filters(), slug=cast.partnership.slug)
    assert result.grand_total.confirmed == Decimal("0.30")
    assert result.grand_total.requested == Decimal("10000000000.00")
    by_year = {row.label: row for row in result.budget[0].rows}
    assert by_year["2025"].confirmed == Decimal("0.30") and by_year["2026"].short
    with translation.override("fr"):
        assert money(result.grand_total.total) == "10\u00a0000\u00a0000\u00a0000,30\u00a0$"


def test_filters_keep_the_organizations_and_the_funders_actions(cast, cycle, client_for, cycle_url):
    transformation = TransformationFactory(objective=ObjectiveFactory(cycle=cycle), system="enfant")
    mine = ActionFactory(
        cycle=cycle, title="Action de la Maison", lead=cast.organization, transformations=[transformation]
    )
    other = ActionFactory(
        cycle=cycle, title="Action des Lucioles", lead=cast.other_organization, transformations=[transformation]
    )
    funder = FunderFactory(partnership=cast.partnership, name="Ville")
    BudgetLineFactory(action=other, funder=funder)
    plan = plan_of(cycle)
    slug = cast.partnership.slug
    assert overview(plan, Filters(organization_id=cast.organization.pk), slug=slug).actions == [mine]
    assert overview(plan, Filters(funder_id=funder.pk), slug=slug).actions == [other]
    assert overview(plan, Filters(system="famille"), slug=slug).blocks == []
    page = client_for(cast.partner).get(cycle_url("plan:overview") + f"?organisme={cast.organization.pk}")
    assert page.context["overview"].actions == [mine]
    assert "(votre organisme)" in page.content.decode()


def test_the_timeline_places_actions_and_milestones_within_the_cycle(cast, cycle):
    action = ActionFactory(cycle=cycle, starts_on=cycle.starts_on, ends_on=cycle.ends_on)
    MilestoneFactory(action=action, date=cycle.ends_on)
    ActionPartnerFactory(action=action)
    ActionFactory(cycle=cycle, starts_on=None)
    timeline = overview(plan_of(cycle), Filters(), slug=cast.partnership.slug).timeline
    assert timeline.bars[0].x == 0 and timeline.bars[0].width == timeline.width
    assert timeline.bars[0].marks[0].x == timeline.width
    assert len(timeline.undated) == 1
    assert [tick.label for tick in timeline.ticks] == ["2025", "2026", "2027", "2028"]


def test_the_drawn_timeline_is_valid_svg_in_french_and_names_each_action(cast, cycle, client_for, cycle_url):
    action = ActionFactory(
        cycle=cycle, title="Halte-garderie du samedi", starts_on=datetime.date(2025, 9, 3), ends_on=cycle.ends_on
    )
    MilestoneFactory(action=action, date=datetime.date(2026, 2, 17))
    page = client_for(cast.observer).get(cycle_url("plan:overview")).content.decode()
    drawing = page[page.index('<svg class="plan-timeline"') : page.index("</svg>")]
    coordinates = re.findall(r'\b(?:x|y|x1|x2|width)="([^"]*)"', drawing)
    assert coordinates and all(re.fullmatch(r"-?\d+(\.\d+)?", value) for value in coordinates), coordinates
    assert "Halte-garderie du samedi</text>" in drawing  # a name on the bar, not only in a tooltip


def test_the_outline_the_dashboard_reads_finds_the_same_gaps(cast, cycle):
    _complete_plan(cast, cycle)
    ObjectiveFactory(cycle=cycle)
    ActionFactory(cycle=cycle, lead=None)
    BudgetLineFactory(action=cycle.actions.first(), year=2027, status="requested", amount=Decimal("5000"))
    slug = cast.partnership.slug
    assert plan_gaps(plan_outline(cycle), slug) == plan_gaps(plan_of(cycle), slug)


def test_the_overview_reads_in_english_with_english_amounts(cast, cycle, client_for, cycle_url):
    action = ActionFactory(cycle=cycle, title="Book boxes")
    BudgetLineFactory(action=action, amount=Decimal("1234.50"))
    client = client_for(cast.observer)
    client.cookies["django_language"] = "en"
    page = client.get(cycle_url("plan:overview")).content.decode()
    assert "Tool 10 — Action plan overview" in page and "$1,234.50" in page
    assert "What the plan lacks" in page and "has no follow-up schedule" in page


def test_the_page_sums_up_each_objective_and_details_the_one_asked_for(cast, cycle, client_for, cycle_url):
    reading = ObjectiveFactory(cycle=cycle, title="Lire en famille")
    playing = ObjectiveFactory(cycle=cycle, title="Jouer dehors")
    for objective, title in ((reading, "Boîtes à livres"), (playing, "Parc du samedi")):
        transformation = TransformationFactory(objective=objective, system="enfant")
        action = ActionFactory(cycle=cycle, title=title, lead=None, transformations=[transformation])
        BudgetLineFactory(action=action, amount=Decimal("250"))
    client = client_for(cast.observer)
    page = client.get(cycle_url("plan:overview"))
    summaries = {s.block.objective.title: s for s in page.context["summaries"]}
    assert [s.actions for s in summaries.values()] == [1, 1]
    assert summaries["Jouer dehors"].budget == Decimal("250")
    # each lacks two systems' transformations, an indicator, and its action a lead, dates and a follow-up schedule
    assert summaries["Jouer dehors"].gaps == 6
    assert [g.label for g in summaries["Jouer dehors"].systems] == ["Enfant", "Famille", "Communauté"]
    html = page.content.decode()
    assert page.context["detail"].block.objective == reading
    assert "Boîtes à livres</a>" in html and "Parc du samedi</a>" not in html
    assert {a.title for a in page.context["overview"].timeline.undated} == {"Boîtes à livres", "Parc du samedi"}
    chosen = client.get(cycle_url("plan:overview") + f"?objectif={playing.pk}").content.decode()
    assert "Parc du samedi</a>" in chosen and "Boîtes à livres</a>" not in chosen
    assert f'href="?objectif={reading.pk}#objectif-detail"' in chosen  # the previous objective, and in the summary
    assert '<th scope="row">Boîtes à livres</th>' in chosen  # the whole plan's timeline still names it


def test_an_unknown_objective_in_the_address_shows_the_first(cast, cycle, client_for, cycle_url):
    first = ObjectiveFactory(cycle=cycle)
    ObjectiveFactory(cycle=cycle)
    for wanted in ("abc", "999999"):
        page = client_for(cast.partner).get(cycle_url("plan:overview") + f"?objectif={wanted}")
        assert page.status_code == 200 and page.context["detail"].block.objective == first
