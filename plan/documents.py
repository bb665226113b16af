"""The printable documents of Outils 9 and 10 (documents/registry.py): the complete plan a funder receives, in PDF
and Word, with the spreadsheet of its tables; the one-page overview. Both read the plan loaded once
(selectors.plan_of), so that their queries do not grow with the plan."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import text
from core.spreadsheets import Sheet
from documents.registry import PDF, Document
from documents.sections import Section, Table, sections_document

from . import selectors
from .imports import ROWS, SHEETS
from .money import money
from .overview import Filters, Timeline, Total, overview, timeline

ACTIONS_PER_TIMELINE = 24  # the bars one landscape page holds at a readable size


@dataclass(frozen=True)
class FundingRow:
    funder: str
    by_year: list[Decimal]
    total: Decimal


@dataclass(frozen=True)
class Funding:
    """Each funder's amounts by year of the cycle, confirmed and requested together, and the totals."""

    years: list[int]
    rows: list[FundingRow]
    year_totals: list[Decimal]
    total: Decimal


def funding(actions, years: list[int]) -> Funding:
    amounts: dict[str, dict[int, Decimal]] = {}
    for action in actions:
        for line in action.budget_list:
            by_year = amounts.setdefault(line.funder.name, {})
            by_year[line.year] = by_year.get(line.year, Decimal("0")) + line.amount
    every_year = sorted(set(years) | {year for by_year in amounts.values() for year in by_year})
    rows = [
        FundingRow(
            funder=name,
            by_year=[amounts[name].get(year, Decimal("0")) for year in every_year],
            total=sum(amounts[name].values(), Decimal("0")),
        )
        for name in sorted(amounts)
    ]
    year_totals = [sum((row.by_year[i] for row in rows), Decimal("0")) for i in range(len(every_year))]
    return Funding(years=every_year, rows=rows, year_totals=year_totals, total=sum(year_totals, Decimal("0")))


@dataclass(frozen=True)
class Described:
    """An action's paragraph in the PDF: what its row in the table leaves out, as « label : value » pairs."""

    action: object
    facts: list[str]


@dataclass(frozen=True)
class ActionGroup:
    """One objective's actions in the PDF: a row each in one table (`actions`), then a paragraph for each action
    it is the first objective of (`described`); `objective` is None for the actions that serve no transformation
    yet."""

    objective: object
    actions: list
    described: list[Described]


def action_groups(plan) -> list[ActionGroup]:
    groups, seen = [], set()
    for objective in plan.objectives:
        served = {a.pk for t in objective.plan_transformations for a in plan.actions_by_transformation.get(t.pk, [])}
        actions = [a for a in plan.actions if a.pk in served]
        if actions:
            groups.append(ActionGroup(objective, actions, [_described(a) for a in actions if a.pk not in seen]))
            seen |= served
    unlinked = [a for a in plan.actions if not a.transformation_list]
    if unlinked:
        groups.append(ActionGroup(None, unlinked, [_described(a) for a in unlinked]))
    return groups


def _fact(label: str, value: str) -> str:
    return _("%(label)s : %(value)s") % {"label": label, "value": value}


def _described(action) -> Described:
    facts = [_fact(_("État"), action.get_status_display())]
    if action.follow_up:
        facts.append(_fact(_("Calendrier de suivi"), action.get_follow_up_display()))
    if action.human_resources:
        facts.append(_fact(_("Ressources humaines"), action.human_resources))
    if action.material_resources:
        facts.append(_fact(_("Ressources matérielles"), action.material_resources))
    if action.milestone_list:
        facts.append(_fact(_("Jalons"), "; ".join(_milestone(m) for m in action.milestone_list)))
    for part in action.partner_list:
        given = [part.contribution_in_kind] if part.contribution_in_kind else []
        given += [money(part.contribution_money)] if part.contribution_money else []
        if given:
            label = _("Contribution de %(organization)s") % {"organization": part.organization.name}
            facts.append(_fact(label, "; ".join(given)))
    if action.budget_list:
        lines = "; ".join(
            _("%(year)s, %(funder)s, %(status)s : %(amount)s")
            % {
                "year": line.year,
                "funder": line.funder.name,
                "status": line.get_status_display().lower(),
                "amount": money(line.amount),
            }
            for line in action.budget_list
        )
        facts.append(_fact(_("Budget"), lines))
    return Described(action, facts)


