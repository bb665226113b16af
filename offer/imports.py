"""Outil 6's import: the organizations' services, in the format of the export (the « Services des organismes
partenaires » sheet of offer/documents.py). A row names its organization by its name (without case) and its
service by its name within that organization: a row naming a service already recorded updates it (the first not
yet matched, when an organization has several of one name), any other row adds one. What the export does not write
(the description, the schedule, the partners, the factors…) is kept as the service holds it."""

from collections import defaultdict
from functools import partial

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.imports import quote
from cycles.tools import Scope
from factors.models import ProtectiveFactor
from imports.checking import ImportContext, Row, labels, references_set
from imports.registry import CHOICE, DECIMAL, Change, Column, Importer, Plan, SheetSpec
from partnerships.models import Territory
from partnerships.permissions import Perm

from . import services
from .access import editable_organizations
from .forms import ServiceForm
from .models import ClienteleCode, Cost, Frequency, Service, clientele_field

SEPARATORS = (",", ";")
# What the export writes (and so what an import changes); the other fields of the form come from the service.
COMPARED = ("name", "frequency", "capacity", "reached_per_year", "cost", *map(clientele_field, ClienteleCode.values))
KEPT = (
    "description",
    "cost_detail",
    "schedule",
    "languages",
    "accessibility_notes",
    "transport_access",
    "adapted_hours",
    "fee_reduction",
)

OPTIONAL = ("frequency", "capacity", "reached_per_year", "cost")
# The service's form for a row: the importer resolves the organization and the territories among the records read
# once and keeps the service's partners and factors (which the export does not write).
ServiceRowForm = references_set(ServiceForm, "organization", "territories", "partner_organizations", "factors")

SERVICES = SheetSpec(
    key="services",
    title=gettext_lazy("Services des organismes partenaires"),
    columns=(
        Column(
            "organization",
            gettext_lazy("Organisme"),
            required=True,
            form_field=False,
            help=gettext_lazy("Le nom d'un organisme partenaire du regroupement, tel que sa fiche l'écrit."),
        ),
        Column("name", gettext_lazy("Service"), required=True),
        Column(
            "clientele_codes",
            gettext_lazy("Clientèle"),
            required=True,
            form_field=False,
            help=gettext_lazy(
                "Une clientèle ou plusieurs, séparées par des virgules, nommées comme les cases de la fiche du "
                "service (Grossesse, Enfants de 0 à 1 an, Parents…)."
            ),
        ),
        Column(
            "territories",
            gettext_lazy("Territoires"),
            form_field=False,
            help=gettext_lazy("Les noms de territoires du regroupement, séparés par des virgules ; vide : aucun."),
        ),
        Column("frequency", gettext_lazy("Fréquence"), kind=CHOICE, choices=tuple(Frequency.choices)),
        Column("capacity", gettext_lazy("Capacité"), kind=DECIMAL),
        Column("reached_per_year", gettext_lazy("Personnes rejointes par année"), kind=DECIMAL),
        Column("cost", gettext_lazy("Coût"), kind=CHOICE, choices=tuple(Cost.choices)),
    ),
    example=(
        "Maison de la famille du Parc",
        "Halte-garderie",
        str(ClienteleCode.AGE_2_5.label),
        "",
        str(Frequency.WEEKLY.label),
        12,
        80,
        str(Cost.FREE.label),
    ),
)


def service_rows(services_shown) -> list[list[object]]:
    """The export's rows, in the order of SERVICES' columns (territories prefetched)."""
    return [
        [
            str(s.organization),
            s.name,
            ", ".join(s.clientele_labels),
            ", ".join(t.name for t in s.territories.all()),
            s.get_frequency_display(),
            s.capacity,
            s.reached_per_year,
            s.get_cost_display(),
        ]
        for s in services_shown
    ]


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _pieces(text: str) -> list[str]:
    for separator in SEPARATORS[1:]:
        text = text.replace(separator, SEPARATORS[0])
    return [piece.strip() for piece in text.split(SEPARATORS[0]) if piece.strip()]


class Known:
    """What the rows name, read once: the organizations whose services this person may change, the partnership's
    territories and the services already recorded, and the factors the form offers."""

    def __init__(self, context: ImportContext) -> None:
        partnership = context.access.partnership
        self.organizations = editable_organizations(context.access)
        self.by_name = {_key(o.name): o for o in self.organizations}  # evaluates the queryset: the form counts it
        self.factors = list(ProtectiveFactor.objects.for_partnership(partnership))
        self.territories: dict[str, list[Territory]] = defaultdict(list)
        for territory in Territory.objects.filter(partnership=partnership):
            self.territories[_key(territory.name)].append(territory)
        self.services: dict[tuple, list[Service]] = defaultdict(list)
        recorded = Service.objects.filter(organization__in=self.organizations).prefetch_related(
            "territories", "partner_organizations", "factors"
        )
        for service in recorded.order_by("pk"):
            self.services[(service.organization_id, _key(service.name))].append(service)


