from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.counting import Exists, counts
from cycles.models import Cycle
from organizations.models import Organization
from partnerships.access import PartnershipAccess
from partnerships.next_steps import Audience, Todo
from partnerships.permissions import Perm

from .models import Commitment, OperatingRules

STEP = 1


def todos(access: PartnershipAccess, cycle: Cycle | None) -> list[Todo]:
    """The organizations without a commitment and rules not adopted yet, for coordination; the person's
    organization's commitment. One query at most."""
    if cycle is None:
        return []
    slug = access.partnership.slug
    step_url = reverse("intention:step", kwargs={"slug": slug, "cycle_pk": cycle.pk})
    coordinates = access.can(Perm.RECORD_ANY_COMMITMENT) or access.can(Perm.DRAFT_OPERATING_RULES)
    asked = {}
    if coordinates:
        committed = Commitment.objects.filter(cycle=cycle).values("organization_id")
        asked["missing"] = Organization.objects.for_partnership(access.partnership).exclude(pk__in=committed)
        rules = OperatingRules.objects.for_partnership(access.partnership)
        asked["adopted"] = Exists(rules.filter(adopted_on__isnull=False))
    if access.organization_id is not None:
        asked["own"] = Exists(Commitment.objects.filter(cycle=cycle, organization_id=access.organization_id))
    found, rows = [], counts(**asked)
    if coordinates:
        if missing := rows["missing"]:
            label = ngettext(
                "%(count)s organisme n'a pas encore d'engagement pour ce cycle",
                "%(count)s organismes n'ont pas encore d'engagement pour ce cycle",
                missing,
            ) % {"count": missing}
            found.append(Todo(label, step_url, Audience.COORDINATION, STEP))
        if not rows["adopted"]:
            rules_url = reverse("intention:rules", kwargs={"slug": slug})
            found.append(Todo(_("Adopter les règles de fonctionnement"), rules_url, Audience.COORDINATION, STEP))
    if access.organization_id is not None:
        done = bool(rows["own"])
        label = (
            _("L'engagement de votre organisme dans le cycle")
            if done
            else _("Inscrire l'engagement de votre organisme dans le cycle")
        )
        found.append(Todo(label, step_url, Audience.ORGANIZATION, STEP, done=done))
    return found
