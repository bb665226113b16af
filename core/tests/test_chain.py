"""The chain of the approach, both ways (core/chain.py): every model declares where its records come from, and a
record's page shows its sources and its dependents as links, from the data to the plan and back."""

import pytest

from analysis.tests.factories import FindingFactory, ObservationFactory, StatisticFactory
from core.chain import chain_of, chained_models, dependents_of, node_of, sources_of
from core.tests.support import url
from coverage.tests.factories import InterventionFactory
from cycles.tests.factories import CycleFactory
from offer.tests.factories import ServiceFactory
from plan.tests.factories import IndicatorFactory, TransformationFactory
from priorities.tests.factories import ObjectiveFactory, PriorityFactory

pytestmark = pytest.mark.django_db


def test_every_declared_relation_points_into_the_chain_and_every_page_resolves():
    models = chained_models()
    assert {model.__name__ for model in models} >= {
        "Statistic",
        "Observation",
        "Finding",
        "Service",
        "FactorIntervention",
        "Priority",
        "Objective",
    }
    for model in models:
        for relation in sources_of(model):
            assert relation.target in models and relation in dependents_of(relation.target)
        assert "slug" not in node_of(model).kwargs, f"{model.__name__}: the chain adds the partnership's slug"


@pytest.fixture
def trail(cast, cycle):
    """statistic, observation, service, intervention → finding → priority → objective, in the cast's partnership."""
    statistic = StatisticFactory(partnership=cast.partnership, indicator="Vulnérabilité langagière")
    observation = ObservationFactory(partnership=cast.partnership, text="Les parents lisent peu le soir.")
    service = ServiceFactory(organization=cast.organization, name="Heure du conte")
    intervention = InterventionFactory(organization=cast.organization)
    finding = FindingFactory(cycle=cycle, statement="Le langage des tout-petits inquiète.")
    finding.statistics.add(statistic)
    finding.observations.add(observation)
    finding.services.add(service)
    finding.interventions.add(intervention)
    priority = PriorityFactory(cycle=cycle, finding=finding, position=1)
    objective = ObjectiveFactory(cycle=cycle, title="Enrichir l'éveil à la lecture")
    objective.priorities.add(priority)
    return statistic, observation, service, intervention, finding, priority, objective


def labels(groups) -> dict[str, list[str]]:
    return {group.label: [item.label for item in group.items] for group in groups}


def test_an_objective_shows_where_it_comes_from_down_to_the_evidence(cast, trail, client_for, cycle_url):
    statistic, observation, service, intervention, finding, priority, objective = trail
    chain = chain_of(objective, partnership=cast.partnership)
    assert list(labels(chain.sources)) == [
        "Priorités",
        "Constats",
        "Données",
        "Observations",
        "Services",
        "Interventions sur les facteurs",
    ]
    assert labels(chain.sources)["Constats"] == ["Le langage des tout-petits inquiète."]
    page = client_for(cast.observer).get(cycle_url("priorities:objective_detail", objective_pk=objective.pk))
    content = page.content.decode()
    assert "où cela vient" in content
    assert url("analysis:statistic_detail", cast, statistic_pk=statistic.pk) in content
    assert f"#priorite-{priority.pk}" in content and f"#organisme-{cast.organization.pk}" in content
    assert url("offer:service_detail", cast, service_pk=service.pk) in content


def test_a_piece_of_evidence_shows_what_depends_on_it_up_to_the_objective(cast, trail, client_for, cycle_url):
    statistic, observation, service, _intervention, finding, _priority, objective = trail
    objective_url = cycle_url("priorities:objective_detail", objective_pk=objective.pk)
    client = client_for(cast.partner)
    for address in (
        url("analysis:statistic_detail", cast, statistic_pk=statistic.pk),
        url("analysis:observation_detail", cast, observation_pk=observation.pk),
        url("offer:service_detail", cast, service_pk=service.pk),
        cycle_url("analysis:finding_detail", finding_pk=finding.pk),
    ):
        content = client.get(address).content.decode()
        assert "Ce qui en dépend" in content and objective_url in content, address
    chain = chain_of(statistic, partnership=cast.partnership)
    assert not chain.shows_sources
    assert list(labels(chain.dependents)) == ["Constats", "Priorités", "Objectifs"]


def test_a_finding_page_shows_its_evidence_once(cast, trail):
    finding = trail[4]
    chain = chain_of(finding, partnership=cast.partnership, sources=False)
    assert not chain.shows_sources and not chain.sources
    assert list(labels(chain.dependents)) == ["Priorités", "Objectifs"]


def test_nothing_of_another_partnership_shows_in_the_chain(cast, trail):
    statistic = trail[0]
    elsewhere = FindingFactory(cycle=CycleFactory(partnership=cast.other_partnership), statement="Ailleurs.")
    elsewhere.statistics.add(statistic)  # a link no form allows: the chain still keeps to the partnership
    assert "Ailleurs." not in labels(chain_of(statistic, partnership=cast.partnership).dependents)["Constats"]


def test_the_chain_reads_the_same_number_of_queries_whatever_its_length(
    cast, cycle, trail, client_for, cycle_url, assert_flat_queries
):
    objective = trail[-1]

    def grow() -> None:
        for n in range(6):
            finding = FindingFactory(cycle=cycle)
            finding.statistics.add(StatisticFactory(partnership=cast.partnership, indicator=f"Indicateur {n}"))
            finding.services.add(ServiceFactory(organization=cast.other_organization))
            finding.interventions.add(InterventionFactory(organization=cast.other_organization))
            objective.priorities.add(PriorityFactory(cycle=cycle, finding=finding))

    assert_flat_queries(
        client_for(cast.observer), cycle_url("priorities:objective_detail", objective_pk=objective.pk), grow=grow
    )


def test_the_walk_reads_one_query_per_kind_of_record_it_reaches(cast, trail, django_assert_num_queries):
    objective = trail[-1]
    # Sources: the priorities, their finding and each of the four kinds of evidence; the objective's origin, which
    # it has none of, costs no query. Dependents: the transformations, the copies (objectives), the meetings'
    # decisions and the questionings resting on it, one query each although questionings reach an objective
    # through two relations.
    with django_assert_num_queries(6 + 4):
        chain = chain_of(objective, partnership=cast.partnership)
    assert len(chain.sources) == 6


def test_a_record_reached_through_its_own_path_to_the_partnership_comes_joined(cast, trail, django_assert_num_queries):
    objective = trail[-1]
    transformation = TransformationFactory(objective=objective)
    indicator = IndicatorFactory(transformation=transformation)
    # Sources: the indicator's transformation, its objective joined to it, then the objective's priorities, their
    # finding and the four kinds of evidence; its baseline statistic and the origins, none set, cost no query.
    # Dependents: the indicator's measurements and its copies.
    with django_assert_num_queries(1 + 6 + 2):
        chain = chain_of(indicator, partnership=cast.partnership)
    assert [group.items[0].label for group in chain.sources[:2]] == [str(transformation), str(objective)]
