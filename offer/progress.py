from django.db.models import Count
from django.utils.translation import ngettext

from cycles.models import Cycle
from organizations.models import Organization
from partnerships.models import Partnership

from .models import Service


def progress(partnership: Partnership, cycle: Cycle) -> dict[str, list[str]]:
    counts = Service.objects.for_partnership(partnership).aggregate(
        services=Count("pk"), organizations=Count("organization", distinct=True)
    )
    total = Organization.objects.for_partnership(partnership).count()
    return {
        "offer:home": [
            ngettext("%(count)s service", "%(count)s services", counts["services"]) % {"count": counts["services"]},
            ngettext(
                "%(count)s organisme sur %(total)s en offre",
                "%(count)s organismes sur %(total)s en offrent",
                counts["organizations"],
            )
            % {"count": counts["organizations"], "total": total},
        ]
    }
