"""The due and late reports: every action of the cycle for coordination, one organization's for its
representative; a number of queries that does not grow with 3 or 200 actions."""

import datetime

import pytest
from django.utils import timezone

from followup.models import ReportState
from followup.tests.factories import ActionReportFactory
from plan.models import Action, ActionPartner
from plan.tests.factories import ActionFactory

pytestmark = pytest.mark.django_db

DATES = {"starts_on": datetime.date(2024, 1, 1), "ends_on": datetime.date(2024, 12, 31), "follow_up": "quarterly"}


def test_coordination_sees_every_actions_late_reports(cast, client_for, cycle, cycle_url):
    ActionFactory(cycle=cycle, title="Ateliers d'éveil", lead=cast.organization, **DATES)
    ActionFactory(cycle=cycle, title="Croque-livres", lead=cast.other_organization, **DATES)
    ActionFactory(cycle=cycle, title="Sans calendrier", lead=cast.organization)
    page = client_for(cast.coordinator).get(cycle_url("followup:due")).content.decode()
    assert "Ateliers d&#x27;éveil" in page and "Croque-livres" in page
    assert "Sans calendrier" not in page
    assert "8 suivis en retard" in page  # four quarters of 2024, two actions
    assert "Rédiger le suivi" in page


def test_a_partner_sees_its_organizations_actions(cast, client_for, cycle, cycle_url):
    ActionFactory(cycle=cycle, title="Ateliers d'éveil", lead=cast.organization, **DATES)
    joined = ActionFactory(cycle=cycle, title="Halte-répit", lead=cast.other_organization, **DATES)
    ActionPartner.objects.create(action=joined, organization=cast.organization)
    ActionFactory(cycle=cycle, title="Croque-livres", lead=cast.other_organization, **DATES)
    page = client_for(cast.partner).get(cycle_url("followup:my_due")).content.decode()
    assert "Ateliers d&#x27;éveil" in page and "Halte-répit" in page
    assert "Croque-livres" not in page
    assert "Rédiger le suivi" in page


def test_a_submitted_report_leaves_the_list_and_a_sent_back_one_says_so(cast, client_for, cycle, cycle_url):
    action = ActionFactory(cycle=cycle, lead=cast.organization, **DATES)
    ActionReportFactory(
        action=action,
        period_start=datetime.date(2024, 1, 1),
        period_end=datetime.date(2024, 3, 31),
        state=ReportState.SUBMITTED,
    )
    ActionReportFactory(
        action=action,
        period_start=datetime.date(2024, 4, 1),
        period_end=datetime.date(2024, 6, 30),
        state=ReportState.SENT_BACK,
    )
    page = client_for(cast.partner).get(cycle_url("followup:my_due")).content.decode()
    assert "2024-01-01 – 2024-03-31" not in page
    assert "Renvoyé pour correction" in page
    assert "2 suivis en retard" in page
    # Each row links to its report, else to the form that writes the period's report.
    sent_back = action.reports.get(state=ReportState.SENT_BACK)
    assert f'href="{cycle_url("followup:report_detail", report_pk=sent_back.pk)}"' in page
    write = cycle_url("followup:report_create", action_pk=action.pk)
    assert f'href="{write}?debut=2024-07-01&amp;fin=2024-09-30"' in page


def test_a_member_without_organization_is_told(cast, client_for, cycle_url, cycle):
    page = client_for(cast.committee).get(cycle_url("followup:my_due")).content.decode()
    assert "Votre fiche de membre ne nomme aucun organisme." in page


def test_an_action_running_now_shows_its_current_period(cast, client_for, cycle, cycle_url):
    today = timezone.localdate()
    ActionFactory(cycle=cycle, lead=cast.organization, follow_up="monthly", starts_on=today.replace(day=1))
    page = client_for(cast.partner).get(cycle_url("followup:my_due")).content.decode()
    assert "Période en cours" in page or "À remettre" in page


def _grow(cast, cycle, count: int):
    def grow():
        actions = Action.objects.bulk_create(
            Action(cycle=cycle, title=f"Action {n}", lead=cast.other_organization, **DATES) for n in range(count)
        )
        ActionPartner.objects.bulk_create(ActionPartner(action=a, organization=cast.organization) for a in actions)
        for action in actions[:20]:
            ActionReportFactory(
                action=action, period_start=datetime.date(2024, 1, 1), period_end=datetime.date(2024, 3, 31)
            )

    return grow


@pytest.mark.parametrize("name,role", [("followup:due", "coordinator"), ("followup:my_due", "partner")])
def test_due_pages_query_count_does_not_grow(cast, client_for, cycle, cycle_url, assert_flat_queries, name, role):
    _grow(cast, cycle, 3)()
    assert_flat_queries(client_for(getattr(cast, role)), cycle_url(name), grow=_grow(cast, cycle, 197))
