from partnerships.permissions import Perm
from plan import services
from plan.access import access_action
from plan.forms import ActionForm

from .. import selectors
from ..serializers import ActionSerializer
from .base import RecordViewSet, documented

ACTION_LINKS = ("transformations", "factors", "services")


@documented("actions")
class ActionViewSet(RecordViewSet):
    """A cycle's actions (Outil 9)."""

    serializer_class = ActionSerializer
    form_class = ActionForm
    create_perm = Perm.EDIT_PLAN
    lookup_url_kwarg = "action_pk"

    def form_kwargs(self) -> dict:
        return {"cycle": self.cycle}

    def records(self):
        return selectors.cycle_actions(self.cycle)

    def record(self, pk: int):
        return access_action(self.access, self.cycle.pk, pk)

    def save_new(self, form):
        return services.action_create(cycle=self.cycle, action=form.instance, **_links(form))

    def save_edit(self, record, form, expected_version: int) -> None:
        services.action_update(action=record, expected_version=expected_version, **_links(form))

    def remove(self, record) -> None:
        services.action_delete(action=record)


def _links(form: ActionForm) -> dict:
    return {name: form.cleaned_data[name] for name in ACTION_LINKS}
