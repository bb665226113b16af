"""The check of a whole plan's import (plan/imports.py names the sheets): each sheet in the order of the plan, each
row through the plan's own form, each reference resolved against what the cycle holds and what the earlier sheets
of the file add. Nothing is written here: the plan's changes are closures over the plan's services, written in the
order of the sheets (an objective before its transformations, an action before its partners) and in one
transaction by imports/running.py.

What exists is read once, whatever the size of the file, and each form is given what it offers (the factors of its
pickers) and the references the importer resolved: checking a file costs the same queries whatever its number of
rows."""

from dataclasses import replace
from functools import partial

from django.utils.translation import gettext as _

from core.forms import normalized
from core.imports import Formula
from imports.checking import ImportContext, Row, choice, form_value, references_set
from imports.registry import Change, Plan
from partnerships.permissions import Perm
from priorities import services as priority_services
from priorities.forms import NOT_SELECTED, ObjectiveForm

from .. import rows as plan_rows
from .. import services
from ..forms import (
    NOT_AIMED,
    ActionForm,
    BudgetRow,
    FunderForm,
    IndicatorForm,
    MilestoneRow,
    PartnerRow,
    TargetRow,
    TransformationForm,
)
from ..imports import (
    ACTIONS,
    BUDGET,
    FUNDERS,
    INDICATORS,
    LINES,
    MILESTONES,
    OBJECTIVES,
    PARTNERS,
    TARGETS,
    TRANSFORMATIONS,
)
from ..models import ActionStatus, BudgetNature, BudgetStatus, DesiredChange, Polarity
from .references import (
    Known,
    action_of,
    factors_named,
    key,
    objective_of,
    organization_named,
    organizations_named,
    priorities_named,
    read,
    services_named,
    shared_title_message,
    system_of,
    transformation_of,
)

OBJECTIVE_FIELDS = ("position", "title", "description")
TRANSFORMATION_FIELDS = ("statement", "lead_id")
INDICATOR_FIELDS = tuple(name for name in IndicatorForm.Meta.fields if name != "baseline_statistic")
ACTION_FIELDS = (
    "title",
    "description",
    "clienteles",
    "territory",
    "lead_id",
    "starts_on",
    "ends_on",
    "status",
    "follow_up",
    "human_resources",
    "material_resources",
)


class FunderRowForm(FunderForm):
    """A funder's row: the importer has matched its name among the partnership's funders read once (a row naming
    one updates it, and a second row naming it is refused), so the form does not look for a duplicate again."""

    def clean_name(self) -> str:
        return normalized(self.cleaned_data["name"])


ObjectiveRowForm = references_set(ObjectiveForm, "priorities", "factors")
TransformationRowForm = references_set(TransformationForm, "objective", "lead", "partners", "factors")
IndicatorRowForm = references_set(IndicatorForm, "baseline_statistic")
ActionRowForm = references_set(ActionForm, "transformations", "lead", "factors", "services")
PartnerRowForm = references_set(PartnerRow, "organization")
BudgetRowForm = references_set(BudgetRow, "funder")


def check(context: ImportContext, tables: dict[str, list[Row]]) -> Plan:
    known = read(context.cycle)
    plan = Plan()
    for sheet, check_row in (
        (FUNDERS, _funder),  # first: the budget lines name them
        (OBJECTIVES, _objective),
        (TRANSFORMATIONS, _transformation),
        (INDICATORS, _indicator),
        (TARGETS, _target),
        (ACTIONS, _action),
        (PARTNERS, _partner),
        (MILESTONES, _milestone),
        (BUDGET, _budget_line),
    ):
        seen: dict[object, int] = {}
        for row in tables.get(sheet.key, []):
            if not _formula_refused(context, row):
                check_row(context, known, plan, row, seen)
    return plan


def _formula_refused(context: ImportContext, row: Row) -> bool:
    """A formula where a row names another record is refused as in any other cell (checking.form_value)."""
    refused = False
    for column in row.spec.columns:
        cell = row.cells.get(column.key)
        if not column.form_field and isinstance(cell, Formula):
            try:
                form_value(column, cell)
            except ValueError as error:
                context.problem(row, str(error), column.key)
                refused = True
    return refused


def _once(context: ImportContext, row: Row, seen: dict, label: object, column: str) -> bool:
    """Whether this is the first row of the sheet to name this record (a second would overwrite the first)."""
    if label in seen:
        message = _("Cette ligne désigne la même fiche que la ligne %(line)s.") % {"line": seen[label]}
        context.problem(row, message, column)
        return False
    seen[label] = row.line
    return True


def _update(plan: Plan, *, same: bool, write) -> None:
    """A change for an update, or one more unchanged row when the import says what the record holds."""
    if same:
        plan.unchanged += 1
    else:
        plan.changes.append(Change(created=False, write=write))


