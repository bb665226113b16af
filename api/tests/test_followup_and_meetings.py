import pytest
from django.urls import reverse

from api.tests.support import token_client
from evaluation.models import Measurement
from evaluation.tests.factories import MeasurementFactory
from followup.models import ActionReport, ReportState
from followup.tests.factories import ActionReportFactory
from meetings.models import Meeting
from meetings.tests.factories import AgendaItemFactory, DecisionFactory, MeetingFactory
from plan.tests.factories import ActionFactory, IndicatorFactory

pytestmark = pytest.mark.django_db
JSON = "application/json"


def _url(name: str, cast, cycle, **kwargs) -> str:
    return reverse(f"api:{name}", kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk, **kwargs})


REPORT = {"period_start": "2026-01-01", "period_end": "2026-03-31", "progress": "on_track", "children_reached": 14}


def test_the_leads_representative_files_submits_and_coordination_sends_back(cast, cycle):
    action = ActionFactory(cycle=cycle, lead=cast.organization)
    partner = token_client(cast.partner)
    reports = _url("reports", cast, cycle, action_pk=action.pk)
    backwards = partner.post(reports, {**REPORT, "period_end": "2025-12-31"}, content_type=JSON)
    assert backwards.status_code == 400
    assert backwards.json()["period_end"] == ["La fin de la période doit suivre son début."]
    created = partner.post(reports, {**REPORT, "partners": [cast.organization.pk]}, content_type=JSON)
    assert created.status_code == 201, created.json()
    report = ActionReport.objects.get(pk=created.json()["id"])
    assert report.created_by == cast.partner and report.children_reached == 14 and report.history.count() == 1
    assert list(report.partners.all()) == [cast.organization] and created.json()["state"] == ReportState.DRAFT
    assert partner.get(reports).json()["count"] == 1

    record = _url("report_detail", cast, cycle, report_pk=report.pk)
    edited = partner.patch(record, {"version": 1, "hindered": "La neige."}, content_type=JSON)
    assert edited.status_code == 200 and edited.json()["partners"] == [cast.organization.pk]
    assert (
        partner.post(
            _url("report_submit", cast, cycle, report_pk=report.pk), {"version": 1}, content_type=JSON
        ).status_code
        == 409
    )
    submitted = partner.post(_url("report_submit", cast, cycle, report_pk=report.pk), {"version": 2}, content_type=JSON)
    assert submitted.status_code == 200 and submitted.json()["state"] == ReportState.SUBMITTED
    assert partner.patch(record, {"version": 3, "helped": "x"}, content_type=JSON).status_code == 403

    send_back = _url("report_send_back", cast, cycle, report_pk=report.pk)
    assert partner.post(send_back, {"version": 3, "comment": "Les chiffres ?"}, content_type=JSON).status_code == 403
    coordinator = token_client(cast.coordinator)
    assert coordinator.post(send_back, {"version": 3}, content_type=JSON).status_code == 400
    returned = coordinator.post(send_back, {"version": 3, "comment": "Les chiffres ?"}, content_type=JSON)
    assert returned.status_code == 200 and returned.json()["review_comment"] == "Les chiffres ?"
    report.refresh_from_db()
    assert report.state == ReportState.SENT_BACK and report.hindered == "La neige."
    assert (
        partner.patch(record, {"version": report.version, "helped": "Le local."}, content_type=JSON).status_code == 200
    )


def test_only_the_actions_organizations_report_on_it(cast, cycle):
    theirs = ActionFactory(cycle=cycle, lead=cast.other_organization)
    reports = _url("reports", cast, cycle, action_pk=theirs.pk)
    assert token_client(cast.partner).post(reports, REPORT, content_type=JSON).status_code == 403
    assert token_client(cast.observer).post(reports, REPORT, content_type=JSON).status_code == 403
    assert token_client(cast.coordinator).post(reports, REPORT, content_type=JSON).status_code == 201
    assert token_client(cast.partner).get(reports).json()["count"] == 1


def test_the_report_list_stays_flat(cast, cycle, assert_flat_queries):
    action = ActionFactory(cycle=cycle, lead=cast.organization)
    ActionReportFactory(action=action)
    grow = lambda: ActionReportFactory.create_batch(10, action=action)  # noqa: E731
    assert_flat_queries(token_client(cast.observer), _url("reports", cast, cycle, action_pk=action.pk), grow=grow)


