from django.utils.translation import ngettext

from core.counting import Distinct, counts
from cycles.models import Cycle
from organizations.models import Organization
from partnerships.models import Partnership

from .models import Service


def progress(partnership: Partnership, cycle: Cycle) -> dict[str, list[str]]:
    """One query."""
    services = Service.objects.for_partnership(partnership)
    rows = counts(
        services=services,
        organizations=Distinct(services, "organization"),
        total=Organization.objects.for_partnership(partnership),
    )
    return {
        "offer:home": [
            ngettext("%(count)s service", "%(count)s services", rows["services"]) % {"count": rows["services"]},
            ngettext(
                "%(count)s organisme sur %(total)s en offre",
                "%(count)s organismes sur %(total)s en offrent",
                rows["organizations"],
            )
            % {"count": rows["organizations"], "total": rows["total"]},
        ]
    }
