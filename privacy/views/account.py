import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ..export import personal_data
from ..forms import CloseAccountForm
from ..services import ClosureRefused, account_close


@require_safe
@login_required
def account(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy/account.html")


@require_safe
@login_required
def download(request: HttpRequest) -> HttpResponse:
    content = json.dumps(personal_data(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mes-renseignements-{timezone.localdate()}.json"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
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
