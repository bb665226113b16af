import re

import pytest

from analysis.models import TerritoryLevel
from analysis.tests.factories import StatisticFactory
from core.tests.support import query_count, url

pytestmark = pytest.mark.django_db

INDICATOR = "Enfants vulnérables à la maternelle (EQDEM)"


def figures(cast, domain, rows):
    for level, territory, period, value, imprecise in rows:
        StatisticFactory(
            partnership=cast.partnership,
            indicator=INDICATOR,
            domain=domain,
            territory_level=level,
            territory_name=territory,
            period=period,
            value=value,
            is_imprecise=imprecise,
        )


@pytest.fixture
def eqdem(cast):
    figures(
        cast,
        "Maturité affective",
        [
            (TerritoryLevel.QUEBEC, "Québec", "2017", "11.5", False),
            (TerritoryLevel.QUEBEC, "Québec", "2022", "11.7", False),
            (TerritoryLevel.REGION, "Lanaudière", "2017", "12.4", False),
            (TerritoryLevel.REGION, "Lanaudière", "2022", "12.9", False),
            (TerritoryLevel.LOCAL, "RLS de la Vallée", "2017", "14.2", False),
            (TerritoryLevel.LOCAL, "RLS de la Vallée", "2022", "6.1", True),
            (TerritoryLevel.LOCAL, "Autre RLS", "2022", "99.9", False),
        ],
    )


def test_chart_shows_the_three_levels_and_their_numbers(cast, client_for, eqdem):
    response = client_for(cast.observer).get(url("analysis:statistic_chart", cast), {"indicator": INDICATOR})
    content = response.content.decode()
    assert response.status_code == 200
    assert 'role="img"' in content and "<title id=" in content and "<desc id=" in content
    for number in ("11,5", "11,7", "12,4", "12,9", "14,2"):
        assert number in content
    assert "RLS de la Vallée (territoire local)" in content
    assert "Lanaudière (région administrative)" in content
    assert "Québec (québec)" not in content and "Québec</li>" in content
    assert "99,9" not in content  # another local territory than the one shown
    # The imprecise value is marked in the chart and in the table.
    assert "6,1 *" in content and "(donnée imprécise)" in content
    assert 'class="bar imprecise"' in content
    # Three different fills, named in the legend.
    for fill in ("url(#fill-solid)", "url(#fill-hatch)", "url(#fill-dots)"):
        assert fill in content


def test_chart_can_show_another_local_territory(cast, client_for, eqdem):
    content = (
        client_for(cast.observer)
        .get(url("analysis:statistic_chart", cast), {"indicator": INDICATOR, "territory": "Autre RLS"})
        .content.decode()
    )
    assert "99,9" in content and "14,2" not in content
    assert "donnée manquante" in content  # Autre RLS has no 2017 figure


def test_one_chart_per_domain_unless_one_is_chosen(cast, client_for, eqdem):
    figures(cast, "Compétences sociales", [(TerritoryLevel.QUEBEC, "Québec", "2022", "10.6", False)])
    client = client_for(cast.observer)
    content = client.get(url("analysis:statistic_chart", cast), {"indicator": INDICATOR}).content.decode()
    assert content.count('<figure class="chart"') == 2
    content = client.get(
        url("analysis:statistic_chart", cast), {"indicator": INDICATOR, "domain": "Compétences sociales"}
    ).content.decode()
    assert content.count('<figure class="chart"') == 1 and "10,6" in content


def test_chart_without_data_explains_itself(cast, client_for):
    content = client_for(cast.observer).get(url("analysis:statistic_chart", cast)).content.decode()
    assert "Aucune donnée n'a encore été saisie." in content


def test_chart_numbers_are_read_in_english_with_a_point(cast, client_for, eqdem):
    client = client_for(cast.observer)
    client.cookies["django_language"] = "en"
    content = client.get(url("analysis:statistic_chart", cast), {"indicator": INDICATOR}).content.decode()
    assert "11.5" in content


def test_chart_query_count_does_not_grow(cast, client_for, eqdem):
    client = client_for(cast.observer)
    address = f"{url('analysis:statistic_chart', cast)}?indicator={INDICATOR}"
    small = query_count(client, address)
    for year in range(1990, 2010):
        figures(cast, "Maturité affective", [(TerritoryLevel.QUEBEC, "Québec", str(year), "10", False)])
    assert query_count(client, address) == small


def test_a_column_of_figures_keeps_the_same_decimals(cast, client_for):
    figures(
        cast,
        "Compétences sociales",
        [
            (TerritoryLevel.QUEBEC, "Québec", "2017", "11", False),
            (TerritoryLevel.QUEBEC, "Québec", "2022", "10.6", False),
        ],
    )
    content = client_for(cast.observer).get(url("analysis:statistic_chart", cast)).content.decode()
    assert "<td>11,0" in content and "<td>10,6" in content


def test_a_statistic_links_to_its_own_chart(cast, client_for, eqdem):
    from analysis.models import Statistic

    statistic = Statistic.objects.get(territory_name="Autre RLS")
    client = client_for(cast.observer)
    detail = client.get(url("analysis:statistic_detail", cast, statistic_pk=statistic.pk)).content.decode()
    link = re.search(r'href="([^"]*graphique/\?indicator=[^"]*)"', detail).group(1).replace("&amp;", "&")
    assert "99,9" in client.get(link).content.decode()
