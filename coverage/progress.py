from django.utils.translation import ngettext

from core.counting import counts
from cycles.models import Cycle
from organizations.models import Organization
from partnerships.models import Partnership

from .heatmap import filled_organizations


def progress(partnership: Partnership, cycle: Cycle) -> dict[str, list[str]]:
    """One query."""
    rows = counts(filled=filled_organizations(partnership), total=Organization.objects.for_partnership(partnership))
    phrase = ngettext(
        "%(count)s rangée remplie sur %(total)s", "%(count)s rangées remplies sur %(total)s", rows["filled"]
    ) % {"count": rows["filled"], "total": rows["total"]}
    return {"coverage:matrix": [phrase]}
