from django import forms
from django.utils.translation import gettext_lazy as _

from analysis.models import Finding
from core.concurrency import FingerprintFormMixin
from core.forms import RecordFormMixin
from cycles.models import Cycle
from factors.forms import factor_choice_groups
from factors.models import ProtectiveFactor

from .models import Objective, Priority, SelectedFactor, Vote, VoteStatus
from .selectors import FactorChoices

NOT_IN_CYCLE = _("Ce constat n'appartient pas à ce cycle.")
NOT_SELECTED = _(
    "« %(factor)s » n'est pas un facteur retenu pour ce cycle : retenez-le d'abord dans la page des facteurs."
)


class CandidatesForm(FingerprintFormMixin, forms.Form):
    candidates = forms.ModelMultipleChoiceField(
        queryset=Finding.objects.none(),
        required=False,
        error_messages={"invalid_choice": NOT_IN_CYCLE, "invalid_pk_value": NOT_IN_CYCLE},
    )

    def __init__(self, *args, cycle: Cycle, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["candidates"].queryset = Finding.objects.filter(cycle=cycle)


def order_field_name(finding: Finding) -> str:
    return f"order_{finding.pk}"


class ChooseForm(forms.Form):
    """The group's choice: which of the offered findings become priorities, and in which order."""

    findings = forms.ModelMultipleChoiceField(
        queryset=Finding.objects.none(),
        error_messages={
            "required": _("Cochez au moins un constat à retenir comme priorité."),
            "invalid_choice": _("Ce constat n'appartient pas à ce cycle ou il est déjà une priorité."),
            "invalid_pk_value": NOT_IN_CYCLE,
        },
    )
    vote = forms.ModelChoiceField(queryset=Vote.objects.none(), required=False, widget=forms.HiddenInput)
    note = forms.CharField(label=_("Note (facultatif)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, cycle: Cycle, offered: list[Finding], orders: dict[int, int] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.offered = offered
        self.fields["findings"].queryset = Finding.objects.filter(cycle=cycle).exclude(priorities__cycle=cycle)
        self.fields["vote"].queryset = Vote.objects.filter(cycle=cycle, status=VoteStatus.CLOSED)
        for finding in offered:
            self.fields[order_field_name(finding)] = forms.IntegerField(
                label=_("Ordre"),
                required=False,
                min_value=1,
                initial=(orders or {}).get(finding.pk),
                error_messages={"invalid": _("Entrez un nombre entier."), "min_value": _("L'ordre commence à 1.")},
            )
        self.ordered: list[Finding] = []

    def rows(self) -> list[tuple[Finding, forms.BoundField, bool]]:
        chosen = {str(value) for value in (self["findings"].value() or [])}
        return [(f, self[order_field_name(f)], str(f.pk) in chosen) for f in self.offered]

    def clean(self) -> dict:
        data = super().clean()
        findings = data.get("findings")
        if findings is not None:
            presented = {finding.pk: index for index, finding in enumerate(self.offered)}

            def key(finding: Finding) -> tuple[int, int]:
                order = data.get(order_field_name(finding)) or 10_000
                return order, presented.get(finding.pk, len(presented))

            self.ordered = sorted(findings, key=key)
        return data


class SelectedFactorsForm(FingerprintFormMixin, forms.Form):
    """A checkbox and a rationale per factor of the catalogue, grouped by system."""

    def __init__(self, *args, groups: list[FactorChoices], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.groups = groups
        for group in groups:
            for row in group.items:
                pk = row.factor.pk
                self.fields[f"factor_{pk}"] = forms.BooleanField(
                    label=row.factor.name, required=False, initial=row.selection is not None
                )
                self.fields[f"rationale_{pk}"] = forms.CharField(
                    label=_("Justification"),
                    required=False,
                    max_length=1000,
                    initial=row.selection.rationale if row.selection else "",
                )

    def sections(self) -> list[tuple[FactorChoices, list]]:
        return [
            (group, [(row, self[f"factor_{row.factor.pk}"], self[f"rationale_{row.factor.pk}"]) for row in group.items])
            for group in self.groups
        ]

    def clean(self) -> dict:
        data = super().clean()
        for group in self.groups:
            for row in group.items:
                if row.used_by and not data.get(f"factor_{row.factor.pk}"):
                    self.add_error(
                        f"factor_{row.factor.pk}",
                        _("Ce facteur est visé par l'objectif « %(title)s » : retirez-le d'abord de cet objectif.")
                        % {"title": row.used_by[0]},
                    )
        return data

    def choices(self) -> dict[ProtectiveFactor, str]:
        """{factor: rationale} for every checked factor."""
        return {
            row.factor: self.cleaned_data.get(f"rationale_{row.factor.pk}", "").strip()
            for group in self.groups
            for row in group.items
            if self.cleaned_data.get(f"factor_{row.factor.pk}")
        }


class ObjectiveForm(RecordFormMixin, forms.ModelForm):
    class Meta:
        model = Objective
        fields = ["title", "description", "position", "priorities", "factors"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "priorities": forms.CheckboxSelectMultiple,
            "factors": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "position": _("Laissez vide pour placer l'objectif à la fin de la liste."),
            "factors": _("Seuls les facteurs retenus pour ce cycle peuvent être visés."),
        }

    def __init__(self, *args, cycle: Cycle, selected: list[ProtectiveFactor] | None = None, **kwargs) -> None:
        """`selected`: the factors selected for the cycle, when the caller read them already."""
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False
        self.fields["priorities"].queryset = Priority.objects.filter(cycle=cycle).select_related("finding")
        self.fields["priorities"].error_messages["invalid_choice"] = _("Cette priorité n'appartient pas à ce cycle.")
        factors = self.fields["factors"]
        factors.queryset = ProtectiveFactor.objects.for_partnership(cycle.partnership)
        factors.error_messages["invalid_choice"] = _("Ce facteur de protection n'existe pas dans votre catalogue.")
        if selected is None:
            selected = [s.factor for s in SelectedFactor.objects.filter(cycle=cycle).select_related("factor")]
        self.selected_ids = {factor.pk for factor in selected}
        factors.choices = factor_choice_groups(selected)

    def clean_factors(self) -> list[ProtectiveFactor]:
        factors = self.cleaned_data["factors"]
        outside = [factor.name for factor in factors if factor.pk not in self.selected_ids]
        if outside:
            raise forms.ValidationError(NOT_SELECTED % {"factor": outside[0]})
        return factors