def _state(record, fields: tuple[str, ...]) -> dict:
    return {name: getattr(record, name) for name in fields}


def _same(record, values: dict, fields: tuple[str, ...]) -> bool:
    return all(getattr(record, name) == values[name] for name in fields)


def _keys(records) -> set[int]:
    return {record.pk for record in records}


def _links(row: Row, column: str, current, named):
    """The records a cell of links names (`named()`, None when one is refused), or what the record already holds
    when the file has no such column (an older export keeps the record's links)."""
    if column in row.cells:
        return named()
    return list(getattr(current, column).all()) if current is not None else []


def _defaults(row: Row, **defaults) -> Row:
    """The row with what an empty cell means where the record has a default (as the page's form offers it
    first); problems are still reported at the row's sheet and line."""
    empty = {name: value for name, value in defaults.items() if not row.text(name)}
    return replace(row, cells={**row.cells, **empty}) if empty else row


# --- The sheets ----------------------------------------------------------------------------------------------------


def _funder(context: ImportContext, known: Known, plan: Plan, row: Row, seen: dict) -> None:
    label = key(row.text("name"))
    if label and not _once(context, row, seen, label, "name"):
        return
    current = known.funders.get(label)
    before = _state(current, ("name", "kind")) if current else None
    funder = context.checked(row, FunderRowForm, instance=current, partnership=context.access.partnership)
    if funder is None:
        known.refused.add(("funder", label))
        return
    if current is None:
        known.funders[label] = funder
        write = partial(services.funder_create, partnership=context.access.partnership, funder=funder)
        plan.changes.append(Change(created=True, write=write))
        return
    write = partial(services.funder_update, funder=current, expected_version=current.version)
    _update(plan, same=_same(current, before, ("name", "kind")), write=write)


def _objective(context: ImportContext, known: Known, plan: Plan, row: Row, seen: dict) -> None:
    label = key(row.text("title"))
    if label and not _once(context, row, seen, label, "title"):
        return
    if label in known.shared_titles:
        context.problem(row, shared_title_message(), "title")
        return
    current = known.objectives.get(label)
    before = _state(current, OBJECTIVE_FIELDS) if current else None
    priorities = _links(row, "priorities", current, lambda: priorities_named(context, known, row))
    selected = _keys(known.selected)
    factors = _links(row, "factors", current, lambda: factors_named(context, known, row, selected, NOT_SELECTED))
    objective = context.checked(
        row, ObjectiveRowForm, instance=current, values={}, cycle=known.cycle, selected=known.selected
    )
    if objective is None or priorities is None or factors is None:
        known.refused.add(("objective", label))
        return
    known.objective_factors[label] = _keys(factors)
    if current is not None and objective.position is None:
        objective.position = before["position"]
    same_links = current is not None and (
        _keys(current.priorities.all()) == _keys(priorities) and _keys(current.factors.all()) == _keys(factors)
    )
    if same_links and _same(objective, before, OBJECTIVE_FIELDS):
        plan.unchanged += 1
        return
    if not context.access.can(Perm.EDIT_PRIORITIES):
        context.problem(row, _("Vous n'avez pas le droit de modifier les objectifs (Outil 8)."), "title")
        known.refused.add(("objective", label))
        return
    if current is None:
        known.objectives[label] = objective
        write = partial(
            priority_services.objective_create,
            cycle=known.cycle,
            objective=objective,
            priorities=priorities,
            factors=factors,
        )
        plan.changes.append(Change(created=True, write=write))
    else:
        write = partial(
            priority_services.objective_update,
            objective=current,
            expected_version=current.version,
            priorities=priorities,
            factors=factors,
        )
        plan.changes.append(Change(created=False, write=write))


def _transformation(context: ImportContext, known: Known, plan: Plan, row: Row, seen: dict) -> None:
    objective, system = objective_of(context, known, row), system_of(context, row, report=False)
    label = (key(objective.title), system) if objective is not None and system else None
    if label and not _once(context, row, seen, label, "system"):
        return
    lead = organization_named(context, known, row, "lead", row.text("lead")) if row.text("lead") else None
    partners = organizations_named(context, known, row, "partners")
    current = known.transformations.get(label) if label else None
    before = _state(current, TRANSFORMATION_FIELDS) if current else None
    aimed = known.objective_factors.get(key(objective.title), set()) if objective else set()
    factors = _links(row, "factors", current, lambda: factors_named(context, known, row, aimed, NOT_AIMED))
    references = {"lead": lead} | ({"objective": objective} if objective else {})
    transformation = context.checked(
        row,
        TransformationRowForm,
        instance=current,
        values={},
        references=references,
        cycle=known.cycle,
        factors=known.aimed,
    )
    refused = transformation is None or objective is None or partners is None or factors is None
    if refused or (row.text("lead") and lead is None):
        known.refused.add(label)
        return
    if current is None:
        known.transformations[label] = transformation
        write = partial(
            services.transformation_create, transformation=transformation, factors=factors, partners=partners
        )
        plan.changes.append(Change(created=True, write=write))
        return
    write = partial(
        services.transformation_update,
        transformation=current,
        expected_version=current.version,
        factors=factors,
        partners=partners,
    )
    same_links = _keys(current.partners.all()) == _keys(partners) and _keys(current.factors.all()) == _keys(factors)
    _update(plan, same=same_links and _same(current, before, TRANSFORMATION_FIELDS), write=write)


