from dataclasses import dataclass

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.concurrency import FingerprintFormMixin

from .models import ActionKind, CellKey, FactorIntervention, Intensity
from .selectors import Column
from .services import CellInput
from .suggestions import Suggestion

NOT_ANSWERED = ""


@dataclass(frozen=True)
class CellFields:
    """The bound fields of one cell, for the template."""

    column: Column
    intensity: forms.BoundField
    kinds: forms.BoundField
    note: forms.BoundField
    services: list  # the organization's services that target the factor (Outil 6)
    suggested: bool  # the cell was not answered and is proposed from those services


class RowForm(FingerprintFormMixin, forms.Form):
    """One organization's whole row of the matrix: for each column an intensity, kinds of action and a note."""

    def __init__(
        self,
        *args,
        columns: list[Column],
        saved: dict[CellKey, FactorIntervention],
        suggested: dict[int, Suggestion],
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.columns = columns
        self.suggestions = suggested
        self.proposed: set[CellKey] = set()
        for column in columns:
            self._add_cell(column, saved.get(column.key))
            suggestion = suggested.get(column.factor.pk) if column.element is None else None
            if suggestion is not None and column.key not in saved:
                self._propose(column, suggestion)

    def _propose(self, column: Column, suggestion: Suggestion) -> None:
        prefix = column.field_prefix
        self.initial.update({f"{prefix}-intensity": suggestion.intensity, f"{prefix}-kinds": suggestion.kinds})
        self.proposed.add(column.key)

    def _add_cell(self, column: Column, intervention: FactorIntervention | None) -> None:
        prefix = column.field_prefix
        # "Not answered" differs from 0, which says the organization does not act on the factor.
        # The number comes first, as in the matrix and its legend.
        numbered = [(value, format_lazy("{} — {}", value, label)) for value, label in Intensity.choices]
        choices = [(NOT_ANSWERED, format_lazy("— {}", _("Non renseignée"))), *numbered]
        self.fields[f"{prefix}-intensity"] = forms.TypedChoiceField(
            label=_("Intensité"), choices=choices, coerce=int, empty_value=None, required=False
        )
        self.fields[f"{prefix}-kinds"] = forms.MultipleChoiceField(
            label=_("Types d'action"), choices=ActionKind.choices, required=False, widget=forms.CheckboxSelectMultiple
        )
        self.fields[f"{prefix}-note"] = forms.CharField(label=_("Précisions"), max_length=300, required=False)
        if intervention is not None:
            self.initial.update(
                {
                    f"{prefix}-intensity": intervention.intensity,
                    f"{prefix}-kinds": intervention.kinds,
                    f"{prefix}-note": intervention.note,
                }
            )

    def cell_fields(self) -> list[CellFields]:
        return [
            CellFields(
                column=column,
                intensity=self[f"{column.field_prefix}-intensity"],
                kinds=self[f"{column.field_prefix}-kinds"],
                note=self[f"{column.field_prefix}-note"],
                services=self.suggestions[column.factor.pk].services
                if column.element is None and column.factor.pk in self.suggestions
                else [],
                suggested=column.key in self.proposed,
            )
            for column in self.columns
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        for column in self.columns:
            prefix = column.field_prefix
            if cleaned.get(f"{prefix}-intensity") is None and (
                cleaned.get(f"{prefix}-kinds") or (cleaned.get(f"{prefix}-note") or "").strip()
            ):
                self.add_error(
                    f"{prefix}-intensity",
                    _("Choisissez une intensité pour ce facteur : vous avez coché un type d'action ou écrit une note."),
                )
        return cleaned

    def cells(self) -> list[CellInput]:
        """The typed values, cell by cell (intensity None for a cell left "not answered")."""
        result = []
        for column in self.columns:
            prefix = column.field_prefix
            intensity = self.cleaned_data.get(f"{prefix}-intensity")
            factor_pk, element_pk = column.key
            result.append(
                CellInput(
                    factor_id=factor_pk,
                    element_id=element_pk,
                    intensity=intensity,
                    kinds=self.cleaned_data.get(f"{prefix}-kinds") or [],
                    note=(self.cleaned_data.get(f"{prefix}-note") or "").strip(),
                )
            )
        return result
