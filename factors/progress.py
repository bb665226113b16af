from django.utils.translation import ngettext

from core.counting import counts
from cycles.models import Cycle
from partnerships.models import Partnership

from .models import ProtectiveFactor


def progress(partnership: Partnership, cycle: Cycle) -> dict[str, list[str]]:
    """One query."""
    rows = counts(
        total=ProtectiveFactor.objects.for_partnership(partnership),
        local=ProtectiveFactor.objects.filter(partnership=partnership),
    )
    phrases = [
        ngettext("%(count)s facteur de protection", "%(count)s facteurs de protection", rows["total"])
        % {"count": rows["total"]},
        ngettext("dont %(count)s local", "dont %(count)s locaux", rows["local"]) % {"count": rows["local"]},
    ]
    return {"factors:summary": phrases, "factors:sheets": phrases}
