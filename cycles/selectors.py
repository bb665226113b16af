from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery

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


def cycle_choices(*, partnership: Partnership) -> QuerySet[Cycle]:
    return Cycle.objects.filter(partnership=partnership).order_by("-starts_on", "-id")


def cycle_steps(*, cycle: Cycle) -> list[Step]:
    return list(cycle.steps.order_by("number"))


def with_current_cycle_pk(cycles: QuerySet[Cycle]) -> QuerySet[Cycle]:
    """Each cycle with `current_cycle_pk`, its partnership's current cycle (current_cycle's order), in the same
    query."""
    newest = Cycle.objects.filter(partnership=OuterRef("partnership")).order_by("-starts_on", "-id").values("pk")
    return cycles.annotate(current_cycle_pk=Subquery(newest[:1]))


def current_cycle(*, partnership: Partnership, with_steps: bool = False) -> Cycle | None:
    """The partnership's current cycle: the one that started last. Every page and link that means "the current
    cycle" reads it here."""
    cycles = Cycle.objects.filter(partnership=partnership).order_by("-starts_on", "-id")
    if with_steps:
        cycles = cycles.prefetch_related(Prefetch("steps", queryset=Step.objects.order_by("number")))
    return cycles.first()


def default_comparison(*, partnership: Partnership) -> dict[str, int]:
    """The comparison a page opens on: the current cycle and the one it continues, else the one before it."""
    cycles = list(
        Cycle.objects.filter(partnership=partnership).order_by("-starts_on", "-id")[:2].values("pk", "origin")
    )
    if len(cycles) < 2:
        return {}
    current = cycles[0]
    return {"a": current["origin"] or cycles[1]["pk"], "b": current["pk"]}