def _milestone(milestone) -> str:
    done = f" ({_('atteint')})" if milestone.done else ""
    return f"{text.long_date(milestone.date)} — {milestone.title}{done}"


def timeline_pages(actions, cycle) -> list[Timeline]:
    """The plan's timeline (the overview's drawing) cut into pages of ACTIONS_PER_TIMELINE bars."""
    dated = sorted((a for a in actions if a.starts_on and a.ends_on), key=lambda a: (a.starts_on, a.title))
    chunks = [dated[i : i + ACTIONS_PER_TIMELINE] for i in range(0, len(dated), ACTIONS_PER_TIMELINE)]
    return [timeline(chunk, cycle.starts_on, cycle.ends_on) for chunk in chunks]


def gather(access, cycle) -> dict:
    plan = selectors.plan_of(cycle)
    whole = overview(plan, Filters(), slug=access.partnership.slug)
    versions = selectors.versions(cycle)
    return {
        "cycle": cycle,
        "plan": plan,
        "overview": whole,
        "adopted": versions[0] if versions else None,
        "timelines": timeline_pages(whole.actions, cycle),
        "action_groups": action_groups(plan),
        "funding": funding(plan.actions, selectors.cycle_years(cycle)),
    }


# --- Word --------------------------------------------------------------------------------------------------------


def _dates(action) -> str:
    if action.starts_on and action.ends_on:
        return _("du %(start)s au %(end)s") % {
            "start": text.long_date(action.starts_on),
            "end": text.long_date(action.ends_on),
        }
    return _("sans dates")


def _number(value) -> str:
    from django.utils.formats import number_format

    return "" if value is None else number_format(value.normalize() if isinstance(value, Decimal) else value)


def _adopted(data: dict) -> str:
    version = data["adopted"]
    if version is None:
        return _("Ce plan n'a pas encore été adopté.")
    return _("Version %(number)s adoptée le %(date)s.") % {
        "number": version.number,
        "date": text.long_date(version.adopted_on),
    }


def write_plan(writer, data: dict) -> None:
    writer.cover_page()
    writer.table_of_contents()
    writer.heading(_("Adoption"), 1)
    writer.paragraph(_adopted(data))
    _write_overview(writer, data)
    _write_objectives(writer, data)
    _write_actions(writer, data)
    _write_budget(writer, data)


def _write_overview(writer, data: dict) -> None:
    writer.heading(_("Vue d'ensemble"), 1)
    rows = [
        [
            block.objective.title,
            row.transformation.get_system_display(),
            row.transformation.statement,
            "; ".join(f"{a.title} ({a.lead or _('sans organisme porteur')})" for a in row.actions)
            or _("Aucune action."),
        ]
        for block in data["overview"].blocks
        for row in block.rows
    ]
    writer.table(
        _("Objectifs, transformations souhaitées et actions"),
        [_("Objectif"), _("Système"), _("Transformation souhaitée"), _("Actions et organismes porteurs")],
        rows,
    )
    gaps = data["overview"].gaps
    writer.heading(_("Ce qui manque au plan"), 2)
    if gaps:
        writer.bullets([gap.label for gap in gaps])
    else:
        writer.paragraph(_("Le plan est complet."))


def _write_objectives(writer, data: dict) -> None:
    writer.heading(_("Objectifs et transformations souhaitées"), 1)
    for objective in data["plan"].objectives:
        writer.heading(objective.title, 2)
        if objective.description:
            writer.paragraph(objective.description)
        if objective.plan_factors:
            writer.facts([(_("Facteurs de protection"), ", ".join(str(f) for f in objective.plan_factors))])
        for transformation in objective.plan_transformations:
            _write_transformation(writer, data, transformation)


