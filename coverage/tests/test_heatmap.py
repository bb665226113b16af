import pytest
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from core.tests.support import url
from coverage.models import Intensity
from coverage.tests.factories import InterventionFactory
from cycles.tests.factories import CycleFactory
from factors.tests.factories import ElementFactory, FactorFactory
from organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def coverage_of(response, factor):
    return next(c for system in response.context["systems"] for c in system.items if c.factor == factor)


@pytest.fixture
def mapped(cast):
    third = OrganizationFactory(partnership=cast.partnership, name="Bibliothèque")
    uncovered = FactorFactory(name_fr="Cohésion sociale", system="communaute")
    thin = FactorFactory(name_fr="Langage oral", system="enfant")
    covered = FactorFactory(name_fr="Pratiques parentales", system="famille")
    InterventionFactory(organization=cast.organization, factor=uncovered, intensity=Intensity.OCCASIONAL)
    InterventionFactory(organization=cast.other_organization, factor=uncovered, intensity=Intensity.NONE)
    InterventionFactory(organization=cast.organization, factor=thin, intensity=Intensity.CORE)
    InterventionFactory(organization=third, factor=thin, intensity=Intensity.NONE)
    InterventionFactory(organization=cast.organization, factor=covered, intensity=Intensity.REGULAR)
    # Acting regularly on one element is acting regularly on the factor.
    element = ElementFactory(factor=covered)
    InterventionFactory(organization=third, factor=covered, intensity=Intensity.OCCASIONAL)
    InterventionFactory(organization=third, factor=covered, element=element, intensity=Intensity.REGULAR)
    return {"uncovered": uncovered, "thin": thin, "covered": covered}


def test_heat_map_flags_uncovered_and_thin_factors(cast, client_for, mapped):
    response = client_for(cast.observer).get(url("coverage:heatmap", cast))
    uncovered = coverage_of(response, mapped["uncovered"])
    assert uncovered.status == "uncovered" and uncovered.levels == [(1, 1), (2, 0), (3, 0)]
    assert uncovered.not_acting == 2 and uncovered.score == round(100 * 1 / 9)
    assert coverage_of(response, mapped["thin"]).status == "thin"
    covered = coverage_of(response, mapped["covered"])
    assert covered.status == "covered" and covered.levels == [(1, 0), (2, 2), (3, 0)]
    listed = {c.factor for c in response.context["uncovered"]}, {c.factor for c in response.context["thin"]}
    assert mapped["uncovered"] in listed[0] and mapped["thin"] in listed[1]
    assert mapped["covered"] not in listed[0] | listed[1]


def test_not_filled_in_is_kept_apart_from_no_action_and_gives_no_verdict(cast, client_for):
    OrganizationFactory.create_batch(2, partnership=cast.partnership)  # four organizations in all
    described = FactorFactory(name_fr="Pratiques parentales", system="famille")
    silent = FactorFactory(name_fr="Cohésion sociale", system="communaute")
    InterventionFactory(organization=cast.organization, factor=described, intensity=Intensity.NONE)
    InterventionFactory(organization=cast.other_organization, factor=described, intensity=Intensity.NONE)
    InterventionFactory(organization=cast.organization, factor=silent, intensity=Intensity.NONE)

    response = client_for(cast.observer).get(url("coverage:heatmap", cast))

    described_coverage, silent_coverage = coverage_of(response, described), coverage_of(response, silent)
    assert (described_coverage.no_action, described_coverage.not_answered) == (2, 2)
    assert described_coverage.status == "uncovered"  # half of the organizations said they do not act on it
    assert (silent_coverage.no_action, silent_coverage.not_answered) == (1, 3)
    assert silent_coverage.status == "unknown"  # one answer out of four: no verdict
    content = response.content.decode()
    assert "2 rangées remplies sur 4" in content
    assert "<strong>pas assez de réponses</strong>" in content and "1 réponse sur 4" in content
    assert "au moins 50 %" in content


def test_a_partnership_that_filled_no_row_sees_no_factor_uncovered(cast, client_for):
    FactorFactory(name_fr="Cohésion sociale", system="communaute")
    response = client_for(cast.observer).get(url("coverage:heatmap", cast))
    assert response.context["uncovered"] == [] and response.context["thin"] == []
    assert "0 rangée remplie sur 2" in response.content.decode()
    assert "0 rangée remplie sur 2" in client_for(cast.observer).get(url("coverage:matrix", cast)).content.decode()


def test_heat_map_says_it_in_words_in_a_real_table(cast, client_for, mapped):
    content = client_for(cast.observer).get(url("coverage:heatmap", cast)).content.decode()
    assert '<td class="status status-uncovered"><strong>non couvert</strong></td>' in content
    assert "<strong>faiblement couvert</strong>" in content
    assert "<caption>Système Communauté : couverture de chaque facteur</caption>" in content
    assert '<th scope="row">Cohésion sociale</th>' in content


def test_heat_map_links_each_factor_to_a_new_finding(cast, client_for, mapped):
    client = client_for(cast.coordinator)
    cycle = CycleFactory(partnership=cast.partnership)
    try:
        base = reverse("analysis:finding_create", kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk})
    except NoReverseMatch:
        base = None
    content = client.get(url("coverage:heatmap", cast)).content.decode()
    link = f"{base}?origin=factors&amp;factor={mapped['uncovered'].pk}"
    if base is None:
        assert "Tirer un constat" not in content
    else:
        assert link in content
    assert "Tirer un constat" not in client_for(cast.observer).get(url("coverage:heatmap", cast)).content.decode()


def _populate(cast, organizations: int, factors: list) -> None:
    for _ in range(organizations):
        organization = OrganizationFactory(partnership=cast.partnership)
        for index, factor in enumerate(factors):
            InterventionFactory(organization=organization, factor=factor, intensity=index % 4, kinds=["parents"])


@pytest.mark.parametrize(
    "name,params", [("coverage:matrix", {}), ("coverage:matrix", {"detail": "1"}), ("coverage:heatmap", {})]
)
def test_query_count_is_flat_between_10_and_60_organizations(cast, client_for, name, params, assert_flat_queries):
    factors = [FactorFactory(system=system) for system in ("enfant", "famille", "communaute")]
    ElementFactory(factor=factors[0])
    _populate(cast, 10, factors)
    address = f"{url(name, cast)}?{urlencode(params)}"
    assert_flat_queries(client_for(cast.observer), address, grow=lambda: _populate(cast, 50, factors))


def test_heat_map_shows_the_findings_resting_on_actions_on_each_factor(cast, client_for, mapped):
    from analysis.models import Finding

    cycle = CycleFactory(partnership=cast.partnership)
    intervention = cast.organization.interventions.get(factor=mapped["thin"])
    finding = Finding.objects.create(
        cycle=cycle, statement="Une seule équipe agit sur le langage oral.", nature="concern", origin="factors"
    )
    finding.interventions.add(intervention)
    other_partnership_finding = Finding.objects.create(
        cycle=CycleFactory(partnership=cast.other_partnership), statement="Ailleurs", nature="concern", origin="factors"
    )
    other_partnership_finding.interventions.add(intervention)  # even a forged link must not leak a statement

    response = client_for(cast.observer).get(url("coverage:heatmap", cast))

    assert [f.pk for f in coverage_of(response, mapped["thin"]).findings] == [finding.pk]
    assert coverage_of(response, mapped["covered"]).findings == []
    finding_url = reverse(
        "analysis:finding_detail",
        kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk, "finding_pk": finding.pk},
    )
    assert finding_url in response.content.decode()
