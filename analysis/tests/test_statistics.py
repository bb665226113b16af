from decimal import Decimal

import pytest

from analysis.models import Statistic, TerritoryLevel
from analysis.tests.factories import FindingFactory, StatisticFactory
from core.tests.support import query_count, url
from cycles.tests.factories import CycleFactory

pytestmark = pytest.mark.django_db


def valid_data(**overrides):
    data = {
        "indicator": "Enfants vulnérables à la maternelle (EQDEM)",
        "domain": "Maturité affective",
        "territory_level": TerritoryLevel.LOCAL,
        "territory_name": "RLS de la Vallée",
        "period": "2022",
        "value": "12,5",
        "unit": "%",
        "source": "ISQ",
    }
    data.update(overrides)
    return data


def test_every_member_reads_the_list(cast, client_for):
    StatisticFactory(partnership=cast.partnership, domain="Compétences sociales")
    StatisticFactory(partnership=cast.other_partnership, domain="Domaine d'ailleurs")
    for user in (cast.coordinator, cast.committee, cast.partner, cast.observer):
        content = client_for(user).get(url("analysis:statistics", cast)).content.decode()
        assert "Compétences sociales" in content
        assert "Domaine d'ailleurs" not in content


def test_committee_adds_a_statistic_with_a_decimal_comma(cast, client_for):
    response = client_for(cast.committee).post(url("analysis:statistic_create", cast), valid_data())
    statistic = Statistic.objects.get(partnership=cast.partnership)
    assert response.status_code == 302
    assert statistic.value == Decimal("12.5")
    assert statistic.history.get().history_user == cast.committee


def test_a_decimal_point_is_accepted_too(cast, client_for):
    client_for(cast.coordinator).post(url("analysis:statistic_create", cast), valid_data(value="9.75"))
    assert Statistic.objects.get().value == Decimal("9.75")


