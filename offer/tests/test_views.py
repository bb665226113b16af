import pytest
from django.urls import NoReverseMatch, reverse

from core.tests.support import query_count, url
from cycles.tests.factories import CycleFactory
from factors.tests.factories import FactorFactory
from offer.models import Service
from offer.tests.factories import ServiceFactory
from organizations.models import Sector
from organizations.tests.factories import OrganizationFactory
from partnerships.tests.factories import TerritoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def known(cast):
    """A small offer whose portrait is worked out by hand in the tests below."""
    t1 = TerritoryFactory(partnership=cast.partnership, name="Vieux-Moulin")
    t2 = TerritoryFactory(partnership=cast.partnership, name="Les Terrasses")
    t3 = TerritoryFactory(partnership=cast.partnership, name="Quartier de la Gare")
    school = OrganizationFactory(partnership=cast.partnership, name="École du Moulin", sector=Sector.SCHOOL)
    reading = FactorFactory(name_fr="Habitudes de lecture")
    ServiceFactory(
        organization=cast.organization, name="Halte", for_age_0_1=True, territories=[t1], reached_per_year=10
    )
    ServiceFactory(organization=cast.organization, name="Cafés-rencontres", territories=[t1, t2], reached_per_year=5)
    ServiceFactory(organization=school, name="Heure du conte", territories=[t1], factors=[reading])
    ServiceFactory(
        organization=cast.other_organization, name="Éveil", for_parents=False, for_age_2_5=True, reached_per_year=7
    )
    return {"t1": t1, "t2": t2, "t3": t3, "school": school, "reading": reading}


def cell(table, code, territory):
    row = next(r for r in table.rows if r.clientele == code)
    return next(c for c in row.cells if c.territory == territory)


def test_every_member_sees_the_list_grouped_by_organization(cast, client_for, known):
    for user in (cast.coordinator, cast.committee, cast.partner, cast.observer):
        content = client_for(user).get(url("offer:home", cast)).content.decode()
        assert "<h1>Outil 6 — Analyse de l&#x27;offre de services</h1>" in content
        assert "École du Moulin" in content and "Heure du conte" in content


def test_the_list_leads_straight_to_each_organizations_services(cast, client_for, known):
    content = client_for(cast.partner).get(url("offer:home", cast)).content.decode()
    for organization, count in ((cast.organization, 2), (known["school"], 1), (cast.other_organization, 1)):
        assert f'<a href="#services-{organization.pk}">{organization.name} ({count})</a>' in content
        assert f'id="services-{organization.pk}"' in content


def test_the_list_shows_ten_organizations_a_page_and_its_index_leads_to_every_one(cast, client_for):
    _populate(cast, 12)
    client = client_for(cast.observer)
    first = client.get(url("offer:home", cast)).content.decode()
    organizations = list(cast.partnership.organizations.filter(services__isnull=False).distinct())
    assert len(organizations) == 12
    shown = [o for o in organizations if f'id="services-{o.pk}"' in first]
    assert len(shown) == 10
    assert "24 services" in first and "Page 1 sur 2" in first
    for organization in organizations:
        target = "" if organization in shown else "?page=2"
        assert f'<a href="{target}#services-{organization.pk}">{organization.name} (2)</a>' in first
    second = client.get(url("offer:home", cast) + "?page=2").content.decode()
    assert {o for o in organizations if f'id="services-{o.pk}"' in second} == set(organizations) - set(shown)
    assert "Page 2 sur 2" in second


def test_the_pages_keep_the_filters(cast, client_for):
    _populate(cast, 12)
    page = client_for(cast.observer).get(url("offer:home", cast) + "?clientele=pregnancy").content.decode()
    assert "12 services" in page  # one of each organization's two
    assert 'href="?clientele=pregnancy&amp;page=2"' in page


def test_list_filters(cast, client_for, known):
    client = client_for(cast.observer)

    def names(**params):
        return {s.name for s in client.get(url("offer:home", cast), params).context["listing"].services}

    assert names(sector=Sector.SCHOOL) == {"Heure du conte"}
    assert names(clientele="age_2_5") == {"Éveil"}
    assert names(territory=known["t2"].pk) == {"Cafés-rencontres"}
    assert names(factor=known["reading"].pk) == {"Heure du conte"}
    # A forged or stale filter value is ignored, not an error.
    assert len(names(territory=TerritoryFactory(partnership=cast.other_partnership).pk)) == 4


