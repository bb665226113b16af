"""One meeting's document (PDF, Word, spreadsheet): its agenda with the time of each item, who came, the minutes,
the decisions and their follow-ups, in French and in English; linked from the meeting's page; refused to an
outsider; queries that do not grow with the meeting's records."""

import datetime
from urllib.parse import unquote

import pytest

from core.tests.support import query_count
from documents.tests.support import docx_text, pdf_text
from meetings.models import Attendance, Presence
from meetings.tests.factories import (
    AgendaItemFactory,
    DecisionFactory,
    DecisionTaskFactory,
    MeetingFactory,
    MinutesFactory,
)

pytestmark = pytest.mark.django_db
READERS = {"pdf": pdf_text, "docx": docx_text}


def a_meeting(cast, cycle, *, items: int = 2, decisions: int = 1):
    """A meeting from 13:30 with `items` items of 20 minutes, the cast's partner present, minutes and decisions
    with a follow-up each."""
    meeting = MeetingFactory(cycle=cycle, title="Rencontre de démarrage", place="Bibliothèque du quartier")
    for n in range(items):
        AgendaItemFactory(meeting=meeting, title=f"Point numéro {n + 1}", duration_minutes=20, presenter="Julie")
    partner = cast.partnership.memberships.get(user=cast.partner)
    Attendance.objects.create(meeting=meeting, membership=partner, status=Presence.PRESENT)
    MinutesFactory(meeting=meeting, content="<p>Les partenaires se présentent.</p><p>On adopte les règles.</p>")
    for n in range(decisions):
        decision = DecisionFactory(meeting=meeting, text=f"Adopter les règles {n + 1}")
        DecisionTaskFactory(
            decision=decision,
            description=f"Envoyer les règles {n + 1}",
            assignee=partner,
            due_on=datetime.date(2026, 4, 1),
        )
    return meeting


@pytest.fixture
def address(cycle_url):
    def make(meeting, file_format="pdf") -> str:
        kwargs = {"record_key": "rencontre", "record_pk": meeting.pk, "file_format": file_format}
        return cycle_url("documents:cycle_record", **kwargs)

    return make


@pytest.mark.parametrize("file_format", ["pdf", "docx"])
def test_a_meetings_agenda_attendance_minutes_and_decisions(cast, cycle, client_for, address, file_format):
    meeting = a_meeting(cast, cycle)
    MeetingFactory(cycle=cycle, title="Une autre rencontre")
    response = client_for(cast.observer).get(address(meeting, file_format))
    assert response.status_code == 200
    content = " ".join(READERS[file_format](response.content).split())
    for text in [
        "Ordre du jour et compte rendu de la rencontre",
        "Rencontre de démarrage",
        "Bibliothèque du quartier",
        "Point numéro 1",
        "13 h 30",  # as the meeting page writes times in French
        "13 h 50",  # the second item starts after the first one's 20 minutes
        str(cast.partner.full_name),
        "Présent·e",
        "On adopte les règles.",
        "Adopter les règles 1",
        "Envoyer les règles 1",
        "avril 2026",
    ]:
        assert text in content, text
    assert "Une autre rencontre" not in content


def test_in_english(cast, cycle, client_for, address):
    meeting = a_meeting(cast, cycle)
    client = client_for(cast.partner)
    client.cookies["django_language"] = "en"
    response = client.get(address(meeting, "docx"))
    content = docx_text(response.content)
    assert "Agenda and minutes of the meeting" in content and "Decision follow-ups" in content
    assert "1:50 p.m." in content and "13 h 50" not in content  # the second item's start, in English
    assert "Agenda and minutes of the meeting" in unquote(response["Content-Disposition"])
    assert "Attendance" in pdf_text(client.get(address(meeting, "pdf")).content)


def test_the_meetings_page_links_to_its_document_and_an_outsider_gets_404(cast, cycle, client_for, cycle_url, address):
    meeting = a_meeting(cast, cycle)
    page = client_for(cast.observer).get(cycle_url("meetings:meeting_detail", meeting_pk=meeting.pk)).content.decode()
    for file_format in ("pdf", "docx", "xlsx"):
        assert address(meeting, file_format) in page
    listing = client_for(cast.observer).get(cycle_url("meetings:meetings")).content.decode()
    assert address(meeting) not in listing  # the list links the cycle's document, not one meeting's
    assert client_for(cast.outsider).get(address(meeting)).status_code == 404
    elsewhere = MeetingFactory(cycle__partnership=cast.other_partnership)
    assert client_for(cast.coordinator).get(address(elsewhere)).status_code == 404


def test_the_documents_queries_do_not_grow(cast, cycle, client_for, address):
    client = client_for(cast.observer)
    small = query_count(client, address(a_meeting(cast, cycle, items=1, decisions=1), "xlsx"))
    assert query_count(client, address(a_meeting(cast, cycle, items=6, decisions=4), "xlsx")) == small
