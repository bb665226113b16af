"""Every operation of the schema, run with a coordinator's token on a small partnership: no server error, and
every answer as the schema says (status codes, content types, bodies, headers)."""

import re

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from analysis.tests.factories import FindingFactory, StatisticFactory
from api import services
from evaluation.tests.factories import MeasurementFactory
from followup.tests.factories import ActionReportFactory
from meetings.tests.factories import MeetingFactory
from offer.tests.factories import ServiceFactory
from plan.tests.factories import ActionFactory, IndicatorFactory, TransformationFactory
from priorities.tests.factories import ObjectiveFactory


@pytest.fixture
def _connection_kept():
    """A request served by the WSGI application closes the database connection when it ends, which would end
    the test's transaction: Django's test client keeps it open the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(cast, cycle, _connection_kept):
    """The schema as the app serves it, its operations bound to the seeded partnership's records."""
    statistic = StatisticFactory(partnership=cast.partnership)
    finding = FindingFactory(cycle=cycle)
    action = ActionFactory(cycle=cycle, lead=cast.organization)
    service = ServiceFactory(organization=cast.organization)
    objective = ObjectiveFactory(cycle=cycle)
    transformation = TransformationFactory(objective=objective)
    indicator = IndicatorFactory(transformation=transformation)
    measurement = MeasurementFactory(indicator=indicator)
    report = ActionReportFactory(action=action)
    meeting = MeetingFactory(cycle=cycle)
    _token, secret = services.token_create(user=cast.coordinator, name="schemathesis")
    schema = schemathesis.openapi.from_wsgi(reverse("api:schema") + "?format=json", get_wsgi_application())
    schema.config.update(headers={"Authorization": f"Bearer {secret}"})
    path_values = {
        "slug": cast.partnership.slug,
        "cycle_pk": cycle.pk,
        "organization_pk": cast.other_organization.pk,
        "statistic_pk": statistic.pk,
        "finding_pk": finding.pk,
        "action_pk": action.pk,
        "service_pk": service.pk,
        "objective_pk": objective.pk,
        "transformation_pk": transformation.pk,
        "indicator_pk": indicator.pk,
        "measurement_pk": measurement.pk,
        "report_pk": report.pk,
        "meeting_pk": meeting.pk,
    }
    return schema, path_values


# schemathesis' pytest integration (from_fixture) needs pytest internals that pytest 9 no longer has: the test
# walks the operations itself, each with its own Hypothesis run.
@pytest.mark.django_db
def test_every_operation_answers_as_the_schema_says(api_schema):
    schema, path_values = api_schema
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 10
    for operation in operations:
        names = re.findall(r"{(\w+)}", operation.path)
        _run(operation, {name: path_values[name] for name in names})


def _run(operation, path_parameters: dict) -> None:
    @given(case=operation.as_strategy(path_parameters=path_parameters))
    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    def check(case) -> None:
        case.call_and_validate(excluded_checks=[positive_data_acceptance])

    check()


EXAMPLES = 6  # per operation, the same ones at every run (derandomized): a few tens of seconds for the whole API
# A request the schema allows may still break a rule only the form knows (a name already taken, a postal code
# that is not Canadian, an end before the start): its 400 is the right answer, not a failure.