def test_list_answers_htmx_with_the_list_only(cast, client_for, known):
    response = client_for(cast.observer).get(url("offer:home", cast), {"sector": Sector.SCHOOL}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert "<html" not in content and "Heure du conte" in content and "Halte" not in content


def test_partner_sees_add_links_for_its_own_organization_only(cast, client_for, known):
    content = client_for(cast.partner).get(url("offer:home", cast)).content.decode()
    assert f"?organization={cast.organization.pk}" in content
    assert f"?organization={known['school'].pk}" not in content
    assert "?organization=" not in client_for(cast.observer).get(url("offer:home", cast)).content.decode()


def test_gap_counts_on_a_known_offer(cast, client_for, known):
    table = client_for(cast.observer).get(url("offer:gaps", cast)).context["table"]
    t1, t2, t3 = known["t1"], known["t2"], known["t3"]
    parents_t1 = cell(table, "parents", t1)
    assert (parents_t1.count.services, parents_t1.count.reach) == (3, 15)
    assert parents_t1.is_overlap and table.overlap_threshold == 3  # twice the 1.5 services of a served cell
    assert cell(table, "parents", t2).count.services == 1 and cell(table, "parents", t2).count.reach == 5
    assert cell(table, "age_0_1", t1).count.services == 1 and cell(table, "age_0_1", t1).count.reach == 10
    assert cell(table, "parents", t3).is_gap
    # The service without a territory gets its own column rather than disappearing.
    assert table.columns[-1].territory is None and cell(table, "age_2_5", None).count.services == 1
    parents = next(r for r in table.rows if r.clientele == "parents")
    assert (parents.total.services, parents.total.reach) == (3, 15)
    # Columns follow the territories by kind and name: Les Terrasses, Quartier de la Gare, Vieux-Moulin.
    assert [column.services for column in table.columns] == [1, 0, 3, 1]
    assert table.grand_total == 4
    assert "Grossesse" in table.empty_clienteles and "Parents" not in table.empty_clienteles
    assert table.empty_territories == [t3]


def test_an_even_offer_is_not_flagged_as_overlapping(cast, client_for):
    territories = [TerritoryFactory(partnership=cast.partnership) for _ in range(2)]
    for territory in territories:
        ServiceFactory.create_batch(4, organization=cast.organization, territories=[territory])
    table = client_for(cast.observer).get(url("offer:gaps", cast)).context["table"]
    assert table.overlap_threshold == 8 and not table.overlaps


def test_gap_page_shows_gaps_and_overlaps_in_words(cast, client_for, known):
    content = client_for(cast.observer).get(url("offer:gaps", cast)).content.decode()
    assert "aucun service" in content and "chevauchement possible" in content
    assert '<th scope="col" class="depth-0">Quartier de la Gare <small class="kind">Quartier</small></th>' in content
    assert '<th scope="row">Grossesse</th>' in content
    assert "Clientèles sans aucun service" in content and "Territoires sans aucun service" in content


def test_gap_filters_by_sector_and_factor(cast, client_for, known):
    client = client_for(cast.observer)
    table = client.get(url("offer:gaps", cast), {"sector": Sector.SCHOOL}).context["table"]
    assert table.grand_total == 1 and cell(table, "parents", known["t1"]).count.services == 1
    table = client.get(url("offer:gaps", cast), {"factor": known["reading"].pk}).context["table"]
    assert table.grand_total == 1 and all(column.territory for column in table.columns)


def test_gap_page_offers_to_draw_a_finding_when_possible(cast, client_for, known):
    client = client_for(cast.coordinator)
    assert client.get(url("offer:gaps", cast)).context["finding_url"] is None  # no cycle yet
    cycle = CycleFactory(partnership=cast.partnership)
    try:
        expected = reverse("analysis:finding_create", kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk})
    except NoReverseMatch:
        expected = None
    finding_url = client.get(url("offer:gaps", cast)).context["finding_url"]
    if expected is None:
        assert finding_url is None
    else:
        assert finding_url == f"{expected}?origin=services"
    assert client_for(cast.observer).get(url("offer:gaps", cast)).context["finding_url"] is None


def _populate(cast, organizations: int) -> None:
    """Two services per organization, written in bulk to keep the test fast."""
    territories = [TerritoryFactory(partnership=cast.partnership) for _ in range(3)]
    factor = FactorFactory()
    created = OrganizationFactory.create_batch(organizations, partnership=cast.partnership)
    services = Service.objects.bulk_create(
        Service(organization=organization, name=f"Service {index}", for_parents=True, for_pregnancy=index % 2 == 0)
        for organization in created
        for index in range(2)
    )
    Service.territories.through.objects.bulk_create(
        Service.territories.through(service=service, territory=territories[index % 3])
        for index, service in enumerate(services)
    )
    Service.factors.through.objects.bulk_create(
        Service.factors.through(service=service, protectivefactor=factor) for service in services
    )


