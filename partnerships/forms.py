from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.concurrency import FingerprintFormMixin, VersionedFormMixin
from core.forms import normalized
from core.submissions import OnceFormMixin
from organizations.models import Organization

from .models import Membership, Partnership, Region, Role, Territory, TerritoryKind
from .territories import parent_choices

TERRITORY_FIELDS = {
    TerritoryKind.RLS: ("territory_rls", _("RLS (réseaux locaux de services)")),
    TerritoryKind.MRC: ("territory_mrc", _("MRC")),
    TerritoryKind.MUNICIPALITY: ("territory_municipality", _("Municipalités")),
    TerritoryKind.NEIGHBOURHOOD: ("territory_neighbourhood", _("Quartiers")),
}
TERRITORY_NAME_MAX = Territory._meta.get_field("name").max_length


class TerritoryNestingForm(FingerprintFormMixin, forms.Form):
    """For each territory below the largest kind, the larger territory it lies in (one field per territory)."""

    def __init__(self, *args, territories: list[Territory], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.territories = [t for t in territories if TerritoryKind(t.kind).larger]
        for territory in self.territories:
            choices = [("", _("— aucun —"))] + [(str(t.pk), str(t)) for t in parent_choices(territory, territories)]
            self.fields[self.field_name(territory)] = forms.TypedChoiceField(
                label=str(territory),
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=territory.parent_id,
            )

    @staticmethod
    def field_name(territory: Territory) -> str:
        return f"parent_{territory.pk}"

    def parents(self) -> dict[int, int | None]:
        return {t.pk: self.cleaned_data[self.field_name(t)] for t in self.territories}


def _territory_field(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Un nom par ligne."),
    )


class ProfileForm(VersionedFormMixin, forms.ModelForm):
    """The partnership's profile, with its local territory as four lists of names (one per line)."""

    territory_rls = _territory_field(TERRITORY_FIELDS[TerritoryKind.RLS][1])
    territory_mrc = _territory_field(TERRITORY_FIELDS[TerritoryKind.MRC][1])
    territory_municipality = _territory_field(TERRITORY_FIELDS[TerritoryKind.MUNICIPALITY][1])
    territory_neighbourhood = _territory_field(TERRITORY_FIELDS[TerritoryKind.NEIGHBOURHOOD][1])

    class Meta:
        model = Partnership
        fields = ["name", "region", "description", "intention_statement", "coordinators_need_mfa"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "intention_statement": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "intention_statement": _(
                "Ce que les partenaires veulent accomplir ensemble pour les jeunes enfants et leur famille."
            ),
        }

    def __init__(self, *args, territories: dict[str, list[str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            for kind, (name, _label) in TERRITORY_FIELDS.items():
                self.initial[name] = "\n".join(territories.get(kind, []))

    def clean_name(self) -> str:
        return normalized(self.cleaned_data["name"])

    def clean_territory_rls(self) -> list[str]:
        return _names(self.cleaned_data["territory_rls"])

    def clean_territory_mrc(self) -> list[str]:
        return _names(self.cleaned_data["territory_mrc"])

    def clean_territory_municipality(self) -> list[str]:
        return _names(self.cleaned_data["territory_municipality"])

    def clean_territory_neighbourhood(self) -> list[str]:
        return _names(self.cleaned_data["territory_neighbourhood"])

    def territories(self) -> dict[str, list[str]]:
        return {kind: self.cleaned_data[name] for kind, (name, _label) in TERRITORY_FIELDS.items()}


def _names(text: str) -> list[str]:
    """One name per line: spaces tidied, blank lines and repeats (whatever their case) dropped."""
    names, seen = [], set()
    for line in text.splitlines():
        name = normalized(line)
        if not name or name.casefold() in seen:
            continue
        if len(name) > TERRITORY_NAME_MAX:
            raise forms.ValidationError(
                _("« %(name)s » est trop long : %(max)s caractères au plus par nom."),
                params={"name": name[:40] + "…", "max": TERRITORY_NAME_MAX},
            )
        seen.add(name.casefold())
        names.append(name)
    return names


class _RoleAndOrganizationMixin:
    """A partner representative must name the organization they represent; others may."""

    def _limit_organizations(self, partnership: Partnership) -> None:
        field = self.fields["organization"]
        field.queryset = Organization.objects.filter(partnership=partnership)
        field.required = False
        field.help_text = _("Obligatoire pour une ou un représentant d'organisme partenaire.")

    def _check_partner_has_organization(self, cleaned: dict) -> None:
        if cleaned.get("role") == Role.PARTNER and not cleaned.get("organization"):
            self.add_error(
                "organization", _("Choisissez l'organisme que cette personne représente au sein du regroupement.")
            )


class MembershipForm(_RoleAndOrganizationMixin, VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "organization"]

    def __init__(self, *args, partnership: Partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._limit_organizations(partnership)

    def clean(self) -> dict:
        cleaned = super().clean()
        self._check_partner_has_organization(cleaned)
        return cleaned


class InvitationForm(OnceFormMixin, _RoleAndOrganizationMixin, forms.Form):
    email = forms.EmailField(label=_("Adresse courriel"), max_length=254)
    role = forms.ChoiceField(label=_("Rôle"), choices=Role.choices)
    organization = forms.ModelChoiceField(label=_("Organisme représenté"), queryset=Organization.objects.none())

    def __init__(self, *args, partnership: Partnership, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._limit_organizations(partnership)

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self) -> dict:
        cleaned = super().clean()
        self._check_partner_has_organization(cleaned)
        return cleaned


class NewAccountForm(forms.Form):
    """The account of a person who accepts an invitation and has none yet; the address is the invited one."""

    full_name = forms.CharField(label=_("Nom complet"), max_length=150)
    password1 = forms.CharField(
        label=_("Mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Confirmation du mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_full_name(self) -> str:
        return normalized(self.cleaned_data["full_name"])

    def clean(self) -> dict:
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Les deux mots de passe ne sont pas identiques."))
        elif password1:
            candidate = get_user_model()(email=self.email, full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class PartnershipCreateForm(OnceFormMixin, forms.Form):
    name = forms.CharField(label=_("Nom du regroupement"), max_length=200)
    slug = forms.SlugField(
        label=_("Identifiant dans les adresses"),
        max_length=80,
        required=False,
        help_text=_("Facultatif : tiré du nom s'il est laissé vide (lettres, chiffres et tirets)."),
    )
    region = forms.ChoiceField(label=_("Région administrative"), choices=[("", "—"), *Region.choices])
    coordinator_email = forms.EmailField(label=_("Courriel de la personne à la coordination"), max_length=254)
    coordinator_name = forms.CharField(
        label=_("Nom complet de la personne à la coordination"),
        max_length=150,
        help_text=_("Si elle a déjà un compte, elle est ajoutée directement ; sinon, elle reçoit une invitation."),
    )

    def clean_name(self) -> str:
        return normalized(self.cleaned_data["name"])

    def clean_slug(self) -> str:
        slug = slugify(self.cleaned_data["slug"])
        if slug and Partnership.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("Cet identifiant est déjà utilisé par un autre regroupement."))
        return slug

    def clean_coordinator_email(self) -> str:
        return self.cleaned_data["coordinator_email"].strip().lower()

    def clean_coordinator_name(self) -> str:
        return normalized(self.cleaned_data["coordinator_name"])
