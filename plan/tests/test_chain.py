"""The plan in the chain of the approach, both ways: a statistic names the indicator citing it, an objective its
transformations and their actions, an action the meeting decisions about it; and what a decision rests on cannot
vanish under it."""

import pytest
from django.utils.html import escape

from analysis.tests.factories import StatisticFactory
from core.chain import chain_of
from core.tests.support import url
from meetings.tests.factories import DecisionFactory, MeetingFactory
from plan.tests.factories import ActionFactory, IndicatorFactory, TransformationFactory
from priorities.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db


def _labels(groups) -> dict[str, list[str]]:
    return {group.label: [item.label for item in group.items] for group in groups}


def test_from_the_statistic_to_the_decision_and_back(cast, cycle, client_for, cycle_url):
    statistic = StatisticFactory(partnership=cast.partnership, indicator="Enfants vulnérables")
    objective = ObjectiveFactory(cycle=cycle, title="Lire en famille")
    transformation = TransformationFactory(objective=objective, statement="Les parents lisent.")
    indicator = IndicatorFactory(
        transformation=transformation, name="Familles qui lisent", baseline_statistic=statistic
    )
    action = ActionFactory(cycle=cycle, title="Croque-livres", transformations=[transformation])
    decision = DecisionFactory(meeting=MeetingFactory(cycle=cycle), text="Lancer les croque-livres", action=action)

    downstream = _labels(chain_of(statistic, partnership=cast.partnership).dependents)
    assert downstream["Indicateurs"] == ["Familles qui lisent"]
    from_objective = _labels(chain_of(objective, partnership=cast.partnership).dependents)
    assert from_objective["Transformations souhaitées"] == [str(transformation)]
    assert from_objective["Actions"] == ["Croque-livres"] and from_objective["Décisions"] == [decision.text]
    upstream = _labels(chain_of(action, partnership=cast.partnership).sources)
    assert upstream["Transformations souhaitées"] == [str(transformation)] and upstream["Objectifs"] == [
        "Lire en famille"
    ]
    upstream = _labels(chain_of(indicator, partnership=cast.partnership).sources)
    assert upstream["Données"] == [str(statistic)]

    page = client_for(cast.observer).get(cycle_url("plan:action_detail", action_pk=action.pk)).content.decode()
    assert escape(decision.text) in page and escape(str(transformation)) in page


def test_a_decided_action_cannot_be_deleted_from_under_its_decision(cast, cycle, client_for, cycle_url):
    action = ActionFactory(cycle=cycle)
    DecisionFactory(meeting=MeetingFactory(cycle=cycle), text="Adopter l'action", action=action)
    address = cycle_url("plan:action_delete", action_pk=action.pk)
    assert "Adopter l&#x27;action" in client_for(cast.coordinator).get(address).content.decode()
    assert client_for(cast.coordinator).post(address).status_code == 409


def test_a_cited_statistic_cannot_be_deleted_from_under_the_indicator(cast, cycle, client_for):
    statistic = StatisticFactory(partnership=cast.partnership)
    IndicatorFactory(transformation__objective=ObjectiveFactory(cycle=cycle), baseline_statistic=statistic)
    address = url("analysis:statistic_delete", cast, statistic_pk=statistic.pk)
    assert client_for(cast.coordinator).post(address).status_code == 409


def test_an_action_shows_the_meetings_that_discussed_it(cast, cycle, client_for, cycle_url):
    from meetings.models import AgendaItem

    action = ActionFactory(cycle=cycle)
    meeting = MeetingFactory(cycle=cycle, title="Rencontre de planification")
    AgendaItem.objects.create(meeting=meeting, position=1, title="Les croque-livres", action=action)
    page = client_for(cast.observer).get(cycle_url("plan:action_detail", action_pk=action.pk)).content.decode()
    assert "Rencontre de planification" in page
