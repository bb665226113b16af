"""Tenant scoping in one place: every view reaches partnership data through these functions.

A person who is not a member of a partnership gets a 404 for all of its pages, exactly as if it did not exist.
A member whose role does not allow an action gets a 403.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404

from accounts.mfa import has_mfa, mfa_enrolment_redirect

from .models import Invitation, Membership, Partnership, Role
from .permissions import ROLE_PERMISSIONS, Perm


@dataclass(frozen=True)
class PartnershipAccess:
    partnership: Partnership
    membership: Membership
    # All the person's memberships, by partnership name, read with this one (the header's list of partnerships)
    memberships: tuple[Membership, ...] = ()

    @property
    def role(self) -> str:
        return self.membership.role

    @property
    def organization_id(self) -> int | None:
        return self.membership.organization_id

    def can(self, perm: Perm) -> bool:
        return perm in ROLE_PERMISSIONS[self.membership.role]

    def require(self, perm: Perm) -> None:
        if not self.can(perm):
            raise PermissionDenied

    def can_edit_organization(self, organization_id: int) -> bool:
        """Coordination edits every organization; a representative edits only the one they represent."""
        if self.can(Perm.MANAGE_ORGANIZATIONS):
            return True
        return self.can(Perm.EDIT_OWN_ORGANIZATION) and organization_id == self.organization_id

    def can_edit_organization_data(self, organization_id: int) -> bool:
        """What an organization brings to the analysis (its services, its row of the factor matrix): its own
        representatives fill it in; coordination and the committee may edit every organization's."""
        if self.can(Perm.EDIT_ANALYSIS):
            return True
        return self.can(Perm.EDIT_OWN_ORGANIZATION) and organization_id == self.organization_id

    @property
    def is_coordinator(self) -> bool:
        return self.role == Role.COORDINATOR

    def must_enrol_in_mfa(self, user) -> bool:
        """A coordinator of a partnership that requires it goes no further before enrolling."""
        return self.is_coordinator and self.partnership.coordinators_need_mfa and not has_mfa(user)


def access_partnership(user, slug: str) -> PartnershipAccess:
    """The person's membership of the partnership `slug`, 404 otherwise. One query reads it with all the person's
    other memberships, which the header lists (core.context_processors.navigation)."""
    if not user.is_authenticated:
        raise Http404
    memberships = tuple(
        Membership.objects.select_related("partnership", "organization")
        .filter(user=user, user__is_active=True)
        .order_by("partnership__name", "pk")
    )
    membership = next((m for m in memberships if m.partnership.slug == slug), None)
    if membership is None:
        raise Http404
    return PartnershipAccess(partnership=membership.partnership, membership=membership, memberships=memberships)


READ = ("GET", "HEAD")
FORM = ("GET", "HEAD", "POST")  # a page with a form that posts back to it


def partnership_view(perm: Perm = Perm.VIEW, *, methods: tuple[str, ...] = READ) -> Callable:
    """Decorate a view taking (request, access, **kwargs) under a URL with a `slug` argument.

    A view reads (GET) unless it says which other methods it takes: FORM for a page that posts back to itself,
    ("POST",) for an action. Membership is checked before the HTTP method, so that an outsider learns nothing,
    not even that a POST-only address exists.

    A view that only reads runs outside the request's transaction (ATOMIC_REQUESTS is for what writes): on
    SQLite a transaction takes the write lock when it begins, and readers would wait for one another.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, slug: str, **kwargs) -> HttpResponse:
            access = access_partnership(request.user, slug)
            request.partnership_access = access  # the page's header reads the person's memberships from it
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            if access.must_enrol_in_mfa(request.user):
                return mfa_enrolment_redirect(request, required_by=access.partnership.name)
            access.require(perm)
            return view(request, access, **kwargs)

        decorated = transaction.non_atomic_requests(wrapper) if set(methods) <= set(READ) else wrapper
        decorated.required_perm = perm  # what the page asks of a member, for tools that play each role (make load)
        return decorated

    return decorator


def access_membership(access: PartnershipAccess, pk: int) -> tuple[Membership, bool]:
    """A membership of the partnership (404 otherwise), with its person and organization, and whether this person
    may change it."""
    membership = get_object_or_404(
        Membership.objects.for_partnership(access.partnership).select_related("user", "organization"), pk=pk
    )
    return membership, access.can(Perm.MANAGE_MEMBERS)


def access_invitation(access: PartnershipAccess, pk: int) -> tuple[Invitation, bool]:
    """An invitation of the partnership (404 otherwise), and whether this person may resend or cancel it."""
    invitation = get_object_or_404(
        Invitation.objects.for_partnership(access.partnership).select_related("partnership", "invited_by"), pk=pk
    )
    return invitation, access.can(Perm.MANAGE_MEMBERS)


def invitation_for_token(token: str) -> Invitation:
    """The invitation a secret link names, 404 otherwise: the token alone is the right to see it."""
    return get_object_or_404(
        Invitation.objects.select_related("partnership", "organization", "invited_by"), token=token
    )
