"""The filters above the lists. Unknown values are ignored rather than refused: a filter link must never fail."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.systems import System
from factors.models import ProtectiveFactor
from partnerships.models import Partnership

from .models import FindingNature, FindingOrigin, ObservationSource, TerritoryLevel


def _choices(empty_label, values) -> list[tuple[str, str]]:
    return [("", empty_label), *values]


class StatisticFilterForm(forms.Form):
    indicator = forms.ChoiceField(label=_("Indicateur"), required=False)
    domain = forms.ChoiceField(label=_("Thème ou domaine"), required=False)
    territory_level = forms.ChoiceField(
        label=_("Niveau de territoire"),
        required=False,
        choices=_choices(_("Tous les niveaux"), TerritoryLevel.choices),
    )
    period = forms.ChoiceField(label=_("Période"), required=False)

    def __init__(self, *args, indicators: list[str], domains: list[str], periods: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = _choices(_("Tous les indicateurs"), [(v, v) for v in indicators])
        self.fields["domain"].choices = _choices(_("Tous les thèmes"), [(v, v) for v in domains])
        self.fields["period"].choices = _choices(_("Toutes les périodes"), [(v, v) for v in periods])


class ObservationFilterForm(forms.Form):
    source_kind = forms.ChoiceField(
        label=_("Provenance"), required=False, choices=_choices(_("Toutes les provenances"), ObservationSource.choices)
    )
    system = forms.ChoiceField(
        label=_("Système"), required=False, choices=_choices(_("Tous les systèmes"), System.choices)
    )
    factor = forms.ModelChoiceField(
        label=_("Facteur de protection"), required=False, queryset=None, empty_label=_("Tous les facteurs")
    )

    def __init__(self, *args, partnership: Partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["factor"].queryset = ProtectiveFactor.objects.for_partnership(partnership)


class FindingFilterForm(forms.Form):
    origin = forms.ChoiceField(
        label=_("Analyse d'origine"), required=False, choices=_choices(_("Toutes les analyses"), FindingOrigin.choices)
    )
    nature = forms.ChoiceField(
        label=_("Nature"), required=False, choices=_choices(_("Forces et préoccupations"), FindingNature.choices)
    )
    system = forms.ChoiceField(
        label=_("Système"), required=False, choices=_choices(_("Tous les systèmes"), System.choices)
    )


def filter_value(form: forms.Form, name: str, default=""):
    """The filter's value when valid; the default otherwise (an outdated link shows everything)."""
    form.is_valid()
    return form.cleaned_data.get(name) or default


class ChartFilterForm(forms.Form):
    indicator = forms.ChoiceField(label=_("Indicateur"), required=False)
    domain = forms.ChoiceField(label=_("Thème ou domaine"), required=False)
    territory = forms.ChoiceField(label=_("Territoire local"), required=False)
    region = forms.ChoiceField(label=_("Région"), required=False)

    def __init__(self, *args, indicators: list[str], domains: list[str], names: dict[str, list[str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [(v, v) for v in indicators]
        self.fields["domain"].choices = _choices(_("Tous les thèmes"), [(v, v) for v in domains])
        self.fields["territory"].choices = [(v, v) for v in names.get(TerritoryLevel.LOCAL, [])]
        self.fields["region"].choices = [(v, v) for v in names.get(TerritoryLevel.REGION, [])]
