import pytest
from django.urls import reverse

from analysis.models import Finding, Statistic
from analysis.tests.factories import FindingFactory, StatisticFactory
from api.tests.support import token_client

pytestmark = pytest.mark.django_db
JSON = "application/json"


def _statistics(cast) -> str:
    return reverse("api:statistics", kwargs={"slug": cast.partnership.slug})


def _statistic(statistic) -> str:
    kwargs = {"slug": statistic.partnership.slug, "statistic_pk": statistic.pk}
    return reverse("api:statistic_detail", kwargs=kwargs)


def _findings(cast, cycle) -> str:
    return reverse("api:findings", kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk})


def _finding(cast, finding) -> str:
    kwargs = {"slug": cast.partnership.slug, "cycle_pk": finding.cycle_id, "finding_pk": finding.pk}
    return reverse("api:finding_detail", kwargs=kwargs)


STATISTIC = {
    "indicator": "Enfants vulnérables",
    "territory_level": "local",
    "territory_name": "Petite-Patrie",
    "period": "2022",
    "value": "12.5",
}


def test_the_committee_creates_edits_and_deletes_a_statistic(cast):
    api = token_client(cast.committee)
    created = api.post(_statistics(cast), STATISTIC, content_type=JSON)
    assert created.status_code == 201, created.json()
    statistic = Statistic.objects.get(pk=created.json()["id"])
    assert (statistic.partnership, str(statistic.value)) == (cast.partnership, "12.500")
    edited = api.patch(_statistic(statistic), {"version": 1, "value": "13,2"}, content_type=JSON)
    assert edited.status_code == 200, edited.json()
    assert edited.json()["value"] == "13.200"
    assert api.patch(_statistic(statistic), {"version": 1, "unit": "%"}, content_type=JSON).status_code == 409
    assert api.delete(_statistic(statistic)).status_code == 204
    assert not Statistic.objects.filter(pk=statistic.pk).exists()


def test_a_statistic_follows_the_forms_rules(cast):
    api = token_client(cast.committee)
    without_value = api.post(_statistics(cast), {**STATISTIC, "value": None}, content_type=JSON)
    assert without_value.status_code == 400
    assert without_value.json()["value"] == ["Entrez la valeur, ou cochez « donnée imprécise ou manquante »."]
    assert api.post(_statistics(cast), STATISTIC, content_type=JSON).status_code == 201
    duplicate = api.post(_statistics(cast), STATISTIC, content_type=JSON)
    assert duplicate.status_code == 400
    assert Statistic.objects.filter(partnership=cast.partnership).count() == 1


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_who_does_not_edit_the_analysis_is_refused_403(cast, role):
    statistic = StatisticFactory(partnership=cast.partnership)
    api = token_client(getattr(cast, role))
    assert api.get(_statistic(statistic)).status_code == 200
    assert api.post(_statistics(cast), STATISTIC, content_type=JSON).status_code == 403
    assert api.patch(_statistic(statistic), {"version": 1, "unit": "x"}, content_type=JSON).status_code == 403
    assert api.delete(_statistic(statistic)).status_code == 403
    statistic.refresh_from_db()
    assert statistic.version == 1


def test_a_finding_cites_the_partnerships_data_only(cast, cycle):
    own = StatisticFactory(partnership=cast.partnership)
    theirs = StatisticFactory(partnership=cast.other_partnership)
    api = token_client(cast.coordinator)
    data = {"statement": "Peu de livres à la maison.", "nature": "concern", "origin": "data", "systems": ["famille"]}
    refused = api.post(_findings(cast, cycle), {**data, "statistics": [theirs.pk]}, content_type=JSON)
    assert refused.status_code == 400 and "statistics" in refused.json()
    created = api.post(_findings(cast, cycle), {**data, "statistics": [own.pk]}, content_type=JSON)
    assert created.status_code == 201, created.json()
    assert created.json()["statistics"] == [own.pk] and created.json()["systems"] == ["famille"]
    finding = Finding.objects.get(pk=created.json()["id"])
    assert (finding.cycle, finding.created_by, finding.history.count()) == (cycle, cast.coordinator, 1)
    edited = api.patch(_finding(cast, finding), {"version": 1, "systems": ["enfant", "famille"]}, content_type=JSON)
    assert edited.status_code == 200, edited.json()
    finding.refresh_from_db()
    # An edit that sends only the systems keeps what it does not name, its evidence included.
    assert finding.systems == "enfant,famille" and list(finding.statistics.all()) == [own]
    assert finding.history.count() == 2


def test_findings_are_filtered_by_system_and_their_list_stays_flat(cast, cycle, assert_flat_queries):
    FindingFactory(cycle=cycle, systems="enfant")
    FindingFactory(cycle=cycle, systems="famille")
    api = token_client(cast.observer)
    assert api.get(_findings(cast, cycle) + "?system=famille").json()["count"] == 1
    assert api.get(_findings(cast, cycle) + "?system=nope").status_code == 400

    def grow():
        statistic = StatisticFactory(partnership=cast.partnership)
        for finding in FindingFactory.create_batch(10, cycle=cycle):
            finding.statistics.add(statistic)

    assert_flat_queries(api, _findings(cast, cycle), grow=grow)


def test_another_partnerships_cycle_is_not_found(cast, cycle):
    from cycles.tests.factories import CycleFactory

    theirs = CycleFactory(partnership=cast.other_partnership)
    assert token_client(cast.coordinator).get(_findings(cast, theirs)).status_code == 404
    assert token_client(cast.outsider).get(_findings(cast, cycle)).status_code == 404


def test_the_statistics_list_stays_flat(cast, assert_flat_queries):
    StatisticFactory(partnership=cast.partnership)
    grow = lambda: StatisticFactory.create_batch(10, partnership=cast.partnership)  # noqa: E731
    assert_flat_queries(token_client(cast.observer), _statistics(cast), grow=grow)
