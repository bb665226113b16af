from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from .. import retention
from ..models import PrivacySettings
from ..notice import current_version, has_accepted, notice_accept


@require_safe
def notice(request: HttpRequest) -> HttpResponse:
    """The privacy notice, for everyone; a signed-in person who has not accepted it in force accepts it here."""
    context = {
        "privacy": PrivacySettings.current(),
        "version": current_version(),
        "must_accept": request.user.is_authenticated and not has_accepted(request.user),
        "next": _safe_next(request, request.GET.get("next", "")),
        "retention": retention,
    }
    return render(request, "privacy/notice.html", context)


@require_POST
@login_required
def accept(request: HttpRequest) -> HttpResponse:
    notice_accept(user=request.user)
    messages.success(request, _("Merci : votre acceptation de l'avis de confidentialité est enregistrée."))
    return redirect(_safe_next(request, request.POST.get("next", "")) or "core:home")


def _safe_next(request: HttpRequest, target: str) -> str:
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())
    return target if allowed else ""