@pytest.mark.parametrize("name", ["offer:home", "offer:gaps"])
def test_query_count_is_flat_between_10_and_60_organizations(cast, client_for, name):
    client = client_for(cast.observer)
    _populate(cast, 10)
    small = query_count(client, url(name, cast))
    _populate(cast, 50)
    assert query_count(client, url(name, cast)) == small


@pytest.fixture
def nested(cast):
    """An MRC with two municipalities, one with a neighbourhood; services placed at each level."""
    mrc = TerritoryFactory(partnership=cast.partnership, kind="mrc", name="MRC des Moulins")
    north = TerritoryFactory(partnership=cast.partnership, kind="municipality", name="Nordville", parent=mrc)
    south = TerritoryFactory(partnership=cast.partnership, kind="municipality", name="Sudville", parent=mrc)
    harbour = TerritoryFactory(partnership=cast.partnership, kind="neighbourhood", name="Le Port", parent=north)
    alone = TerritoryFactory(partnership=cast.partnership, kind="municipality", name="Isolée")
    ServiceFactory(organization=cast.organization, name="Halte du Port", territories=[harbour], reached_per_year=8)
    ServiceFactory(organization=cast.organization, name="Cafés", territories=[north, south], reached_per_year=5)
    ServiceFactory(organization=cast.organization, name="Ligne Info-parents", territories=[mrc], for_families=True)
    return {"mrc": mrc, "north": north, "south": south, "harbour": harbour, "alone": alone}


def test_counts_add_up_from_the_smaller_territories_to_the_larger(cast, client_for, nested):
    table = client_for(cast.observer).get(url("offer:gaps", cast)).context["table"]
    mrc, north, south = nested["mrc"], nested["north"], nested["south"]
    # Depth first, each larger territory before those inside it; the lone municipality is its own root.
    assert [(c.territory.name, c.depth) for c in table.columns] == [
        ("MRC des Moulins", 0),
        ("Nordville", 1),
        ("Le Port", 2),
        ("Sudville", 1),
        ("Isolée", 0),
    ]
    # The MRC counts its own service, the one of its neighbourhood and the one of both municipalities once.
    assert (cell(table, "parents", mrc).count.services, cell(table, "parents", mrc).count.reach) == (3, 13)
    assert cell(table, "parents", north).count.services == 2  # its neighbourhood's and its own
    assert cell(table, "parents", north).from_larger == 1  # the MRC's line reaches it too
    # Sudville has no service of its own for families, but the MRC's reaches it: not a gap.
    families_south = cell(table, "families", south)
    assert families_south.count.services == 0 and families_south.from_larger == 1 and not families_south.is_gap
    assert cell(table, "age_2_5", south).is_gap  # nothing reaches it for that clientele
    assert table.empty_territories == [nested["alone"]]
    assert [column.services for column in table.columns] == [3, 2, 1, 1, 0]


def test_the_portrait_says_where_a_larger_territory_reaches_and_where_a_gap_is_real(cast, client_for, nested):
    content = client_for(cast.observer).get(url("offer:gaps", cast)).content.decode()
    assert "rejoint par 1 service d'un territoire plus grand" in content
    assert "avec les territoires qu'il contient" in content
    assert "<li>Isolée (Municipalité)</li>" in content


def test_filtering_the_list_by_a_territory_includes_those_inside_it(cast, client_for, nested):
    client = client_for(cast.observer)

    def names(territory):
        return {
            s.name for s in client.get(url("offer:home", cast), {"territory": territory.pk}).context["listing"].services
        }

    assert names(nested["mrc"]) == {"Halte du Port", "Cafés", "Ligne Info-parents"}
    assert names(nested["north"]) == {"Halte du Port", "Cafés"}
    assert names(nested["harbour"]) == {"Halte du Port"}


def test_the_portrait_query_count_does_not_grow_with_services_or_territories(cast, client_for, assert_flat_queries):
    mrc = TerritoryFactory(partnership=cast.partnership, kind="mrc")
    ServiceFactory(organization=cast.organization, territories=[mrc])

    def grow():
        town = TerritoryFactory(partnership=cast.partnership, kind="municipality", parent=mrc)
        ServiceFactory.create_batch(3, organization=cast.organization, territories=[town, mrc])

    assert_flat_queries(client_for(cast.observer), url("offer:gaps", cast), grow=grow)
