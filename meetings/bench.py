"""Bench data and pages for Outil 2: a cycle's series of meetings, each with its agenda, attendance, minutes and
decisions with follow-ups. Bulk inserts, so no history: the bench times reading pages."""

import datetime
import random

from django.urls import reverse

from cycles.models import Cycle
from partnerships.models import Membership, Partnership
from priorities.models import Objective

from .models import AgendaItem, Attendance, Decision, DecisionTask, Meeting, Minutes, Presence

MEETING_COUNT = 20
AGENDA_ITEMS = 8
DECISIONS = 3


def generate(partnership: Partnership, cycle: Cycle, organizations: list, rng: random.Random) -> None:
    start = cycle.starts_on
    meetings = Meeting.objects.bulk_create(
        Meeting(
            cycle=cycle,
            step=min(5, 1 + n // 4),
            position=n + 1,
            title=f"Rencontre {n + 1}",
            date=start + datetime.timedelta(weeks=4 * n),
            starts_at=datetime.time(9),
            ends_at=datetime.time(11, 30),
            place="Salle du conseil",
            objectives="Faire le point\nDécider des suites",
            tools="2,8",
        )
        for n in range(MEETING_COUNT)
    )
    members = list(Membership.objects.filter(partnership=partnership))
    objectives = list(Objective.objects.filter(cycle=cycle)) or [None]
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=m, position=p, title=f"Point {p}", duration_minutes=15, objective=rng.choice(objectives))
        for m in meetings
        for p in range(1, AGENDA_ITEMS + 1)
    )
    Attendance.objects.bulk_create(
        Attendance(meeting=m, membership=member, status=rng.choice(Presence.values))
        for m in meetings
        for member in members
    )
    Minutes.objects.bulk_create(Minutes(meeting=m, content="<p>Compte rendu de la rencontre.</p>") for m in meetings)
    decisions = Decision.objects.bulk_create(
        Decision(meeting=m, text=f"Décision {n}", objective=rng.choice(objectives))
        for m in meetings
        for n in range(DECISIONS)
    )
    DecisionTask.objects.bulk_create(
        DecisionTask(decision=d, description="Faire le suivi", assignee=rng.choice(members) if members else None)
        for d in decisions
        for _n in range(2)
    )


def pages(partnership: Partnership, cycle: Cycle) -> list[tuple[str, str]]:
    meeting = Meeting.objects.filter(cycle=cycle).order_by("-position").first()
    kwargs = {"slug": partnership.slug, "cycle_pk": cycle.pk}
    return [
        ("Outil 2, meetings", reverse("meetings:meetings", kwargs=kwargs)),
        ("Outil 2, a meeting", reverse("meetings:meeting_detail", kwargs={**kwargs, "meeting_pk": meeting.pk})),
    ]
