"""Closing an account: the person is no longer named anywhere, the partnerships keep what they built.

Their name and address are replaced by a neutral label ("Ancien membre n° 123"), so every record and history entry
they made stays, attributed to the label; they can no longer sign in; their memberships end; the ballots they cast
in anonymous votes lose any link to them, in the ballots and in their history; their sessions, authenticators and
invitations (which carry their address) are deleted.
"""

from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerships.models import Invitation, Membership, Role
from priorities.models import Ballot


class ClosureRefused(Exception):
    """The account cannot be closed yet; the message says what to do first."""


@transaction.atomic
def account_close(*, user) -> None:
    _check_no_partnership_left_without_coordinator(user)
    _unlink_anonymous_ballots(user)
    for membership in Membership.objects.filter(user=user):
        membership.delete()  # one by one, so that each partnership's history records the departure
    _forget_address(user)
    user.full_name = str(user.closed_label())
    user.email = f"ancien-membre-{user.pk}@comptes-fermes.invalid"
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.closed_at = timezone.now()
    user.save()
    _end_sessions(user)


def _check_no_partnership_left_without_coordinator(user) -> None:
    alone = [
        membership.partnership.name
        for membership in Membership.objects.filter(user=user, role=Role.COORDINATOR).select_related("partnership")
        if not Membership.objects.filter(partnership=membership.partnership, role=Role.COORDINATOR)
        .exclude(user=user)
        .exists()
    ]
    if alone:
        raise ClosureRefused(
            _(
                "Vous êtes la seule personne à la coordination de : %(names)s. Confiez d'abord la coordination à un "
                "autre membre (page Membres), puis fermez votre compte."
            )
            % {"names": ", ".join(alone)}
        )


def _unlink_anonymous_ballots(user) -> None:
    # update() writes no history entry: the entries already written are unlinked too, so nothing ties them back.
    ballots = Ballot.objects.filter(member__user=user, vote__is_anonymous=True)
    ids = list(ballots.values_list("pk", flat=True))
    Ballot.history.filter(Q(id__in=ids) | Q(history_user=user, vote__is_anonymous=True)).update(
        member=None, history_user=None
    )
    ballots.update(member=None)


def _forget_address(user) -> None:
    invitations = Invitation.objects.filter(email__iexact=user.email)
    ids = list(invitations.values_list("pk", flat=True))
    invitations.delete()
    Invitation.history.filter(Q(id__in=ids) | Q(email__iexact=user.email)).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()


def _end_sessions(user) -> None:
    """Sign out every browser, whatever the session store (database, or Redis with the database behind it)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for record in UserSession.objects.filter(user=user):
        store(session_key=record.session_key).delete()
        record.delete()
