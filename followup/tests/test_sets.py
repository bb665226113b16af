"""A report's sets saved as a whole: the people reached by territory, the money spent per budget line."""

from decimal import Decimal

import pytest

from core.concurrency import fingerprint
from followup.models import BudgetSpent, ReportReach, ReportState
from followup.services import reach_state, spending_state
from followup.tests.factories import ActionReportFactory
from partnerships.models import Territory
from plan.tests.factories import ActionFactory, BudgetLineFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(cast, cycle):
    return ActionReportFactory(action=ActionFactory(cycle=cycle, lead=cast.organization))


@pytest.fixture
def territories(cast):
    return [
        Territory.objects.create(partnership=cast.partnership, kind="neighbourhood", name=name)
        for name in ("Parc-Extension", "Villeray")
    ]


def _reach_data(territories, expected, **values) -> dict:
    data = {"fingerprint": expected}
    for territory in territories:
        for kind in ("children", "parents", "practitioners"):
            data[f"t{territory.pk}_{kind}"] = values.get(f"{territory.name}_{kind}", "")
    return data


def test_reach_by_territory(cast, client_for, cycle_url, report, territories):
    address = cycle_url("followup:report_reach", report_pk=report.pk)
    client = client_for(cast.partner)
    assert client.get(address).status_code == 200
    data = _reach_data(territories, fingerprint([]), **{"Villeray_children": "12", "Villeray_parents": "9"})
    assert client.post(address, data).status_code == 302
    (row,) = ReportReach.objects.filter(report=report)
    assert (row.territory, row.children, row.parents, row.practitioners) == (territories[1], 12, 9, None)
    page = client.get(cycle_url("followup:report_detail", report_pk=report.pk)).content.decode()
    assert "Villeray" in page


def test_reach_saved_meanwhile_is_a_conflict(cast, client_for, cycle_url, report, territories):
    ReportReach.objects.create(report=report, territory=territories[0], children=5)
    data = _reach_data(territories, fingerprint([]), **{"Villeray_children": "12"})
    response = client_for(cast.partner).post(cycle_url("followup:report_reach", report_pk=report.pk), data)
    assert response.status_code == 409
    assert "Parc-Extension" in response.content.decode()
    assert list(ReportReach.objects.values_list("children", flat=True)) == [5]


def test_spending_per_budget_line(cast, client_for, cycle_url, report):
    line = BudgetLineFactory(action=report.action, amount=Decimal("5000"))
    address = cycle_url("followup:report_spending", report_pk=report.pk)
    client = client_for(cast.partner)
    response = client.post(address, {"fingerprint": fingerprint([]), f"line{line.pk}": "1250.50"})
    assert response.status_code == 302
    assert BudgetSpent.objects.get(report=report).amount == Decimal("1250.50")
    saved = fingerprint(spending_state(list(BudgetSpent.objects.filter(report=report))))
    assert client.post(address, {"fingerprint": saved, f"line{line.pk}": ""}).status_code == 302
    assert not BudgetSpent.objects.exists()


def test_spending_refuses_a_negative_amount(cast, client_for, cycle_url, report):
    line = BudgetLineFactory(action=report.action)
    response = client_for(cast.partner).post(
        cycle_url("followup:report_spending", report_pk=report.pk),
        {"fingerprint": fingerprint([]), f"line{line.pk}": "-3"},
    )
    assert response.status_code == 200
    assert not BudgetSpent.objects.exists()


def test_spending_saved_meanwhile_is_a_conflict(cast, client_for, cycle_url, report):
    line = BudgetLineFactory(action=report.action)
    BudgetSpent.objects.create(report=report, budget_line=line, amount=Decimal("10"))
    response = client_for(cast.partner).post(
        cycle_url("followup:report_spending", report_pk=report.pk),
        {"fingerprint": fingerprint([]), f"line{line.pk}": "20"},
    )
    assert response.status_code == 409
    assert BudgetSpent.objects.get().amount == Decimal("10")


def test_a_submitted_reports_sets_are_frozen(cast, client_for, cycle_url, report, territories):
    report.state = ReportState.SUBMITTED
    report.save()
    client = client_for(cast.partner)
    assert client.get(cycle_url("followup:report_reach", report_pk=report.pk)).status_code == 403
    assert client.get(cycle_url("followup:report_spending", report_pk=report.pk)).status_code == 403


def test_the_history_names_the_sets_rows(cast, client_for, cycle_url, report, territories):
    data = _reach_data(territories, fingerprint(reach_state([])), **{"Villeray_children": "12"})
    client_for(cast.partner).post(cycle_url("followup:report_reach", report_pk=report.pk), data)
    page = client_for(cast.observer).get(cycle_url("followup:report_history", report_pk=report.pk))
    assert "Villeray" in page.content.decode()
