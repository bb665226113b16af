import datetime

import factory

from cycles.tests.factories import CycleFactory
from meetings.models import AgendaItem, Decision, DecisionTask, Meeting, Minutes


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    cycle = factory.SubFactory(CycleFactory)
    step = 2
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Rencontre {n}")
    date = datetime.date(2026, 3, 10)
    starts_at = datetime.time(13, 30)
    ends_at = datetime.time(16, 0)
    place = "Salle communautaire"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Point {n}")


class MinutesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minutes

    meeting = factory.SubFactory(MeetingFactory)
    content = "<p>Compte rendu.</p>"


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    text = factory.Sequence(lambda n: f"Décision {n}")


class DecisionTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DecisionTask

    decision = factory.SubFactory(DecisionFactory)
    description = factory.Sequence(lambda n: f"Suivi {n}")
