"""Outil 7's import: the matrix of organizations × protective factors, in the format of the export (the
« Matrice, système … » sheets of coverage/documents.py: one row per organization, one column per factor, each cell
its intensity then, after « — », its kinds of action). A row names its organization by its name (without case);
each row is checked through the matrix's own form (RowForm) and saved as one set (services.row_save, refused if
the row changed meanwhile). An empty cell is « not answered »; the notes, which the export does not write, and the
cells of the factors' elements are kept."""

from collections import Counter
from functools import partial

from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import quote
from core.systems import System
from cycles.tools import Scope
from imports.checking import ImportContext, Row, form_value, labels
from imports.reading import normalized
from imports.registry import Change, Column, Importer, Plan, SheetSpec
from organizations.models import Organization
from partnerships.permissions import Perm

from . import selectors, services
from .forms import RowForm
from .models import ActionKind, FactorIntervention, Intensity

SEPARATOR = "—"  # between the intensity and the kinds of action, as the export writes a cell

CELL_HELP = gettext_lazy(
    "L'intensité (0 à 3, ou Aucune, Ponctuelle, Régulière, Au cœur de la mission), puis, après « — », les types "
    "d'action séparés par des virgules ; une cellule vide : non renseignée."
)


def _matrix_title(system: str) -> str:
    return _("Matrice, système %(system)s") % {"system": System(system).label}


matrix_title = lazy(_matrix_title, str)


class FactorName:
    """A factor's column header, in the language of the moment (the export's and the reader's): its name, and its
    code when another factor of its sheet bears the same name (a local factor named like one of the catalogue)."""

    def __init__(self, factor, *, shared: bool = False) -> None:
        self.factor = factor
        self.shared = shared

    def __str__(self) -> str:
        if self.shared:
            return _("%(name)s (code %(code)s)") % {"name": self.factor.name, "code": self.factor.code}
        return self.factor.name


def factor_key(factor) -> str:
    return f"f{factor.pk}"


def factor_headers(factors) -> dict[int, FactorName]:
    """Each factor's header (by primary key) among the factors of one sheet: a name two of them share, in French or
    in English, is followed by the code, unique in a partnership (local codes have a prefix of their own)."""
    factors = list(factors)
    names = {factor.pk: {normalized(name) for name in (factor.name_fr, factor.name_en) if name} for factor in factors}
    bearers = Counter(name for own in names.values() for name in own)
    return {factor.pk: FactorName(factor, shared=any(bearers[n] > 1 for n in names[factor.pk])) for factor in factors}


def _factor_columns(system: str, partnership) -> tuple[Column, ...]:
    factors = [factor for factor in selectors.visible_factors(partnership) if factor.system == system]
    headers = factor_headers(factors)
    return tuple(
        Column(
            factor_key(factor),
            headers[factor.pk],
            form_field=False,
            help=CELL_HELP,
            aliases=(FactorName(factor),) if headers[factor.pk].shared else (),
        )
        for factor in factors
    )


ORGANIZATION = Column(
    "organization",
    gettext_lazy("Organisme"),
    required=True,
    form_field=False,
    help=gettext_lazy("Le nom d'un organisme partenaire du regroupement, tel que sa fiche l'écrit."),
)

MATRIX = {
    system: SheetSpec(
        key=system,
        title=matrix_title(system),
        columns=(ORGANIZATION,),
        example=("Maison de la famille du Parc", "Régulière — Soutien aux parents"),
        required=False,
        more_columns=partial(_factor_columns, system),
    )
    for system in System.values
}


def cell_text(cell: selectors.MatrixCell) -> str:
    """A cell as the export writes it and the import reads it back."""
    return f" {SEPARATOR} ".join(part for part in (cell.intensity_label, cell.kind_text) if part)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def read_cell(text: str) -> tuple[int | None, list[str]]:
    """The intensity (None: not answered) and the kinds of action a cell writes; raises ValueError."""
    head, _separator, rest = text.partition(SEPARATOR)
    head = head.strip()
    if not head and not rest.strip():
        return None, []
    intensity = _intensity(head)
    if intensity is None:
        raise ValueError(
            _("« %(value)s » : écrivez l'intensité (0 à 3 ou son libellé), puis, après « — », les types d'action.")
            % {"value": quote(text)}
        )
    return intensity, _kinds(rest)


def _intensity(text: str) -> int | None:
    wanted = text.casefold()
    for value, label in Intensity.choices:
        if wanted == str(value) or wanted in labels(label):
            return value
    return None


def _kinds(text: str) -> list[str]:
    """Kinds of action named by their labels (some hold a comma) or codes, separated by commas."""
    names = sorted(
        ((name, code) for code, label in ActionKind.choices for name in (*labels(label), code)),
        key=lambda item: -len(item[0]),
    )
    found, rest = [], text.strip(" ,;")
    while rest:
        match = next(((name, code) for name, code in names if rest.casefold().startswith(name)), None)
        if match is None:
            raise ValueError(
                _("« %(value)s » n'est pas une valeur acceptée : %(accepted)s.")
                % {"value": quote(rest), "accepted": ", ".join(str(label) for _code, label in ActionKind.choices)}
            )
        found.append(match[1])
        rest = rest[len(match[0]) :].strip(" ,;")
    return found


