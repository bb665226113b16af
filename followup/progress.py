from django.db.models import Count, Q
from django.utils.translation import ngettext

from cycles.models import Cycle
from partnerships.models import Partnership

from .models import ActionReport, CommunicationItem, ReportState


def progress(partnership: Partnership, cycle: Cycle) -> dict[str, list[str]]:
    reports = ActionReport.objects.filter(action__cycle=cycle).aggregate(
        total=Count("pk"), submitted=Count("pk", filter=Q(state=ReportState.SUBMITTED))
    )
    items = CommunicationItem.objects.filter(cycle=cycle).count()
    return {
        "followup:reports": [
            ngettext("%(count)s suivi", "%(count)s suivis", reports["total"]) % {"count": reports["total"]},
            ngettext("%(count)s remis", "%(count)s remis", reports["submitted"]) % {"count": reports["submitted"]},
            ngettext("%(count)s ligne au plan de communication", "%(count)s lignes au plan de communication", items)
            % {"count": items},
        ]
    }
