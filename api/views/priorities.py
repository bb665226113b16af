from partnerships.permissions import Perm
from priorities import services
from priorities.access import access_objective
from priorities.forms import ObjectiveForm

from .. import selectors
from ..serializers import ObjectiveSerializer
from .base import RecordViewSet, documented


@documented("objectives")
class ObjectiveViewSet(RecordViewSet):
    """A cycle's objectives (Outil 8), resting on its priorities and protective factors."""

    serializer_class = ObjectiveSerializer
    form_class = ObjectiveForm
    create_perm = Perm.EDIT_PRIORITIES
    lookup_url_kwarg = "objective_pk"

    def form_kwargs(self) -> dict:
        return {"cycle": self.cycle}

    def records(self):
        return selectors.cycle_objectives(self.cycle)

    def record(self, pk: int):
        return access_objective(self.access, self.cycle.pk, pk)

    def save_new(self, form):
        data = form.cleaned_data
        return services.objective_create(
            cycle=self.cycle, objective=form.instance, priorities=data["priorities"], factors=data["factors"]
        )

    def save_edit(self, record, form, expected_version: int) -> None:
        data = form.cleaned_data
        services.objective_update(
            objective=record, expected_version=expected_version, priorities=data["priorities"], factors=data["factors"]
        )

    def remove(self, record) -> None:
        services.objective_delete(objective=record)
