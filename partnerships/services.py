"""Writes of the partnerships app: profile and territory, members, invitations, new partnerships.

Every function runs in one transaction; rule breaches raise MembershipRuleError or InvitationError with a French
message that the view shows as it is.
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.concurrency import save_set, save_versioned
from core.deletion import DeletionRefused, delete_record
from organizations.models import Organization

from . import emails
from .models import Invitation, Membership, Partnership, Role, Territory
from .territories import nesting_fingerprint

User = get_user_model()


class MembershipRuleError(DeletionRefused):
    """A change to the members that the partnership's rules forbid (the message says which)."""


class InvitationError(Exception):
    """An invitation that can no longer be used, or a person who cannot be invited (the message says why)."""


# Profile and territory ------------------------------------------------------------------------------------------


@transaction.atomic
def partnership_update_profile(
    *, partnership: Partnership, expected_version: int, territories: dict[str, list[str]]
) -> None:
    """Save the profile fields already set on `partnership` and bring its territory in line with `territories`."""
    save_versioned(partnership, expected_version=expected_version)
    territories_sync(partnership=partnership, names_by_kind=territories)


@transaction.atomic
def territories_sync(*, partnership: Partnership, names_by_kind: dict[str, list[str]]) -> None:
    """Create the names that are new, delete the ones no longer listed, leave the others (and their history)."""
    existing = {(t.kind, t.name): t for t in Territory.objects.filter(partnership=partnership)}
    wanted = {(kind, name) for kind, names in names_by_kind.items() for name in names}
    for key, territory in existing.items():
        if key[0] in names_by_kind and key not in wanted:
            territory.delete()  # one by one, so that each removal is kept in the history
    for kind, name in sorted(wanted - existing.keys()):
        Territory.objects.create(partnership=partnership, kind=kind, name=name)


def territories_nest(*, partnership: Partnership, parents: dict[int, int | None], expected: str | None) -> int:
    """Set which larger territory each territory lies in (`parents`: territory pk → parent pk or None), if the
    territory is still as the person saw it; the number of territories changed."""

    def write(saved: list[Territory]) -> int:
        changed = 0
        for territory in saved:
            wanted = parents.get(territory.pk, territory.parent_id)
            if wanted != territory.parent_id:
                territory.parent_id = wanted
                territory.save(update_fields=["parent"])  # one by one: each change in the history
                changed += 1
        return changed

    return save_set(
        lock=Partnership.objects.filter(pk=partnership.pk),
        read=lambda: list(Territory.objects.filter(partnership=partnership)),
        digest=nesting_fingerprint,
        expected=expected,
        write=write,
    )


# Members --------------------------------------------------------------------------------------------------------


@transaction.atomic
def membership_update(*, membership: Membership, expected_version: int) -> None:
    """Save a new role or organization; the last coordinator cannot be demoted."""
    if membership.role != Role.COORDINATOR:
        _check_keeps_a_coordinator(membership)
    save_versioned(membership, expected_version=expected_version)


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    _check_keeps_a_coordinator(membership)
    delete_record(membership)


def _check_keeps_a_coordinator(membership: Membership) -> None:
    # Locking the coordinators' rows makes two simultaneous demotions wait for each other (on PostgreSQL).
    coordinators = list(
        Membership.objects.select_for_update()
        .filter(partnership_id=membership.partnership_id, role=Role.COORDINATOR)
        .values_list("pk", flat=True)
    )
    if coordinators == [membership.pk]:
        raise MembershipRuleError(
            _(
                "Le regroupement doit toujours compter au moins une personne à la coordination. "
                "Confiez d'abord la coordination à un autre membre."
            )
        )


# Invitations ----------------------------------------------------------------------------------------------------


@transaction.atomic
def invitation_create(
    *,
    partnership: Partnership,
    email: str,
    role: str,
    organization: Organization | None,
    invited_by,
    base_url: str,
    greeting_name: str = "",
) -> Invitation:
    email = email.strip().lower()
    check_can_invite(partnership=partnership, email=email)
    # An expired invitation to the same address is replaced: one open invitation per address (a constraint).
    for expired in Invitation.objects.filter(partnership=partnership, email=email, accepted_at=None, revoked_at=None):
        expired.revoked_at = timezone.now()
        expired.save(update_fields=["revoked_at"])
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                partnership=partnership, email=email, role=role, organization=organization, invited_by=invited_by
            )
    except IntegrityError:
        # The same address was invited at the same moment (a double click, two coordinators).
        check_can_invite(partnership=partnership, email=email)
        raise
    emails.send_invitation(invitation=invitation, base_url=base_url, greeting_name=greeting_name)
    return invitation


