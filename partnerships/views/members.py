from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from core.history import history_entries
from core.rendering import confirm_deletion, render_conflict, render_history
from core.routes import row_url
from core.submissions import create_once
from core.text import de_name
from partnerships import selectors, services
from partnerships.access import FORM, PartnershipAccess, access_invitation, access_membership, partnership_view
from partnerships.forms import InvitationForm, MembershipForm
from partnerships.pages import Section, page_context
from partnerships.permissions import Perm

from .common import site_url


def _page(access: PartnershipAccess, **extra) -> dict:
    return page_context(access, Section.MEMBERS, **extra)


def _members_url(access: PartnershipAccess) -> str:
    return reverse("partnerships:members", kwargs={"slug": access.partnership.slug})


def _link_members(groups: list[selectors.RoleGroup], slug: str) -> list[selectors.RoleGroup]:
    """Each membership's addresses (its organization's page, its edit, history and removal pages), from one
    reverse() each for the whole list, and the links' labels: a reverse() and a translation per row in the
    template cost more than the row."""
    organization_url = row_url("organizations:detail", "organization_pk", slug=slug)
    edit_url, history_url, remove_url = (
        row_url(f"partnerships:member_{page}", "membership_pk", slug=slug) for page in ("edit", "history", "remove")
    )
    for membership in (m for group in groups for m in group.memberships):
        membership.organization_url = organization_url(membership.organization_id) if membership.organization_id else ""
        membership.edit_url, membership.history_url = edit_url(membership.pk), history_url(membership.pk)
        membership.remove_url = remove_url(membership.pk)
        name = membership.user.full_name
        membership.edit_label = _("Modifier le rôle %(de_name)s") % {"de_name": de_name(name)}
        membership.history_label = _("Historique %(de_name)s") % {"de_name": de_name(name)}
        membership.remove_label = _("Retirer %(name)s du regroupement") % {"name": name}
    return groups


@partnership_view()
def member_list(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    can_manage = access.can(Perm.MANAGE_MEMBERS)
    groups = _link_members(selectors.members_by_role(partnership=access.partnership), access.partnership.slug)
    context = _page(
        access,
        groups=groups,
        member_count=sum(len(group.memberships) for group in groups),
        can_manage=can_manage,
        invitations=selectors.open_invitations(partnership=access.partnership) if can_manage else None,
    )
    return render(request, "partnerships/member_list.html", context)


@partnership_view(Perm.MANAGE_MEMBERS, methods=FORM)
def invite(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    form = InvitationForm(request.POST or None, partnership=access.partnership)
    if request.method == "POST" and form.is_valid():
        try:
            sent = create_once(
                request,
                form,
                create=lambda: services.invitation_create(
                    partnership=access.partnership,
                    email=form.cleaned_data["email"],
                    role=form.cleaned_data["role"],
                    organization=form.cleaned_data["organization"],
                    invited_by=request.user,
                    base_url=site_url(request),
                ),
                url=lambda invitation: _members_url(access),
                message=lambda invitation: _("Une invitation a été envoyée à %(email)s.") % {"email": invitation.email},
            )
        except services.InvitationError as error:
            form.add_error("email", str(error))
        else:
            if sent:
                return sent
    return render(
        request, "partnerships/invitation_form.html", _page(access, form=form, cancel_url=_members_url(access))
    )


@partnership_view(Perm.MANAGE_MEMBERS, methods=("POST",))
def invitation_resend(request: HttpRequest, access: PartnershipAccess, invitation_pk: int) -> HttpResponse:
    invitation, _can_manage = access_invitation(access, invitation_pk)
    try:
        services.invitation_resend(invitation=invitation, base_url=site_url(request))
    except services.InvitationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("L'invitation a été renvoyée à %(email)s.") % {"email": invitation.email})
    return redirect(_members_url(access))


@partnership_view(Perm.MANAGE_MEMBERS, methods=("POST",))
def invitation_revoke(request: HttpRequest, access: PartnershipAccess, invitation_pk: int) -> HttpResponse:
    invitation, _can_manage = access_invitation(access, invitation_pk)
    try:
        services.invitation_revoke(invitation=invitation)
    except services.InvitationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("L'invitation %(de_email)s a été annulée : son lien ne fonctionne plus.")
            % {"de_email": de_name(invitation.email)},
        )
    return redirect(_members_url(access))


@partnership_view(Perm.MANAGE_MEMBERS, methods=FORM)
def member_edit(request: HttpRequest, access: PartnershipAccess, membership_pk: int) -> HttpResponse:
    membership, can_manage = access_membership(access, membership_pk)
    if not can_manage:
        raise PermissionDenied
    form = MembershipForm(request.POST or None, instance=membership, partnership=access.partnership)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_update(membership=membership, expected_version=form.cleaned_data["version"])
        except EditConflict as conflict:
            return render_conflict(
                request, form=form, current=conflict.current, cancel_url=_members_url(access), context=_page(access)
            )
        except services.MembershipRuleError as error:
            form.add_error("role", str(error))
        else:
            messages.success(
                request, _("Le rôle %(de_name)s a été enregistré.") % {"de_name": de_name(membership.user.full_name)}
            )
            return redirect(_members_url(access))
    context = _page(access, form=form, membership=membership, cancel_url=_members_url(access))
    return render(request, "partnerships/member_form.html", context)


@partnership_view(Perm.MANAGE_MEMBERS, methods=FORM)
def member_remove(request: HttpRequest, access: PartnershipAccess, membership_pk: int) -> HttpResponse:
    membership, _can_manage = access_membership(access, membership_pk)
    name = membership.user.full_name or membership.user.email
    leaving = membership.user_id == request.user.pk  # their partnership's pages are closed to them afterwards
    return confirm_deletion(
        request,
        instance=membership,
        title=name,
        cancel_url=_members_url(access),
        delete=lambda: services.membership_remove(membership=membership),
        success_url=reverse("core:home") if leaving else _members_url(access),
        success_message=_("%(name)s ne fait plus partie du regroupement.") % {"name": membership.user.full_name},
        context=_page(access),
    )


@partnership_view()
def member_history(request: HttpRequest, access: PartnershipAccess, membership_pk: int) -> HttpResponse:
    membership, _can_manage = access_membership(access, membership_pk)
    return render_history(
        request,
        title=membership.user.full_name or membership.user.email,
        back_url=_members_url(access),
        entries=history_entries(membership),
        context=_page(access),
    )
