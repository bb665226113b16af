"""What Outil 11 adds to the dashboard ("À faire maintenant") and to the cycle's page (each tool's progress)."""

import datetime

import pytest

from core.tests.support import url
from cycles.models import StepStatus
from followup.models import ReportState
from followup.tests.factories import ActionReportFactory, CommunicationItemFactory
from plan.tests.factories import ActionFactory

pytestmark = pytest.mark.django_db

DATES = {"starts_on": datetime.date(2024, 1, 1), "ends_on": datetime.date(2024, 12, 31), "follow_up": "twice_a_year"}


def test_a_representative_is_told_of_the_reports_its_organization_owes(cast, client_for, cycle):
    ActionFactory(cycle=cycle, lead=cast.organization, **DATES)
    page = client_for(cast.partner).get(url("partnerships:home", cast)).content.decode()
    assert "2 suivis d&#x27;actions à remettre pour votre organisme (Outil 11)" in page


def test_coordination_is_told_of_late_reports_at_step_4(cast, client_for, cycle):
    ActionFactory(cycle=cycle, lead=cast.organization, **DATES)
    cycle.steps.filter(number__lt=4).update(status=StepStatus.COMPLETED)
    cycle.steps.filter(number=4).update(status=StepStatus.IN_PROGRESS)
    page = client_for(cast.coordinator).get(url("partnerships:home", cast)).content.decode()
    assert "2 suivis d&#x27;actions en retard (Outil 11)" in page


def test_the_cycle_page_says_how_far_the_follow_up_is(cast, client_for, cycle):
    action = ActionFactory(cycle=cycle, lead=cast.organization, **DATES)
    ActionReportFactory(action=action, state=ReportState.SUBMITTED)
    ActionReportFactory(action=action)
    CommunicationItemFactory(cycle=cycle)
    page = client_for(cast.observer).get(url("cycles:detail", cast, cycle_pk=cycle.pk)).content.decode()
    assert "2 suivis" in page and "1 remis" in page and "1 ligne au plan de communication" in page