def test_more_decimals_than_kept_are_refused_not_rounded(cast, client_for):
    data = valid_data(value="12,34567", notes="Note à garder")
    response = client_for(cast.coordinator).post(url("analysis:statistic_create", cast), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Au plus 3 décimales : la valeur saisie en a 5. Arrondissez-la." in content
    assert 'value="12,34567"' in content and "Note à garder" in content
    assert not Statistic.objects.exists()


def test_trailing_zeros_do_not_count_as_decimals(cast, client_for):
    client_for(cast.coordinator).post(url("analysis:statistic_create", cast), valid_data(value="12,34500"))
    assert Statistic.objects.get().value == Decimal("12.345")


def test_a_value_too_large_says_so(cast, client_for):
    response = client_for(cast.coordinator).post(url("analysis:statistic_create", cast), valid_data(value="1e12"))
    assert "Au plus 11 chiffres avant la virgule." in response.content.decode()
    assert not Statistic.objects.exists()


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_partners_and_observers_only_read(cast, client_for, role):
    client = client_for(getattr(cast, role))
    statistic = StatisticFactory(partnership=cast.partnership)
    assert client.get(url("analysis:statistic_create", cast)).status_code == 403
    assert client.post(url("analysis:statistic_create", cast), valid_data()).status_code == 403
    edit = url("analysis:statistic_edit", cast, statistic_pk=statistic.pk)
    assert client.post(edit, valid_data(version=1)).status_code == 403
    assert client.post(url("analysis:statistic_delete", cast, statistic_pk=statistic.pk)).status_code == 403
    assert client.get(url("analysis:statistic_detail", cast, statistic_pk=statistic.pk)).status_code == 200
    assert Statistic.objects.count() == 1


def test_bad_input_is_explained_and_kept(cast, client_for):
    data = valid_data(value="douze", notes="Note à garder")
    response = client_for(cast.coordinator).post(url("analysis:statistic_create", cast), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Entrez un nombre, par exemple 12,5 ou 12.5." in content
    assert "Note à garder" in content
    assert not Statistic.objects.exists()


def test_a_missing_value_must_be_flagged(cast, client_for):
    client = client_for(cast.coordinator)
    response = client.post(url("analysis:statistic_create", cast), valid_data(value=""))
    assert "cochez « donnée imprécise ou manquante »" in response.content.decode()
    response = client.post(url("analysis:statistic_create", cast), valid_data(value="", is_imprecise="on"))
    assert response.status_code == 302
    assert Statistic.objects.get().value is None


def test_the_same_figure_cannot_be_entered_twice(cast, client_for):
    StatisticFactory(partnership=cast.partnership, **{k: v for k, v in valid_data().items() if k != "value"})
    response = client_for(cast.coordinator).post(url("analysis:statistic_create", cast), valid_data(period="2022 "))
    assert "Cette donnée existe déjà" in response.content.decode()
    assert Statistic.objects.count() == 1


def test_list_filters_and_htmx_partial(cast, client_for):
    StatisticFactory(partnership=cast.partnership, domain="Compétences sociales", period="2017")
    StatisticFactory(
        partnership=cast.partnership, domain="Maturité affective", territory_level=TerritoryLevel.QUEBEC, period="2022"
    )
    client = client_for(cast.observer)

    def rows(**filters):
        return client.get(url("analysis:statistics", cast), filters, HTTP_HX_REQUEST="true").content.decode()

    content = rows(territory_level="quebec")
    assert "<html" not in content
    assert "<td>Maturité affective</td>" in content and "Compétences sociales" not in content
    content = rows(period="2017")
    assert "<td>Compétences sociales</td>" in content and "Maturité affective" not in content
    content = rows(domain="Maturité affective")
    assert "<td>Maturité affective</td>" in content and "Compétences sociales" not in content
    full_page = client.get(url("analysis:statistics", cast), {"period": "2017"}).content.decode()
    assert "<html" in full_page and "<td>Compétences sociales</td>" in full_page


def test_detail_shows_the_findings_citing_it(cast, client_for):
    statistic = StatisticFactory(partnership=cast.partnership)
    finding = FindingFactory(cycle=CycleFactory(partnership=cast.partnership), statement="Le langage inquiète.")
    finding.statistics.add(statistic)
    content = (
        client_for(cast.observer)
        .get(url("analysis:statistic_detail", cast, statistic_pk=statistic.pk))
        .content.decode()
    )
    assert "Le langage inquiète." in content
    assert f"/constats/{finding.pk}/" in content


def test_concurrent_edit_is_refused_and_keeps_what_was_typed(cast, client_for):
    statistic = StatisticFactory(
        partnership=cast.partnership, **{k: v for k, v in valid_data().items() if k != "value"}
    )
    edit = url("analysis:statistic_edit", cast, statistic_pk=statistic.pk)
    first, second = client_for(cast.coordinator), client_for(cast.committee)
    assert first.post(edit, valid_data(version=1, notes="Version A")).status_code == 302
    response = second.post(edit, valid_data(version=1, notes="Version B"))
    content = response.content.decode()
    assert response.status_code == 409
    assert "Version A" in content and "Version B" in content
    statistic.refresh_from_db()
    assert statistic.notes == "Version A"
    assert second.post(edit, valid_data(version=2, notes="Version B")).status_code == 302
    statistic.refresh_from_db()
    assert statistic.notes == "Version B" and statistic.version == 3


def test_history_shows_who_changed_the_value(cast, client_for):
    statistic = StatisticFactory(
        partnership=cast.partnership, **{k: v for k, v in valid_data().items() if k != "value"}
    )
    client_for(cast.coordinator).post(
        url("analysis:statistic_edit", cast, statistic_pk=statistic.pk), valid_data(version=1, value="14,25")
    )
    content = (
        client_for(cast.observer)
        .get(url("analysis:statistic_history", cast, statistic_pk=statistic.pk))
        .content.decode()
    )
    assert "Coordination" in content and "14.250" in content


def test_coordinator_deletes_a_statistic(cast, client_for):
    statistic = StatisticFactory(partnership=cast.partnership)
    response = client_for(cast.coordinator).post(url("analysis:statistic_delete", cast, statistic_pk=statistic.pk))
    assert response.status_code == 302
    assert not Statistic.objects.exists()


def test_list_query_count_does_not_grow(cast, client_for):
    client = client_for(cast.observer)
    cycle = CycleFactory(partnership=cast.partnership)
    StatisticFactory(partnership=cast.partnership)
    small = query_count(client, url("analysis:statistics", cast))
    for statistic in StatisticFactory.create_batch(40, partnership=cast.partnership):
        FindingFactory(cycle=cycle).statistics.add(statistic)
    assert query_count(client, url("analysis:statistics", cast)) == small
