"""Which version of the privacy notice is in force, and whether a person accepted it.

The check runs on every signed-in request as one indexed query (the version in force read in a subquery), so that
it costs the same on every page and a new version applies at once in every process.
"""

from django.db import transaction
from django.db.models import Subquery, Value
from django.db.models.functions import Coalesce

from .models import NoticeAcceptance, PrivacySettings

DEFAULT_VERSION = PrivacySettings._meta.get_field("notice_version").default


def current_version() -> int:
    row = PrivacySettings.objects.filter(pk=1).values_list("notice_version", flat=True).first()
    return row or DEFAULT_VERSION


def has_accepted(user) -> bool:
    version_in_force = Coalesce(
        Subquery(PrivacySettings.objects.filter(pk=1).values("notice_version")[:1]), Value(DEFAULT_VERSION)
    )
    return NoticeAcceptance.objects.filter(user=user, version=version_in_force).exists()


@transaction.atomic
def notice_accept(*, user) -> NoticeAcceptance:
    """Record that `user` accepts the notice in force (accepting twice records nothing new)."""
    acceptance, _created = NoticeAcceptance.objects.get_or_create(user=user, version=current_version())
    return acceptance
