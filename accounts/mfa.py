"""Who must use multi-factor authentication before going further, and where they are sent to enrol.

Optional for everyone (user menu, "Double authentification"); required for site administrators before any
administration page (SiteAdminMfaMiddleware) and for a partnership's coordinators when its profile says so
(partnerships.access.partnership_view). Enrolled means an authenticator app (TOTP) is active.
"""

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _


def has_mfa(user) -> bool:
    return is_mfa_enabled(user, [Authenticator.Type.TOTP])


def mfa_enrolment_redirect(request: HttpRequest, *, required_by: str | None = None) -> HttpResponse:
    if required_by:
        message = _(
            "« %(partnership)s » exige la double authentification pour la coordination : activez une application "
            "d'authentification pour continuer."
        ) % {"partnership": required_by}
    else:
        message = _(
            "L'administration du site exige la double authentification : activez une application d'authentification "
            "pour continuer."
        )
    messages.warning(request, message)
    return redirect("mfa_activate_totp")


class SiteAdminMfaMiddleware:
    """Site administrators reach no administration page (Django's admin, partnerships) before enrolling."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if self._is_administration(request.path) and user.is_authenticated and user.is_site_admin and not has_mfa(user):
            return mfa_enrolment_redirect(request)
        return self.get_response(request)

    @staticmethod
    def _is_administration(path: str) -> bool:
        return path.startswith((reverse("admin:index"), reverse("partnerships:admin_list")))
