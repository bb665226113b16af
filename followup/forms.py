from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import ReminderPreference
from core.concurrency import FingerprintFormMixin, VersionedFormMixin
from core.forms import RecordFormMixin, refuse_duplicate
from plan.models import Action

from . import selectors
from .models import ActionReport, CommunicationItem

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CHOICES = forms.CheckboxSelectMultiple(attrs={"class": "choice-list"})
TEXT = forms.Textarea(attrs={"rows": 3})
TEXT_FIELDS = (
    "activities_planned",
    "activities_done",
    "quality_view",
    "better_off",
    "helped",
    "hindered",
    "adjustments",
)


class ReportForm(RecordFormMixin, forms.ModelForm):
    class Meta:
        model = ActionReport
        fields = [
            "period_start",
            "period_end",
            "progress",
            "activities_planned",
            "activities_done",
            "milestones_reached",
            "sessions_held",
            "children_reached",
            "parents_reached",
            "practitioners_reached",
            "satisfaction",
            "retention",
            "quality_view",
            "better_off",
            "better_off_figure",
            "partners",
            "helped",
            "hindered",
            "adjustments",
        ]
        widgets = {
            "period_start": DATE_WIDGET,
            "period_end": DATE_WIDGET,
            "milestones_reached": CHOICES,
            "partners": CHOICES,
            **dict.fromkeys(TEXT_FIELDS, TEXT),
        }
        help_texts = {
            "better_off_figure": _("Facultatif : un nombre qui montre le changement (par exemple, 12 familles)."),
        }

    def __init__(self, *args, action: Action, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.action = action
        self.fields["partners"].queryset = selectors.action_organizations(action)
        self.fields["milestones_reached"].queryset = selectors.action_milestones(action)

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("La fin de la période doit suivre son début."))
        if start:
            try:
                refuse_duplicate(
                    ActionReport.objects.filter(action=self.action, period_start=start),
                    self.instance,
                    _("Cette action a déjà un suivi pour la période qui commence à cette date."),
                )
            except forms.ValidationError as error:
                self.add_error("period_start", error)
        return data


class SubmitForm(VersionedFormMixin):
    """Submitting carries the version the person read, so that nobody submits a report they have not seen."""


class SendBackForm(VersionedFormMixin):
    comment = forms.CharField(
        label=_("Ce qu'il faut corriger"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )


class ReachForm(FingerprintFormMixin):
    """One row per territory of the partnership: children, parents and practitioners reached there."""

    KINDS = (("children", _("Enfants")), ("parents", _("Parents")), ("practitioners", _("Intervenants")))

    def __init__(self, *args, territories, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.territories = territories
        for territory in territories:
            for kind, label in self.KINDS:
                self.fields[f"t{territory.pk}_{kind}"] = forms.IntegerField(
                    label=_("%(kind)s — %(territory)s") % {"kind": label, "territory": territory.name},
                    min_value=0,
                    required=False,
                )

    def rows(self):
        """[(territory, [bound fields])] for the table."""
        return [(t, [self[f"t{t.pk}_{kind}"] for kind, _label in self.KINDS]) for t in self.territories]

    def reach(self) -> dict[int, tuple]:
        data = self.cleaned_data
        return {t.pk: tuple(data[f"t{t.pk}_{kind}"] for kind, _label in self.KINDS) for t in self.territories}


class SpendingForm(FingerprintFormMixin):
    """One amount per budget line of the action."""

    def __init__(self, *args, budget_lines, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.budget_lines = budget_lines
        for line in budget_lines:
            self.fields[f"line{line.pk}"] = forms.DecimalField(
                label=_("Dépensé sur %(line)s") % {"line": line},
                min_value=Decimal("0"),
                max_digits=12,
                decimal_places=2,
                required=False,
            )

    def rows(self):
        return [(line, self[f"line{line.pk}"]) for line in self.budget_lines]

    def spending(self) -> dict[int, Decimal | None]:
        return {line.pk: self.cleaned_data[f"line{line.pk}"] for line in self.budget_lines}


class CommunicationForm(RecordFormMixin, forms.ModelForm):
    class Meta:
        model = CommunicationItem
        fields = ["audience", "message", "channel", "planned_on", "responsible", "status"]
        widgets = {"planned_on": DATE_WIDGET, "message": TEXT}

    def __init__(self, *args, cycle, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = selectors.partnership_organizations(cycle.partnership)


class ReminderPreferenceForm(forms.ModelForm):
    class Meta:
        model = ReminderPreference
        fields = ["frequency", "language"]
        widgets = {"frequency": forms.RadioSelect, "language": forms.RadioSelect}
