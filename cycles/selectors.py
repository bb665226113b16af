from django.db.models import Count, Prefetch, Q, QuerySet

from partnerships.models import Partnership

from .models import Cycle, Step, StepStatus


def cycle_list(*, partnership: Partnership) -> QuerySet[Cycle]:
    """Newest first, each with its steps in order and the number of completed steps."""
    return (
        Cycle.objects.filter(partnership=partnership)
        .annotate(completed_steps=Count("steps", filter=Q(steps__status=StepStatus.COMPLETED)))
        .prefetch_related(Prefetch("steps", queryset=Step.objects.order_by("number")))
        .order_by("-starts_on", "-id")
    )


def cycle_steps(*, cycle: Cycle) -> list[Step]:
    return list(cycle.steps.order_by("number"))
