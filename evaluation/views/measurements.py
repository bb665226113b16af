"""The measurements of one indicator: its page (chart and table), and one page per action on a measurement."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.chain import chain_of
from core.history import history_entries
from core.rendering import confirm_deletion, render_history, save_or_conflict
from core.submissions import create_once
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import chart, selectors, services
from ..access import access_indicator, access_measurement
from ..forms import MeasurementForm
from ..models import Measurement
from .common import evaluation_url, page_context


@partnership_view()
def indicator_measurements(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, indicator_pk: int
) -> HttpResponse:
    indicator, can_edit = access_indicator(access, cycle_pk, indicator_pk)
    targets = selectors.targets_of(indicator)
    measurements = selectors.measurements_of(indicator)
    context = page_context(
        access,
        indicator.transformation.objective.cycle,
        indicator=indicator,
        targets=targets,
        measurements=measurements,
        chart=chart.build(indicator, targets, measurements),
        can_edit=can_edit,
    )
    return render(request, "evaluation/indicator.html", context)


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def measurement_create(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, indicator_pk: int
) -> HttpResponse:
    indicator, can_edit = access_indicator(access, cycle_pk, indicator_pk)
    if not can_edit:
        raise PermissionDenied
    form = MeasurementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.measurement_create(indicator=indicator, measurement=form.instance),
            url=lambda measurement: evaluation_url("indicator", access, cycle_pk, indicator_pk=indicator.pk),
            message=lambda measurement: (
                _("La mesure du %(date)s a été ajoutée.") % {"date": f"{measurement.measured_on:%Y-%m-%d}"}
            ),
        )
        if created:
            return created
    context = page_context(access, indicator.transformation.objective.cycle, form=form, indicator=indicator)
    return render(request, "evaluation/measurement_form.html", context)


@partnership_view()
def measurement_detail(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, measurement_pk: int
) -> HttpResponse:
    measurement, can_edit = access_measurement(access, cycle_pk, measurement_pk)
    context = page_context(
        access,
        measurement.indicator.transformation.objective.cycle,
        measurement=measurement,
        indicator=measurement.indicator,
        can_edit=can_edit,
        chain=chain_of(measurement, partnership=access.partnership),
    )
    return render(request, "evaluation/measurement_detail.html", context)


def _editable(access: PartnershipAccess, cycle_pk: int, pk: int) -> Measurement:
    measurement, can_edit = access_measurement(access, cycle_pk, pk)
    if not can_edit:
        raise PermissionDenied
    return measurement


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def measurement_edit(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, measurement_pk: int
) -> HttpResponse:
    measurement = _editable(access, cycle_pk, measurement_pk)
    form = MeasurementForm(request.POST or None, instance=measurement)
    context = page_context(
        access,
        measurement.indicator.transformation.objective.cycle,
        form=form,
        measurement=measurement,
        indicator=measurement.indicator,
    )
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.measurement_update(
                measurement=measurement, expected_version=form.cleaned_data["version"]
            ),
            success_url=evaluation_url("measurement_detail", access, cycle_pk, measurement_pk=measurement.pk),
            context=context,
        )
    return render(request, "evaluation/measurement_form.html", context)


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def measurement_delete(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, measurement_pk: int
) -> HttpResponse:
    measurement = _editable(access, cycle_pk, measurement_pk)
    return confirm_deletion(
        request,
        instance=measurement,
        title=str(measurement),
        cancel_url=evaluation_url("measurement_detail", access, cycle_pk, measurement_pk=measurement.pk),
        delete=lambda: services.measurement_delete(measurement=measurement),
        success_url=evaluation_url("indicator", access, cycle_pk, indicator_pk=measurement.indicator_id),
        success_message=_("La mesure « %(measurement)s » a été supprimée.") % {"measurement": measurement},
        context=page_context(access, measurement.indicator.transformation.objective.cycle),
    )


@partnership_view()
def measurement_history(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, measurement_pk: int
) -> HttpResponse:
    measurement, _can_edit = access_measurement(access, cycle_pk, measurement_pk)
    return render_history(
        request,
        title=str(measurement),
        back_url=evaluation_url("measurement_detail", access, cycle_pk, measurement_pk=measurement.pk),
        entries=history_entries(measurement),
        context=page_context(access, measurement.indicator.transformation.objective.cycle),
    )
