import re

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import HttpsURLField, RecordFormMixin, normalized, refuse_duplicate

from .models import Organization, Sector

POSTAL_CODE = re.compile(r"^([A-Z]\d[A-Z])\s?(\d[A-Z]\d)$")


class OrganizationForm(RecordFormMixin, forms.ModelForm):
    class Meta:
        model = Organization
        fields = [
            "name",
            "sector",
            "mission",
            "street_address",
            "city",
            "postal_code",
            "territory_served",
            "contact_name",
            "contact_email",
            "contact_phone",
            "website",
        ]
        widgets = {"mission": forms.Textarea(attrs={"rows": 4})}
        field_classes = {"website": HttpsURLField}
        help_texts = {"territory_served": _("Par exemple : quartiers, municipalités ou MRC où l'organisme intervient.")}

    def __init__(self, *args, partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean_name(self) -> str:
        name = normalized(self.cleaned_data["name"])
        refuse_duplicate(
            Organization.objects.filter(partnership=self.partnership, name__iexact=name),
            self.instance,
            _("Un organisme de ce nom fait déjà partie du regroupement."),
        )
        return name

    def clean_postal_code(self) -> str:
        raw = self.cleaned_data["postal_code"].strip().upper()
        if not raw:
            return ""
        match = POSTAL_CODE.match(raw)
        if not match:
            raise forms.ValidationError(_("Entrez un code postal canadien, par exemple H2S 1A1."))
        return f"{match.group(1)} {match.group(2)}"


class OrganizationFilterForm(forms.Form):
    q = forms.CharField(label=_("Rechercher"), required=False)
    sector = forms.ChoiceField(
        label=_("Secteur"), required=False, choices=[("", _("Tous les secteurs")), *Sector.choices]
    )
