from django.db.models import Count, Q
from django.utils.translation import ngettext

from cycles.models import Cycle
from partnerships.models import Partnership

from .models import ActionDecision, Questioning, Review


def progress(partnership: Partnership, cycle: Cycle) -> dict[str, list[str]]:
    reviews = Review.objects.filter(transformation__objective__cycle=cycle).count()
    decisions = ActionDecision.objects.filter(review__transformation__objective__cycle=cycle).aggregate(
        total=Count("pk"), applied=Count("pk", filter=Q(applied_at__isnull=False))
    )
    questionings = Questioning.objects.filter(cycle=cycle).count()
    return {
        "evaluation:dashboard": [
            ngettext("%(count)s bilan", "%(count)s bilans", reviews) % {"count": reviews},
            ngettext(
                "%(applied)s décision appliquée sur %(count)s",
                "%(applied)s décisions appliquées sur %(count)s",
                decisions["applied"],
            )
            % {"applied": decisions["applied"], "count": decisions["total"]},
            ngettext("%(count)s remise en question", "%(count)s remises en question", questionings)
            % {"count": questionings},
        ]
    }
