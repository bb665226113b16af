"""Writing and reviewing an action's reports through HTTP: who may write on which action, the states (draft,
submitted, sent back), bad input, conflicts, history, deletion and the chain to the action."""

import datetime

import pytest

from core.tests.support import url
from followup.models import ActionReport, ReportState
from followup.tests.factories import ActionReportFactory
from plan.tests.factories import ActionFactory, ActionPartnerFactory, MilestoneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(cast, cycle):
    """An action the partner's organization leads."""
    return ActionFactory(cycle=cycle, lead=cast.organization, follow_up="quarterly")


def _data(**extra) -> dict:
    return {
        "period_start": "2025-10-01",
        "period_end": "2025-12-31",
        "progress": "on_track",
        "activities_planned": "Huit ateliers",
        "activities_done": "Six ateliers",
        "children_reached": "42",
        "parents_reached": "30",
        "satisfaction": "90",
        "better_off": "Les parents lisent plus souvent avec leur enfant.",
        "form_token": "",
        **extra,
    }


def _create(client, cycle_url, action, **extra):
    return client.post(cycle_url("followup:report_create", action_pk=action.pk), _data(**extra))


def test_the_lead_organizations_representative_writes_a_draft(cast, client_for, cycle_url, action):
    milestone = MilestoneFactory(action=action)
    response = _create(
        client_for(cast.partner), cycle_url, action, partners=[cast.organization.pk], milestones_reached=[milestone.pk]
    )
    report = ActionReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == cycle_url("followup:report_detail", report_pk=report.pk)
    assert (report.state, report.children_reached, report.created_by) == (ReportState.DRAFT, 42, cast.partner)
    assert list(report.partners.all()) == [cast.organization]
    assert list(report.milestones_reached.all()) == [milestone]
    assert report.history.count() == 1


def test_a_partner_organizations_representative_writes_too(cast, client_for, cycle_url, cycle):
    action = ActionFactory(cycle=cycle, lead=cast.other_organization)
    ActionPartnerFactory(action=action, organization=cast.organization)
    assert _create(client_for(cast.partner), cycle_url, action).status_code == 302


@pytest.mark.parametrize("role", ["partner", "committee", "observer"])
def test_others_may_not_write_on_an_action_they_have_no_part_in(cast, client_for, cycle_url, cycle, role):
    action = ActionFactory(cycle=cycle, lead=cast.other_organization)
    assert _create(client_for(getattr(cast, role)), cycle_url, action).status_code == 403
    assert not ActionReport.objects.exists()


@pytest.mark.parametrize("role", ["coordinator", "committee", "partner", "observer"])
def test_every_member_reads_a_report(cast, client_for, cycle_url, action, role):
    report = ActionReportFactory(action=action, better_off="Douze familles de plus fréquentent la bibliothèque.")
    response = client_for(getattr(cast, role)).get(cycle_url("followup:report_detail", report_pk=report.pk))
    assert response.status_code == 200
    assert "Douze familles de plus" in response.content.decode()


def test_the_outsider_gets_404(cast, client_for, cycle_url, action):
    report = ActionReportFactory(action=action)
    client = client_for(cast.outsider)
    assert client.get(cycle_url("followup:report_detail", report_pk=report.pk)).status_code == 404
    assert _create(client, cycle_url, action).status_code == 404


def test_bad_input_is_said_next_to_the_field_and_nothing_is_saved(cast, client_for, cycle_url, action):
    response = _create(client_for(cast.partner), cycle_url, action, period_end="2025-09-01", satisfaction="140")
    body = response.content.decode()
    assert response.status_code == 200
    assert "La fin de la période doit suivre son début." in body
    assert "Six ateliers" in body  # what was typed is kept
    assert not ActionReport.objects.exists()


def test_one_report_per_action_and_period(cast, client_for, cycle_url, action):
    ActionReportFactory(action=action, period_start=datetime.date(2025, 10, 1))
    response = _create(client_for(cast.partner), cycle_url, action)
    assert response.status_code == 200
    assert "Cette action a déjà un suivi pour la période" in response.content.decode()
    assert ActionReport.objects.count() == 1


def _submit(client, cycle_url, report):
    report.refresh_from_db()
    return client.post(cycle_url("followup:report_submit", report_pk=report.pk), {"version": report.version})


def test_submit_send_back_and_resubmit(cast, client_for, cycle_url, action):
    report = ActionReportFactory(action=action)
    partner, coordinator = client_for(cast.partner), client_for(cast.coordinator)
    assert _submit(partner, cycle_url, report).status_code == 302
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED and report.submitted_at is not None
    # Submitted: frozen for its authors.
    assert partner.get(cycle_url("followup:report_edit", report_pk=report.pk)).status_code == 403
    assert partner.post(cycle_url("followup:report_send_back", report_pk=report.pk)).status_code == 403
    sent = coordinator.post(
        cycle_url("followup:report_send_back", report_pk=report.pk),
        {"version": report.version, "comment": "Il manque le nombre de parents."},
    )
    assert sent.status_code == 302
    report.refresh_from_db()
    assert (report.state, report.review_comment) == (ReportState.SENT_BACK, "Il manque le nombre de parents.")
    page = partner.get(cycle_url("followup:report_detail", report_pk=report.pk)).content.decode()
    assert "Il manque le nombre de parents." in page
    edit = partner.post(
        cycle_url("followup:report_edit", report_pk=report.pk),
        _data(
            version=report.version,
            parents_reached="31",
            period_start=f"{report.period_start:%Y-%m-%d}",
            period_end=f"{report.period_end:%Y-%m-%d}",
        ),
    )
    assert edit.status_code == 302
    assert _submit(partner, cycle_url, report).status_code == 302
    report.refresh_from_db()
    assert (report.state, report.parents_reached) == (ReportState.SUBMITTED, 31)


