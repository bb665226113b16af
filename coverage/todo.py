from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.counting import Exists, counts
from cycles.models import Cycle
from organizations.models import Organization
from partnerships.access import PartnershipAccess
from partnerships.next_steps import Audience, Todo
from partnerships.permissions import Perm

from .heatmap import filled_organizations
from .models import FactorIntervention

STEP = 2


def todos(access: PartnershipAccess, cycle: Cycle | None) -> list[Todo]:
    """The rows left to fill in, for coordination; the person's organization's row. One query at most."""
    slug = access.partnership.slug
    coordinates = access.can(Perm.MANAGE_ORGANIZATIONS) or access.can(Perm.EDIT_ANALYSIS)
    asked = {}
    if coordinates:
        asked["total"] = Organization.objects.for_partnership(access.partnership)
        asked["filled"] = filled_organizations(access.partnership)
    if access.organization_id is not None:
        asked["own"] = Exists(FactorIntervention.objects.filter(organization_id=access.organization_id))
    found, rows = [], counts(**asked)
    if coordinates and (left := rows["total"] - rows["filled"]):
        label = ngettext(
            "%(count)s rangée sur %(total)s reste à remplir (Outil 7)",
            "%(count)s rangées sur %(total)s restent à remplir (Outil 7)",
            left,
        ) % {"count": left, "total": rows["total"]}
        found.append(Todo(label, reverse("coverage:matrix", kwargs={"slug": slug}), Audience.COORDINATION, STEP))
    if access.organization_id is not None:
        done = bool(rows["own"])
        label = (
            _("La ligne de votre organisme dans l'Outil 7")
            if done
            else _("Remplir la ligne de votre organisme dans l'Outil 7")
        )
        url = reverse("coverage:row_edit", kwargs={"slug": slug, "organization_pk": access.organization_id})
        found.append(Todo(label, url, Audience.ORGANIZATION, STEP, done=done))
    return found
