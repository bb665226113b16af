"""The profile's territory as a tree: which larger territory each one lies in, saved as one set."""

import pytest

from core.tests.support import url
from partnerships.models import Territory, TerritoryKind
from partnerships.tests.factories import TerritoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def land(cast):
    make = lambda kind, name: TerritoryFactory(partnership=cast.partnership, kind=kind, name=name)  # noqa: E731
    return {
        "rls": make(TerritoryKind.RLS, "RLS du Nord"),
        "mrc": make(TerritoryKind.MRC, "MRC des Moulins"),
        "town": make(TerritoryKind.MUNICIPALITY, "Nordville"),
        "port": make(TerritoryKind.NEIGHBOURHOOD, "Le Port"),
    }


def nesting(client, cast, parents=None):
    """The form's address and data as the page shows it, with `parents` ({territory: larger territory}) chosen."""
    address = url("partnerships:territory_nesting", cast)
    form = client.get(address).context["form"]
    data = {"fingerprint": form.initial["fingerprint"]}
    data.update({f"parent_{t.pk}": (str(t.parent_id) if t.parent_id else "") for t in form.territories})
    data.update({f"parent_{t.pk}": str(parent.pk) for t, parent in (parents or {}).items()})
    return address, data


def test_the_coordinator_says_which_territory_lies_in_which(cast, client_for, land):
    client = client_for(cast.coordinator)
    address, data = nesting(client, cast, {land["town"]: land["mrc"], land["port"]: land["town"]})
    response = client.post(address, data)
    assert response.status_code == 302
    assert Territory.objects.get(pk=land["port"].pk).parent == land["town"]
    assert Territory.objects.get(pk=land["town"].pk).parent == land["mrc"]
    content = client_for(cast.observer).get(url("partnerships:profile", cast)).content.decode()
    # Depth first: the MRC, the town inside it, the neighbourhood inside the town.
    assert content.index("MRC des Moulins") < content.index("Nordville") < content.index("Le Port")
    assert '<li class="depth-2">Le Port <small class="muted">(Quartier — dans Nordville (Municipalité))' in content
    history = client_for(cast.observer).get(url("partnerships:profile_history", cast)).content.decode()
    assert "Territoire : Le Port (Quartier)" in history and "Nordville (Municipalité)" in history


def test_a_territory_lies_only_in_one_of_a_larger_kind(cast, client_for, land):
    client = client_for(cast.coordinator)
    form = client.get(url("partnerships:territory_nesting", cast)).context["form"]
    assert f"parent_{land['rls'].pk}" not in form.fields  # the largest kind lies in nothing
    choices = dict(form.fields[f"parent_{land['mrc'].pk}"].choices)
    assert str(land["rls"].pk) in choices and str(land["town"].pk) not in choices
    address, data = nesting(client, cast)
    data[f"parent_{land['mrc'].pk}"] = str(land["port"].pk)  # a neighbourhood cannot contain an MRC
    response = client.post(address, data)
    assert response.status_code == 200 and "Sélectionnez un choix valide" in response.content.decode()
    assert Territory.objects.get(pk=land["mrc"].pk).parent is None


def test_another_partnerships_territory_is_not_a_choice(cast, client_for, land):
    elsewhere = TerritoryFactory(partnership=cast.other_partnership, kind=TerritoryKind.MRC)
    client = client_for(cast.coordinator)
    address, data = nesting(client, cast)
    data[f"parent_{land['town'].pk}"] = str(elsewhere.pk)
    assert client.post(address, data).status_code == 200
    assert Territory.objects.get(pk=land["town"].pk).parent is None


def test_a_stale_classification_is_refused_and_keeps_the_choice(cast, client_for, land):
    client = client_for(cast.coordinator)
    address, data = nesting(client, cast)
    data[f"parent_{land['town'].pk}"] = str(land["mrc"].pk)
    Territory.objects.filter(pk=land["port"].pk).update(parent=land["town"])  # someone else, meanwhile
    response = client.post(address, data)
    content = response.content.decode()
    assert response.status_code == 409 and "votre choix n&#x27;a pas été enregistré" in content
    assert Territory.objects.get(pk=land["town"].pk).parent is None
    assert f'<option value="{land["mrc"].pk}" selected>' in content
    again = {**data, "fingerprint": response.context["form"].data["fingerprint"]}
    assert client.post(address, again).status_code == 302


@pytest.mark.parametrize("role", ["committee", "partner", "observer"])
def test_only_coordination_classifies_the_territory(cast, client_for, land, role):
    client = client_for(getattr(cast, role))
    assert client.get(url("partnerships:territory_nesting", cast)).status_code == 403


def test_an_outsider_cannot_see_it(cast, client_for, land):
    assert client_for(cast.outsider).get(url("partnerships:territory_nesting", cast)).status_code == 404
