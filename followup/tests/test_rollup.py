"""The roll-up on Outil 10: the share of actions on track, late, completed… per objective and transformation,
from each action's latest report, in a number of queries that does not grow with the plan."""

import datetime

import pytest

from followup.tests.factories import ActionReportFactory
from plan.tests.factories import ActionFactory, TransformationFactory
from priorities.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db


def test_the_latest_report_of_each_action_counts(cast, client_for, cycle, cycle_url):
    objective = ObjectiveFactory(cycle=cycle, title="Favoriser l'éveil à la lecture")
    family = TransformationFactory(objective=objective, system="famille", statement="Les parents lisent.")
    child = TransformationFactory(objective=objective, system="enfant", statement="Les enfants empruntent.")
    late = ActionFactory(cycle=cycle, transformations=[family])
    ActionReportFactory(action=late, period_start=datetime.date(2025, 1, 1), progress="on_track")
    ActionReportFactory(action=late, period_start=datetime.date(2025, 4, 1), progress="late")
    done = ActionFactory(cycle=cycle, transformations=[family, child])
    ActionReportFactory(action=done, progress="completed")
    ActionFactory(cycle=cycle, transformations=[child])  # no report yet
    page = client_for(cast.observer).get(cycle_url("plan:overview")).content.decode()
    section = page[page.index('id="progress-heading"') :]
    rows = section.split("<tr>")
    objective_row = next(r for r in rows if "Favoriser l&#x27;éveil" in r)
    family_row = next(r for r in rows if "Les parents lisent." in r)
    child_row = next(r for r in rows if "Les enfants empruntent." in r)
    cells = lambda row: [c.split("</td>")[0] for c in row.split('<td class="number">')[1:]]  # noqa: E731
    assert cells(objective_row) == ["0 (0 %)", "1 (33 %)", "0 (0 %)", "1 (33 %)", "0 (0 %)", "1 (33 %)"]
    assert cells(family_row) == ["0 (0 %)", "1 (50 %)", "0 (0 %)", "1 (50 %)", "0 (0 %)", "0 (0 %)"]
    assert cells(child_row) == ["0 (0 %)", "0 (0 %)", "0 (0 %)", "1 (50 %)", "0 (0 %)", "1 (50 %)"]


def test_the_overview_stays_flat_with_the_reports(cast, client_for, cycle, cycle_url, assert_flat_queries):
    transformation = TransformationFactory(objective=ObjectiveFactory(cycle=cycle))
    ActionReportFactory(action=ActionFactory(cycle=cycle, transformations=[transformation]))

    def grow():
        for _ in range(10):
            objective = ObjectiveFactory(cycle=cycle)
            for system in ("enfant", "famille"):
                transformation = TransformationFactory(objective=objective, system=system)
                action = ActionFactory(cycle=cycle, lead=cast.organization, transformations=[transformation])
                ActionReportFactory.create_batch(3, action=action, progress="late")

    assert_flat_queries(client_for(cast.observer), cycle_url("plan:overview"), grow=grow)
