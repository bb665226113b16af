"""Demo data for Outil 9 on partnership A's current cycle (and a small plan for B): written through the services,
each row looked up on a stable key first, so that a second run changes nothing (see demo_content.py)."""

import datetime
from decimal import Decimal

from analysis.models import Statistic
from cycles.models import Cycle
from demo.context import DemoContext
from organizations.models import Organization
from partnerships.models import Partnership
from priorities import services as priority_services
from priorities.models import Objective

from . import demo_content as content
from . import services
from .models import Action, ActionStatus, BudgetNature, BudgetStatus, DesiredChange, FollowUp, Funder, Indicator
from .rows import BUDGET, MILESTONES, PARTNERS, TARGETS, rows_save

CLIENTELES = {"enfant": "age_1_2,age_2_5", "famille": "parents,families", "communaute": "families,practitioners"}
ROLES = (
    ("Anime des activités", "Une intervenante deux demi-journées par mois"),
    ("Réfère des familles", "Promotion auprès de ses familles"),
    ("Prête un local", "Salle et matériel"),
    ("Offre son expertise", "Formation des animatrices"),
)
FOLLOW_UPS = (FollowUp.QUARTERLY, FollowUp.TWICE_A_YEAR, FollowUp.MONTHLY, FollowUp.YEARLY)


def load(ctx: DemoContext) -> None:
    cycle = ctx.cycle_a
    organizations = ctx.organizations_a
    funders = _funders(ctx.partnership_a, content.FUNDERS.values())
    by_key = dict(zip(content.FUNDERS, funders, strict=True))
    transformations = _transformations(cycle, organizations)
    _indicators(ctx.partnership_a, transformations)
    if not cycle.plan_versions.exists():
        for index, action in enumerate(content.ACTIONS):
            _action(cycle, index, action, transformations, organizations, by_key)
        services.version_adopt(
            cycle=cycle,
            adopted_on=content.ADOPTED_ON,
            meeting=None,
            note=content.ADOPTION_NOTE,
            adopted_by=ctx.coordinator_a,
        )
        _changes_since_adoption(cycle, transformations, organizations, by_key)
    _plan_b(ctx.partnership_b)


def _funders(partnership: Partnership, funders) -> list[Funder]:
    found = []
    for name, kind in funders:
        funder = Funder.objects.filter(partnership=partnership, name=name).first()
        found.append(funder or services.funder_create(partnership=partnership, funder=Funder(name=name, kind=kind)))
    return found


def _transformations(cycle: Cycle, organizations: dict[str, Organization]) -> list[DesiredChange]:
    objectives = {o.position: o for o in Objective.objects.filter(cycle=cycle).prefetch_related("factors")}
    found = []
    for position, system, statement, lead, partners, codes in content.TRANSFORMATIONS:
        objective = objectives[position]
        existing = DesiredChange.objects.filter(objective=objective, system=system).first()
        if existing is None:
            existing = services.transformation_create(
                transformation=DesiredChange(
                    objective=objective, system=system, statement=statement, lead=organizations[lead]
                ),
                factors=[f for f in objective.factors.all() if f.code in codes],
                partners=[organizations[name] for name in partners],
            )
        found.append(existing)
    return found


def _indicators(partnership: Partnership, transformations: list[DesiredChange]) -> None:
    for transformation, row in zip(transformations, content.INDICATORS, strict=True):
        name, unit, polarity, baseline, baseline_on, statistic, targets = row
        if Indicator.objects.filter(transformation=transformation, name=name).exists():
            continue
        indicator = services.indicator_create(
            transformation=transformation,
            indicator=Indicator(
                name=name,
                unit=unit,
                polarity=polarity,
                data_source="Outil 5" if statistic else "Données des organismes partenaires",
                collection_tool="Sondage annuel des partenaires" if not statistic else "EQDEM, recensement",
                frequency="Annuelle" if not statistic else "Aux cinq ans",
                baseline_value=Decimal(baseline) if baseline else None,
                baseline_date=datetime.date.fromisoformat(baseline_on) if baseline_on else None,
                baseline_source="Institut de la statistique du Québec" if statistic else "",
                baseline_statistic=_statistic(partnership, statistic),
            ),
        )
        rows = [{"pk": None, "value": Decimal(v), "date": datetime.date.fromisoformat(d)} for v, d in targets]
        rows_save(rows_of=TARGETS, parent=indicator, rows=rows, expected_fingerprint=None)


