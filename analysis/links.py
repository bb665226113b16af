"""The links other tools make to the finding form of Outil 5 ("Tirer un constat")."""

from urllib.parse import urlencode

from django.urls import reverse

from cycles.models import Cycle
from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm


def finding_create_url(access: PartnershipAccess, cycle: Cycle | None, *, origin: str) -> str | None:
    """The "Tirer un constat" address in `cycle` (the page's), or None when the person may not write findings or
    the partnership has no cycle yet."""
    if cycle is None or not access.can(Perm.EDIT_ANALYSIS):
        return None
    base = reverse("analysis:finding_create", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle.pk})
    return f"{base}?{urlencode({'origin': origin})}"