def check_can_invite(*, partnership: Partnership, email: str) -> None:
    if Membership.objects.filter(partnership=partnership, user__email__iexact=email).exists():
        raise InvitationError(_("Cette personne fait déjà partie du regroupement."))
    if Invitation.objects.pending().filter(partnership=partnership, email__iexact=email).exists():
        raise InvitationError(
            _("Une invitation est déjà en attente pour cette adresse : renvoyez-la plutôt depuis la liste des membres.")
        )


@transaction.atomic
def invitation_resend(*, invitation: Invitation, base_url: str) -> Invitation:
    """Send a new invitation with a new secret link; the old one is revoked, so a link that was forwarded or
    leaked while it lay expired in a mailbox never comes back to life."""
    if invitation.accepted_at or invitation.revoked_at:
        raise InvitationError(_("Cette invitation a déjà été acceptée ou annulée : elle ne peut plus être renvoyée."))
    if Membership.objects.filter(partnership=invitation.partnership, user__email__iexact=invitation.email).exists():
        raise InvitationError(_("Cette personne fait déjà partie du regroupement."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    renewed = Invitation.objects.create(
        partnership=invitation.partnership,
        email=invitation.email,
        role=invitation.role,
        organization=invitation.organization,
        invited_by=invitation.invited_by,
    )
    emails.send_invitation(invitation=renewed, base_url=base_url)
    return renewed


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> None:
    if invitation.accepted_at or invitation.revoked_at:
        raise InvitationError(_("Cette invitation a déjà été acceptée ou annulée."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    """Make `user` (who holds the invited address) a member; someone already a member keeps their place."""
    invitation = _lock_pending(invitation)
    if user.email.lower() != invitation.email.lower():
        raise InvitationError(_("Cette invitation a été envoyée à une autre adresse courriel."))
    membership = Membership.objects.filter(partnership=invitation.partnership, user=user).first()
    if membership is None:
        membership = Membership.objects.create(
            partnership=invitation.partnership, user=user, role=invitation.role, organization=invitation.organization
        )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


@transaction.atomic
def invitation_accept_with_new_account(*, invitation: Invitation, full_name: str, password: str):
    """Create the invited person's account (address verified by the invitation itself) and their membership."""
    from allauth.account.models import EmailAddress

    invitation = _lock_pending(invitation)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise InvitationError(_("Un compte existe déjà pour cette adresse : connectez-vous pour accepter."))
    user = User.objects.create_user(email=invitation.email, password=password, full_name=full_name)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    invitation_accept(invitation=invitation, user=user)
    return user


def _lock_pending(invitation: Invitation) -> Invitation:
    # Read again under lock: two clicks on the same link must not create two memberships.
    locked = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("partnership", "organization")
        .get(pk=invitation.pk)
    )
    if not locked.is_pending:
        raise InvitationError(_("Cette invitation n'est plus valide."))
    return locked


# New partnerships (site administration) -------------------------------------------------------------------------


@transaction.atomic
def partnership_create(
    *,
    name: str,
    slug: str,
    region: str,
    coordinator_email: str,
    coordinator_name: str,
    created_by,
    base_url: str,
) -> tuple[Partnership, Membership | None, Invitation | None]:
    """Create the partnership and give it its first coordinator: directly if they have an account, else invited."""
    partnership = Partnership.objects.create(name=name, slug=slug or unique_slug(name), region=region)
    coordinator_email = coordinator_email.strip().lower()
    user = User.objects.filter(email__iexact=coordinator_email).first()
    if user is not None:
        membership = Membership.objects.create(partnership=partnership, user=user, role=Role.COORDINATOR)
        emails.send_coordinator_added(membership=membership, base_url=base_url)
        return partnership, membership, None
    invitation = invitation_create(
        partnership=partnership,
        email=coordinator_email,
        role=Role.COORDINATOR,
        organization=None,
        invited_by=created_by,
        base_url=base_url,
        greeting_name=coordinator_name,
    )
    return partnership, None, invitation


def unique_slug(name: str) -> str:
    max_length = Partnership._meta.get_field("slug").max_length
    base = slugify(name)[: max_length - 4].strip("-") or "regroupement"
    taken = set(Partnership.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
