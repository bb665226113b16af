"""What a plan's import refers to: what the cycle and its partnership hold, read once whatever the size of the
file (`read`), grown by the earlier sheets of the file as they are checked, and the lookups of the labels rows use
to name each other (each one a problem at its column when nothing answers to it)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.imports import quote
from cycles.models import Cycle
from factors.models import ProtectiveFactor
from imports.checking import ImportContext, Row, choice
from offer.models import Service
from organizations.models import Organization
from priorities.models import Objective, Priority, SelectedFactor

from ..imports import LINES, priority_label, service_label
from ..models import Action, ActionPartner, BudgetLine, DesiredChange, Funder, Indicator, Milestone, Target


def shared_title_message() -> str:
    return _("Plusieurs objectifs de ce cycle portent ce titre : renommez-les pour les distinguer.")


def key(text: str) -> str:
    """A label as rows compare it: spaces single, case ignored."""
    return " ".join(str(text).split()).casefold()


@dataclass
class Known:
    """What the cycle holds, read once, and what the file adds sheet after sheet, by the labels rows use."""

    cycle: Cycle
    organizations: dict[str, Organization]
    funders: dict[str, Funder]
    # The partnership's protective factors by code and by name in either language, the cycle's selected ones
    # (Outil 8), its priorities and the partnership's services (Outil 6), by the labels the export writes.
    factors: dict[str, list[ProtectiveFactor]] = field(default_factory=lambda: defaultdict(list))
    selected: list[ProtectiveFactor] = field(default_factory=list)
    aimed: list[ProtectiveFactor] = field(default_factory=list)  # those the cycle's objectives aim at
    priorities: dict[str, list[Priority]] = field(default_factory=lambda: defaultdict(list))
    services: dict[str, list[Service]] = field(default_factory=lambda: defaultdict(list))
    # Each objective's factors by its title's key, as the file leaves them: its transformations aim at those.
    objective_factors: dict[str, set[int]] = field(default_factory=dict)
    objectives: dict[str, Objective] = field(default_factory=dict)
    transformations: dict[tuple[str, str], DesiredChange] = field(default_factory=dict)
    indicators: dict[tuple[str, str, str], list[Indicator]] = field(default_factory=lambda: defaultdict(list))
    targets: dict[tuple[int, object], list[Target]] = field(default_factory=lambda: defaultdict(list))
    actions: dict[str, list[Action]] = field(default_factory=lambda: defaultdict(list))
    partners: dict[tuple[int, int], ActionPartner] = field(default_factory=dict)
    milestones: dict[tuple[int, str], list[Milestone]] = field(default_factory=lambda: defaultdict(list))
    budget: dict[tuple[int, int, int], list[BudgetLine]] = field(default_factory=lambda: defaultdict(list))
    # The records whose own row has a problem: a row naming one is not told again that it does not exist.
    refused: set[tuple[str, object]] = field(default_factory=set)
    # The titles that several of the cycle's objectives share: no row can tell which one it names.
    shared_titles: set[str] = field(default_factory=set)


def read(cycle: Cycle) -> Known:
    partnership_id = cycle.partnership_id
    known = Known(
        cycle=cycle,
        organizations={key(o.name): o for o in Organization.objects.filter(partnership_id=partnership_id)},
        funders={key(f.name): f for f in Funder.objects.filter(partnership_id=partnership_id)},
        selected=[s.factor for s in SelectedFactor.objects.filter(cycle=cycle).select_related("factor")],
    )
    for factor in ProtectiveFactor.objects.for_partnership(cycle.partnership):
        for label in {factor.code, factor.name_fr, factor.name_en} - {""}:
            known.factors[key(label)].append(factor)
    for priority in Priority.objects.filter(cycle=cycle).select_related("finding"):
        for label in {priority_label(priority), priority.finding.statement, str(priority.position)}:
            known.priorities[key(label)].append(priority)
    for service in Service.objects.filter(organization__partnership_id=partnership_id).select_related("organization"):
        known.services[key(service_label(service))].append(service)
    objectives = Objective.objects.filter(cycle=cycle).prefetch_related("priorities", "factors")
    by_pk = {}
    for objective in objectives:
        if key(objective.title) in known.objectives:
            known.shared_titles.add(key(objective.title))
        known.objectives.setdefault(key(objective.title), objective)
        known.objective_factors.setdefault(key(objective.title), {f.pk for f in objective.factors.all()})
        known.aimed += [f for f in objective.factors.all() if f not in known.aimed]
        by_pk[objective.pk] = objective
    transformations = DesiredChange.objects.filter(objective__in=list(by_pk)).prefetch_related("partners", "factors")
    for transformation in transformations:
        transformation.objective = by_pk[transformation.objective_id]
        known.transformations[(key(transformation.objective.title), transformation.system)] = transformation
    by_transformation = {t.pk: label for label, t in known.transformations.items()}
    for indicator in Indicator.objects.filter(transformation_id__in=list(by_transformation)):
        known.indicators[(*by_transformation[indicator.transformation_id], key(indicator.name))].append(indicator)
    for target in Target.objects.filter(indicator__transformation_id__in=list(by_transformation)).order_by("pk"):
        known.targets[(target.indicator_id, target.date)].append(target)
    actions = Action.objects.filter(cycle=cycle).prefetch_related("transformations", "factors", "services")
    for action in actions:
        known.actions[key(action.title)].append(action)
    for part in ActionPartner.objects.filter(action__cycle=cycle):
        known.partners[(part.action_id, part.organization_id)] = part
    for milestone in Milestone.objects.filter(action__cycle=cycle).order_by("pk"):
        known.milestones[(milestone.action_id, key(milestone.title))].append(milestone)
    for line in BudgetLine.objects.filter(action__cycle=cycle).order_by("pk"):
        known.budget[(line.action_id, line.year, line.funder_id)].append(line)
    return known


def system_of(context: ImportContext, row: Row, *, report: bool = True) -> str | None:
    try:
        return choice(row.spec.column("system"), row.cells.get("system")) or None
    except ValueError as error:
        if report:
            context.problem(row, str(error), "system")
        return None


def objective_of(context: ImportContext, known: Known, row: Row) -> Objective | None:
    title = row.text("objective")
    if key(title) in known.shared_titles:
        context.problem(row, shared_title_message(), "objective")
        return None
    found = known.objectives.get(key(title)) or numbered(known, title)
    if found is None and ("objective", key(title)) not in known.refused:
        message = (
            _("Valeur obligatoire manquante.") if not title else _("Aucun objectif de ce cycle ne porte ce titre.")
        )
        context.problem(row, message, "objective")
    return found


def numbered(known: Known, text: str) -> Objective | None:
    """An objective named by its number (Outil 8's order) rather than its title, when one alone has it."""
    if not text.isdigit():
        return None
    found = [o for o in known.objectives.values() if o.position == int(text)]
    return found[0] if len(found) == 1 else None


def transformation_of(context: ImportContext, known: Known, row: Row) -> tuple[str, str] | None:
    objective, system = objective_of(context, known, row), system_of(context, row)
    if objective is None or system is None:
        if objective is not None and not row.text("system"):
            context.problem(row, _("Valeur obligatoire manquante."), "system")
        return None
    label = (key(objective.title), system)
    if label in known.refused:
        return None
    if label not in known.transformations:
        context.problem(row, _("Cet objectif n'a pas de transformation souhaitée pour ce système."), "system")
        return None
    return label


def organization_named(context: ImportContext, known: Known, row: Row, column: str, name: str) -> Organization | None:
    found = known.organizations.get(key(name))
    if found is None:
        message = _("Aucun organisme partenaire du regroupement ne porte le nom « %(name)s ».") % {"name": name}
        context.problem(row, message, column)
    return found


def organizations_named(context: ImportContext, known: Known, row: Row, column: str) -> list[Organization] | None:
    names = [name.strip() for name in row.text(column).split(LINES) if name.strip()]
    found = [organization_named(context, known, row, column, name) for name in names]
    return None if None in found else found


def action_of(context: ImportContext, known: Known, row: Row) -> Action | None:
    title = row.text("action")
    found = known.actions.get(key(title), [])
    if len(found) == 1:
        return found[0]
    if ("action", key(title)) in known.refused:
        return None
    if not title:
        context.problem(row, _("Valeur obligatoire manquante."), "action")
    elif not found:
        context.problem(row, _("Aucune action de ce cycle ne porte ce titre."), "action")
    else:
        context.problem(row, _("Plusieurs actions portent ce titre : renommez-les pour les distinguer."), "action")
    return None


def lines_of(row: Row, column: str) -> list[str]:
    """The names a cell holds, one a line."""
    return [line.strip() for line in row.text(column).split(LINES) if line.strip()]


def _one(context: ImportContext, row: Row, column: str, line: str, found: list, unknown: str, several: str):
    """The one record a line of a cell names, or None with the problem at its column."""
    if len(found) == 1:
        return found[0]
    message = unknown if not found else several
    context.problem(row, message % {"name": quote(line)}, column)
    return None


def factors_named(
    context: ImportContext, known: Known, row: Row, allowed: set[int], outside: str
) -> list[ProtectiveFactor] | None:
    """The factors of the row's « factors » cell, each among `allowed` (else `outside`, which names it), or None
    when one is not."""
    found = []
    for line in lines_of(row, "factors"):
        factor = _one(
            context,
            row,
            "factors",
            line,
            known.factors.get(key(line), []),
            _(
                "« %(name)s » : aucun facteur de protection du catalogue ni de vos facteurs locaux ne porte ce nom ou "
                "ce code."
            ),
            _("« %(name)s » : plusieurs facteurs de protection portent ce nom : écrivez plutôt le code du facteur."),
        )
        if factor is not None and factor.pk not in allowed:
            context.problem(row, outside % {"factor": factor.name}, "factors")
            factor = None
        found.append(factor)
    return None if None in found else found


def priorities_named(context: ImportContext, known: Known, row: Row) -> list[Priority] | None:
    found = [
        _one(
            context,
            row,
            "priorities",
            line,
            known.priorities.get(key(line), []),
            _("« %(name)s » : aucune priorité de ce cycle ne porte ce rang ou ce constat."),
            _("« %(name)s » : plusieurs priorités de ce cycle répondent à ce nom : écrivez leur rang et leur constat."),
        )
        for line in lines_of(row, "priorities")
    ]
    return None if None in found else found


def services_named(context: ImportContext, known: Known, row: Row) -> list[Service] | None:
    found = [
        _one(
            context,
            row,
            "services",
            line,
            known.services.get(key(line), []),
            _("« %(name)s » : aucun service de l'Outil 6 ne porte ce nom d'organisme et ce nom de service."),
            _("« %(name)s » : cet organisme a plusieurs services de ce nom : renommez-les pour les distinguer."),
        )
        for line in lines_of(row, "services")
    ]
    return None if None in found else found
