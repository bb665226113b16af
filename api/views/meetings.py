from meetings import services
from meetings.access import access_meeting
from meetings.forms import MeetingForm
from partnerships.permissions import Perm

from .. import selectors
from ..serializers import MeetingSerializer
from .base import RecordViewSet, documented


@documented("meetings")
class MeetingViewSet(RecordViewSet):
    """A cycle's meetings (Outil 2), with their agenda and decisions to read; written by those who manage them."""

    serializer_class = MeetingSerializer
    form_class = MeetingForm
    create_perm = Perm.MANAGE_MEETINGS
    lookup_url_kwarg = "meeting_pk"

    def form_kwargs(self) -> dict:
        return {}

    def records(self):
        return selectors.cycle_meetings(self.cycle)

    def record(self, pk: int):
        meeting, can_edit = access_meeting(self.access, self.cycle.pk, pk)
        return selectors.cycle_meetings(self.cycle).get(pk=meeting.pk), can_edit

    def save_new(self, form):
        return services.meeting_create(cycle=self.cycle, meeting=form.instance)

    def save_edit(self, record, form, expected_version: int) -> None:
        services.meeting_update(meeting=record, expected_version=expected_version)

    def remove(self, record) -> None:
        services.meeting_delete(meeting=record)
