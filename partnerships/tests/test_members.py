import pytest

from core.tests.support import query_count, url
from organizations.tests.factories import OrganizationFactory
from partnerships.models import Invitation, Membership, Role
from partnerships.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def membership_of(cast, user):
    return Membership.objects.get(partnership=cast.partnership, user=user)


def test_every_member_sees_the_members_grouped_by_role(cast, client_for):
    for user in (cast.coordinator, cast.committee, cast.partner, cast.observer):
        content = client_for(user).get(url("partnerships:members", cast)).content.decode()
        positions = [content.index(label) for label in ("Coordination (1)", "Membre du comité de coordination (1)")]
        positions += [content.index("Représentant·e d&#x27;un organisme partenaire (1)")]
        positions += [content.index("Observateur·rice (1)")]
        assert positions == sorted(positions)
        assert "Maison de la famille du Parc" in content  # the organization the partner represents
        assert "ailleurs@exemple.test" not in content


def test_only_coordination_sees_management_and_pending_invitations(cast, client_for):
    Invitation.objects.create(partnership=cast.partnership, email="nouvelle@exemple.test", role=Role.OBSERVER)
    partner = membership_of(cast, cast.partner)
    coordinator = client_for(cast.coordinator).get(url("partnerships:members", cast)).content.decode()
    assert "nouvelle@exemple.test" in coordinator
    assert url("partnerships:member_edit", cast, membership_pk=partner.pk) in coordinator
    assert url("partnerships:member_remove", cast, membership_pk=partner.pk) in coordinator
    assert url("partnerships:invite", cast) in coordinator
    for role in ("committee", "partner", "observer"):
        content = client_for(getattr(cast, role)).get(url("partnerships:members", cast)).content.decode()
        assert "nouvelle@exemple.test" not in content
        assert url("partnerships:member_edit", cast, membership_pk=partner.pk) not in content
        assert url("partnerships:member_remove", cast, membership_pk=partner.pk) not in content
        assert url("partnerships:invite", cast) not in content
        assert url("partnerships:member_history", cast, membership_pk=partner.pk) in content


@pytest.mark.parametrize("role", ["committee", "partner", "observer"])
def test_others_cannot_manage_members(cast, client_for, role):
    client = client_for(getattr(cast, role))
    observer = membership_of(cast, cast.observer)
    invitation = Invitation.objects.create(partnership=cast.partnership, email="x@exemple.test", role=Role.OBSERVER)
    edit = url("partnerships:member_edit", cast, membership_pk=observer.pk)
    assert client.get(edit).status_code == 403
    assert client.post(edit, {"role": Role.COORDINATOR, "version": 1}).status_code == 403
    assert client.post(url("partnerships:member_remove", cast, membership_pk=observer.pk)).status_code == 403
    assert client.post(url("partnerships:invitation_revoke", cast, invitation_pk=invitation.pk)).status_code == 403
    assert client.post(url("partnerships:invitation_resend", cast, invitation_pk=invitation.pk)).status_code == 403
    assert (
        client.post(url("partnerships:invite", cast), {"email": "y@exemple.test", "role": Role.OBSERVER}).status_code
        == 403
    )
    observer.refresh_from_db()
    assert observer.role == Role.OBSERVER
    invitation.refresh_from_db()
    assert invitation.revoked_at is None
    assert not Invitation.objects.filter(email="y@exemple.test").exists()


def test_coordinator_changes_a_role_and_organization(cast, client_for):
    observer = membership_of(cast, cast.observer)
    data = {"role": Role.PARTNER, "organization": cast.other_organization.pk, "version": observer.version}
    response = client_for(cast.coordinator).post(url("partnerships:member_edit", cast, membership_pk=observer.pk), data)
    assert response.status_code == 302 and response.url == url("partnerships:members", cast)
    observer.refresh_from_db()
    assert observer.role == Role.PARTNER and observer.organization == cast.other_organization
    assert observer.version == 2


def test_partner_must_name_an_organization_of_this_partnership(cast, client_for):
    observer = membership_of(cast, cast.observer)
    elsewhere = OrganizationFactory(partnership=cast.other_partnership)
    client = client_for(cast.coordinator)
    edit = url("partnerships:member_edit", cast, membership_pk=observer.pk)
    response = client.post(edit, {"role": Role.PARTNER, "organization": "", "version": 1})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Choisissez l&#x27;organisme que cette personne représente" in content
    assert '<option value="partner" selected>' in content  # what was chosen is kept
    response = client.post(edit, {"role": Role.PARTNER, "organization": elsewhere.pk, "version": 1})
    assert "Sélectionnez un choix valide" in response.content.decode()
    observer.refresh_from_db()
    assert observer.role == Role.OBSERVER and observer.organization is None