def test_sending_back_needs_a_comment(cast, client_for, cycle_url, action):
    report = ActionReportFactory(action=action, state=ReportState.SUBMITTED)
    response = client_for(cast.coordinator).post(
        cycle_url("followup:report_send_back", report_pk=report.pk), {"version": report.version, "comment": ""}
    )
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED


def test_a_draft_cannot_be_sent_back(cast, client_for, cycle_url, action):
    report = ActionReportFactory(action=action)
    response = client_for(cast.coordinator).get(cycle_url("followup:report_send_back", report_pk=report.pk))
    assert response.status_code == 403


def test_an_edit_from_an_older_version_shows_the_conflict(cast, client_for, cycle_url, action):
    report = ActionReportFactory(action=action)
    stale = report.version
    ActionReport.objects.filter(pk=report.pk).update(version=stale + 1, activities_done="Sept ateliers")
    response = client_for(cast.partner).post(
        cycle_url("followup:report_edit", report_pk=report.pk),
        _data(
            version=stale, period_start=f"{report.period_start:%Y-%m-%d}", period_end=f"{report.period_end:%Y-%m-%d}"
        ),
    )
    assert response.status_code == 409
    report.refresh_from_db()
    assert report.activities_done == "Sept ateliers"


def test_a_stale_submission_is_refused(cast, client_for, cycle_url, action):
    report = ActionReportFactory(action=action)
    response = client_for(cast.partner).post(
        cycle_url("followup:report_submit", report_pk=report.pk), {"version": report.version + 5}
    )
    assert response.status_code == 409
    report.refresh_from_db()
    assert report.state == ReportState.DRAFT


def test_history_has_one_entry_per_save(cast, client_for, cycle_url, action):
    client = client_for(cast.partner)
    _create(client, cycle_url, action, partners=[cast.organization.pk, cast.other_organization.pk])
    report = ActionReport.objects.get()
    _submit(client, cycle_url, report)
    assert report.history.count() == 2
    page = client.get(cycle_url("followup:report_history", report_pk=report.pk))
    assert page.status_code == 200
    assert "Suivi remis" in page.content.decode()


def test_deletion_through_its_page(cast, client_for, cycle_url, action):
    report = ActionReportFactory(action=action)
    client = client_for(cast.partner)
    address = cycle_url("followup:report_delete", report_pk=report.pk)
    assert client.get(address).status_code == 200
    assert client.post(address).status_code == 302
    assert not ActionReport.objects.exists()


def test_the_action_page_lists_its_reports(cast, client_for, cycle_url, action):
    report = ActionReportFactory(action=action)
    page = client_for(cast.observer).get(cycle_url("plan:action_detail", action_pk=action.pk)).content.decode()
    assert cycle_url("followup:report_detail", report_pk=report.pk) in page
    detail = client_for(cast.observer).get(cycle_url("followup:report_detail", report_pk=report.pk)).content.decode()
    assert cycle_url("plan:action_detail", action_pk=action.pk) in detail


def test_the_tool_page_is_labelled(cast, client_for, cycle_url, action):
    ActionReportFactory(action=action)
    page = client_for(cast.observer).get(cycle_url("followup:reports")).content.decode()
    assert (
        "Outil 11 — Suivi de la mise en œuvre de l&#x27;action" in page
        or "Outil 11 — Suivi de la mise en œuvre" in page
    )


def test_report_list_query_count_does_not_grow(cast, client_for, cycle_url, cycle, assert_flat_queries):
    ActionReportFactory(action__cycle=cycle)
    assert_flat_queries(
        client_for(cast.observer),
        cycle_url("followup:reports"),
        grow=lambda: ActionReportFactory.create_batch(30, action__cycle=cycle),
    )


def test_report_page_query_count_does_not_grow(cast, client_for, cycle_url, action, assert_flat_queries):
    report = ActionReportFactory(action=action)

    def grow():
        report.partners.set([cast.organization, cast.other_organization])
        report.milestones_reached.set(MilestoneFactory.create_batch(5, action=action))

    assert_flat_queries(client_for(cast.observer), cycle_url("followup:report_detail", report_pk=report.pk), grow=grow)


def test_urls_are_the_partnerships(cast):
    assert url("followup:reports", cast, cycle_pk=1).startswith("/p/petite-patrie/")
