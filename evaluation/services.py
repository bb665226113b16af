"""Every write of Outil 12, one transaction per person's action."""

from django.db import transaction

from core.concurrency import save_versioned
from core.deletion import delete_record
from plan.models import Indicator

from .models import Measurement


@transaction.atomic
def measurement_create(*, indicator: Indicator, measurement: Measurement) -> Measurement:
    measurement.indicator = indicator
    measurement.save()
    return measurement


@transaction.atomic
def measurement_update(*, measurement: Measurement, expected_version: int) -> None:
    save_versioned(measurement, expected_version=expected_version)


@transaction.atomic
def measurement_delete(*, measurement: Measurement) -> None:
    delete_record(measurement)