def check(context: ImportContext, tables: dict[str, list[Row]]) -> Plan:
    known = Known(context)
    plan = Plan()
    for row in tables.get(SERVICES.key, []):
        organization = _organization(context, row, known)
        if organization is None:
            continue
        same = known.services[(organization.pk, _key(row.text("name")))]
        current = same.pop(0) if same else None
        _check_row(context, row, known, organization, current, plan)
    return plan


def _check_row(context, row, known: Known, organization, current: Service | None, plan: Plan) -> None:
    codes = _clienteles(context, row)
    territories = _territories(context, row, known, current)
    values = {
        **_kept(current),
        # A clientele not recognized is already a problem at its cell: the form is not to add a second one there.
        "clientele_codes": ClienteleCode.values if codes is None else codes,
    }
    before = {name: getattr(current, name) for name in COMPARED} if current else None
    service = context.checked(
        row,
        ServiceRowForm,
        instance=current,
        values=values,
        references={"organization": organization},
        partnership=context.access.partnership,
        organizations=known.organizations,
        factors=known.factors,
    )
    if service is None or codes is None or territories is None:
        return
    if current is None:
        links = services.ServiceLinks(territories=territories, partner_organizations=[], factors=[])
        plan.changes.append(Change(created=True, write=partial(services.service_create, service=service, links=links)))
        return
    linked = {t.pk for t in current.territories.all()}
    if all(getattr(service, name) == value for name, value in before.items()) and linked == {t.pk for t in territories}:
        plan.unchanged += 1
        return
    links = services.ServiceLinks(
        territories=territories,
        partner_organizations=list(current.partner_organizations.all()),
        factors=list(current.factors.all()),
    )
    write = partial(services.service_update, service=current, links=links, expected_version=current.version)
    plan.changes.append(Change(created=False, write=write))


def _kept(current: Service | None) -> dict:
    """The form's data for the fields the export does not write: the service's own, or nothing for a new one."""
    if current is None:
        return {}
    values = {name: getattr(current, name) for name in KEPT}
    # The columns the file may leave out: a column absent from the file keeps what the service holds.
    values.update({name: "" if getattr(current, name) is None else getattr(current, name) for name in OPTIONAL})
    for name in ("transport_access", "adapted_hours", "fee_reduction"):
        values[name] = "on" if values[name] else ""
    return values


def _organization(context: ImportContext, row: Row, known: Known):
    name = row.text("organization")
    found = known.by_name.get(_key(name))
    if found is None:
        if not name:
            context.problem(row, _("Valeur obligatoire manquante."), "organization")
        else:
            context.problem(row, _("Aucun organisme partenaire du regroupement ne porte ce nom."), "organization")
    return found


def _clienteles(context: ImportContext, row: Row) -> list[str] | None:
    codes = []
    for piece in _pieces(row.text("clientele_codes")):
        wanted = piece.casefold()
        code = next((c for c, label in ClienteleCode.choices if wanted in (c, *labels(label))), None)
        if code is None:
            accepted = ", ".join(str(label) for _code, label in ClienteleCode.choices)
            message = _("« %(value)s » n'est pas une valeur acceptée : %(accepted)s.") % {
                "value": quote(piece),
                "accepted": accepted,
            }
            context.problem(row, message, "clientele_codes")
            return None
        codes.append(code)
    return codes


def _territories(context: ImportContext, row: Row, known: Known, current: Service | None) -> list[Territory] | None:
    if "territories" not in row.cells:  # a file without the column keeps the service's territories
        return list(current.territories.all()) if current else []
    found = []
    for piece in _pieces(row.text("territories")):
        named = known.territories.get(_key(piece), [])
        if len(named) != 1:
            message = (
                _("Aucun territoire du regroupement ne porte le nom « %(name)s ».")
                if not named
                else _("Plusieurs territoires du regroupement portent le nom « %(name)s ».")
            )
            context.problem(row, message % {"name": quote(piece)}, "territories")
            return None
        found.append(named[0])
    return found


IMPORTERS = (
    Importer(
        key="services",
        title=gettext_lazy("Importer des services"),
        tool=6,
        sheets=(SERVICES,),
        check=check,
        perm=Perm.EDIT_ANALYSIS,
        back="offer:home",
        scope=Scope.PARTNERSHIP,
        document="offre-de-services",
        rules=(
            gettext_lazy(
                "Une ligne qui nomme un service déjà inscrit de son organisme (même nom, sans égard aux majuscules) "
                "le met à jour ; toute autre ligne ajoute un service. La description, l'horaire, les partenaires et "
                "les facteurs, que l'export n'écrit pas, restent ceux du service. Importer de nouveau l'export ne "
                "change rien."
            ),
        ),
    ),
)
