from django.utils.translation import ngettext

from core.counting import counts
from cycles.models import Cycle
from organizations.models import Organization
from partnerships.models import Partnership

from .models import Commitment, OperatingRules


def progress(partnership: Partnership, cycle: Cycle) -> dict[str, list[str]]:
    """One query."""
    rows = counts(
        committed=Commitment.objects.filter(cycle=cycle),
        total=Organization.objects.for_partnership(partnership),
        adopted=OperatingRules.objects.for_partnership(partnership).filter(adopted_on__isnull=False),
    )
    committed, total, adopted = rows["committed"], rows["total"], rows["adopted"]
    phrases = [
        ngettext(
            "%(count)s engagement sur %(total)s organismes",
            "%(count)s engagements sur %(total)s organismes",
            committed,
        )
        % {"count": committed, "total": total},
        ngettext("%(count)s version des règles adoptée", "%(count)s versions des règles adoptées", adopted)
        % {"count": adopted},
    ]
    return {"intention:step": phrases}
