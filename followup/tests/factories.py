import datetime

import factory

from followup.models import ActionReport, CommunicationItem, Progress, ReportState
from plan.tests.factories import ActionFactory


class ActionReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionReport
        skip_postgeneration_save = True

    action = factory.SubFactory(ActionFactory)
    period_start = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    period_end = factory.LazyAttribute(lambda o: o.period_start + datetime.timedelta(days=30))
    progress = Progress.ON_TRACK
    state = ReportState.DRAFT
    activities_done = "Six ateliers tenus."


class CommunicationItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommunicationItem

    cycle = factory.SubFactory("cycles.tests.factories.CycleFactory")
    audience = factory.Sequence(lambda n: f"Parents du quartier {n}")
    message = "Le plan d'action est adopté : voici ce qui change pour vos enfants."
    channel = "Infolettre"
    planned_on = datetime.date(2026, 2, 1)
