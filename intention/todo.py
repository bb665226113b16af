from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cycles.models import Cycle
from organizations.models import Organization
from partnerships.access import PartnershipAccess
from partnerships.next_steps import Audience, Todo
from partnerships.permissions import Perm

from .models import Commitment, OperatingRules

STEP = 1


def todos(access: PartnershipAccess, cycle: Cycle | None) -> list[Todo]:
    if cycle is None:
        return []
    slug = access.partnership.slug
    step_url = reverse("intention:step", kwargs={"slug": slug, "cycle_pk": cycle.pk})
    committed = set(Commitment.objects.filter(cycle=cycle).values_list("organization_id", flat=True))
    found = []
    if access.can(Perm.RECORD_ANY_COMMITMENT) or access.can(Perm.DRAFT_OPERATING_RULES):
        missing = Organization.objects.for_partnership(access.partnership).exclude(pk__in=committed).count()
        if missing:
            label = ngettext(
                "%(count)s organisme n'a pas encore d'engagement pour ce cycle",
                "%(count)s organismes n'ont pas encore d'engagement pour ce cycle",
                missing,
            ) % {"count": missing}
            found.append(Todo(label, step_url, Audience.COORDINATION, STEP))
        if not OperatingRules.objects.for_partnership(access.partnership).filter(adopted_on__isnull=False).exists():
            rules_url = reverse("intention:rules", kwargs={"slug": slug})
            found.append(Todo(_("Adopter les règles de fonctionnement"), rules_url, Audience.COORDINATION, STEP))
    if access.organization_id is not None:
        done = access.organization_id in committed
        label = (
            _("L'engagement de votre organisme dans le cycle")
            if done
            else _("Inscrire l'engagement de votre organisme dans le cycle")
        )
        found.append(Todo(label, step_url, Audience.ORGANIZATION, STEP, done=done))
    return found