def _indicator(context: ImportContext, known: Known, plan: Plan, row: Row, seen: dict) -> None:
    parent = transformation_of(context, known, row)
    label = (*parent, key(row.text("name"))) if parent else None
    if label and not _once(context, row, seen, label, "name"):
        return
    found = known.indicators.get(label, []) if label else []
    if len(found) > 1:
        message = _("Plusieurs indicateurs de cette transformation portent ce nom : renommez-les pour les distinguer.")
        context.problem(row, message, "name")
        return
    current = found[0] if found else None
    before = _state(current, INDICATOR_FIELDS) if current else None
    row = _defaults(row, polarity=current.polarity if current else Polarity.HIGHER)
    partnership = context.access.partnership
    indicator = context.checked(row, IndicatorRowForm, instance=current, values={}, partnership=partnership)
    if indicator is None or parent is None:
        known.refused.add(label)
        return
    if current is None:
        known.indicators[label] = [indicator]
        transformation = known.transformations[parent]
        write = partial(services.indicator_create, transformation=transformation, indicator=indicator)
        plan.changes.append(Change(created=True, write=write))
        return
    write = partial(services.indicator_update, indicator=current, expected_version=current.version)
    _update(plan, same=_same(current, before, INDICATOR_FIELDS), write=write)


def _target(context: ImportContext, known: Known, plan: Plan, row: Row, seen: dict) -> None:
    parent = transformation_of(context, known, row)
    indicator = None
    if parent is not None:
        found = known.indicators.get((*parent, key(row.text("indicator"))), [])
        if not found and (*parent, key(row.text("indicator"))) in known.refused:
            pass
        elif len(found) != 1:
            message = (
                _("Cette transformation n'a pas d'indicateur de ce nom.")
                if not found
                else _(
                    "Plusieurs indicateurs de cette transformation portent ce nom : renommez-les pour les distinguer."
                )
            )
            context.problem(row, message, "indicator")
        else:
            indicator = found[0]
    values = context.checked(row, TargetRow, cycle=known.cycle)
    if values is None or indicator is None:
        return
    if values["value"] is None:
        context.problem(row, _("Valeur obligatoire manquante."), "value")
        return
    same = known.targets.get((indicator.pk, values["date"])) if indicator.pk else None
    current = same.pop(0) if same else None
    write = partial(plan_rows.row_save, rows_of=plan_rows.TARGETS, parent=indicator, record=current, values=values)
    if current is None:
        plan.changes.append(Change(created=True, write=write))
    else:
        _update(plan, same=current.value == values["value"], write=write)


def _action_transformations(context: ImportContext, known: Known, row: Row) -> list[DesiredChange] | None:
    found = []
    for line in (text.strip() for text in row.text("transformations").split(LINES)):
        if not line:
            continue
        title, _dash, system_label = line.rpartition(" — ")
        try:
            system = choice(TRANSFORMATIONS.column("system"), system_label.strip()) if title else None
        except ValueError:
            system = None
        transformation = known.transformations.get((key(title), system)) if system else None
        if transformation is None and (key(title), system) in known.refused:
            return None
        if transformation is None:
            message = _("« %(label)s » : aucune transformation de ce plan ne porte ce titre d'objectif et ce système.")
            context.problem(row, message % {"label": line}, "transformations")
            return None
        found.append(transformation)
    return found


def _clienteles(context: ImportContext, row: Row) -> list[str] | None:
    codes = []
    for text in row.text("clientele_codes").replace(";", LINES).split(LINES):
        if text.strip():
            try:
                codes.append(choice(row.spec.column("clientele_codes"), text.strip()))
            except ValueError as error:
                context.problem(row, str(error), "clientele_codes")
                return None
    return codes


