from django.utils.translation import ngettext

from cycles.models import Cycle
from partnerships.models import Partnership

from .models import ProtectiveFactor


def progress(partnership: Partnership, cycle: Cycle) -> dict[str, list[str]]:
    factors = ProtectiveFactor.objects.for_partnership(partnership)
    total, local = factors.count(), factors.filter(partnership=partnership).count()
    phrases = [
        ngettext("%(count)s facteur de protection", "%(count)s facteurs de protection", total) % {"count": total},
        ngettext("dont %(count)s local", "dont %(count)s locaux", local) % {"count": local},
    ]
    return {"factors:summary": phrases, "factors:sheets": phrases}
