import pytest

from core.tests.support import url
from partnerships.models import Partnership, Region, Territory, TerritoryKind

pytestmark = pytest.mark.django_db


def profile_data(partnership, **overrides):
    data = {
        "name": partnership.name,
        "region": partnership.region,
        "description": partnership.description,
        "intention_statement": partnership.intention_statement,
        "territory_rls": "",
        "territory_mrc": "",
        "territory_municipality": "",
        "territory_neighbourhood": "",
        "version": partnership.version,
    }
    data.update(overrides)
    return data


def names(partnership, kind):
    return list(
        Territory.objects.filter(partnership=partnership, kind=kind).order_by("name").values_list("name", flat=True)
    )


def test_every_member_sees_the_profile(cast, client_for):
    Territory.objects.create(partnership=cast.partnership, kind=TerritoryKind.NEIGHBOURHOOD, name="Petite-Patrie")
    for user in (cast.coordinator, cast.committee, cast.partner, cast.observer):
        content = client_for(user).get(url("partnerships:profile", cast)).content.decode()
        assert "Regroupement Petite-Patrie" in content and "06 — Montréal" in content
        assert '<li class="depth-0">Petite-Patrie <small class="muted">(Quartier)</small></li>' in content


def test_only_coordination_sees_the_edit_button(cast, client_for):
    edit_url = url("partnerships:profile_edit", cast)
    assert edit_url in client_for(cast.coordinator).get(url("partnerships:profile", cast)).content.decode()
    assert edit_url not in client_for(cast.committee).get(url("partnerships:profile", cast)).content.decode()


def test_coordinator_edits_the_profile_and_territory(cast, client_for):
    data = profile_data(
        cast.partnership,
        name="  Regroupement   Petite-Patrie et Villeray ",
        region=Region.LAVAL,
        intention_statement="Agir ensemble tôt.",
        territory_rls="RLS de la Petite-Patrie\n",
        territory_mrc="",
        territory_municipality="Montréal",
        territory_neighbourhood="Petite-Patrie\n\n  Villeray  \nvilleray\nPetite-Patrie",
    )
    response = client_for(cast.coordinator).post(url("partnerships:profile_edit", cast), data)
    assert response.status_code == 302 and response.url == url("partnerships:profile", cast)
    partnership = Partnership.objects.get(pk=cast.partnership.pk)
    assert partnership.name == "Regroupement Petite-Patrie et Villeray"
    assert partnership.region == Region.LAVAL and partnership.version == 2
    assert partnership.intention_statement == "Agir ensemble tôt."
    assert names(partnership, TerritoryKind.NEIGHBOURHOOD) == ["Petite-Patrie", "Villeray"]
    assert names(partnership, TerritoryKind.RLS) == ["RLS de la Petite-Patrie"]
    assert names(partnership, TerritoryKind.MUNICIPALITY) == ["Montréal"]


def test_territory_sync_keeps_existing_rows_and_deletes_removed_ones(cast, client_for):
    kept = Territory.objects.create(partnership=cast.partnership, kind=TerritoryKind.NEIGHBOURHOOD, name="Villeray")
    Territory.objects.create(partnership=cast.partnership, kind=TerritoryKind.NEIGHBOURHOOD, name="Rosemont")
    other = Territory.objects.create(
        partnership=cast.other_partnership, kind=TerritoryKind.NEIGHBOURHOOD, name="Rosemont"
    )
    data = profile_data(cast.partnership, territory_neighbourhood="Villeray\nParc-Extension")
    client_for(cast.coordinator).post(url("partnerships:profile_edit", cast), data)
    assert names(cast.partnership, TerritoryKind.NEIGHBOURHOOD) == ["Parc-Extension", "Villeray"]
    assert Territory.objects.get(partnership=cast.partnership, name="Villeray").pk == kept.pk
    assert Territory.objects.filter(pk=other.pk).exists()
    assert Territory.history.filter(name="Rosemont", history_type="-").count() == 1


