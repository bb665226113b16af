from django import forms

from core.forms import RecordFormMixin

from .models import Measurement


class MeasurementForm(RecordFormMixin, forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "source", "imprecise", "comment"]
        widgets = {
            "measured_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "comment": forms.Textarea(attrs={"rows": 3}),
        }
