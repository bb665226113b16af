from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cycles.models import Cycle
from organizations.models import Organization
from partnerships.access import PartnershipAccess
from partnerships.next_steps import Audience, Todo
from partnerships.permissions import Perm

from .heatmap import filled_rows
from .models import FactorIntervention

STEP = 2


def todos(access: PartnershipAccess, cycle: Cycle | None) -> list[Todo]:
    slug = access.partnership.slug
    found = []
    if access.can(Perm.MANAGE_ORGANIZATIONS) or access.can(Perm.EDIT_ANALYSIS):
        total = Organization.objects.for_partnership(access.partnership).count()
        left = total - filled_rows(access.partnership)
        if left:
            label = ngettext(
                "%(count)s rangée sur %(total)s reste à remplir (Outil 7)",
                "%(count)s rangées sur %(total)s restent à remplir (Outil 7)",
                left,
            ) % {"count": left, "total": total}
            found.append(Todo(label, reverse("coverage:matrix", kwargs={"slug": slug}), Audience.COORDINATION, STEP))
    if access.organization_id is not None:
        done = FactorIntervention.objects.filter(organization_id=access.organization_id).exists()
        label = (
            _("La ligne de votre organisme dans l'Outil 7")
            if done
            else _("Remplir la ligne de votre organisme dans l'Outil 7")
        )
        url = reverse("coverage:row_edit", kwargs={"slug": slug, "organization_pk": access.organization_id})
        found.append(Todo(label, url, Audience.ORGANIZATION, STEP, done=done))
    return found
