from django.utils.translation import ngettext

from core.counting import counts
from cycles.models import Cycle
from partnerships.models import Partnership

from .models import ActionReport, CommunicationItem, ReportState


def progress(partnership: Partnership, cycle: Cycle) -> dict[str, list[str]]:
    """One query."""
    reports = ActionReport.objects.filter(action__cycle=cycle)
    rows = counts(
        total=reports,
        submitted=reports.filter(state=ReportState.SUBMITTED),
        items=CommunicationItem.objects.filter(cycle=cycle),
    )
    return {
        "followup:reports": [
            ngettext("%(count)s suivi", "%(count)s suivis", rows["total"]) % {"count": rows["total"]},
            ngettext("%(count)s remis", "%(count)s remis", rows["submitted"]) % {"count": rows["submitted"]},
            ngettext(
                "%(count)s ligne au plan de communication", "%(count)s lignes au plan de communication", rows["items"]
            )
            % {"count": rows["items"]},
        ]
    }