def test_the_committee_records_measurements_of_an_indicator(cast, cycle):
    indicator = IndicatorFactory(transformation__objective__cycle=cycle)
    committee = token_client(cast.committee)
    measurements = _url("measurements", cast, cycle, indicator_pk=indicator.pk)
    refused = committee.post(measurements, {"measured_on": "2026-06-30", "value": "beaucoup"}, content_type=JSON)
    assert refused.status_code == 400 and "value" in refused.json()
    created = committee.post(measurements, {"measured_on": "2026-06-30", "value": "42.5"}, content_type=JSON)
    assert created.status_code == 201, created.json()
    measurement = Measurement.objects.get(pk=created.json()["id"])
    assert measurement.indicator == indicator and str(measurement.value) == "42.500"
    record = _url("measurement_detail", cast, cycle, measurement_pk=measurement.pk)
    assert committee.patch(record, {"version": 1, "imprecise": True}, content_type=JSON).json()["imprecise"] is True
    assert committee.patch(record, {"version": 1, "value": "1"}, content_type=JSON).status_code == 409
    assert token_client(cast.partner).patch(record, {"version": 2, "value": "1"}, content_type=JSON).status_code == 403
    assert (
        token_client(cast.partner)
        .post(measurements, {"measured_on": "2026-07-01", "value": "1"}, content_type=JSON)
        .status_code
        == 403
    )
    assert committee.delete(record).status_code == 204 and not Measurement.objects.exists()


def test_the_measurement_list_stays_flat(cast, cycle, assert_flat_queries):
    indicator = IndicatorFactory(transformation__objective__cycle=cycle)
    MeasurementFactory(indicator=indicator)
    grow = lambda: MeasurementFactory.create_batch(10, indicator=indicator)  # noqa: E731
    url = _url("measurements", cast, cycle, indicator_pk=indicator.pk)
    assert_flat_queries(token_client(cast.observer), url, grow=grow)


def test_coordination_plans_a_meeting_and_everyone_reads_its_agenda(cast, cycle):
    coordinator = token_client(cast.coordinator)
    meetings = _url("meetings", cast, cycle)
    data = {"step": 3, "title": "Planification", "date": "2026-10-14", "starts_at": "18:30", "ends_at": "17:00"}
    backwards = coordinator.post(meetings, data, content_type=JSON)
    assert backwards.status_code == 400 and backwards.json()["ends_at"] == ["La fin doit venir après le début."]
    created = coordinator.post(meetings, {**data, "ends_at": "20:30", "tools": [10, 9]}, content_type=JSON)
    assert created.status_code == 201, created.json()
    meeting = Meeting.objects.get(pk=created.json()["id"])
    assert meeting.tools == "9,10" and created.json()["tools"] == [9, 10] and meeting.history.count() == 1
    AgendaItemFactory(meeting=meeting, title="Les actions", position=1)
    DecisionFactory(meeting=meeting, text="Le plan est adopté.")
    read = token_client(cast.partner).get(_url("meeting_detail", cast, cycle, meeting_pk=meeting.pk)).json()
    assert read["starts_at"] == "18:30:00" and [item["title"] for item in read["agenda"]] == ["Les actions"]
    assert [decision["text"] for decision in read["decisions"]] == ["Le plan est adopté."]
    record = _url("meeting_detail", cast, cycle, meeting_pk=meeting.pk)
    assert token_client(cast.partner).patch(record, {"version": 1, "place": "x"}, content_type=JSON).status_code == 403
    moved = coordinator.patch(record, {"version": 1, "place": "Bibliothèque"}, content_type=JSON)
    assert moved.status_code == 200 and moved.json()["tools"] == [9, 10]


def test_the_meeting_list_stays_flat(cast, cycle, assert_flat_queries):
    MeetingFactory(cycle=cycle)

    def grow():
        for meeting in MeetingFactory.create_batch(5, cycle=cycle):
            AgendaItemFactory.create_batch(2, meeting=meeting)
            DecisionFactory(meeting=meeting)

    assert_flat_queries(token_client(cast.observer), _url("meetings", cast, cycle), grow=grow)
