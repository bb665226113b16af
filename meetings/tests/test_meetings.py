import datetime

import pytest

from core.tests.support import url
from meetings.models import Meeting
from meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def meeting_data(**values) -> dict:
    data = {
        "step": 2,
        "title": "Rencontre 2 — Les données",
        "date": "2026-03-10",
        "starts_at": "13:30",
        "ends_at": "16:00",
        "place": "Maison de la famille",
        "online_link": "rencontre.exemple/abc",
        "objectives": "Présenter les données\nTirer les constats",
        "tools": ["5", "6"],
        "form_token": "jeton",
    }
    return {**data, **values}


def test_the_committee_plans_a_meeting_with_its_objectives_and_tools(cast, cycle, client_for):
    response = client_for(cast.committee).post(url("meetings:meeting_create", cast, cycle_pk=cycle.pk), meeting_data())
    meeting = Meeting.objects.get(cycle=cycle)
    assert response.status_code == 302
    assert meeting.tool_numbers == [5, 6] and meeting.objective_list == ["Présenter les données", "Tirer les constats"]
    assert meeting.online_link == "https://rencontre.exemple/abc"
    page = client_for(cast.observer).get(response.url).content.decode()
    assert "Outil 5 — Nos observations, nos constats" in page and "Tirer les constats" in page


def test_the_end_comes_after_the_start_and_a_time_needs_a_date(cast, cycle, client_for):
    data = meeting_data(ends_at="12:00", date="")
    response = client_for(cast.coordinator).post(url("meetings:meeting_create", cast, cycle_pk=cycle.pk), data)
    content = response.content.decode()
    assert "La fin doit venir après le début." in content and "Indiquez la date de la rencontre" in content
    assert not Meeting.objects.exists()


def test_an_edit_from_an_older_version_shows_the_conflict(cast, cycle, client_for):
    meeting = MeetingFactory(cycle=cycle)
    client = client_for(cast.coordinator)
    edit = url("meetings:meeting_edit", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk)
    client.post(edit, meeting_data(version=1, title="Première modification"))
    response = client.post(edit, meeting_data(version=1, title="Seconde modification"))
    assert response.status_code == 409
    meeting.refresh_from_db()
    assert meeting.title == "Première modification"


def test_meetings_move_up_and_down_in_the_series(cast, cycle, client_for):
    first, second = MeetingFactory(cycle=cycle, position=1), MeetingFactory(cycle=cycle, position=2)
    client_for(cast.coordinator).post(
        url("meetings:meeting_move", cast, cycle_pk=cycle.pk, meeting_pk=second.pk), {"direction": "up"}
    )
    assert list(cycle.meetings.order_by("position")) == [second, first]


def test_a_meeting_is_deleted_after_the_page_says_what_goes_with_it(cast, cycle, client_for):
    meeting = MeetingFactory(cycle=cycle)
    delete = url("meetings:meeting_delete", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk)
    client = client_for(cast.coordinator)
    assert client.get(delete).status_code == 200
    assert client.post(delete).status_code == 302
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_partners_and_observers_read_meetings_but_do_not_change_them(cast, cycle, client_for, role):
    meeting = MeetingFactory(cycle=cycle)
    client = client_for(getattr(cast, role))
    assert client.get(url("meetings:meetings", cast, cycle_pk=cycle.pk)).status_code == 200
    assert client.get(url("meetings:meeting_detail", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk)).status_code == 200
    assert client.get(url("meetings:meeting_edit", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk)).status_code == 403


def test_the_history_has_one_entry_per_save(cast, cycle, client_for):
    client = client_for(cast.coordinator)
    client.post(url("meetings:meeting_create", cast, cycle_pk=cycle.pk), meeting_data())
    meeting = Meeting.objects.get()
    client.post(
        url("meetings:meeting_edit", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk),
        meeting_data(version=1, place="Ailleurs"),
    )
    assert meeting.history.count() == 2
    page = client.get(url("meetings:meeting_history", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk)).content.decode()
    assert "Ailleurs" in page


def test_upcoming_meetings_show_on_the_dashboard_and_the_cycle_page(cast, cycle, client_for):
    soon = datetime.date.today() + datetime.timedelta(days=5)
    MeetingFactory(cycle=cycle, title="Rencontre à venir", date=soon)
    MeetingFactory(cycle=cycle, title="Rencontre passée", date=datetime.date(2020, 1, 1))
    client = client_for(cast.partner)
    for page in (url("partnerships:home", cast), url("cycles:detail", cast, cycle_pk=cycle.pk)):
        content = client.get(page).content.decode()
        assert "Prochaines rencontres" in content and "Rencontre à venir" in content
        assert "Rencontre passée" not in content


def test_list_and_meeting_page_query_counts_do_not_grow(cast, cycle, client_for, assert_flat_queries):
    from meetings.tests.test_decisions import full_meeting

    meeting = full_meeting(cast, cycle)
    client = client_for(cast.observer)

    def grow():
        for _n in range(5):
            full_meeting(cast, cycle)
        full_meeting(cast, cycle, meeting=meeting)

    detail = url("meetings:meeting_detail", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk)
    listing = url("meetings:meetings", cast, cycle_pk=cycle.pk)
    assert_flat_queries(client, detail, grow=lambda: None)
    assert_flat_queries(client, detail, grow=grow)
    assert_flat_queries(client, listing, grow=lambda: full_meeting(cast, cycle))
