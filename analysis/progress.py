from django.utils.translation import ngettext

from cycles.models import Cycle
from partnerships.models import Partnership

from .selectors import analysis_summary


def progress(partnership: Partnership, cycle: Cycle) -> dict[str, list[str]]:
    summary = analysis_summary(partnership, cycle)
    return {
        "analysis:home": [
            ngettext("%(count)s donnée", "%(count)s données", summary.statistics) % {"count": summary.statistics},
            ngettext("%(count)s observation", "%(count)s observations", summary.observations)
            % {"count": summary.observations},
            ngettext("%(count)s constat", "%(count)s constats", summary.findings) % {"count": summary.findings},
        ]
    }