def _action(context: ImportContext, known: Known, plan: Plan, row: Row, seen: dict) -> None:
    label = key(row.text("title"))
    if label and not _once(context, row, seen, label, "title"):
        return
    found = known.actions.get(label, [])
    if len(found) > 1:
        context.problem(row, _("Plusieurs actions portent ce titre : renommez-les pour les distinguer."), "title")
        return
    current = found[0] if found else None
    before = _state(current, ACTION_FIELDS) if current else None
    transformations = _action_transformations(context, known, row)
    clienteles = _clienteles(context, row)
    lead = organization_named(context, known, row, "lead", row.text("lead")) if row.text("lead") else None
    aimed = set().union(*known.objective_factors.values())
    outside = _("« %(factor)s » n'est visé par aucun objectif de ce plan.")
    factors = _links(row, "factors", current, lambda: factors_named(context, known, row, aimed, outside))
    linked_services = _links(row, "services", current, lambda: services_named(context, known, row))
    values = {"clientele_codes": clienteles or []}
    row = _defaults(row, status=current.status if current else ActionStatus.PLANNED)
    action = context.checked(
        row,
        ActionRowForm,
        instance=current,
        values=values,
        references={"lead": lead},
        cycle=known.cycle,
        factors=known.aimed,
    )
    links = (transformations, clienteles, factors, linked_services)
    if action is None or None in links or (row.text("lead") and lead is None):
        known.refused.add(("action", label))
        return
    if current is None:
        known.actions[label] = [action]
        write = partial(
            services.action_create,
            cycle=known.cycle,
            action=action,
            transformations=transformations,
            factors=factors,
            services=linked_services,
        )
        plan.changes.append(Change(created=True, write=write))
        return
    write = partial(
        services.action_update,
        action=current,
        expected_version=current.version,
        transformations=transformations,
        factors=factors,
        services=linked_services,
    )
    same_links = all(
        _keys(getattr(current, name).all()) == _keys(linked)
        for name, linked in (("transformations", transformations), ("factors", factors), ("services", linked_services))
    )
    _update(plan, same=same_links and _same(current, before, ACTION_FIELDS), write=write)


def _partner(context: ImportContext, known: Known, plan: Plan, row: Row, seen: dict) -> None:
    action = action_of(context, known, row)
    name = row.text("organization")
    organization = organization_named(context, known, row, "organization", name) if name else None
    if not name:
        context.problem(row, _("Valeur obligatoire manquante."), "organization")
    values = context.checked(row, PartnerRowForm, cycle=known.cycle)
    if values is None or action is None or organization is None:
        return
    values["organization"] = organization
    if not _once(context, row, seen, (id(action), organization.pk), "organization"):
        return
    current = known.partners.get((action.pk, organization.pk)) if action.pk else None
    write = partial(plan_rows.row_save, rows_of=plan_rows.PARTNERS, parent=action, record=current, values=values)
    if current is None:
        plan.changes.append(Change(created=True, write=write))
        return
    _update(plan, same=_same(current, values, ("role", "contribution_in_kind", "contribution_money")), write=write)


def _milestone(context: ImportContext, known: Known, plan: Plan, row: Row, seen: dict) -> None:
    action = action_of(context, known, row)
    values = context.checked(row, MilestoneRow, cycle=known.cycle)
    if values is None or action is None:
        return
    if not values["title"]:
        context.problem(row, _("Valeur obligatoire manquante."), "title")
        return
    same = known.milestones.get((action.pk, key(values["title"]))) if action.pk else None
    current = same.pop(0) if same else None
    write = partial(plan_rows.row_save, rows_of=plan_rows.MILESTONES, parent=action, record=current, values=values)
    if current is None:
        plan.changes.append(Change(created=True, write=write))
        return
    _update(plan, same=_same(current, values, ("title", "date", "done")), write=write)


def _budget_line(context: ImportContext, known: Known, plan: Plan, row: Row, seen: dict) -> None:
    action = action_of(context, known, row)
    name = row.text("funder")
    funder = known.funders.get(key(name))
    if funder is None and ("funder", key(name)) not in known.refused:
        message = (
            _("Valeur obligatoire manquante.")
            if not name
            else _(
                "Aucun bailleur de fonds de la feuille « Bailleurs de fonds » ni de la liste du regroupement ne "
                "porte ce nom."
            )
        )
        context.problem(row, message, "funder")
    row = _defaults(row, status=BudgetStatus.REQUESTED, nature=BudgetNature.CASH)
    values = context.checked(row, BudgetRowForm, cycle=known.cycle)
    if values is None or action is None or funder is None:
        return
    values["funder"] = funder
    same = known.budget.get((action.pk, values["year"], funder.pk)) if action.pk else None
    current = same.pop(0) if same else None
    write = partial(plan_rows.row_save, rows_of=plan_rows.BUDGET, parent=action, record=current, values=values)
    if current is None:
        plan.changes.append(Change(created=True, write=write))
        return
    _update(plan, same=_same(current, values, ("amount", "status", "nature")), write=write)
