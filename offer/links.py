"""Links from the analysis views to the finding form of the analysis app (Outil 5)."""

from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse

from cycles.models import Cycle
from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm


def finding_create_url(access: PartnershipAccess, *, origin: str) -> str | None:
    """The "Tirer un constat" address for the partnership's latest cycle, or None when the person may not write
    findings, the partnership has no cycle yet, or the finding form does not exist (yet) in this installation."""
    if not access.can(Perm.EDIT_ANALYSIS):
        return None
    cycle_pk = (
        Cycle.objects.filter(partnership=access.partnership)
        .order_by("-starts_on", "-id")
        .values_list("pk", flat=True)
        .first()
    )
    if cycle_pk is None:
        return None
    try:
        base = reverse("analysis:finding_create", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle_pk})
    except NoReverseMatch:
        return None
    return f"{base}?{urlencode({'origin': origin})}"
