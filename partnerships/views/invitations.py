"""Accepting an invitation: the one page reached without a partnership in the address, through a secret token."""

from django.contrib import messages
from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from partnerships import selectors, services
from partnerships.access import invitation_for_token
from partnerships.forms import NewAccountForm
from partnerships.models import Invitation


@never_cache
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitation_for_token(token)
    if not invitation.is_pending:
        return _gone(request, invitation)
    if request.user.is_authenticated:
        if request.user.email.lower() != invitation.email.lower():
            return _page(request, invitation, "wrong_account")
        return _confirm(request, invitation)
    if selectors.has_account(email=invitation.email):
        login_url = reverse("account_login") + "?" + urlencode({"next": request.path})
        return _page(request, invitation, "sign_in", login_url=login_url)
    return _sign_up(request, invitation)


def _page(request: HttpRequest, invitation: Invitation, state: str, **extra) -> HttpResponse:
    context = {"invitation": invitation, "partnership": invitation.partnership, "state": state, **extra}
    return render(request, "partnerships/invitation_accept.html", context)


def _gone(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    if invitation.accepted_at:
        reason = "accepted"
    elif invitation.revoked_at and invitation.replacement_exists():
        reason = "replaced"
    elif invitation.revoked_at:
        reason = "revoked"
    else:
        reason = "expired"
    context = {"invitation": invitation, "partnership": invitation.partnership, "reason": reason}
    return render(request, "partnerships/invitation_gone.html", context, status=410)


def _confirm(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    if request.method != "POST":
        return _page(request, invitation, "confirm")
    try:
        services.invitation_accept(invitation=invitation, user=request.user)
    except services.InvitationError as error:
        messages.error(request, str(error))
        return redirect(request.path)
    return _welcome(request, invitation)


def _sign_up(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    form = NewAccountForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept_with_new_account(
                invitation=invitation,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
            )
        except services.InvitationError as error:
            messages.error(request, str(error))
            return redirect(request.path)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return _welcome(request, invitation)
    return _page(request, invitation, "sign_up", form=form)


def _welcome(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    messages.success(
        request,
        _("Bienvenue dans le regroupement « %(name)s » !") % {"name": invitation.partnership.name},
    )
    return redirect("partnerships:home", slug=invitation.partnership.slug)
