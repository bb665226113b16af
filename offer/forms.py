from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.forms import RecordFormMixin, normalized
from factors.forms import factor_choice_groups
from factors.models import ProtectiveFactor
from organizations.models import Organization, Sector
from partnerships.models import Partnership, Territory

from .models import ClienteleCode, Service, clientele_field


class ServiceForm(RecordFormMixin, forms.ModelForm):
    # Named like the model's property, so that the conflict page can show the saved clienteles beside these.
    clientele_codes = forms.MultipleChoiceField(
        label=_("Clientèles"),
        choices=ClienteleCode.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Cochez au moins une clientèle.")},
    )

    class Meta:
        model = Service
        fields = [
            "organization",
            "name",
            "description",
            "clientele_codes",
            "territories",
            "frequency",
            "capacity",
            "reached_per_year",
            "cost",
            "cost_detail",
            "schedule",
            "languages",
            "transport_access",
            "adapted_hours",
            "fee_reduction",
            "accessibility_notes",
            "partner_organizations",
            "factors",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 2}),
            "territories": forms.CheckboxSelectMultiple,
            "partner_organizations": forms.CheckboxSelectMultiple,
            "factors": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "territories": _("Les territoires du regroupement où le service est offert ou d'où viennent ses usagers."),
            "languages": _("Par exemple : français, anglais, arabe."),
            "schedule": _("Par exemple : mardis et jeudis de 9 h à 11 h 30."),
            "reached_per_year": _("Une estimation suffit ; laissez vide si l'organisme ne le sait pas."),
        }

    def __init__(
        self,
        *args,
        partnership: Partnership,
        organizations: QuerySet[Organization],
        factors: list[ProtectiveFactor] | None = None,
        **kwargs,
    ) -> None:
        """`factors`: the partnership's protective factors, when the caller read them already (an import)."""
        super().__init__(*args, **kwargs)
        self.initial.setdefault("clientele_codes", self.instance.clientele_codes)
        # Only the partnership's own records are offered, so a forged primary key fails validation.
        self.fields["organization"].queryset = organizations
        self.fields["organization"].empty_label = None if organizations.count() == 1 else "---------"
        self.fields["territories"].queryset = Territory.objects.filter(partnership=partnership)
        partners = Organization.objects.filter(partnership=partnership)
        if (own := self._own_organization(organizations)) is not None:
            partners = partners.exclude(pk=own)  # an organization is not its own partner
        self.fields["partner_organizations"].queryset = partners
        self.fields["factors"].queryset = ProtectiveFactor.objects.for_partnership(partnership)
        self.fields["factors"].choices = factor_choice_groups(
            self.fields["factors"].queryset if factors is None else factors
        )

    def _own_organization(self, organizations: QuerySet[Organization]) -> int | None:
        """The organization offering the service, when it is settled before the form is filled in: the service's
        own, the one the page was opened for, or the only one the person may choose."""
        if self.instance.organization_id:
            return self.instance.organization_id
        initial = str(getattr(self.initial.get("organization"), "pk", self.initial.get("organization") or ""))
        if initial.isdigit() and organizations.filter(pk=initial).exists():
            return int(initial)
        only = list(organizations.values_list("pk", flat=True)[:2])
        return only[0] if len(only) == 1 else None

    @property
    def accessibility_fields(self) -> list[forms.BoundField]:
        """The three yes-or-no fields, shown as checkboxes with their label beside them."""
        return [self[name] for name in ("transport_access", "adapted_hours", "fee_reduction")]

    def clean_name(self) -> str:
        return normalized(self.cleaned_data["name"])

    def clean(self) -> dict:
        cleaned = super().clean()
        organization = cleaned.get("organization")
        partners = cleaned.get("partner_organizations") or []
        if organization is not None and organization in partners:
            self.add_error(
                "partner_organizations",
                _("L'organisme qui offre le service ne peut pas être aussi son partenaire."),
            )
        codes = set(cleaned.get("clientele_codes") or ())
        for code in ClienteleCode.values:
            setattr(self.instance, clientele_field(code), code in codes)
        return cleaned


class ServiceFilterForm(forms.Form):
    sector = forms.ChoiceField(
        label=_("Secteur de l'organisme"), required=False, choices=[("", _("Tous les secteurs")), *Sector.choices]
    )
    clientele = forms.ChoiceField(
        label=_("Clientèle"), required=False, choices=[("", _("Toutes les clientèles")), *ClienteleCode.choices]
    )
    territory = forms.ModelChoiceField(
        label=_("Territoire"), required=False, queryset=Territory.objects.none(), empty_label=_("Tous les territoires")
    )
    factor = forms.ModelChoiceField(
        label=_("Facteur de protection"),
        required=False,
        queryset=ProtectiveFactor.objects.none(),
        empty_label=_("Tous les facteurs"),
    )

    def __init__(self, *args, partnership: Partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["territory"].queryset = Territory.objects.filter(partnership=partnership)
        self.fields["factor"].queryset = ProtectiveFactor.objects.for_partnership(partnership)

    def values(self) -> dict:
        """The valid filters only: a stale or forged value is ignored rather than refused."""
        self.is_valid()
        return {name: self.cleaned_data.get(name) or None for name in self.fields}


class GapFilterForm(ServiceFilterForm):
    """The portrait crosses clientele and territory, so it filters on the other two dimensions only."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["clientele"]
        del self.fields["territory"]