def _write_transformation(writer, data: dict, transformation) -> None:
    writer.heading(
        _("%(system)s : %(statement)s")
        % {"system": transformation.get_system_display(), "statement": transformation.statement},
        3,
    )
    actions = data["plan"].actions_by_transformation.get(transformation.pk, [])
    writer.facts(
        [
            (_("Organisme porteur"), str(transformation.lead or "")),
            (_("Actions"), ", ".join(a.title for a in actions) or _("Aucune action.")),
        ]
    )
    rows = [
        [
            indicator.name,
            indicator.unit,
            _number(indicator.baseline_value),
            "; ".join(f"{_number(t.value)} — {text.long_date(t.date)}" for t in indicator.target_list) or "—",
            indicator.data_source,
        ]
        for indicator in transformation.indicator_list
    ]
    if rows:
        writer.table(
            _("Indicateurs et cibles"),
            [_("Indicateur"), _("Unité"), _("Valeur de départ"), _("Cibles"), _("Source")],
            rows,
            numeric=frozenset({2}),
        )


def _write_actions(writer, data: dict) -> None:
    writer.heading(_("Actions"), 1)
    for action in data["plan"].actions:
        writer.heading(action.title, 2)
        if action.description:
            writer.paragraph(action.description)
        writer.facts(
            [
                (_("Organisme porteur"), str(action.lead or _("sans organisme porteur"))),
                (_("État"), action.get_status_display()),
                (_("Calendrier"), _dates(action)),
                (_("Calendrier de suivi"), action.get_follow_up_display()),
                (_("Transformations souhaitées"), "; ".join(str(t) for t in action.transformation_list)),
                (_("Ressources humaines"), action.human_resources),
                (_("Ressources matérielles"), action.material_resources),
            ]
        )
        if action.partner_list:
            writer.table(
                _("Partenaires de l'action"),
                [_("Organisme"), _("Rôle"), _("Contribution en nature"), _("Contribution en argent")],
                [
                    [p.organization.name, p.role, p.contribution_in_kind, money(p.contribution_money)]
                    for p in action.partner_list
                ],
                numeric=frozenset({3}),
            )
        if action.milestone_list:
            writer.bullets([_milestone(m) for m in action.milestone_list])
        if action.budget_list:
            writer.table(
                _("Budget de l'action"),
                [_("Année"), _("Bailleur"), _("Statut"), _("Montant")],
                [
                    [str(line.year), line.funder.name, line.get_status_display(), money(line.amount)]
                    for line in action.budget_list
                ],
                numeric=frozenset({3}),
            )


def _total_rows(rows: list[Total]) -> list[list[str]]:
    return [[row.label, money(row.confirmed), money(row.requested), money(row.total)] for row in rows]


def _write_budget(writer, data: dict) -> None:
    whole = data["overview"]
    writer.heading(_("Budget"), 1)
    grand = whole.grand_total
    writer.paragraph(
        _("Confirmé : %(confirmed)s · demandé : %(requested)s · total : %(total)s")
        % {"confirmed": money(grand.confirmed), "requested": money(grand.requested), "total": money(grand.total)}
    )
    table = data["funding"]
    writer.table(
        _("Budget par bailleur et par année"),
        [_("Bailleur"), *(str(y) for y in table.years), _("Total")],
        [[row.funder, *(money(v) for v in row.by_year), money(row.total)] for row in table.rows]
        + [[_("Total"), *(money(v) for v in table.year_totals), money(table.total)]],
        numeric=frozenset(range(1, len(table.years) + 2)),
    )
    for budget in whole.budget:
        writer.table(
            budget.caption,
            [budget.heading, _("Confirmé"), _("Demandé"), _("Total")],
            _total_rows(budget.rows),
            numeric=frozenset({1, 2, 3}),
        )
    writer.heading(_("Calendrier des actions et des jalons"), 2)
    writer.table(
        _("Actions et jalons par date"),
        [_("Action"), _("Début"), _("Fin"), _("Jalons")],
        [
            [
                bar.action.title,
                text.long_date(bar.action.starts_on),
                text.long_date(bar.action.ends_on),
                "; ".join(f"{text.long_date(m.date)} {m.title}" for m in bar.action.milestone_list) or "—",
            ]
            for page in data["timelines"]
            for bar in page.bars
        ],
    )


