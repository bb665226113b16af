from django.http import Http404

from partnerships.permissions import Perm
from plan import services
from plan.access import access_action, access_indicator, access_transformation
from plan.forms import ActionForm, IndicatorForm, TransformationForm

from .. import selectors
from ..serializers import ActionSerializer, IndicatorSerializer, TransformationSerializer
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


@documented("transformations")
class TransformationViewSet(RecordViewSet):
    """A cycle's desired transformations (Outil 9): one per objective and system."""

    serializer_class = TransformationSerializer
    form_class = TransformationForm
    create_perm = Perm.EDIT_PLAN
    lookup_url_kwarg = "transformation_pk"

    def form_kwargs(self) -> dict:
        return {"cycle": self.cycle}

    def records(self):
        return selectors.cycle_transformations(self.cycle)

    def record(self, pk: int):
        return access_transformation(self.access, self.cycle.pk, pk)

    def save_new(self, form):
        data = form.cleaned_data
        return services.transformation_create(
            transformation=form.instance, factors=data["factors"], partners=data["partners"]
        )

    def save_edit(self, record, form, expected_version: int) -> None:
        data = form.cleaned_data
        services.transformation_update(
            transformation=record, expected_version=expected_version, factors=data["factors"], partners=data["partners"]
        )

    def remove(self, record) -> None:
        services.transformation_delete(transformation=record)


@documented("indicators")
class IndicatorViewSet(RecordViewSet):
    """The indicators of one desired transformation (Outil 9)."""

    serializer_class = IndicatorSerializer
    form_class = IndicatorForm
    create_perm = Perm.EDIT_PLAN
    lookup_url_kwarg = "indicator_pk"

    def initial(self, request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        self.transformation = access_transformation(self.access, self.cycle.pk, kwargs["transformation_pk"])[0]

    def records(self):
        return selectors.transformation_indicators(self.transformation)

    def record(self, pk: int):
        indicator, can_edit = access_indicator(self.access, self.cycle.pk, pk)
        if indicator.transformation_id != self.transformation.pk:
            raise Http404
        return indicator, can_edit

    def save_new(self, form):
        return services.indicator_create(transformation=self.transformation, indicator=form.instance)

    def save_edit(self, record, form, expected_version: int) -> None:
        services.indicator_update(indicator=record, expected_version=expected_version)

    def remove(self, record) -> None:
        services.indicator_delete(indicator=record)