def test_last_coordinator_cannot_be_demoted(cast, client_for):
    coordinator = membership_of(cast, cast.coordinator)
    edit = url("partnerships:member_edit", cast, membership_pk=coordinator.pk)
    response = client_for(cast.coordinator).post(edit, {"role": Role.OBSERVER, "version": 1})
    assert response.status_code == 200
    assert "au moins une personne à la coordination" in response.content.decode()
    coordinator.refresh_from_db()
    assert coordinator.role == Role.COORDINATOR and coordinator.version == 1


def test_a_coordinator_can_step_down_once_another_coordinates(cast, client_for):
    Membership.objects.filter(user=cast.committee).update(role=Role.COORDINATOR)
    coordinator = membership_of(cast, cast.coordinator)
    edit = url("partnerships:member_edit", cast, membership_pk=coordinator.pk)
    assert client_for(cast.coordinator).post(edit, {"role": Role.COMMITTEE, "version": 1}).status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.role == Role.COMMITTEE


def test_last_coordinator_cannot_be_removed(cast, client_for):
    coordinator = membership_of(cast, cast.coordinator)
    response = client_for(cast.coordinator).post(
        url("partnerships:member_remove", cast, membership_pk=coordinator.pk), follow=True
    )
    assert "au moins une personne à la coordination" in response.content.decode()
    assert Membership.objects.filter(pk=coordinator.pk).exists()


def test_coordinator_removes_a_member(cast, client_for):
    partner = membership_of(cast, cast.partner)
    response = client_for(cast.coordinator).post(
        url("partnerships:member_remove", cast, membership_pk=partner.pk), follow=True
    )
    assert "ne fait plus partie du regroupement" in response.content.decode()
    assert not Membership.objects.filter(pk=partner.pk).exists()
    assert client_for(cast.partner).get(url("partnerships:home", cast)).status_code == 404
    assert (
        client_for(cast.coordinator).get(url("partnerships:member_remove", cast, membership_pk=partner.pk)).status_code
        == 404
    )


def test_a_coordinator_who_leaves_goes_back_to_their_own_page(cast, client_for):
    Membership.objects.filter(user=cast.committee).update(role=Role.COORDINATOR)
    own = membership_of(cast, cast.coordinator)
    response = client_for(cast.coordinator).post(url("partnerships:member_remove", cast, membership_pk=own.pk))
    assert response.status_code == 302 and response.url == "/"


def test_concurrent_member_edit_is_refused_and_keeps_what_was_typed(cast, client_for):
    Membership.objects.filter(user=cast.committee).update(role=Role.COORDINATOR)
    observer = membership_of(cast, cast.observer)
    edit = url("partnerships:member_edit", cast, membership_pk=observer.pk)
    first = {"role": Role.COMMITTEE, "organization": "", "version": 1}
    assert client_for(cast.coordinator).post(edit, first).status_code == 302
    second = {"role": Role.PARTNER, "organization": cast.organization.pk, "version": 1}
    response = client_for(cast.committee).post(edit, second)
    content = response.content.decode()
    assert response.status_code == 409
    assert "Membre du comité de coordination" in content and "Maison de la famille du Parc" in content
    assert 'name="version" value="2"' in content
    observer.refresh_from_db()
    assert observer.role == Role.COMMITTEE


def test_member_history_shows_role_changes(cast, client_for):
    observer = membership_of(cast, cast.observer)
    client_for(cast.coordinator).post(
        url("partnerships:member_edit", cast, membership_pk=observer.pk), {"role": Role.COMMITTEE, "version": 1}
    )
    content = (
        client_for(cast.partner)
        .get(url("partnerships:member_history", cast, membership_pk=observer.pk))
        .content.decode()
    )
    assert "Observateur·rice" in content and "Membre du comité de coordination" in content
    assert "Coordination" in content


def test_members_list_query_count_does_not_grow(cast, client_for):
    client = client_for(cast.coordinator)
    small = query_count(client, url("partnerships:members", cast))
    for organization in OrganizationFactory.create_batch(20, partnership=cast.partnership):
        MembershipFactory(partnership=cast.partnership, role=Role.PARTNER, organization=organization)
    MembershipFactory.create_batch(5, partnership=cast.partnership, role=Role.COMMITTEE)
    for n in range(10):
        Invitation.objects.create(
            partnership=cast.partnership,
            email=f"i{n}@exemple.test",
            role=Role.PARTNER,
            organization=cast.organization,
            invited_by=cast.coordinator,
        )
    assert query_count(client, url("partnerships:members", cast)) == small
