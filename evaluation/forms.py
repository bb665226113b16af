from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import FingerprintFormMixin
from core.forms import QuickSelect, QuickTextarea, RecordFormMixin
from cycles.models import Cycle

from . import selectors
from .models import Decision, Measurement, Questioning, Review
from .services import CHANGED_FIELDS

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CHOICES = forms.CheckboxSelectMultiple(attrs={"class": "choice-list"})
TEXT = forms.Textarea(attrs={"rows": 3})


class MeasurementForm(RecordFormMixin, forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "source", "imprecise", "comment"]
        widgets = {
            "measured_on": DATE_WIDGET,
            "comment": forms.Textarea(attrs={"rows": 3}),
        }


class ReviewForm(RecordFormMixin, forms.ModelForm):
    class Meta:
        model = Review
        fields = [
            "transformation",
            "period_start",
            "period_end",
            "curve",
            "helps",
            "hinders",
            "partners",
            "what_works",
            "lessons",
        ]
        widgets = {
            "period_start": DATE_WIDGET,
            "period_end": DATE_WIDGET,
            "partners": CHOICES,
            **dict.fromkeys(("curve", "helps", "hinders", "what_works", "lessons"), TEXT),
        }
        help_texts = {
            "helps": _("L'histoire derrière la courbe : ce qui pousse dans le bon sens."),
            "hinders": _("L'histoire derrière la courbe : ce qui freine."),
        }

    def __init__(self, *args, cycle: Cycle, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["transformation"].queryset = selectors.cycle_transformations(cycle)
        self.fields["partners"].queryset = selectors.partnership_organizations(cycle.partnership)
        if self.instance.pk:
            del self.fields["transformation"]

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("La fin de la période doit suivre son début."))
        return data


class DecisionsForm(FingerprintFormMixin):
    """One decision per action of the review's transformation not yet decided for good (an applied decision is
    shown, not edited): maintain, adapt or abandon, with its reason."""

    def __init__(self, *args, actions, applied: set[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.actions = [action for action in actions if action.pk not in applied]
        choices = [("", _("Pas encore décidé")), *Decision.choices]
        for action in self.actions:
            self.fields[f"a{action.pk}_decision"] = forms.ChoiceField(
                label=_("Décision sur « %(action)s »") % {"action": action.title},
                choices=choices,
                required=False,
                widget=QuickSelect,
            )
            self.fields[f"a{action.pk}_reason"] = forms.CharField(
                label=_("Raison de la décision sur « %(action)s »") % {"action": action.title},
                widget=QuickTextarea(attrs={"rows": 2}),
                required=False,
                max_length=4000,
            )

    def rows(self):
        """[(action, decision field, reason field)] for the table."""
        return [(a, self[f"a{a.pk}_decision"], self[f"a{a.pk}_reason"]) for a in self.actions]

    def clean(self) -> dict:
        data = super().clean()
        for action in self.actions:
            decision, reason = data.get(f"a{action.pk}_decision"), (data.get(f"a{action.pk}_reason") or "").strip()
            if decision and not reason:
                self.add_error(f"a{action.pk}_reason", _("Donnez la raison de cette décision."))
            if reason and not decision:
                self.add_error(f"a{action.pk}_decision", _("Choisissez la décision que cette raison justifie."))
        return data

    def decisions(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {
            a.pk: (data[f"a{a.pk}_decision"], data[f"a{a.pk}_reason"].strip())
            if data[f"a{a.pk}_decision"]
            else ("", "")
            for a in self.actions
        }


class ApplyForm(FingerprintFormMixin):
    """Applying a decision carries the fingerprint of the decisions the person read."""


class QuestioningForm(RecordFormMixin, forms.ModelForm):
    SUBJECTS = ("transformation", "factor", "objective")

    class Meta:
        model = Questioning
        fields = [
            "transformation",
            "factor",
            "objective",
            "question",
            "reason",
            "decision",
            "changed_transformations",
            "changed_objectives",
            "changed_actions",
        ]
        widgets = {
            "question": TEXT,
            "reason": TEXT,
            "decision": TEXT,
            "changed_transformations": CHOICES,
            "changed_objectives": CHOICES,
            "changed_actions": CHOICES,
        }
        help_texts = {
            "transformation": _(
                "Choisissez une seule chose remise en question : une transformation, un facteur ou un objectif."
            ),
            "changed_actions": _("Les changements au plan auxquels la remise en question a mené."),
        }

    def __init__(self, *args, cycle: Cycle, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        transformations = selectors.cycle_transformations(cycle)
        objectives = selectors.cycle_objectives(cycle)
        self.fields["transformation"].queryset = transformations
        self.fields["factor"].queryset = selectors.cycle_factors(cycle)
        self.fields["objective"].queryset = objectives
        self.fields["changed_transformations"].queryset = transformations
        self.fields["changed_objectives"].queryset = objectives
        self.fields["changed_actions"].queryset = selectors.cycle_actions(cycle)

    def clean(self) -> dict:
        data = super().clean()
        chosen = [name for name in self.SUBJECTS if data.get(name)]
        if len(chosen) != 1:
            self.add_error(
                "transformation",
                _("Choisissez une seule chose remise en question : une transformation, un facteur ou un objectif."),
            )
        return data

    def changed(self) -> dict:
        return {name: self.cleaned_data[name] for name in CHANGED_FIELDS}
