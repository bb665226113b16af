import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import retention
from .export import personal_data
from .forms import CloseAccountForm
from .models import PrivacySettings
from .notice import current_version, has_accepted, notice_accept
from .services import ClosureRefused, account_close


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


@login_required
def account(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy/account.html")


@login_required
def download(request: HttpRequest) -> HttpResponse:
    content = json.dumps(personal_data(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mes-renseignements-{timezone.localdate()}.json"'
    return response


@login_required
def close(request: HttpRequest) -> HttpResponse:
    form = CloseAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            account_close(user=request.user)
        except ClosureRefused as refused:
            form.add_error(None, str(refused))
        else:
            logout(request)
            messages.success(request, _("Votre compte est fermé. Merci d'avoir contribué à Concerto."))
            return redirect("core:home")
    return render(request, "privacy/close.html", {"form": form})


def _safe_next(request: HttpRequest, target: str) -> str:
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())
    return target if allowed else ""
