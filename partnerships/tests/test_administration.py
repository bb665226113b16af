import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from core.tests.support import query_count
from organizations.tests.factories import OrganizationFactory
from partnerships.models import Invitation, Membership, Partnership, Region, Role
from partnerships.tests.factories import MembershipFactory, PartnershipFactory, SiteAdminFactory
from partnerships.tests.helpers import link_in

pytestmark = pytest.mark.django_db

LIST = reverse("partnerships:admin_list")
CREATE = reverse("partnerships:admin_create")


@pytest.fixture
def admin(db):
    return SiteAdminFactory(email="admin@exemple.test", full_name="Admin Site")


def create_data(**overrides):
    data = {
        "name": "Regroupement Val-des-Sources",
        "slug": "",
        "region": Region.ESTRIE,
        "coordinator_email": "coord@exemple.test",
        "coordinator_name": "Josée Coordonnatrice",
    }
    data.update(overrides)
    return data


def test_site_admin_sees_every_partnership_with_counts(cast, admin, client_for):
    content = " ".join(client_for(admin).get(LIST).content.decode().split())
    assert "Regroupement Petite-Patrie" in content and "Regroupement Rive-Nord" in content
    # Petite-Patrie: 4 members, 2 organizations, 0 invitations.
    assert "<td>06 — Montréal</td> <td>4</td> <td>2</td> <td>0</td>" in content


def test_members_and_anonymous_are_refused(cast, client_for):
    for user in (cast.coordinator, cast.observer):
        assert client_for(user).get(LIST).status_code == 403
        assert client_for(user).post(CREATE, create_data()).status_code == 403
    response = Client().get(LIST)
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    assert Client().post(CREATE, create_data()).status_code == 302
    assert not Partnership.objects.filter(name="Regroupement Val-des-Sources").exists()


def test_site_admin_does_not_see_partnership_data_unless_member(cast, admin, client_for):
    client = client_for(admin)
    assert client.get(reverse("partnerships:home", kwargs={"slug": cast.partnership.slug})).status_code == 404
    assert client.get(reverse("partnerships:members", kwargs={"slug": cast.partnership.slug})).status_code == 404


def test_create_invites_a_new_coordinator(admin, client_for, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(admin).post(CREATE, create_data(coordinator_email="Coord@Exemple.test"))
    assert response.status_code == 302 and response.url == LIST
    partnership = Partnership.objects.get(name="Regroupement Val-des-Sources")
    assert partnership.slug == "regroupement-val-des-sources" and partnership.region == Region.ESTRIE
    invitation = Invitation.objects.get(partnership=partnership)
    assert invitation.email == "coord@exemple.test" and invitation.role == Role.COORDINATOR
    assert invitation.invited_by == admin
    assert not partnership.memberships.exists()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["coord@exemple.test"]
    assert "Bonjour Josée Coordonnatrice," in mail.outbox[0].body
    # The link works: the coordinator creates an account and lands in the new partnership.
    client = Client()
    password = "Un-mot-de-passe-solide-42"
    data = {"full_name": "Josée Coordonnatrice", "password1": password, "password2": password}
    assert client.post(link_in(mail.outbox[0].body), data).status_code == 302
    assert partnership.memberships.get().role == Role.COORDINATOR


def test_create_adds_an_existing_person_directly_and_notifies_them(
    cast, admin, client_for, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(admin).post(CREATE, create_data(coordinator_email="AILLEURS@exemple.test"))
    assert response.status_code == 302
    partnership = Partnership.objects.get(name="Regroupement Val-des-Sources")
    membership = Membership.objects.get(partnership=partnership)
    assert membership.user == cast.outsider and membership.role == Role.COORDINATOR
    assert not Invitation.objects.filter(partnership=partnership).exists()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ailleurs@exemple.test"]
    assert f"http://testserver/p/{partnership.slug}/" in mail.outbox[0].body
    assert client_for(cast.outsider).get(f"/p/{partnership.slug}/").status_code == 200


def test_generated_slug_is_made_unique(admin, client_for):
    PartnershipFactory(slug="regroupement-val-des-sources")
    PartnershipFactory(slug="regroupement-val-des-sources-2")
    client_for(admin).post(CREATE, create_data())
    assert Partnership.objects.filter(slug="regroupement-val-des-sources-3").exists()


def test_chosen_slug_is_used_and_must_be_free(cast, admin, client_for):
    client = client_for(admin)
    response = client.post(CREATE, create_data(slug="petite-patrie"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Cet identifiant est déjà utilisé par un autre regroupement." in content
    assert 'value="Regroupement Val-des-Sources"' in content and 'value="coord@exemple.test"' in content
    assert client.post(CREATE, create_data(slug="val-des-sources")).status_code == 302
    assert Partnership.objects.get(slug="val-des-sources").name == "Regroupement Val-des-Sources"


def test_bad_input_is_explained(admin, client_for):
    response = client_for(admin).post(CREATE, create_data(name="", region="", coordinator_email="non", slug="a b/c"))
    content = response.content.decode()
    assert response.status_code == 200
    assert content.count("Ce champ est obligatoire.") == 2
    assert "Saisissez une adresse de courriel valide." in content
    assert not Partnership.objects.filter(region=Region.ESTRIE).exists()


def test_admin_list_query_count_does_not_grow(cast, admin, client_for):
    client = client_for(admin)
    small = query_count(client, LIST)
    for partnership in PartnershipFactory.create_batch(8):
        OrganizationFactory.create_batch(3, partnership=partnership)
        MembershipFactory.create_batch(3, partnership=partnership)
        Invitation.objects.create(partnership=partnership, email="x@exemple.test", role=Role.OBSERVER)
    assert query_count(client, LIST) == small