# --- Spreadsheet -------------------------------------------------------------------------------------------------


# The spreadsheet is also the format of the plan's import (plan/imports.py): one sheet per kind of record, one row
# per record, each value in its own column, the rows naming each other by the labels a reader sees.
WIDTHS = {"title": 40, "statement": 50, "objective": 35, "name": 40, "action": 40, "transformations": 50}


def plan_sheets(data: dict) -> list[Sheet]:
    plan = data["plan"]
    return [
        Sheet(
            title=str(spec.title),
            headers=[str(column.label) for column in spec.columns],
            rows=ROWS[spec.key](plan),
            widths=[WIDTHS.get(column.key, 18) for column in spec.columns],
            money_columns=frozenset(
                i for i, c in enumerate(spec.columns) if c.key in ("amount", "contribution_money", "budget_total")
            ),
        )
        for spec in SHEETS
    ]


def overview_sections(access, cycle) -> list[Section]:
    """Outil 10 on paper: the plan at a glance, the budget totals and what the plan lacks."""
    whole = overview(selectors.plan_of(cycle), Filters(), slug=access.partnership.slug)
    plan_table = Table(
        caption=_("Objectifs, transformations souhaitées et actions"),
        headers=[_("Objectif"), _("Système"), _("Transformation souhaitée"), _("Actions et organismes porteurs")],
        rows=[
            [
                block.objective.title,
                row.transformation.get_system_display(),
                row.transformation.statement,
                "; ".join(f"{a.title} ({a.lead or _('sans organisme porteur')})" for a in row.actions)
                or _("Aucune action."),
            ]
            for block in whole.blocks
            for row in block.rows
        ],
        empty=_("Aucun objectif."),
        widths=(3, 2, 4, 6),  # the system's column holds « Communauté » on one line, the actions' the rest
    )
    grand = whole.grand_total
    budget = [
        Table(
            caption=table.caption,
            headers=[table.heading, _("Confirmé"), _("Demandé"), _("Total")],
            rows=[[row.label, row.confirmed, row.requested, row.total] for row in table.rows],
            money=frozenset({1, 2, 3}),
            empty=_("Aucune ligne budgétaire."),
        )
        for table in whole.budget
    ]
    total = _("Confirmé : %(confirmed)s · demandé : %(requested)s · total : %(total)s") % {
        "confirmed": money(grand.confirmed),
        "requested": money(grand.requested),
        "total": money(grand.total),
    }
    return [
        Section(heading=_("Le plan"), tables=[plan_table]),
        Section(heading=_("Budget"), paragraphs=[total], tables=budget),
        Section(
            heading=_("Ce qui manque au plan"),
            items=[gap.label for gap in whole.gaps],
            paragraphs=[] if whole.gaps else [_("Le plan est complet.")],
        ),
    ]


DOCUMENTS = (
    Document(
        key="plan",
        title=gettext_lazy("Plan d'action concerté"),
        tool=9,
        gather=gather,
        pdf="plan/documents/plan.html",
        word=write_plan,
        sheets=plan_sheets,
        # A 200-action plan is some 46 pages: WeasyPrint lays them out in about 3 s (bench/README.md).
        background=(PDF,),
    ),
    sections_document(
        key="vue-ensemble",
        title=gettext_lazy("Vue d'ensemble du plan d'action"),
        tool=10,
        sections=overview_sections,
    ),
)