def test_edit_form_shows_the_territory_one_name_per_line(cast, client_for):
    for name in ("Villeray", "Petite-Patrie"):
        Territory.objects.create(partnership=cast.partnership, kind=TerritoryKind.NEIGHBOURHOOD, name=name)
    content = client_for(cast.coordinator).get(url("partnerships:profile_edit", cast)).content.decode()
    assert "Petite-Patrie\nVilleray</textarea>" in content
    assert "Un nom par ligne." in content


@pytest.mark.parametrize("role", ["committee", "partner", "observer"])
def test_only_coordination_edits_the_profile(cast, client_for, role):
    client = client_for(getattr(cast, role))
    assert client.get(url("partnerships:profile_edit", cast)).status_code == 403
    response = client.post(url("partnerships:profile_edit", cast), profile_data(cast.partnership, name="Pris"))
    assert response.status_code == 403
    assert Partnership.objects.get(pk=cast.partnership.pk).name == "Regroupement Petite-Patrie"


def test_bad_input_is_explained_and_kept(cast, client_for):
    data = profile_data(
        cast.partnership,
        name="",
        region="99",
        description="Texte à garder",
        territory_municipality="Montréal\n" + "x" * 151,
    )
    response = client_for(cast.coordinator).post(url("partnerships:profile_edit", cast), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in content
    assert "Sélectionnez un choix valide." in content
    assert "est trop long : 150 caractères au plus par nom." in content
    assert "Texte à garder" in content and "Montréal\n" in content
    assert not Territory.objects.filter(partnership=cast.partnership).exists()
    assert Partnership.objects.get(pk=cast.partnership.pk).version == 1


def test_concurrent_edit_is_refused_and_keeps_what_was_typed(cast, client_for):
    first = client_for(cast.coordinator)
    second_coordinator = cast.committee
    cast.partnership.memberships.filter(user=second_coordinator).update(role="coordinator")
    second = client_for(second_coordinator)
    base = profile_data(cast.partnership)
    first.post(
        url("partnerships:profile_edit", cast),
        {**base, "description": "Version A", "territory_neighbourhood": "Villeray"},
    )
    response = second.post(
        url("partnerships:profile_edit", cast),
        {**base, "description": "Version B", "territory_neighbourhood": "Rosemont"},
    )
    content = response.content.decode()
    assert response.status_code == 409
    assert "Version A" in content and "Version B" in content
    assert "Villeray" in content and "Rosemont" in content
    assert 'name="version" value="2"' in content
    partnership = Partnership.objects.get(pk=cast.partnership.pk)
    assert partnership.description == "Version A"
    assert names(partnership, TerritoryKind.NEIGHBOURHOOD) == ["Villeray"]
    again = second.post(
        url("partnerships:profile_edit", cast),
        {**base, "version": 2, "description": "Version B", "territory_neighbourhood": "Rosemont"},
    )
    assert again.status_code == 302
    partnership.refresh_from_db()
    assert partnership.description == "Version B" and partnership.version == 3
    assert names(partnership, TerritoryKind.NEIGHBOURHOOD) == ["Rosemont"]


def test_history_shows_profile_and_territory_changes(cast, client_for):
    client_for(cast.coordinator).post(
        url("partnerships:profile_edit", cast),
        profile_data(cast.partnership, region=Region.ESTRIE, territory_neighbourhood="Villeray"),
    )
    client_for(cast.coordinator).post(
        url("partnerships:profile_edit", cast),
        profile_data(Partnership.objects.get(pk=cast.partnership.pk), territory_neighbourhood=""),
    )
    content = client_for(cast.observer).get(url("partnerships:profile_history", cast)).content.decode()
    assert "05 — Estrie" in content and "06 — Montréal" in content
    assert "Coordination" in content  # the coordinator's name, from the test cast
    assert "Ajout" in content and "Retrait" in content and "Villeray" in content
