"""Measurements of an indicator: written by those who prepare the plan, read by everyone in the partnership."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from evaluation.models import Measurement
from evaluation.tests.factories import MeasurementFactory
from plan.models import Polarity
from plan.tests.factories import IndicatorFactory, TargetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(cycle):
    return IndicatorFactory(
        transformation__objective__cycle=cycle,
        name="Familles qui lisent chaque jour",
        baseline_value=Decimal("20"),
        baseline_date=datetime.date(2024, 9, 1),
    )


def _data(**extra) -> dict:
    return {
        "measured_on": "2025-06-30",
        "value": "27.5",
        "source": "Sondage de juin",
        "comment": "",
        "form_token": "",
        **extra,
    }


@pytest.mark.parametrize("role", ["coordinator", "committee"])
def test_those_who_prepare_the_plan_add_a_measurement(cast, client_for, cycle_url, indicator, role):
    address = cycle_url("evaluation:measurement_create", indicator_pk=indicator.pk)
    response = client_for(getattr(cast, role)).post(address, _data(imprecise="on"))
    assert response.status_code == 302
    measurement = Measurement.objects.get()
    assert (measurement.indicator, measurement.value, measurement.imprecise) == (indicator, Decimal("27.5"), True)


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_others_read_and_may_not_write(cast, client_for, cycle_url, indicator, role):
    measurement = MeasurementFactory(indicator=indicator, value=Decimal("31.25"))
    client = client_for(getattr(cast, role))
    page = client.get(cycle_url("evaluation:indicator", indicator_pk=indicator.pk))
    assert page.status_code == 200 and "31" in page.content.decode()
    assert client.get(cycle_url("evaluation:measurement_detail", measurement_pk=measurement.pk)).status_code == 200
    create = cycle_url("evaluation:measurement_create", indicator_pk=indicator.pk)
    assert client.post(create, _data()).status_code == 403
    edit = cycle_url("evaluation:measurement_edit", measurement_pk=measurement.pk)
    assert client.post(edit, _data(version=measurement.version)).status_code == 403
    assert client.post(cycle_url("evaluation:measurement_delete", measurement_pk=measurement.pk)).status_code == 403
    assert Measurement.objects.get().value == Decimal("31.25")


def test_bad_input_is_said_and_nothing_saved(cast, client_for, cycle_url, indicator):
    address = cycle_url("evaluation:measurement_create", indicator_pk=indicator.pk)
    response = client_for(cast.coordinator).post(address, _data(value="beaucoup"))
    assert response.status_code == 200
    assert "Sondage de juin" in response.content.decode()
    assert not Measurement.objects.exists()


def test_edit_conflict_history_and_deletion(cast, client_for, cycle_url, indicator):
    measurement = MeasurementFactory(indicator=indicator)
    client = client_for(cast.coordinator)
    address = cycle_url("evaluation:measurement_edit", measurement_pk=measurement.pk)
    assert client.post(address, _data(version=measurement.version, value="40")).status_code == 302
    stale = client.post(address, _data(version=measurement.version, value="50"))
    assert stale.status_code == 409
    measurement.refresh_from_db()
    assert measurement.value == Decimal("40")
    history = client.get(cycle_url("evaluation:measurement_history", measurement_pk=measurement.pk))
    assert history.status_code == 200
    assert measurement.history.count() == 2
    delete = cycle_url("evaluation:measurement_delete", measurement_pk=measurement.pk)
    assert client.get(delete).status_code == 200
    assert client.post(delete).status_code == 302
    assert not Measurement.objects.exists()


def test_the_outsider_gets_404(cast, client_for, cycle_url, indicator):
    measurement = MeasurementFactory(indicator=indicator)
    client = client_for(cast.outsider)
    for address in (
        cycle_url("evaluation:dashboard"),
        cycle_url("evaluation:indicator", indicator_pk=indicator.pk),
        cycle_url("evaluation:measurement_create", indicator_pk=indicator.pk),
        cycle_url("evaluation:measurement_detail", measurement_pk=measurement.pk),
        cycle_url("evaluation:measurement_edit", measurement_pk=measurement.pk),
        cycle_url("evaluation:measurement_delete", measurement_pk=measurement.pk),
        cycle_url("evaluation:measurement_history", measurement_pk=measurement.pk),
    ):
        assert client.get(address).status_code == 404, address


def test_the_indicator_page_lists_its_measurements_through_the_chain(cast, client_for, cycle_url, indicator):
    measurement = MeasurementFactory(indicator=indicator, measured_on=datetime.date(2025, 3, 31))
    content = client_for(cast.observer).get(cycle_url("plan:indicator_detail", indicator_pk=indicator.pk)).content
    detail = cycle_url("evaluation:measurement_detail", measurement_pk=measurement.pk)
    assert f'href="{detail}' in content.decode()
    page = client_for(cast.observer).get(detail).content.decode()
    assert cycle_url("plan:indicator_detail", indicator_pk=indicator.pk) in page


# --- The chart ------------------------------------------------------------------------------------------------


def _chart_page(cast, client_for, cycle_url, indicator, *, language="fr"):
    client = client_for(cast.observer)
    client.cookies["django_language"] = language
    return client.get(cycle_url("evaluation:indicator", indicator_pk=indicator.pk)).content.decode()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_chart_writes_plain_numbers_whatever_the_language(cast, client_for, cycle_url, indicator, language):
    TargetFactory(indicator=indicator, value=Decimal("40.5"), date=datetime.date(2027, 6, 30))
    MeasurementFactory(indicator=indicator, measured_on=datetime.date(2025, 1, 31), value=Decimal("22.3"))
    MeasurementFactory(indicator=indicator, measured_on=datetime.date(2025, 7, 31), value=Decimal("25.7"))
    content = _chart_page(cast, client_for, cycle_url, indicator, language=language)
    assert ("Evolution of the indicator" if language == "en" else "Évolution de l'indicateur") in content
    svg = content[content.index("<svg") : content.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg
    coordinates = re.findall(r' (?:x|y|x1|y1|x2|y2|cx|cy)="([^"]*)"', svg)
    assert coordinates and all(re.fullmatch(r"-?\d+(\.\d+)?", value) for value in coordinates), coordinates
    points = re.search(r'points="([^"]*)"', svg).group(1)
    assert all(re.fullmatch(r"-?\d+\.\d,-?\d+\.\d", pair) for pair in points.split())
    assert 'class="trend"' in svg
    assert "<caption>" in content and 'scope="row"' in content


def test_the_chart_says_the_curve_goes_the_right_way(cast, client_for, cycle_url, indicator):
    MeasurementFactory(indicator=indicator, value=Decimal("30"))
    content = _chart_page(cast, client_for, cycle_url, indicator)
    assert "Dans le bon sens" in content and "#1a7f37" in content


def test_a_lower_is_better_indicator_going_up_goes_the_wrong_way(cast, client_for, cycle_url, indicator):
    indicator.polarity = Polarity.LOWER
    indicator.save()
    MeasurementFactory(indicator=indicator, value=Decimal("30"))
    content = _chart_page(cast, client_for, cycle_url, indicator)
    assert "Dans le mauvais sens" in content and "#b42318" in content


def test_an_indicator_without_anything_has_no_chart_yet(cast, client_for, cycle):
    bare = IndicatorFactory(transformation__objective__cycle=cycle)
    address = reverse(
        "evaluation:indicator", kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk, "indicator_pk": bare.pk}
    )
    content = client_for(cast.observer).get(address).content.decode()
    assert "<svg" not in content and "Aucune mesure." in content


def test_the_plan_indicator_page_links_to_its_measurements(cast, client_for, cycle_url, indicator):
    content = client_for(cast.observer).get(cycle_url("plan:indicator_detail", indicator_pk=indicator.pk)).content
    assert cycle_url("evaluation:indicator", indicator_pk=indicator.pk) in content.decode()
