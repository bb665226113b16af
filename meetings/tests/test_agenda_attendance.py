import datetime

import pytest

from core.tests.support import url
from intention.models import OperatingRules, QuorumRule
from meetings import services
from meetings.models import AgendaItem, Attendance, Presence
from meetings.tests.factories import AgendaItemFactory, MeetingFactory
from organizations.tests.factories import OrganizationFactory
from partnerships.models import Membership
from priorities.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db


def agenda_post(rows: list[dict], fingerprint: str) -> dict:
    data = {
        "agenda-TOTAL_FORMS": str(len(rows)),
        "agenda-INITIAL_FORMS": "0",
        "agenda-MIN_NUM_FORMS": "0",
        "agenda-MAX_NUM_FORMS": "1000",
        "fingerprint": fingerprint,
    }
    for n, row in enumerate(rows):
        data.update({f"agenda-{n}-{name}": value for name, value in row.items()})
    return data


def test_the_agenda_is_saved_as_a_set_in_the_order_given(cast, cycle, client_for):
    meeting = MeetingFactory(cycle=cycle)
    kept, dropped = (
        AgendaItemFactory(meeting=meeting, title="Accueil"),
        AgendaItemFactory(meeting=meeting, title="Varia"),
    )
    objective = ObjectiveFactory(cycle=cycle)
    fingerprint = services.agenda_fingerprint(list(meeting.agenda_items.order_by("position")))
    rows = [
        {"item": kept.pk, "order": "2", "title": "Accueil", "presenter": "Geneviève", "duration_minutes": "10"},
        {"item": dropped.pk, "order": "3", "title": ""},
        {"order": "1", "title": "Les objectifs", "subject": f"objective:{objective.pk}", "duration_minutes": "45"},
    ]
    edit = url("meetings:agenda_edit", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk)
    response = client_for(cast.coordinator).post(edit, agenda_post(rows, fingerprint))
    assert response.status_code == 302
    items = list(meeting.agenda_items.order_by("position"))
    assert [(i.title, i.position) for i in items] == [("Les objectifs", 1), ("Accueil", 2)]
    assert items[0].objective == objective and items[1].presenter == "Geneviève"
    assert not AgendaItem.objects.filter(pk=dropped.pk).exists()


def test_an_agenda_saved_meanwhile_is_not_overwritten(cast, cycle, client_for):
    meeting = MeetingFactory(cycle=cycle)
    stale = services.agenda_fingerprint([])
    AgendaItemFactory(meeting=meeting, title="Ajouté par quelqu'un d'autre")
    edit = url("meetings:agenda_edit", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk)
    response = client_for(cast.coordinator).post(edit, agenda_post([{"title": "Le mien"}], stale))
    assert response.status_code == 409
    assert list(meeting.agenda_items.values_list("title", flat=True)) == ["Ajouté par quelqu'un d'autre"]
    assert "Le mien" in response.content.decode()


def attendance_post(meeting, statuses: dict[str, str]) -> dict:
    rows = list(meeting.attendances.all())
    return {"fingerprint": services.attendance_fingerprint(rows), **statuses}


def test_attendance_is_saved_as_a_set_and_the_quorum_read_against_the_rules_in_force(cast, cycle, client_for):
    third = OrganizationFactory(partnership=cast.partnership)
    OperatingRules.objects.create(
        partnership=cast.partnership,
        number=1,
        adopted_on=datetime.date(2025, 1, 15),
        quorum_rule=QuorumRule.SHARE,
        quorum_value=50,
    )
    meeting = MeetingFactory(cycle=cycle, date=datetime.date(2026, 3, 10))
    partner = Membership.objects.get(user=cast.partner)  # represents cast.organization
    edit = url("meetings:attendance_edit", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk)
    client = client_for(cast.coordinator)
    statuses = {f"member_{partner.pk}": Presence.PRESENT, f"organization_{third.pk}": Presence.EXCUSED}
    assert client.post(edit, attendance_post(meeting, statuses)).status_code == 302
    assert Attendance.objects.filter(meeting=meeting).count() == 2
    page = client.get(url("meetings:meeting_detail", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk)).content.decode()
    # 3 organizations, 50 %: 2 needed; only the partner's organization is represented.
    assert "Quorum non atteint" in page and "1 organismes représentés ; il en faut 2" in page
    statuses[f"organization_{cast.other_organization.pk}"] = Presence.PRESENT
    client.post(edit, attendance_post(meeting, statuses))
    page = client.get(url("meetings:meeting_detail", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk)).content.decode()
    assert "Quorum atteint" in page


def test_without_a_quorum_in_the_rules_the_page_says_so(cast, cycle, client_for):
    meeting = MeetingFactory(cycle=cycle)
    page = client_for(cast.partner).get(url("meetings:meeting_detail", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk))
    assert "ne fixent pas de quorum" in page.content.decode()


def test_attendance_saved_meanwhile_is_not_overwritten(cast, cycle, client_for):
    meeting = MeetingFactory(cycle=cycle)
    partner = Membership.objects.get(user=cast.partner)
    stale = attendance_post(meeting, {f"member_{partner.pk}": Presence.ABSENT})
    Attendance.objects.create(meeting=meeting, membership=partner, status=Presence.PRESENT)
    response = client_for(cast.coordinator).post(
        url("meetings:attendance_edit", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk), stale
    )
    assert response.status_code == 409
    assert Attendance.objects.get(meeting=meeting).status == Presence.PRESENT