def _statistic(partnership: Partnership, key: tuple[str, str] | None) -> Statistic | None:
    if key is None:
        return None
    indicator, domain = key
    figures = Statistic.objects.for_partnership(partnership).filter(
        indicator=indicator, domain=domain, territory_level="local"
    )
    return figures.order_by("-period").first()


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    return datetime.date(day.year + month // 12, month % 12 + 1, 1)


def _action(cycle, index: int, row, transformations, organizations, funders) -> Action:
    indices, title, lead, partners, (year, month), months, amount, funder = row
    existing = Action.objects.filter(cycle=cycle, title=title).first()
    if existing is not None:
        return existing
    starts = datetime.date(year, month, 1)
    ends = min(_add_months(starts, months) - datetime.timedelta(days=1), cycle.ends_on)
    chosen = [transformations[i] for i in indices]
    action = services.action_create(
        cycle=cycle,
        action=Action(
            title=title,
            description=f"{title}, offert sur le territoire de Rivière-aux-Érables.",
            clienteles=CLIENTELES[chosen[0].system],
            territory="Rivière-aux-Érables",
            lead=organizations[lead],
            starts_on=starts,
            ends_on=ends,
            human_resources="Une animatrice, une intervenante en soutien",
            material_resources="Local, matériel d'animation",
            follow_up=FOLLOW_UPS[index % len(FOLLOW_UPS)],
        ),
        transformations=chosen,
        factors=[f for t in chosen for f in t.factors.all()],
        services=[],
    )
    _partners(action, index, partners, organizations)
    _milestones(action, starts, ends)
    _budget(action, index, starts, ends, Decimal(amount), funders[funder], funders["partenaires"])
    return action


def _partners(action: Action, index: int, names, organizations) -> None:
    rows = []
    for offset, name in enumerate(names):
        role, in_kind = ROLES[(index + offset) % len(ROLES)]
        money = Decimal(250 * ((index + offset) % 3)) or None
        rows.append(
            {
                "pk": None,
                "organization": organizations[name],
                "role": role,
                "contribution_in_kind": in_kind,
                "contribution_money": money,
            }
        )
    rows_save(rows_of=PARTNERS, parent=action, rows=rows, expected_fingerprint=None)


def _milestones(action: Action, starts: datetime.date, ends: datetime.date) -> None:
    middle = starts + (ends - starts) / 2
    rows = [
        {"pk": None, "title": "Lancement", "date": _add_months(starts, 1), "done": starts < datetime.date(2025, 11, 1)},
        {"pk": None, "title": "Bilan de mi-parcours", "date": middle, "done": False},
    ]
    rows_save(rows_of=MILESTONES, parent=action, rows=rows, expected_fingerprint=None)


def _budget(action, index: int, starts, ends, amount: Decimal, funder: Funder, partners: Funder) -> None:
    rows = []
    for year in range(starts.year, ends.year + 1):
        status = BudgetStatus.CONFIRMED if year <= 2026 else BudgetStatus.REQUESTED
        rows.append(_line(year, funder, amount + Decimal("0.50") * index, status, BudgetNature.CASH))
    if index % 2 == 0:
        rows.append(_line(starts.year, partners, Decimal(600), BudgetStatus.CONFIRMED, BudgetNature.IN_KIND))
    rows_save(rows_of=BUDGET, parent=action, rows=rows, expected_fingerprint=None)


def _line(year: int, funder: Funder, amount: Decimal, status: str, nature: str) -> dict:
    return {"pk": None, "year": year, "funder": funder, "amount": amount, "status": status, "nature": nature}


def _changes_since_adoption(cycle, transformations, organizations, funders) -> None:
    actions = list(Action.objects.filter(cycle=cycle).order_by("starts_on", "title"))
    for action in actions[: content.UNDER_WAY]:
        _set_status(action, ActionStatus.UNDER_WAY)
    _set_status(Action.objects.get(cycle=cycle, title=content.SUSPENDED), ActionStatus.SUSPENDED)
    _action(cycle, len(content.ACTIONS), content.ADDED, transformations, organizations, funders)


def _set_status(action: Action, status: str) -> None:
    action.status = status
    services.action_update(
        action=action,
        expected_version=action.version,
        transformations=list(action.transformations.all()),
        factors=list(action.factors.all()),
        services=list(action.services.all()),
    )


def _plan_b(partnership: Partnership) -> None:
    cycle = partnership.cycles.order_by("-starts_on").first()
    title, description = content.B_OBJECTIVE
    if cycle is None or Objective.objects.filter(cycle=cycle, title=title).exists():
        return
    objective = priority_services.objective_create(
        cycle=cycle, objective=Objective(title=title, description=description, position=1), priorities=[], factors=[]
    )
    organizations = {o.name: o for o in Organization.objects.for_partnership(partnership)}
    (funder,) = _funders(partnership, [content.B_FUNDER])
    transformations = [
        services.transformation_create(
            transformation=DesiredChange(objective=objective, system=system, statement=statement),
            factors=[],
            partners=[],
        )
        for system, statement in content.B_TRANSFORMATIONS
    ]
    for title, lead, amount in content.B_ACTIONS:
        action = services.action_create(
            cycle=cycle,
            action=Action(
                title=title,
                lead=organizations.get(lead),
                starts_on=cycle.starts_on,
                ends_on=cycle.ends_on,
                follow_up=FollowUp.TWICE_A_YEAR,
            ),
            transformations=transformations,
            factors=[],
            services=[],
        )
        rows = [_line(cycle.starts_on.year, funder, Decimal(amount), BudgetStatus.CONFIRMED, BudgetNature.CASH)]
        rows_save(rows_of=BUDGET, parent=action, rows=rows, expected_fingerprint=None)
