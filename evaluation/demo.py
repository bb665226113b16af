"""Demo data for Outil 12 on partnership A's plan, written through the services: measurements of its indicators,
and one review with a decision on each action of its transformation (one abandoned and applied, one adapted, the
rest maintained). An indicator that already has measurements, a transformation that already has a review, are
left as they are, so a second run changes nothing."""

import datetime
from decimal import Decimal

from django.db.models import Count

from demo.context import DemoContext
from plan.models import DesiredChange, Indicator

from . import demo_content as content
from . import selectors, services
from .models import Decision, Measurement, Review


def load(ctx: DemoContext) -> None:
    _measurements(ctx)
    _review(ctx)


def _measurements(ctx: DemoContext) -> None:
    indicators = (
        Indicator.objects.filter(transformation__objective__cycle=ctx.cycle_a, baseline_value__isnull=False)
        .prefetch_related("targets", "measurements")
        .order_by("pk")
    )
    for index, indicator in enumerate(indicators):
        targets = sorted(indicator.targets.all(), key=lambda target: target.date)
        if not targets or indicator.measurements.all():
            continue
        gap = targets[0].value - indicator.baseline_value
        if index % content.WRONG_WAY_EVERY == content.WRONG_WAY_EVERY - 1:
            gap = -gap
        for day, fraction, imprecise in content.MEASUREMENTS:
            services.measurement_create(
                indicator=indicator,
                measurement=Measurement(
                    measured_on=datetime.date.fromisoformat(day),
                    value=(indicator.baseline_value + gap * Decimal(fraction)).quantize(Decimal("0.1")),
                    source=content.SOURCE,
                    imprecise=imprecise,
                ),
            )


def _review(ctx: DemoContext) -> None:
    transformation = (
        DesiredChange.objects.filter(objective__cycle=ctx.cycle_a)
        .annotate(action_count=Count("actions"))
        .order_by("-action_count", "pk")
        .first()
    )
    if (
        transformation is None
        or transformation.action_count < 3
        or Review.objects.filter(transformation__objective__cycle=ctx.cycle_a).exists()
    ):
        return
    values = dict(content.REVIEW)
    for key in ("period_start", "period_end"):
        values[key] = datetime.date.fromisoformat(values[key])
    review = services.review_create(
        transformation=transformation,
        review=Review(**values),
        partners=list(ctx.organizations_a.values())[:3],
        created_by=ctx.coordinator_a,
    )
    actions = selectors.review_actions(review)
    choices = {actions[0].pk: (Decision.ABANDON, content.ABANDON_REASON)}
    choices[actions[1].pk] = (Decision.ADAPT, content.ADAPT_REASON)
    choices.update({action.pk: (Decision.MAINTAIN, content.MAINTAIN_REASON) for action in actions[2:]})
    services.decisions_save(review=review, decisions=choices, expected_fingerprint=None)
    abandoned = next(d for d in selectors.review_decisions(review) if d.decision == Decision.ABANDON)
    services.decision_apply(decision=abandoned, expected_fingerprint=None, applied_by=ctx.coordinator_a)
