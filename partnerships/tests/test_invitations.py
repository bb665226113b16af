from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from core.tests.support import url
from organizations.tests.factories import OrganizationFactory
from partnerships.models import Invitation, Role
from partnerships.tests.helpers import link_in

pytestmark = pytest.mark.django_db


def invite(client, cast, **data):
    return client.post(
        url("partnerships:invite", cast), {"email": "nouvelle@exemple.test", "role": Role.OBSERVER, **data}
    )


def test_coordinator_invites_and_an_email_carries_the_link(cast, client_for, django_capture_on_commit_callbacks):
    client = client_for(cast.coordinator)
    assert client.get(url("partnerships:invite", cast)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(
            client, cast, email=" Nouvelle@Exemple.test ", role=Role.PARTNER, organization=cast.organization.pk
        )
    assert response.status_code == 302 and response.url == url("partnerships:members", cast)
    invitation = Invitation.objects.get(partnership=cast.partnership)
    assert invitation.email == "nouvelle@exemple.test"
    assert invitation.role == Role.PARTNER and invitation.organization == cast.organization
    assert invitation.invited_by == cast.coordinator and invitation.is_pending
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nouvelle@exemple.test"]
    assert "Regroupement Petite-Patrie" in message.subject
    assert "Coordination vous invite" in message.body
    assert "Représentant·e d'un organisme partenaire" in message.body
    link = link_in(message.body)
    assert link == f"/invitations/{invitation.token}/"
    assert "Regroupement Petite-Patrie" in client_for(cast.outsider).get(link).content.decode()


def test_organization_is_required_for_a_partner_and_must_be_ours(cast, client_for):
    client = client_for(cast.coordinator)
    response = invite(client, cast, role=Role.PARTNER)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Choisissez l&#x27;organisme que cette personne représente" in content
    assert 'value="nouvelle@exemple.test"' in content  # what was typed is kept
    elsewhere = OrganizationFactory(partnership=cast.other_partnership)
    response = invite(client, cast, role=Role.PARTNER, organization=elsewhere.pk)
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not Invitation.objects.exists()


def test_organization_is_optional_for_other_roles(cast, client_for):
    client = client_for(cast.coordinator)
    assert invite(client, cast, role=Role.COMMITTEE, organization=cast.organization.pk).status_code == 302
    assert invite(client, cast, email="b@exemple.test", role=Role.OBSERVER).status_code == 302
    assert Invitation.objects.get(email="nouvelle@exemple.test").organization == cast.organization
    assert Invitation.objects.get(email="b@exemple.test").organization is None


def test_cannot_invite_a_member_or_someone_already_invited(cast, client_for):
    client = client_for(cast.coordinator)
    response = invite(client, cast, email="PARTENAIRE@exemple.test")
    assert response.status_code == 200
    assert "Cette personne fait déjà partie du regroupement." in response.content.decode()
    assert invite(client, cast).status_code == 302
    response = invite(client, cast, email="nouvelle@EXEMPLE.test", role=Role.COMMITTEE)
    assert "Une invitation est déjà en attente pour cette adresse" in response.content.decode()
    assert Invitation.objects.count() == 1


def test_a_member_of_another_partnership_can_be_invited(cast, client_for):
    assert invite(client_for(cast.coordinator), cast, email="ailleurs@exemple.test").status_code == 302


def test_bad_email_is_explained(cast, client_for):
    response = invite(client_for(cast.coordinator), cast, email="pas-une-adresse", role="chef")
    content = response.content.decode()
    assert "Saisissez une adresse de courriel valide." in content
    assert "Sélectionnez un choix valide" in content
    assert 'value="pas-une-adresse"' in content


def test_resend_sends_a_new_link_and_the_old_one_says_it_was_replaced(
    cast, client_for, client, django_capture_on_commit_callbacks
):
    invitation = Invitation.objects.create(
        partnership=cast.partnership,
        email="lente@exemple.test",
        role=Role.OBSERVER,
        expires_at=timezone.now() - timedelta(days=1),
    )
    members_page = client_for(cast.coordinator).get(url("partnerships:members", cast)).content.decode()
    assert "Expirée le" in members_page
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(cast.coordinator).post(
            url("partnerships:invitation_resend", cast, invitation_pk=invitation.pk)
        )
    assert response.status_code == 302
    renewed = Invitation.objects.pending().get(partnership=cast.partnership, email="lente@exemple.test")
    assert renewed.token != invitation.token and renewed.role == Role.OBSERVER
    assert renewed.expires_at > timezone.now() + timedelta(days=13)
    assert len(mail.outbox) == 1 and link_in(mail.outbox[0].body) == f"/invitations/{renewed.token}/"
    old_link = client.get(f"/invitations/{invitation.token}/")
    assert old_link.status_code == 410
    assert "a été remplacée par une invitation plus récente" in old_link.content.decode()
    assert client.get(f"/invitations/{renewed.token}/").status_code == 200


def test_revoke_kills_the_link(cast, client_for):
    invitation = Invitation.objects.create(partnership=cast.partnership, email="x@exemple.test", role=Role.OBSERVER)
    client = client_for(cast.coordinator)
    response = client.post(url("partnerships:invitation_revoke", cast, invitation_pk=invitation.pk), follow=True)
    assert "son lien ne fonctionne plus" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert "x@exemple.test" not in client.get(url("partnerships:members", cast)).content.decode()
    response = client.post(url("partnerships:invitation_resend", cast, invitation_pk=invitation.pk), follow=True)
    assert "ne peut plus être renvoyée" in response.content.decode()
    assert client.get(url("partnerships:invitation_revoke", cast, invitation_pk=invitation.pk)).status_code == 405
