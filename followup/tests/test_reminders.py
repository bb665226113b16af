"""The reminder digests: one e-mail per person per run, what each role hears about, opting out, weekly, the
person's language; the task through the command and through the real database queue and its worker."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command

from accounts.models import ReminderPreference
from followup.models import ReportState
from followup.tests.factories import ActionReportFactory
from plan.tests.factories import ActionFactory, ActionPartnerFactory

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2025, 7, 28)  # Q1's report is late (due 30 April), Q2's is due on 30 July
TUESDAY = MONDAY + datetime.timedelta(days=1)


@pytest.fixture
def actions(cast, cycle):
    dates = {"starts_on": datetime.date(2025, 1, 1), "ends_on": datetime.date(2026, 12, 31)}
    led = ActionFactory(cycle=cycle, title="Ateliers d'éveil", lead=cast.organization, follow_up="quarterly", **dates)
    joined = ActionFactory(
        cycle=cycle, title="Croque-livres", lead=cast.other_organization, follow_up="yearly", **dates
    )
    ActionPartnerFactory(action=joined, organization=cast.organization)
    return led, joined


def _run(day: datetime.date, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", "--date", day.isoformat())


def _mails_to(user) -> list:
    return [message for message in mail.outbox if message.to == [user.email]]


def test_one_digest_per_person_gathers_all_their_reports(cast, actions, django_capture_on_commit_callbacks):
    _run(MONDAY, django_capture_on_commit_callbacks)
    (digest,) = _mails_to(cast.partner)
    assert "2 suivis d'actions vous attendent" in digest.subject
    assert "En retard : attendu le 2025-04-30." in digest.body
    assert "À remettre d'ici le 2025-07-30." in digest.body
    # The yearly action's first report (2025) is not due yet: nothing about it.
    assert "Croque-livres" not in digest.body
    assert "/p/petite-patrie/cycles/" in digest.body


def test_a_long_digest_names_the_oldest_and_counts_the_rest_with_the_page_that_lists_them(
    cast, cycle, django_capture_on_commit_callbacks
):
    dates = {"starts_on": datetime.date(2024, 1, 1), "ends_on": datetime.date(2026, 12, 31), "follow_up": "monthly"}
    for n in range(3):  # 3 actions × 17 months of late reports (June 2025 is due on 30 July)
        ActionFactory(cycle=cycle, title=f"Action {n}", lead=cast.organization, **dates)
    _run(MONDAY, django_capture_on_commit_callbacks)
    (digest,) = _mails_to(cast.coordinator)
    assert "51 suivis d'actions vous attendent" in digest.subject
    assert digest.body.count("En retard : attendu le") == 25
    assert "(2024-01-01 – 2024-01-31)" in digest.body and "(2025-05-01 – 2025-05-31)" not in digest.body
    assert "… et 26 autres suivis, sur la page des échéances :" in digest.body
    assert (
        f"- Regroupement Petite-Patrie : {settings.SITE_URL}/p/petite-patrie/cycles/{cycle.pk}/suivis/echeances/\n"
        in (digest.body)
    )
    (partner,) = _mails_to(cast.partner)
    assert f"/cycles/{cycle.pk}/suivis/mes-echeances/" in partner.body


def test_coordination_hears_of_every_late_report_and_others_of_nothing(
    cast, actions, django_capture_on_commit_callbacks
):
    _run(MONDAY, django_capture_on_commit_callbacks)
    (digest,) = _mails_to(cast.coordinator)
    assert "1 suivi d'action vous attend" in digest.subject
    assert "Ateliers d'éveil" in digest.body
    assert not _mails_to(cast.committee) and not _mails_to(cast.observer) and not _mails_to(cast.outsider)


def test_a_report_sent_back_and_one_submitted(cast, actions, django_capture_on_commit_callbacks):
    led, _joined = actions
    ActionReportFactory(
        action=led,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 3, 31),
        state=ReportState.SENT_BACK,
    )
    ActionReportFactory(
        action=led,
        period_start=datetime.date(2025, 4, 1),
        period_end=datetime.date(2025, 6, 30),
        state=ReportState.SUBMITTED,
    )
    _run(MONDAY, django_capture_on_commit_callbacks)
    (digest,) = _mails_to(cast.partner)
    assert "1 suivi d'action vous attend" in digest.subject
    assert "Renvoyé pour correction par la coordination." in digest.body
    assert not _mails_to(cast.coordinator)  # nothing is late any more


def test_a_person_may_opt_out(cast, actions, django_capture_on_commit_callbacks):
    ReminderPreference.objects.create(user=cast.partner, frequency="never")
    _run(MONDAY, django_capture_on_commit_callbacks)
    assert not _mails_to(cast.partner)
    assert _mails_to(cast.coordinator)


def test_weekly_means_on_mondays(cast, actions, django_capture_on_commit_callbacks):
    ReminderPreference.objects.create(user=cast.partner, frequency="weekly")
    _run(TUESDAY, django_capture_on_commit_callbacks)
    assert not _mails_to(cast.partner)
    assert _mails_to(cast.coordinator)  # daily by default
    _run(MONDAY, django_capture_on_commit_callbacks)
    assert len(_mails_to(cast.partner)) == 1


def test_the_digest_speaks_the_persons_language(cast, actions, django_capture_on_commit_callbacks):
    ReminderPreference.objects.create(user=cast.partner, language="en")
    _run(MONDAY, django_capture_on_commit_callbacks)
    (english,) = _mails_to(cast.partner)
    assert "2 action reports are waiting for you" in english.subject
    assert "Late: due on 2025-04-30." in english.body
    (french,) = _mails_to(cast.coordinator)
    assert "vous attend" in french.subject


def test_the_settings_page_saves_the_persons_choice(cast, client_for):
    client = client_for(cast.partner)
    assert client.get("/mes-rappels/").status_code == 200
    response = client.post("/mes-rappels/", {"frequency": "weekly", "language": "en"})
    assert response.status_code == 302
    preference = ReminderPreference.objects.get(user=cast.partner)
    assert (preference.frequency, preference.language) == ("weekly", "en")
    assert client.post("/mes-rappels/", {"frequency": "hourly", "language": "en"}).status_code == 200
    assert ReminderPreference.objects.get(user=cast.partner).frequency == "weekly"


def test_the_settings_page_needs_a_signed_in_person(client):
    assert client.get("/mes-rappels/").status_code == 302


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_through_the_database_queue_and_its_worker(cast, actions, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("send_reminders", "--date", MONDAY.isoformat())
    assert DBTaskResult.objects.get().status == "READY"
    assert not mail.outbox  # queued, not sent: a worker sends it
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert len(_mails_to(cast.partner)) == 1 and len(_mails_to(cast.coordinator)) == 1


def test_the_preferences_are_in_the_persons_own_information(cast, client_for):
    ReminderPreference.objects.create(user=cast.partner, frequency="weekly", language="en")
    data = client_for(cast.partner).get("/confidentialite/mes-renseignements.json").json()
    assert data["reminder_preferences"] == [{"frequency": "Une fois par semaine, le lundi", "language": "English"}]
