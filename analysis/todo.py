from django.urls import reverse
from django.utils.translation import gettext as _

from cycles.models import Cycle
from partnerships.access import PartnershipAccess
from partnerships.next_steps import Audience, Todo
from partnerships.permissions import Perm

from .selectors import analysis_summary

STEP = 2


def todos(access: PartnershipAccess, cycle: Cycle | None) -> list[Todo]:
    if cycle is None or not access.can(Perm.EDIT_ANALYSIS):
        return []
    summary = analysis_summary(access.partnership, cycle)
    slug = access.partnership.slug
    found = []
    if not summary.statistics:
        url = reverse("analysis:statistics", kwargs={"slug": slug})
        found.append(Todo(_("Réunir les données du territoire (Outil 5)"), url, Audience.COORDINATION, STEP))
    if not summary.findings:
        url = reverse("analysis:findings", kwargs={"slug": slug, "cycle_pk": cycle.pk})
        found.append(Todo(_("Tirer les premiers constats des analyses (Outil 5)"), url, Audience.COORDINATION, STEP))
    return found
