from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.counting import counts
from cycles.models import Cycle
from partnerships.access import PartnershipAccess
from partnerships.next_steps import Audience, Todo
from partnerships.permissions import Perm

from .models import Service
from .selectors import organizations_without_service

STEP = 2


def todos(access: PartnershipAccess, cycle: Cycle | None) -> list[Todo]:
    """The organizations that describe no service yet, for coordination; the person's organization's services.
    One query at most."""
    slug = access.partnership.slug
    home = reverse("offer:home", kwargs={"slug": slug})
    coordinates = access.can(Perm.MANAGE_ORGANIZATIONS) or access.can(Perm.EDIT_ANALYSIS)
    asked = {}
    if coordinates:
        asked["silent"] = organizations_without_service(partnership=access.partnership)
    if access.organization_id is not None:
        asked["own"] = Service.objects.filter(organization_id=access.organization_id)
    found, rows = [], counts(**asked)
    if coordinates and (silent := rows["silent"]):
        label = ngettext(
            "%(count)s organisme n'a encore décrit aucun service (Outil 6)",
            "%(count)s organismes n'ont encore décrit aucun service (Outil 6)",
            silent,
        ) % {"count": silent}
        found.append(Todo(label, home, Audience.COORDINATION, STEP))
    if access.organization_id is not None:
        if count := rows["own"]:
            label = ngettext(
                "Les services de votre organisme : %(count)s service décrit (Outil 6)",
                "Les services de votre organisme : %(count)s services décrits (Outil 6)",
                count,
            ) % {"count": count}
            url = home
        else:
            label = _("Décrire les services de votre organisme (Outil 6)")
            url = reverse("offer:service_create", kwargs={"slug": slug}) + f"?organization={access.organization_id}"
        found.append(Todo(label, url, Audience.ORGANIZATION, STEP, done=bool(count)))
    return found
