from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import FingerprintFormMixin
from core.forms import QuickSelect, RecordFormMixin, normalized, refuse_duplicate
from core.submissions import OnceFormMixin
from core.systems import System
from cycles.models import Cycle
from factors.forms import factor_field
from factors.models import ProtectiveFactor
from offer.models import ClienteleCode, Service

from . import selectors
from .models import Action, ActionPartner, ActionStatus, BudgetNature, BudgetStatus, DesiredChange, Funder, Indicator

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CHOICES = forms.CheckboxSelectMultiple(attrs={"class": "choice-list"})
NOT_AIMED = _("« %(factor)s » n'est pas un facteur visé par l'objectif.")


class FunderForm(RecordFormMixin, forms.ModelForm):
    class Meta:
        model = Funder
        fields = ["name", "kind"]

    def __init__(self, *args, partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean_name(self) -> str:
        name = normalized(self.cleaned_data["name"])
        refuse_duplicate(
            Funder.objects.for_partnership(self.partnership).filter(name__iexact=name),
            self.instance,
            _("Ce bailleur de fonds est déjà dans la liste."),
        )
        return name


class TransformationForm(RecordFormMixin, forms.ModelForm):
    class Meta:
        model = DesiredChange
        fields = ["objective", "system", "statement", "factors", "lead", "partners"]
        widgets = {"statement": forms.Textarea(attrs={"rows": 3}), "partners": CHOICES}
        help_texts = {
            "statement": _("Un changement concret de comportements, d'attitudes ou de croyances."),
            "factors": _("Parmi les facteurs de protection que vise l'objectif."),
        }

    def __init__(self, *args, cycle: Cycle, factors: list[ProtectiveFactor] | None = None, **kwargs) -> None:
        """`factors`: the factors of the cycle's objectives, when the caller read them already."""
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = selectors.cycle_objectives(cycle)
        self.fields["system"].choices = System.choices
        self.fields["factors"] = factor_field(
            selectors.aimed_factors(cycle), factors, help_text=self.Meta.help_texts["factors"]
        )
        organizations = selectors.organizations(cycle.partnership)
        self.fields["lead"].queryset = organizations
        self.fields["partners"].queryset = organizations

    def clean(self) -> dict:
        data = super().clean()
        objective, system = data.get("objective"), data.get("system")
        if objective is None or not system:
            return data
        duplicate = DesiredChange.objects.filter(objective=objective, system=system)
        try:
            refuse_duplicate(duplicate, self.instance, _("Cet objectif a déjà une transformation pour ce système."))
        except forms.ValidationError as error:
            self.add_error("system", error)
        aimed = {factor.pk for factor in objective.factors.all()}
        outside = [factor.name for factor in data.get("factors") or [] if factor.pk not in aimed]
        if outside:
            self.add_error("factors", NOT_AIMED % {"factor": outside[0]})
        return data


class IndicatorForm(RecordFormMixin, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "definition",
            "unit",
            "polarity",
            "data_source",
            "collection_tool",
            "frequency",
            "baseline_value",
            "baseline_date",
            "baseline_source",
            "baseline_statistic",
        ]
        widgets = {"definition": forms.Textarea(attrs={"rows": 3}), "baseline_date": DATE_WIDGET}
        help_texts = {"baseline_statistic": _("Facultatif : la donnée de l'Outil 5 d'où vient la valeur de départ.")}

    def __init__(self, *args, partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["baseline_statistic"].queryset = selectors.statistics(partnership)


class ActionForm(RecordFormMixin, forms.ModelForm):
    clientele_codes = forms.MultipleChoiceField(
        label=_("Population visée"), choices=ClienteleCode.choices, required=False, widget=CHOICES
    )

    class Meta:
        model = Action
        fields = [
            "title",
            "description",
            "transformations",
            "territory",
            "factors",
            "lead",
            "starts_on",
            "ends_on",
            "human_resources",
            "material_resources",
            "follow_up",
            "status",
            "services",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "transformations": CHOICES,
            "services": CHOICES,
            "starts_on": DATE_WIDGET,
            "ends_on": DATE_WIDGET,
            "human_resources": forms.Textarea(attrs={"rows": 2}),
            "material_resources": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, cycle: Cycle, factors: list[ProtectiveFactor] | None = None, **kwargs) -> None:
        """`factors`: the factors of the cycle's objectives, when the caller read them already."""
        super().__init__(*args, **kwargs)
        self.fields["transformations"].queryset = selectors.cycle_transformations(cycle)
        self.fields["transformations"].label_from_instance = lambda t: f"{t.objective.title} — {t}"
        self.fields["factors"] = factor_field(selectors.aimed_factors(cycle), factors)
        self.fields["lead"].queryset = selectors.organizations(cycle.partnership)
        self.fields["services"].queryset = Service.objects.for_partnership(cycle.partnership).select_related(
            "organization"
        )
        self.fields["services"].label_from_instance = lambda s: f"{s.organization.name} — {s.name}"
        self.initial.setdefault("clientele_codes", [c for c in self.instance.clienteles.split(",") if c])
        order = list(self.fields)
        order.insert(order.index("territory"), order.pop(order.index("clientele_codes")))
        self.order_fields(order)

    def clean(self) -> dict:
        data = super().clean()
        chosen = set(data.get("clientele_codes", ()))
        self.instance.clienteles = ",".join(code for code in ClienteleCode.values if code in chosen)
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("La fin vient avant le début."))
        return data

    def _get_validation_exclusions(self) -> set[str]:
        """The model's rule that an action ends after it starts is said by `clean`, in words, at its field: the
        model's check of the same constraint would cost a query of its own."""
        return super()._get_validation_exclusions() | {"ends_on"}


class ContributionForm(RecordFormMixin, forms.ModelForm):
    class Meta:
        model = ActionPartner
        fields = ["role", "contribution_in_kind", "contribution_money"]


class AdoptForm(OnceFormMixin, forms.Form):
    """Adopting creates a version: sent twice (a double click, the back button), it adopts once."""

    adopted_on = forms.DateField(label=_("Adopté le"), widget=DATE_WIDGET)
    meeting = forms.ModelChoiceField(label=_("Rencontre"), queryset=None, required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, cycle: Cycle, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = selectors.cycle_meetings(cycle)

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("meeting") and not (data.get("note") or "").strip():
            raise forms.ValidationError(_("Nommez la rencontre où le plan a été adopté, ou écrivez une note."))
        return data


# --- Sets of rows ----------------------------------------------------------------------------------------------


class RowForm(forms.Form):
    """One row of a set: empty, it is left out (or removed); partly filled, it says what it lacks."""

    pk = forms.IntegerField(widget=forms.HiddenInput, required=False)
    required_fields: tuple[str, ...] = ()

    def __init__(self, *args, cycle: Cycle, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.cycle = cycle

    def clean(self) -> dict:
        data = super().clean()
        filled = [name for name in self.required_fields if data.get(name) not in (None, "")]
        if filled:
            for name in self.required_fields:
                if data.get(name) in (None, "") and name not in self.errors:
                    self.add_error(name, _("Ce champ est obligatoire."))
        return data

    @property
    def is_empty(self) -> bool:
        return all(self.cleaned_data.get(name) in (None, "") for name in self.required_fields)


class TargetRow(RowForm):
    value = forms.DecimalField(label=_("Valeur cible"), max_digits=14, decimal_places=3, required=False)
    date = forms.DateField(label=_("Échéance"), required=False, widget=DATE_WIDGET)
    required_fields = ("value", "date")


class PartnerRow(RowForm):
    organization = forms.ModelChoiceField(label=_("Organisme"), queryset=None, required=False)
    role = forms.CharField(label=_("Rôle"), max_length=250, required=False)
    contribution_in_kind = forms.CharField(label=_("Contribution en nature"), max_length=250, required=False)
    contribution_money = forms.DecimalField(
        label=_("Contribution en argent"), max_digits=12, decimal_places=2, min_value=0, required=False
    )
    required_fields = ("organization",)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = selectors.organizations(self.cycle.partnership)


class MilestoneRow(RowForm):
    title = forms.CharField(label=_("Jalon"), max_length=250, required=False)
    date = forms.DateField(label=_("Date"), required=False, widget=DATE_WIDGET)
    done = forms.BooleanField(label=_("Atteint"), required=False)
    required_fields = ("title", "date")


class BudgetRow(RowForm):
    year = forms.TypedChoiceField(label=_("Année"), coerce=int, required=False)
    funder = forms.ModelChoiceField(label=_("Bailleur"), queryset=None, required=False)
    amount = forms.DecimalField(label=_("Montant"), max_digits=12, decimal_places=2, min_value=0, required=False)
    status = forms.ChoiceField(label=_("Statut"), choices=BudgetStatus.choices, initial=BudgetStatus.REQUESTED)
    nature = forms.ChoiceField(label=_("Nature"), choices=BudgetNature.choices, initial=BudgetNature.CASH)
    required_fields = ("year", "funder", "amount")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cycle = self.cycle
        self.fields["year"].choices = [("", "—"), *((y, str(y)) for y in selectors.cycle_years(cycle))]
        self.fields["funder"].queryset = selectors.funders_queryset(cycle.partnership)


class RowFormSet(forms.BaseFormSet):
    def rows(self) -> list[dict]:
        return [
            {name: form.cleaned_data.get(name) for name in form.fields}
            for form in self.forms
            if form.cleaned_data and not form.is_empty
        ]

    def clean(self) -> None:
        organizations = [row.get("organization") for row in self.rows() if row.get("organization")]
        if len(organizations) != len(set(organizations)):
            raise forms.ValidationError(_("Un organisme ne figure qu'une fois parmi les partenaires."))


ROW_FORMS = {"targets": TargetRow, "partners": PartnerRow, "milestones": MilestoneRow, "budget": BudgetRow}


def row_formset(name: str, extra: int):
    return forms.formset_factory(ROW_FORMS[name], formset=RowFormSet, extra=extra)


class RowsFingerprintForm(FingerprintFormMixin):
    pass


class OverviewFilters(forms.Form):
    """The filters of Outil 10, in the address (GET): the page works without JavaScript."""

    systeme = forms.ChoiceField(label=_("Système"), required=False, widget=QuickSelect)
    organisme = forms.ModelChoiceField(label=_("Organisme"), queryset=None, required=False, widget=QuickSelect)
    bailleur = forms.ModelChoiceField(label=_("Bailleur"), queryset=None, required=False, widget=QuickSelect)
    etat = forms.ChoiceField(label=_("État"), required=False, widget=QuickSelect)

    def __init__(self, *args, partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("Tous"))]
        self.fields["systeme"].choices = everything + list(System.choices)
        self.fields["etat"].choices = everything + list(ActionStatus.choices)
        self.fields["organisme"].queryset = selectors.organizations(partnership)
        self.fields["organisme"].empty_label = _("Tous")
        self.fields["bailleur"].queryset = selectors.funders_queryset(partnership)
        self.fields["bailleur"].empty_label = _("Tous")
