from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.forms import RecordFormMixin, normalized

from .models import Cycle, Step, StepStatus


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
