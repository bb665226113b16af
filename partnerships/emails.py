"""The e-mails the partnerships app sends: invitations and the notice to a coordinator added by a site admin.

Mail leaves only once the transaction that decided it has committed, so that a rolled-back invitation is never
announced; a failing mail server is logged (robust=True) instead of undoing what was saved: the coordinator can
send the invitation again.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

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
    _send_on_commit("partnerships/email/invitation", context, to=invitation.email)


def send_coordinator_added(*, membership: Membership, base_url: str) -> None:
    partnership = membership.partnership
    context = {
        "membership": membership,
        "partnership": partnership,
        "greeting_name": membership.user.full_name,
        "home_url": base_url + reverse("partnerships:home", kwargs={"slug": partnership.slug}),
    }
    _send_on_commit("partnerships/email/coordinator_added", context, to=membership.user.email)


def _send_on_commit(template_prefix: str, context: dict, *, to: str) -> None:
    # Rendered now, in the language of the request that decided it; sent after the commit.
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_body.txt", context)
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=False), robust=True
    )
