from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.forms import RecordFormMixin, normalized
from core.submissions import OnceFormMixin

from .models import Cycle, Step, StepStatus
from .seeding import check_next_cycle, next_dates, next_name


class CycleForm(RecordFormMixin, forms.ModelForm):
    class Meta:
        model = Cycle
        fields = ["name", "starts_on", "ends_on"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {"name": _("Par exemple : Plan d'action 2025-2028.")}

    def clean_name(self) -> str:
        return normalized(self.cleaned_data["name"])

    def clean(self) -> dict:
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on <= starts_on:
            self.add_error("ends_on", _("La date de fin doit être après la date de début."))
        return cleaned


class StepStatusForm(VersionedFormMixin, forms.Form):
    """Moves one step; taking a step back from "completed" must say why, for the group's memory."""

    status = forms.ChoiceField(label=_("Nouveau statut"), choices=StepStatus.choices)
    reason = forms.CharField(
        label=_("Motif"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Obligatoire pour rouvrir une étape terminée ; conservé dans l'historique."),
    )

    def __init__(self, *args, step: Step, **kwargs) -> None:
        # Several of these forms share the cycle's page: distinct ids, same field names.
        kwargs.setdefault("auto_id", f"id_step{step.number}_%s")
        kwargs.setdefault("initial", {"status": step.status, "version": step.version})
        super().__init__(*args, **kwargs)
        self.step = step

    def clean_reason(self) -> str:
        return self.cleaned_data["reason"].strip()

    def clean(self) -> dict:
        cleaned = super().clean()
        reopening = self.step.status == StepStatus.COMPLETED and cleaned.get("status") not in (
            None,
            StepStatus.COMPLETED,
        )
        if reopening and not cleaned.get("reason"):
            self.add_error("reason", _("Indiquez pourquoi vous rouvrez cette étape terminée."))
        return cleaned


class NextCycleForm(OnceFormMixin, forms.Form):
    """The name and dates of the cycle that follows `cycle`; its rules (cycles.seeding.check_next_cycle) are said
    next to the field they concern."""

    name = forms.CharField(label=_("Nom du nouveau cycle"), max_length=150)
    starts_on = forms.DateField(label=_("Début"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    ends_on = forms.DateField(label=_("Fin"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args, cycle: Cycle, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.cycle = cycle
        if not self.is_bound:
            starts_on, ends_on = next_dates(cycle)
            self.initial.update(name=next_name(cycle, starts_on), starts_on=starts_on, ends_on=ends_on)

    def clean_name(self) -> str:
        return normalized(self.cleaned_data["name"])

    def clean(self) -> dict:
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on <= starts_on:
            self.add_error("ends_on", _("La date de fin doit être après la date de début."))
        if starts_on:
            try:
                check_next_cycle(cycle=self.cycle, starts_on=starts_on)
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned

    def dates(self) -> tuple:
        """The dates the preview is for: those typed when they are valid, else the proposed ones."""
        if self.is_bound and not self.errors.keys() & {"starts_on", "ends_on"}:
            return self.cleaned_data["starts_on"], self.cleaned_data["ends_on"]
        return next_dates(self.cycle)


class CompareForm(forms.Form):
    """Two cycles of the partnership, read from the address (?a=…&b=…) so that a comparison can be linked."""

    a = forms.ModelChoiceField(label=_("Cycle"), queryset=Cycle.objects.none())
    b = forms.ModelChoiceField(label=_("Comparé à"), queryset=Cycle.objects.none())

    def __init__(self, *args, cycles, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("a", "b"):
            self.fields[name].queryset = cycles

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("a") and cleaned.get("a") == cleaned.get("b"):
            self.add_error("b", _("Choisissez deux cycles différents."))
        return cleaned
