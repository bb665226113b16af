from django.utils.translation import ngettext

from cycles.models import Cycle
from organizations.models import Organization
from partnerships.models import Partnership

from .heatmap import filled_rows


def progress(partnership: Partnership, cycle: Cycle) -> dict[str, list[str]]:
    filled, total = filled_rows(partnership), Organization.objects.for_partnership(partnership).count()
    phrase = ngettext("%(count)s rangée remplie sur %(total)s", "%(count)s rangées remplies sur %(total)s", filled) % {
        "count": filled,
        "total": total,
    }
    return {"coverage:matrix": [phrase]}
