"""The partner organizations' import, in the format of their export (the « Organismes partenaires » sheet of
organizations/documents.py). An organization is named by its name, compared without case as the database's
uniqueness rule does: a row naming an organization of the partnership updates it, any other row adds one."""

from functools import partial

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cycles.tools import Scope
from imports.checking import ImportContext, Row
from imports.registry import CHOICE, Change, Column, Importer, Plan, SheetSpec
from partnerships.permissions import Perm

from . import services
from .forms import OrganizationForm
from .models import Organization, Sector

FIELDS = tuple(OrganizationForm.Meta.fields)
LABELS = {
    "name": gettext_lazy("Nom"),
    "sector": gettext_lazy("Secteur"),
    "mission": gettext_lazy("Mission"),
    "street_address": gettext_lazy("Adresse"),
    "city": gettext_lazy("Municipalité"),
    "postal_code": gettext_lazy("Code postal"),
    "territory_served": gettext_lazy("Territoire desservi"),
    "contact_name": gettext_lazy("Personne-ressource"),
    "contact_email": gettext_lazy("Courriel"),
    "contact_phone": gettext_lazy("Téléphone"),
    "website": gettext_lazy("Site web"),
}

ORGANIZATIONS = SheetSpec(
    key="organizations",
    title=gettext_lazy("Organismes partenaires"),
    columns=tuple(
        Column(
            name,
            LABELS[name],
            required=name in ("name", "sector"),
            kind=CHOICE if name == "sector" else "text",
            choices=tuple(Sector.choices) if name == "sector" else (),
        )
        for name in FIELDS
    ),
    example=(
        "Maison de la famille du Parc",
        str(Sector.FAMILY_COMMUNITY.label),
        "Accueillir les familles du quartier.",
        "100, rue du Parc",
        "Montréal",
        "H2S 1A1",
        "Petite-Patrie",
        "Camille Roy",
        "camille@example.org",
        "514 555-0100",
        "https://example.org",
    ),
)


def organization_rows(organizations) -> list[list[object]]:
    """The export's rows, in the order of ORGANIZATIONS' columns (the sector by its label)."""
    return [[o.get_sector_display() if f == "sector" else getattr(o, f) for f in FIELDS] for o in organizations]


def check(context: ImportContext, tables: dict[str, list[Row]]) -> Plan:
    partnership = context.access.partnership
    existing = {o.name.casefold(): o for o in Organization.objects.filter(partnership=partnership)}
    seen: dict[str, int] = {}
    plan = Plan()
    for row in tables.get(ORGANIZATIONS.key, []):
        key = " ".join(row.text("name").split()).casefold()
        if key and key in seen:
            message = _("Cette ligne nomme le même organisme que la ligne %(line)s.") % {"line": seen[key]}
            context.problem(row, message, "name")
            continue
        seen[key] = row.line
        current = existing.get(key)
        before = {name: getattr(current, name) for name in FIELDS} if current else None
        organization = context.checked(row, OrganizationForm, instance=current, partnership=partnership)
        if organization is None:
            continue
        if current is None:
            write = partial(services.organization_create, partnership=partnership, organization=organization)
            plan.changes.append(Change(created=True, write=write))
        elif all(getattr(organization, name) == value for name, value in before.items()):
            plan.unchanged += 1
        else:
            write = partial(services.organization_update, organization=current, expected_version=current.version)
            plan.changes.append(Change(created=False, write=write))
    return plan


IMPORTERS = (
    Importer(
        key="organismes",
        title=gettext_lazy("Importer des organismes partenaires"),
        tool=6,
        sheets=(ORGANIZATIONS,),
        check=check,
        perm=Perm.MANAGE_ORGANIZATIONS,
        back="offer:home",
        scope=Scope.PARTNERSHIP,
        document="organismes",
        rules=(
            gettext_lazy(
                "Une ligne qui nomme un organisme déjà inscrit (même nom, sans égard aux majuscules) le met à jour ; "
                "toute autre ligne ajoute un organisme. Importer de nouveau l'export ne change rien."
            ),
        ),
    ),
)
