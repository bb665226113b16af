"""Bench data and pages for Outil 13: two closed anonymous rounds answered by every answering member. Bulk
inserts, so no history: the bench times reading pages."""

import datetime
import random
import uuid

from django.urls import reverse
from django.utils import timezone

from cycles.models import Cycle
from partnerships.models import Partnership

from . import selectors
from .models import Answer, Participation, Round
from .questionnaire import load_questionnaire, read_questionnaire

ROUND_DATES = (datetime.date(2024, 5, 6), datetime.date(2025, 5, 5))


def generate(partnership: Partnership, cycle: Cycle, organizations: list, rng: random.Random) -> None:
    # The bench empties the database, reference data included: the reference questionnaire is loaded again once.
    questionnaire, _created = load_questionnaire(read_questionnaire())
    codes = [item.code for c in selectors.conditions_with_items(questionnaire) for item in c.items.all()]
    members = list(selectors.answering_members(partnership=partnership))
    for n, opened_on in enumerate(ROUND_DATES, start=1):
        opened = timezone.make_aware(datetime.datetime.combine(opened_on, datetime.time(9)))
        round_ = Round.objects.create(
            partnership=partnership,
            questionnaire=questionnaire,
            title=f"Bilan du fonctionnement {n}",
            closes_on=opened_on + datetime.timedelta(days=18),
            opened_at=opened,
            closed_at=opened + datetime.timedelta(days=18),
        )
        Round.invitees.through.objects.bulk_create(Round.invitees.through(round=round_, membership=m) for m in members)
        Participation.objects.bulk_create(
            Participation(round=round_, membership=m, answered_at=opened) for m in members
        )
        Answer.objects.bulk_create(
            Answer(id=uuid.UUID(int=rng.getrandbits(128)), round=round_, grades={c: rng.choice("aabbc") for c in codes})
            for _member in members
        )


def pages(partnership: Partnership, cycle: Cycle) -> list[tuple[str, str]]:
    latest = Round.objects.filter(partnership=partnership).order_by("-opened_at").first()
    return [
        ("Outil 13, rounds", reverse("diagnostic:rounds", kwargs={"slug": partnership.slug})),
        (
            "Outil 13, round results",
            reverse("diagnostic:round_detail", kwargs={"slug": partnership.slug, "round_pk": latest.pk}),
        ),
    ]
