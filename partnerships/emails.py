"""The e-mails the partnerships app sends: invitations and the notice to a coordinator added by a site admin.

Mail leaves only once the transaction that decided it has committed (core.mail.send_on_commit), so that a
rolled-back invitation is never announced; a failing mail server is logged instead of undoing what was saved: the
coordinator can send the invitation again.
"""

from django.urls import reverse

from core.mail import send_on_commit

from .models import Invitation, Membership


def invitation_url(invitation: Invitation, *, base_url: str) -> str:
    return base_url + reverse("partnerships:invitation_accept", kwargs={"token": invitation.token})


def send_invitation(*, invitation: Invitation, base_url: str, greeting_name: str = "") -> None:
    context = {
        "invitation": invitation,
        "partnership": invitation.partnership,
        "role": invitation.get_role_display(),
        "inviter": str(invitation.invited_by) if invitation.invited_by else "",
        "greeting_name": greeting_name,
        "accept_url": invitation_url(invitation, base_url=base_url),
    }
    send_on_commit("partnerships/email/invitation", context, to=invitation.email)


def send_coordinator_added(*, membership: Membership, base_url: str) -> None:
    partnership = membership.partnership
    context = {
        "membership": membership,
        "partnership": partnership,
        "greeting_name": membership.user.full_name,
        "home_url": base_url + reverse("partnerships:home", kwargs={"slug": partnership.slug}),
    }
    send_on_commit("partnerships/email/coordinator_added", context, to=membership.user.email)
