import pytest

from core.tests.support import url
from meetings.models import Minutes
from meetings.tests.factories import MeetingFactory, MinutesFactory

pytestmark = pytest.mark.django_db


def test_minutes_are_written_sanitized_and_stay_a_draft(cast, cycle, client_for):
    meeting = MeetingFactory(cycle=cycle)
    edit = url("meetings:minutes_edit", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk)
    content = '<h2>Présences</h2><p onclick="x()">Onze organismes.</p><script>alert(1)</script>'
    assert client_for(cast.coordinator).post(edit, {"content": content}).status_code == 302
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.content == "<h2>Présences</h2><p>Onze organismes.</p>" and not minutes.is_approved


def test_a_later_meeting_approves_the_minutes_which_are_then_frozen(cast, cycle, client_for):
    first = MeetingFactory(cycle=cycle, position=1)
    later = MeetingFactory(cycle=cycle, position=2, date=first.date.replace(day=first.date.day + 7))
    minutes = MinutesFactory(meeting=first)
    client = client_for(cast.coordinator)
    page = client.get(url("meetings:meeting_detail", cast, cycle_pk=cycle.pk, meeting_pk=later.pk)).content.decode()
    assert f"Approuver le compte rendu de « {first.title} »" in page
    client.post(url("meetings:minutes_approve", cast, cycle_pk=cycle.pk, meeting_pk=later.pk, minutes_pk=minutes.pk))
    minutes.refresh_from_db()
    assert minutes.approved_at == later and minutes.approved_on == later.date
    page = client.get(url("meetings:meeting_detail", cast, cycle_pk=cycle.pk, meeting_pk=first.pk)).content.decode()
    assert f"Approuvé à la rencontre « {later.title} »" in page
    edit = url("meetings:minutes_edit", cast, cycle_pk=cycle.pk, meeting_pk=first.pk)
    assert client.post(edit, {"content": "<p>Autre</p>", "version": minutes.version}).status_code == 403


def test_minutes_are_not_approved_at_an_earlier_meeting_or_empty(cast, cycle, client_for):
    first = MeetingFactory(cycle=cycle, position=1)
    later = MeetingFactory(cycle=cycle, position=2, date=first.date.replace(day=first.date.day + 7))
    minutes = MinutesFactory(meeting=later)
    client = client_for(cast.coordinator)
    client.post(url("meetings:minutes_approve", cast, cycle_pk=cycle.pk, meeting_pk=first.pk, minutes_pk=minutes.pk))
    minutes.refresh_from_db()
    assert not minutes.is_approved


def test_a_stale_minutes_save_shows_the_conflict(cast, cycle, client_for):
    meeting = MeetingFactory(cycle=cycle)
    minutes = MinutesFactory(meeting=meeting)
    edit = url("meetings:minutes_edit", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk)
    client = client_for(cast.coordinator)
    client.post(edit, {"content": "<p>Première</p>", "version": minutes.version})
    response = client.post(edit, {"content": "<p>Seconde</p>", "version": minutes.version})
    assert response.status_code == 409
    minutes.refresh_from_db()
    assert minutes.content == "<p>Première</p>"
