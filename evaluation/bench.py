"""Bench data and pages for Outil 12: twelve measurements of each indicator of the plan, one a quarter; a review of
each transformation with a decision on each of its actions; and the pages that read them, the review of the
transformation with the most actions and the cycle's evaluation summary among them. Bulk inserts, so no
history."""

import datetime
import random
from decimal import Decimal

from django.db.models import Count
from django.urls import reverse

from cycles.models import Cycle
from partnerships.models import Partnership
from plan.models import Action, DesiredChange, Indicator

from .models import ActionDecision, Decision, Measurement, Review

MEASUREMENTS_PER_INDICATOR = 12


def generate(partnership: Partnership, cycle: Cycle, organizations: list, rng: random.Random) -> None:
    start = cycle.starts_on
    Measurement.objects.bulk_create(
        (
            Measurement(
                indicator_id=indicator.pk,
                measured_on=start + datetime.timedelta(days=91 * n),
                value=Decimal(rng.randint(0, 1000)) / 10,
                source="Sondage",
                imprecise=rng.random() < 0.1,
            )
            for indicator in Indicator.objects.filter(transformation__objective__cycle=cycle).only("pk")
            for n in range(MEASUREMENTS_PER_INDICATOR)
        ),
        batch_size=500,
    )
    _reviews(cycle)


def _reviews(cycle: Cycle) -> None:
    transformations = list(DesiredChange.objects.filter(objective__cycle=cycle).values_list("pk", flat=True))
    reviews = Review.objects.bulk_create(
        Review(
            transformation_id=pk,
            period_start=cycle.starts_on,
            period_end=cycle.starts_on + datetime.timedelta(days=365),
            curve="La courbe monte lentement vers la cible.",
            helps="Les partenaires se parlent.",
            what_works="Les activités au parc.",
        )
        for pk in transformations
    )
    by_transformation = {review.transformation_id: review.pk for review in reviews}
    links = Action.transformations.through.objects.filter(desiredchange_id__in=transformations).values_list(
        "desiredchange_id", "action_id"
    )
    choices = list(Decision.values)
    ActionDecision.objects.bulk_create(
        (
            ActionDecision(
                review_id=by_transformation[transformation], action_id=action, decision=choices[n % 3], reason="Bench"
            )
            for n, (transformation, action) in enumerate(links)
        ),
        batch_size=500,
    )


def pages(partnership: Partnership, cycle: Cycle) -> list[tuple[str, str]]:
    kwargs = {"slug": partnership.slug, "cycle_pk": cycle.pk}
    result = [("Outil 12 indicator dashboard", reverse("evaluation:dashboard", kwargs=kwargs))]
    indicator = Indicator.objects.filter(transformation__objective__cycle=cycle).order_by("pk").first()
    if indicator is not None:
        url = reverse("evaluation:indicator", kwargs={**kwargs, "indicator_pk": indicator.pk})
        result.append(("Outil 12 one indicator's measurements and chart", url))
    review = (
        Review.objects.filter(transformation__objective__cycle=cycle)
        .annotate(count=Count("decisions"))
        .order_by("-count", "pk")
        .first()
    )
    if review is not None:
        url = reverse("evaluation:review_detail", kwargs={**kwargs, "review_pk": review.pk})
        result.append(("Outil 12 the review of the transformation with the most actions", url))
    result.append(("Outil 12 evaluation summary", reverse("evaluation:summary", kwargs=kwargs)))
    return result
