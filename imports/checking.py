"""What an importer's `check` works with: the rows of a sheet, the problems it finds (sheet, line, column, message
in the person's language), and the one way a row is checked — through the app's own form, so that an import and a
page apply the same rules."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.utils import translation
from django.utils.translation import gettext as _

from core.imports import Cell, Formula, quote
from cycles.models import Cycle
from partnerships.access import PartnershipAccess

from .registry import CHOICE, DATE, DECIMAL, FLAG, Column, SheetSpec

YES_WORDS = {"oui", "o", "yes", "y", "vrai", "true", "1", "x"}
NO_WORDS = {"non", "n", "no", "faux", "false", "0", ""}
# What a page's form posts for the fields it does not show in an import.
RECORD_FIELDS = ("version", "form_token")


@dataclass(frozen=True)
class Problem:
    message: str
    sheet: str = ""
    line: int | None = None
    column: str = ""


@dataclass(frozen=True)
class Row:
    spec: SheetSpec
    line: int
    cells: dict[str, Cell]

    def text(self, key: str) -> str:
        return cell_text(self.cells.get(key))


@dataclass
class ImportContext:
    access: PartnershipAccess
    cycle: Cycle | None
    user: object
    file_name: str = ""  # the uploaded file's name: what a history entry of the import may say
    problems: list[Problem] = field(default_factory=list)

    def problem(self, row: Row, message: str, column: str = "") -> None:
        label = str(row.spec.column(column).label) if column else ""
        self.problems.append(Problem(sheet=str(row.spec.title), line=row.line, column=label, message=message))

    def checked(self, row: Row, form_class: type[forms.Form], *, instance=None, values=None, **extra):
        """The row through the app's form (`instance` for an update): the form's instance, with the row's values,
        or None when a cell is refused (each refusal a problem at its column, in the order of the columns). A form
        that is not a ModelForm (a row of a set) gives its cleaned data.

        `values` is the form's data for what the row's cells do not give directly: the fields the export does not
        write (an update keeps what the record holds) and the cells the importer reads itself (a name turned into
        its key). With `values`, a column the file lacks keeps its value there rather than being emptied."""
        data, refused = self._form_data(row, values)
        if instance is not None:
            data["version"] = instance.version
        if issubclass(form_class, forms.BaseModelForm):
            extra["instance"] = instance
        form = form_class(data, **extra)
        if form.is_valid() and not refused:
            return form.instance if isinstance(form, forms.BaseModelForm) else form.cleaned_data
        order = [column.key for column in row.spec.columns]
        found = list(refused.items())
        for name, errors in form.errors.items():
            if name not in refused:
                found += [(name if name in order else "", message) for message in errors]
        found.sort(key=lambda item: order.index(item[0]) if item[0] in order else -1)
        for column, message in found:
            self.problem(row, message, column)
        return None

    def _form_data(self, row: Row, values: dict | None) -> tuple[dict, dict[str, str]]:
        """The form's data, and the message of each cell that cannot even be given to the form."""
        data: dict = dict(values or {})
        refused: dict[str, str] = {}
        for column in row.spec.columns:
            if not column.form_field or (values is not None and column.key not in row.cells):
                continue
            try:
                data[column.key] = form_value(column, row.cells.get(column.key))
            except ValueError as error:
                refused[column.key] = str(error)
        return data, refused


def references_set(form_class: type[forms.Form], *names: str) -> type[forms.Form]:
    """The app's form for a row whose references (a parent, an organization, a funder, links) the importer resolved
    itself, among the records it read once: they are set on the record (`references`, before the form is built, as
    its choices may depend on them) rather than chosen in the form, since a parent the same file adds has no key
    yet (it is saved first, when the import is written), and since the form would look each one up again, a
    query a row. The form checks every other field; the importer checks what it resolved, at its column."""
    model_form = issubclass(form_class, forms.BaseModelForm)

    class ReferencesSetForm(form_class):
        required_fields = tuple(name for name in getattr(form_class, "required_fields", ()) if name not in names)

        def __init__(self, *args, references=None, **kwargs) -> None:
            if model_form:
                if kwargs.get("instance") is None:
                    kwargs["instance"] = self._meta.model()
                for name, value in (references or {}).items():
                    setattr(kwargs["instance"], name, value)
            super().__init__(*args, **kwargs)
            for name in names:
                self.fields.pop(name)

    return ReferencesSetForm


def cell_text(cell: Cell) -> str:
    """A cell as text; a year typed in a spreadsheet comes as the number 2022.0 and must read "2022". A formula is
    refused by `form_value`; here it is its own text."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime.datetime | datetime.date):
        return cell.isoformat()[:10]
    return str(cell).strip()


def form_value(column: Column, cell: Cell) -> str:
    """What the page's form would receive for this cell: a date as 2025-06-30, a number with a point, a box
    ticked as "on"; raises ValueError with the message to show."""
    refuse_formula(cell)
    if column.kind == FLAG:
        return "on" if flag(cell) else ""
    if column.kind == DECIMAL:
        return decimal_text(cell)
    if column.kind == DATE and isinstance(cell, datetime.datetime | datetime.date):
        return cell.isoformat()[:10]
    if column.kind == CHOICE:
        return choice(column, cell)
    return "" if cell is None else str(cell)


def refuse_formula(cell: Cell) -> None:
    """A formula is never evaluated (nor its last computed value taken): raises ValueError with the message."""
    if isinstance(cell, Formula):
        raise ValueError(
            _("Formule refusée (%(formula)s) : une importation ne calcule pas de formule ; inscrivez-en la valeur.")
            % {"formula": quote(cell)}
        )


def flag(cell: Cell) -> bool:
    if isinstance(cell, bool):
        return cell
    text = cell_text(cell).casefold()
    if text in YES_WORDS:
        return True
    if text in NO_WORDS:
        return False
    raise ValueError(_("« %(value)s » : écrivez oui ou non.") % {"value": quote(cell_text(cell))})


def decimal_text(cell: Cell) -> str:
    """A number from the sheet, or a text written the French way (« 12,5 », « 1 234,5 »)."""
    if isinstance(cell, bool):
        raise ValueError(_("« %(value)s » n'est pas un nombre.") % {"value": quote(cell)})
    if isinstance(cell, int | Decimal):
        return str(cell)
    if isinstance(cell, float):
        return repr(cell)  # the shortest text that reads back as the same float: 27.5, not 27.500000001
    text = "".join(cell_text(cell).split()).replace("\u202f", "")
    return text.replace(",", ".") if text.count(",") == 1 and "." not in text else text


def choice(column: Column, cell: Cell) -> str:
    """A choice written as its code or as its label, in French or in English."""
    text = cell_text(cell)
    if not text:
        return ""
    wanted = text.casefold()
    for code, label in column.choices:
        if wanted == code.casefold() or wanted in labels(label):
            return code
    raise ValueError(
        _("« %(value)s » n'est pas une valeur acceptée : %(accepted)s.")
        % {"value": quote(text), "accepted": ", ".join(str(label) for _code, label in column.choices)}
    )


def labels(label) -> set[str]:
    found = set()
    for language in ("fr", "en"):
        with translation.override(language):
            found.add(str(label).casefold())
    return found
