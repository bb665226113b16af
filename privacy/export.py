"""A person's own personal information, as one structured file (the right of access, Law 25).

Their profile, reminder preferences, memberships, acceptances of the privacy notice, sessions (with their sign-in
records), the authenticators they set up (never their secrets), the creation forms they sent (kept two days), their
ballots, and every change they made to anything Concerto keeps a history of (commitments, findings, rules,
services… each history entry with its values).
"""

from datetime import date, datetime
from decimal import Decimal

from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.apps import apps
from django.utils import timezone

from accounts.models import ReminderPreference
from core.models import SubmittedForm
from partnerships.models import Membership
from priorities.models import Ballot

from .models import NoticeAcceptance

FORMAT = "concerto-personal-data/1"


def personal_data(user) -> dict:
    return {
        "format": FORMAT,
        "generated_at": _value(timezone.now()),
        "profile": {
            "email": user.email,
            "full_name": user.full_name,
            "date_joined": _value(user.date_joined),
            "last_login": _value(user.last_login),
        },
        "reminder_preferences": [
            {"frequency": p.get_frequency_display(), "language": p.get_language_display()}
            for p in ReminderPreference.objects.filter(user=user)
        ],
        "memberships": [
            {
                "partnership": m.partnership.name,
                "role": m.get_role_display(),
                "organization": m.organization.name if m.organization else None,
                "joined_at": _value(m.joined_at),
            }
            for m in Membership.objects.filter(user=user).select_related("partnership", "organization")
        ],
        "privacy_notice_acceptances": [
            {"version": a.version, "accepted_at": _value(a.accepted_at)}
            for a in NoticeAcceptance.objects.filter(user=user).order_by("accepted_at")
        ],
        "sessions": [
            {"started_at": _value(s.created_at), "ip_address": s.ip, "browser": s.user_agent}
            for s in UserSession.objects.filter(user=user).order_by("created_at")
        ],
        "authenticators": [
            {"type": a.get_type_display(), "created_at": _value(a.created_at), "last_used_at": _value(a.last_used_at)}
            for a in Authenticator.objects.filter(user=user).order_by("created_at")
        ],
        "submitted_forms": [
            {"page": f.url, "sent_at": _value(f.created_at)}
            for f in SubmittedForm.objects.filter(user=user).order_by("created_at")
        ],
        "ballots": [
            {
                "vote": b.vote.title,
                "finding": b.finding.statement,
                "points": b.points,
                "rank": b.rank,
                "cast_at": _value(b.cast_at),
            }
            for b in Ballot.objects.filter(member__user=user).select_related("vote", "finding").order_by("cast_at")
        ],
        "changes_made": _changes_made(user),
    }


def _changes_made(user) -> list[dict]:
    changes = []
    for historical in _history_models():
        for record in historical.objects.filter(history_user=user).order_by("history_date"):
            changes.append(
                {
                    "record": str(historical._meta.verbose_name),
                    "at": _value(record.history_date),
                    "change": {"+": "created", "~": "changed", "-": "deleted"}.get(record.history_type),
                    "reason": record.history_change_reason or "",
                    "values": {
                        field.attname: _value(getattr(record, field.attname))
                        for field in record._meta.fields
                        if not field.name.startswith("history_")
                    },
                }
            )
    return changes


def _history_models() -> list:
    """Every history table of django-simple-history that records who made each change."""
    names = {"history_user", "history_type", "history_date"}
    return [model for model in apps.get_models() if names <= {field.name for field in model._meta.fields}]


def _value(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value
