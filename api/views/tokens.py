"""The person's API tokens, in their profile: create one (its secret shown once), see when each was used, revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import selectors, services
from ..forms import TokenForm
from ..tokens import owned_token


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    """The page answers the creation itself instead of redirecting: the secret is shown this once and is kept
    nowhere, not even in the session, so that it cannot be read back later."""
    form = TokenForm(request.POST or None)
    created = secret = None
    if request.method == "POST" and form.is_valid():
        created, secret = services.token_create(user=request.user, name=form.cleaned_data["name"])
        form = TokenForm()
    context = {
        "form": form,
        "tokens": selectors.user_tokens(request.user),
        "created": created,
        "secret": secret,
    }
    response = render(request, "api/tokens.html", context)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_pk: int) -> HttpResponse:
    token = owned_token(request.user, token_pk)
    services.token_revoke(token=token)
    messages.success(request, _("Le jeton « %(name)s » est révoqué : il ne fonctionne plus.") % {"name": token.name})
    return redirect("api:tokens")
