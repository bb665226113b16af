from collections.abc import Iterable

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.forms import RecordFormMixin, normalized, refuse_duplicate
from core.systems import group_by_system
from partnerships.models import Partnership

from .models import FactorElement, ProtectiveFactor

LINE_BY_LINE = _("Un élément par ligne.")


def factor_choice_groups(factors: Iterable[ProtectiveFactor]) -> list[tuple[str, list[tuple[int, str]]]]:
    """Factors under the heading of their system, in the approach's order, for a grouped list of checkboxes."""
    return [
        (group.label, [(factor.pk, factor.name) for factor in group.items])
        for group in group_by_system(factors, keep_empty=False)
    ]


def factor_field(
    queryset: QuerySet[ProtectiveFactor], offered: Iterable[ProtectiveFactor] | None = None, **kwargs
) -> forms.ModelMultipleChoiceField:
    """The one picker of protective factors: checkboxes under the heading of their system. `offered` is the
    queryset's factors when the caller read them already (an import builds one form a row), else it is read here."""
    kwargs.setdefault("label", _("Facteurs de protection"))
    kwargs.setdefault("required", False)
    field = forms.ModelMultipleChoiceField(
        queryset=queryset, widget=forms.CheckboxSelectMultiple(attrs={"class": "choice-list"}), **kwargs
    )
    field.choices = factor_choice_groups(queryset if offered is None else offered)
    return field


class LocalFactorForm(RecordFormMixin, forms.ModelForm):
    """A partnership writes its local factor in its own language: the main fields, and an English name if it wants."""

    class Meta:
        model = ProtectiveFactor
        fields = ["system", "name_fr", "name_en", "description_fr", "key_facts_fr", "ideas_fr", "sources"]
        labels = {
            "name_fr": _("Nom"),
            "name_en": _("Nom en anglais (facultatif)"),
            "description_fr": _("Description"),
            "key_facts_fr": _("Faits saillants"),
            "ideas_fr": _("Pistes d'action"),
            "sources": _("Sources"),
        }
        help_texts = {"key_facts_fr": LINE_BY_LINE, "ideas_fr": LINE_BY_LINE, "sources": LINE_BY_LINE}
        widgets = {
            "description_fr": forms.Textarea(attrs={"rows": 4}),
            "key_facts_fr": forms.Textarea(attrs={"rows": 4}),
            "ideas_fr": forms.Textarea(attrs={"rows": 4}),
            "sources": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, partnership: Partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean_name_fr(self) -> str:
        name = normalized(self.cleaned_data["name_fr"])
        refuse_duplicate(
            ProtectiveFactor.objects.for_partnership(self.partnership).filter(name_fr__iexact=name),
            self.instance,
            _("Un facteur de ce nom existe déjà dans le catalogue ou vos facteurs locaux."),
        )
        return name

    def clean_name_en(self) -> str:
        return normalized(self.cleaned_data["name_en"])


class LocalElementForm(RecordFormMixin, forms.ModelForm):
    class Meta:
        model = FactorElement
        fields = ["name_fr", "name_en", "description_fr"]
        labels = {
            "name_fr": _("Nom"),
            "name_en": _("Nom en anglais (facultatif)"),
            "description_fr": _("Description"),
        }
        widgets = {"description_fr": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, partnership: Partnership, factor: ProtectiveFactor, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.factor = factor

    def clean_name_fr(self) -> str:
        name = normalized(self.cleaned_data["name_fr"])
        refuse_duplicate(
            FactorElement.objects.for_partnership(self.partnership).filter(factor=self.factor, name_fr__iexact=name),
            self.instance,
            _("Ce facteur a déjà une composante de ce nom."),
        )
        return name

    def clean_name_en(self) -> str:
        return normalized(self.cleaned_data["name_en"])
