import datetime

import pytest

from analysis.tests.factories import FindingFactory
from core.tests.support import url
from meetings import services
from meetings.models import AgendaItem, Attendance, Decision, DecisionTask, Minutes, Presence
from meetings.tests.factories import AgendaItemFactory, DecisionFactory, DecisionTaskFactory, MeetingFactory
from organizations.tests.factories import OrganizationFactory
from partnerships.models import Membership
from priorities.tests.factories import ObjectiveFactory, PriorityFactory

pytestmark = pytest.mark.django_db


def full_meeting(cast, cycle, meeting=None):
    """A meeting with an agenda about several kinds of record, attendance, minutes and decisions with tasks."""
    meeting = meeting or MeetingFactory(cycle=cycle)
    objective = ObjectiveFactory(cycle=cycle)
    priority = PriorityFactory(cycle=cycle)
    AgendaItemFactory(meeting=meeting, objective=objective)
    AgendaItemFactory(meeting=meeting, priority=priority)
    AgendaItemFactory(meeting=meeting, finding=FindingFactory(cycle=cycle))
    organization = OrganizationFactory(partnership=cast.partnership)
    Attendance.objects.create(meeting=meeting, organization=organization, status=Presence.PRESENT)
    member = Membership.objects.filter(partnership=cast.partnership).order_by("?").first()
    Attendance.objects.get_or_create(meeting=meeting, membership=member, defaults={"status": Presence.EXCUSED})
    if not Minutes.objects.filter(meeting=meeting).exists():
        services.minutes_save(meeting=meeting, content="<p>Notes</p>", expected_version=None)
    for subject in ({"objective": objective}, {"priority": priority}):
        decision = DecisionFactory(meeting=meeting, **subject)
        DecisionTaskFactory(decision=decision, assignee=member)
    return meeting


def test_a_decision_on_an_objective_links_to_it_and_shows_on_the_objective_page(cast, cycle, client_for):
    meeting = MeetingFactory(cycle=cycle)
    objective = ObjectiveFactory(cycle=cycle, title="Favoriser l'éveil à la lecture")
    partner = Membership.objects.get(user=cast.partner)
    data = {
        "text": "Le regroupement retient cet objectif pour le plan.",
        "subject": f"objective:{objective.pk}",
        "task_1_description": "Proposer deux actions",
        "task_1_assignee": partner.pk,
        "task_1_due_on": "2026-04-15",
        "form_token": "jeton-d",
    }
    response = client_for(cast.coordinator).post(
        url("meetings:decision_create", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk), data
    )
    decision = Decision.objects.get()
    assert response.status_code == 302
    assert decision.objective == objective and decision.subject == objective
    assert decision.tasks.get().assignee == partner
    objective_page = url("priorities:objective_detail", cast, cycle_pk=cycle.pk, objective_pk=objective.pk)
    content = client_for(cast.observer).get(objective_page).content.decode()
    assert "Le regroupement retient cet objectif pour le plan." in content
    meeting_page = url("meetings:meeting_detail", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk)
    assert f"{meeting_page}#decision-{decision.pk}" in content
    page = client_for(cast.observer).get(meeting_page).content.decode()
    assert "Favoriser l&#x27;éveil à la lecture" in page and "Proposer deux actions" in page


def test_a_decision_cannot_name_another_partnerships_record(cast, cycle, client_for):
    meeting = MeetingFactory(cycle=cycle)
    theirs = ObjectiveFactory()
    data = {"text": "Décision", "subject": f"objective:{theirs.pk}", "form_token": "jeton-x"}
    response = client_for(cast.coordinator).post(
        url("meetings:decision_create", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk), data
    )
    assert response.status_code == 200 and not Decision.objects.exists()


def test_a_record_a_decision_was_taken_about_cannot_be_deleted(cast, cycle, client_for):
    objective = ObjectiveFactory(cycle=cycle)
    DecisionFactory(meeting=MeetingFactory(cycle=cycle), objective=objective, text="On garde cet objectif")
    delete = url("priorities:objective_delete", cast, cycle_pk=cycle.pk, objective_pk=objective.pk)
    page = client_for(cast.coordinator).get(delete).content.decode()
    assert "On garde cet objectif" in page
    assert client_for(cast.coordinator).post(delete).status_code == 409
    objective.refresh_from_db()  # still there


def test_unfinished_items_and_open_tasks_are_carried_to_the_next_meeting_once(cast, cycle, client_for):
    first = MeetingFactory(cycle=cycle, position=1)
    following = MeetingFactory(cycle=cycle, position=2)
    finding = FindingFactory(cycle=cycle)
    AgendaItemFactory(meeting=first, title="Point terminé", is_done=True)
    AgendaItemFactory(meeting=first, title="Point à reprendre", finding=finding)
    decision = DecisionFactory(meeting=first, finding=finding)
    DecisionTaskFactory(decision=decision, description="Écrire aux écoles")
    DecisionTaskFactory(decision=decision, description="Déjà fait", done_on=datetime.date(2026, 1, 5))
    client = client_for(cast.coordinator)
    carry = url("meetings:carry_over", cast, cycle_pk=cycle.pk, meeting_pk=first.pk)
    client.post(carry)
    client.post(carry)  # twice: nothing more
    titles = list(following.agenda_items.order_by("position").values_list("title", flat=True))
    assert titles == ["Point à reprendre", "Suivi : Écrire aux écoles"]
    carried = following.agenda_items.get(title="Point à reprendre")
    assert carried.carried_from.meeting == first and carried.finding == finding


def test_the_next_meeting_is_created_from_the_previous_one(cast, cycle, client_for):
    first = MeetingFactory(cycle=cycle, position=1, step=4, title="Rencontre de suivi", place="CLSC")
    later = MeetingFactory(cycle=cycle, position=2)
    AgendaItemFactory(meeting=first, title="Bilan des actions")
    response = client_for(cast.coordinator).post(
        url("meetings:meeting_next", cast, cycle_pk=cycle.pk, meeting_pk=first.pk)
    )
    created = cycle.meetings.get(position=2)
    assert response.status_code == 302
    assert (created.title, created.step, created.place, created.date) == (
        "Rencontre de suivi",
        4,
        "CLSC",
        first.date + datetime.timedelta(weeks=4),
    )
    assert list(created.agenda_items.values_list("title", flat=True)) == ["Bilan des actions"]
    later.refresh_from_db()
    assert later.position == 3


def test_a_task_is_marked_done(cast, cycle, client_for):
    meeting = MeetingFactory(cycle=cycle)
    task = DecisionTaskFactory(decision=DecisionFactory(meeting=meeting))
    edit = url("meetings:task_edit", cast, cycle_pk=cycle.pk, meeting_pk=meeting.pk, task_pk=task.pk)
    data = {"description": task.description, "due_on": "", "done_on": "2026-01-10", "version": 1}
    assert client_for(cast.coordinator).post(edit, data).status_code == 302
    task.refresh_from_db()
    assert task.done_on == datetime.date(2026, 1, 10) and not task.is_open
    assert DecisionTask.objects.count() == 1 and AgendaItem.objects.count() == 0
