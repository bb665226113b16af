"""How long Concerto keeps what it records about people's use of it, and the purge that enforces it.

`manage.py purge_expired` runs `purge_expired()`; schedule it daily (cron). The privacy notice states these
periods, read from here.
"""

from dataclasses import dataclass
from datetime import timedelta

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from core.models import SUBMITTED_FORM_DAYS, SubmittedForm
from partnerships.models import Invitation

UNUSED_INVITATION_DAYS = 30  # after an invitation expired or was cancelled
ACCEPTED_INVITATION_DAYS = 365  # after it was accepted (the membership and its history remain)
FORM_TOKEN_DAYS = SUBMITTED_FORM_DAYS  # the one-time token of a creation form (who sent it, the address)
SESSION_DAYS = settings.SESSION_COOKIE_AGE // (24 * 60 * 60)


@dataclass(frozen=True)
class PurgeReport:
    sessions: int
    sign_in_records: int
    invitations: int
    form_tokens: int


@transaction.atomic
def purge_expired() -> PurgeReport:
    now = timezone.now()
    sessions, _kinds = Session.objects.filter(expire_date__lt=now).delete()
    form_tokens, _kinds = SubmittedForm.objects.expired().delete()
    return PurgeReport(
        sessions=sessions,
        sign_in_records=_purge_sign_in_records(),
        invitations=_purge_invitations(now),
        form_tokens=form_tokens,
    )


def _purge_sign_in_records() -> int:
    """The sign-in records (IP address, browser) of sessions that ended: signed out, expired or purged."""
    return sum(1 for record in UserSession.objects.iterator() if record.purge())


def _purge_invitations(now) -> int:
    unused = now - timedelta(days=UNUSED_INVITATION_DAYS)
    accepted = now - timedelta(days=ACCEPTED_INVITATION_DAYS)
    expired = Invitation.objects.filter(accepted_at__isnull=True, expires_at__lt=unused)
    revoked = Invitation.objects.filter(revoked_at__lt=unused)
    old = Invitation.objects.filter(accepted_at__lt=accepted)
    ids = set(expired.values_list("pk", flat=True)) | set(revoked.values_list("pk", flat=True))
    ids |= set(old.values_list("pk", flat=True))
    Invitation.objects.filter(pk__in=ids).delete()
    # Their history holds the invited address too.
    Invitation.history.filter(id__in=ids).delete()
    return len(ids)
