from datetime import date

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from core.collation import by_name
from core.forms import RecordFormMixin, group_choices
from core.systems import SystemsField, join_systems, system_rank
from coverage.models import FactorIntervention
from factors.forms import factor_field
from factors.models import ProtectiveFactor
from offer.models import Service
from organizations.models import Organization
from partnerships.models import Partnership

from .models import (
    STATISTIC_FIELDS,
    Finding,
    FindingNature,
    FindingOrigin,
    Observation,
    ObservationSource,
    Statistic,
    statistic_key,
)
from .numbers import DecimalCommaField, format_value

CHOICE_LIST = {"class": "choice-list"}
EVIDENCE_PARAMS = {
    "factor": "factors",
    "statistic": "statistics",
    "observation": "observations",
    "service": "services",
    "intervention": "interventions",
}
SYSTEMS_HELP = _("Laissés vides, ce sont ceux des facteurs cochés.")


def with_factor_systems(cleaned: dict) -> dict:
    """Systems left unticked are those of the chosen factors: a factor belongs to one system."""
    if not cleaned.get("systems") and cleaned.get("factors"):
        cleaned["systems"] = join_systems(factor.system for factor in cleaned["factors"])
    return cleaned


class StatisticForm(RecordFormMixin, forms.ModelForm):
    value = DecimalCommaField(
        label=_("Valeur"), required=False, help_text=_("Avec une virgule ou un point : 12,5 ou 12.5.")
    )

    class Meta:
        model = Statistic
        fields = list(STATISTIC_FIELDS)
        widgets = {
            "indicator": forms.TextInput(attrs={"list": "indicator-suggestions"}),
            "domain": forms.TextInput(attrs={"list": "domain-suggestions"}),
            "territory_name": forms.TextInput(attrs={"list": "territory-suggestions"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "indicator": _(
                "Écrivez-le de la même façon pour chaque territoire et chaque période : le graphique les "
                "rapproche par leur nom."
            ),
            "period": _("Une année (2022) ou une période (2021-2022)."),
            "is_imprecise": _("Pour un petit territoire, une donnée peut être imprécise ou ne pas être publiée."),
        }

    def __init__(self, *args, partnership: Partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("value") is None and not cleaned.get("is_imprecise") and "value" not in self.errors:
            self.add_error("value", _("Entrez la valeur, ou cochez « donnée imprécise ou manquante »."))
        if all(cleaned.get(name) for name in ("indicator", "territory_level", "territory_name", "period")):
            self._check_unique(cleaned)
        return cleaned

    def _check_unique(self, cleaned: dict) -> None:
        names = ("indicator", "domain", "territory_level", "territory_name", "period")
        candidate = Statistic(**{name: cleaned.get(name) or "" for name in names})
        others = Statistic.objects.filter(
            partnership=self.partnership,
            territory_level=candidate.territory_level,
            indicator__iexact=candidate.indicator,
            period__iexact=candidate.period,
        ).exclude(pk=self.instance.pk)
        if any(statistic_key(other) == statistic_key(candidate) for other in others):
            raise forms.ValidationError(
                _("Cette donnée existe déjà (même indicateur, domaine, territoire et période) : modifiez-la plutôt.")
            )


class ObservationForm(RecordFormMixin, forms.ModelForm):
    systems = SystemsField(help_text=SYSTEMS_HELP)

    class Meta:
        model = Observation
        fields = ["text", "source_kind", "organization", "source_detail", "observed_on", "systems", "factors"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 5}),
            "source_kind": forms.RadioSelect,
            "observed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "source_detail": _("Par exemple : café-rencontre du 12 mars, 14 parents ; rapport annuel 2024."),
        }

    def __init__(self, *args, partnership: Partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["source_kind"].choices = ObservationSource.choices
        self.fields["organization"].queryset = Organization.objects.filter(partnership=partnership)
        self.fields["factors"] = factor_field(ProtectiveFactor.objects.for_partnership(partnership))

    def clean_observed_on(self) -> date | None:
        observed_on = self.cleaned_data.get("observed_on")
        if observed_on and observed_on > date.today():
            raise forms.ValidationError(_("La date ne peut pas être dans le futur."))
        return observed_on

    def clean(self) -> dict:
        cleaned = with_factor_systems(super().clean())
        if cleaned.get("source_kind") == ObservationSource.ORGANIZATION and not cleaned.get("organization"):
            self.add_error("organization", _("Choisissez l'organisme qui apporte cette observation."))
        return cleaned

    def relations(self) -> dict:
        return {"factors": self.cleaned_data["factors"]}


def _statistic_group(statistic: Statistic) -> str:
    return f"{statistic.indicator} — {statistic.domain}" if statistic.domain else statistic.indicator


def _statistic_label(statistic: Statistic) -> str:
    value = format_value(statistic.value) or "—"
    return f"{statistic.territory_name} · {statistic.period} · {value} {statistic.unit}".strip()


class FindingForm(RecordFormMixin, forms.ModelForm):
    systems = SystemsField(help_text=SYSTEMS_HELP)

    class Meta:
        model = Finding
        fields = [
            "statement",
            "nature",
            "origin",
            "systems",
            "factors",
            "statistics",
            "observations",
            "services",
            "interventions",
        ]
        widgets = {
            "statement": forms.Textarea(attrs={"rows": 3}),
            "nature": forms.RadioSelect,
            "origin": forms.RadioSelect,
            "statistics": forms.CheckboxSelectMultiple(attrs=CHOICE_LIST),
            "observations": forms.CheckboxSelectMultiple(attrs=CHOICE_LIST),
            "services": forms.CheckboxSelectMultiple(attrs=CHOICE_LIST),
            "interventions": forms.CheckboxSelectMultiple(attrs=CHOICE_LIST),
        }
        help_texts = {
            "statement": _(
                "Une phrase claire : ce qui est observé, chez qui, où. Par exemple : « Les enfants du "
                "quartier de la Gare sont plus nombreux qu'ailleurs à être vulnérables sur le plan du "
                "langage. »"
            ),
        }

    def __init__(self, *args, partnership: Partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        # Radio buttons need no empty "---------" choice: leaving them all unticked says the same.
        self.fields["nature"].choices = FindingNature.choices
        self.fields["origin"].choices = FindingOrigin.choices
        self.fields["factors"] = factor_field(ProtectiveFactor.objects.for_partnership(partnership))
        self._evidence_fields(partnership)

    def _evidence_fields(self, partnership: Partnership) -> None:
        fields = self.fields
        fields["statistics"].queryset = Statistic.objects.filter(partnership=partnership).order_by(
            "indicator", "domain", "territory_level", "territory_name", "period"
        )
        fields["observations"].queryset = (
            Observation.objects.filter(partnership=partnership)
            .select_related("organization")
            .order_by("source_kind", "-observed_on", "-id")
        )
        fields["services"].queryset = (
            Service.objects.filter(organization__partnership=partnership)
            .select_related("organization")
            .order_by(by_name("organization__name"), by_name("name"))
        )
        fields["interventions"].queryset = (
            FactorIntervention.objects.filter(organization__partnership=partnership)
            .select_related("organization", "factor", "element")
            .order_by(by_name("organization__name"), system_rank("factor__system"), "factor__position", "id")
        )
        sources = dict(ObservationSource.choices)
        group_choices(fields["statistics"], _statistic_group, _statistic_label)
        group_choices(fields["observations"], lambda o: str(sources[o.source_kind]), _excerpt)
        group_choices(fields["services"], lambda s: s.organization.name, lambda s: s.name)
        group_choices(fields["interventions"], lambda i: i.organization.name, _intervention_label)

    def clean(self) -> dict:
        return with_factor_systems(super().clean())

    def prefill(self, params: QueryDict) -> None:
        """What another tool passes when it links here to draw a finding: ?origin=services&factor=12, or the
        piece of evidence the person was looking at (?statistic=, ?observation=, ?service=, ?intervention=).
        Only values the form itself offers are kept."""
        if params.get("origin") in FindingOrigin.values:
            self.initial["origin"] = params["origin"]
        for param, name in EVIDENCE_PARAMS.items():
            pk = params.get(param, "")
            chosen = self.fields[name].queryset.filter(pk=pk).first() if pk.isdigit() else None
            if chosen is not None:
                self.initial[name] = [chosen.pk]
                if name == "factors":
                    self.initial["systems"] = chosen.system

    @property
    def evidence_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("statistics", "observations", "services", "interventions")]

    def relations(self) -> dict:
        names = ("factors", "statistics", "observations", "services", "interventions")
        return {name: self.cleaned_data[name] for name in names}


def _excerpt(observation: Observation) -> str:
    text = " ".join(observation.text.split())
    excerpt = text if len(text) <= 140 else f"{text[:139]}…"
    return f"{excerpt} ({observation.organization.name})" if observation.organization_id else excerpt


def _intervention_label(intervention: FactorIntervention) -> str:
    target = intervention.element.name if intervention.element_id else intervention.factor.name
    return f"{target} — {intervention.get_intensity_display()}"