def check(context: ImportContext, tables: dict[str, list[Row]]) -> Plan:
    partnership = context.access.partnership
    organizations = {_key(o.name): o for o in Organization.objects.for_partnership(partnership)}
    columns = {factor_key(c.factor): c for group in selectors.system_groups(partnership) for c in group.columns}
    saved: dict[int, dict] = {}
    for intervention in FactorIntervention.objects.filter(organization__partnership=partnership):
        saved.setdefault(intervention.organization_id, {})[(intervention.factor_id, intervention.element_id)] = (
            intervention
        )
    rows: dict[int, list[Row]] = {}  # each organization's rows, one a sheet
    for spec_key in MATRIX:
        seen: dict[int, int] = {}
        for row in tables.get(spec_key, []):
            organization = organizations.get(_key(row.text("organization")))
            if organization is None:
                _no_organization(context, row)
            elif organization.pk in seen:
                message = _("Cette ligne nomme le même organisme que la ligne %(line)s.") % {
                    "line": seen[organization.pk]
                }
                context.problem(row, message, "organization")
            else:
                seen[organization.pk] = row.line
                rows.setdefault(organization.pk, []).append(row)
    plan = Plan()
    by_pk = {o.pk: o for o in organizations.values()}
    for organization_pk, own_rows in rows.items():
        _check_organization(context, plan, by_pk[organization_pk], own_rows, columns, saved.get(organization_pk, {}))
    # Found organization by organization: listed as the file reads, sheet by sheet and line by line.
    order = [str(spec.title) for spec in MATRIX.values()]
    context.problems.sort(key=lambda p: (order.index(p.sheet) if p.sheet in order else -1, p.line or 0))
    return plan


def _no_organization(context: ImportContext, row: Row) -> None:
    if not row.text("organization"):
        context.problem(row, _("Valeur obligatoire manquante."), "organization")
    else:
        context.problem(row, _("Aucun organisme partenaire du regroupement ne porte ce nom."), "organization")


def _check_organization(context, plan: Plan, organization, rows: list[Row], columns: dict, saved: dict) -> None:
    """The organization's cells of every sheet through the matrix's form, then one change for its row."""
    data = {"fingerprint": services.row_fingerprint(saved.values(), detail=False)}
    given, where = [], {}
    refused = False
    for row in rows:
        for key, column in columns.items():
            if key not in row.cells:
                continue
            where[column.field_prefix] = (row, key)
            try:
                form_value(row.spec.column(key), row.cells[key])  # a formula is refused, never evaluated
                intensity, kinds = read_cell(row.text(key))
            except ValueError as error:
                context.problem(row, str(error), key)
                refused = True
                continue
            given.append(column)
            current = saved.get(column.key)
            data.update(
                {
                    f"{column.field_prefix}-intensity": "" if intensity is None else str(intensity),
                    f"{column.field_prefix}-kinds": kinds,
                    # The note, which the export does not write, stays with an answered cell; a cell emptied is
                    # « not answered », note included, as on the row's page.
                    f"{column.field_prefix}-note": current.note if current and intensity is not None else "",
                }
            )
    form = RowForm(data, columns=given, saved=saved, suggested={})
    if not form.is_valid():
        for name, errors in form.errors.items():
            row, key = where.get(name.rsplit("-", 1)[0], (rows[0], "organization"))
            for message in errors:
                context.problem(row, message, key)
        return
    if refused:
        return
    cells = [cell for cell in form.cells() if _differs(cell, saved.get(cell.key))]
    if not cells:
        plan.unchanged += 1
        return
    write = partial(
        services.row_save,
        organization=organization,
        cells=cells,
        expected_fingerprint=form.cleaned_data["fingerprint"],
        detail=False,
    )
    plan.changes.append(Change(created=not saved, write=write))


def _differs(cell: services.CellInput, intervention: FactorIntervention | None) -> bool:
    if intervention is None:
        return cell.intensity is not None
    return cell.intensity is None or cell.differs_from(intervention)


IMPORTERS = (
    Importer(
        key="matrice-facteurs",
        title=gettext_lazy("Importer la matrice des organismes et des facteurs"),
        tool=7,
        sheets=tuple(MATRIX.values()),
        check=check,
        perm=Perm.EDIT_ANALYSIS,
        back="coverage:matrix",
        scope=Scope.PARTNERSHIP,
        document="intervention-facteurs",
        rules=(
            gettext_lazy(
                "Une ligne par organisme inscrit (même nom, sans égard aux majuscules) et par système ; chaque "
                "cellule donne l'intensité de son action sur le facteur, puis ses types d'action. Une cellule vide "
                "est « non renseignée » ; les précisions et les composantes des facteurs, que l'export n'écrit pas, "
                "restent telles quelles. Importer de nouveau l'export ne change rien."
            ),
        ),
    ),
)
