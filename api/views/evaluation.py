from evaluation import services
from evaluation.access import access_indicator, access_measurement
from evaluation.forms import MeasurementForm
from partnerships.permissions import Perm

from .. import selectors
from ..serializers import MeasurementSerializer
from .base import RecordViewSet, documented


@documented("measurements")
class MeasurementViewSet(RecordViewSet):
    """The measurements of an indicator over time (Outil 12): listed and created under the indicator, each at its
    own address. Written by those who prepare the plan."""

    serializer_class = MeasurementSerializer
    form_class = MeasurementForm
    create_perm = Perm.EDIT_PLAN
    lookup_url_kwarg = "measurement_pk"

    def initial(self, request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)
        if "indicator_pk" in kwargs:
            self.indicator = access_indicator(self.access, self.cycle.pk, kwargs["indicator_pk"])[0]

    def form_kwargs(self) -> dict:
        return {}

    def records(self):
        return selectors.indicator_measurements(self.indicator)

    def record(self, pk: int):
        return access_measurement(self.access, self.cycle.pk, pk)

    def save_new(self, form):
        return services.measurement_create(indicator=self.indicator, measurement=form.instance)

    def save_edit(self, record, form, expected_version: int) -> None:
        services.measurement_update(measurement=record, expected_version=expected_version)

    def remove(self, record) -> None:
        services.measurement_delete(measurement=record)
