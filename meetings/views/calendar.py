"""The personal calendar: a secret address per person listing the meetings of all of their partnerships."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partnerships.views.common import site_url

from .. import selectors, services
from ..access import feed_for_token
from ..calendar import calendar
from ..forms import FeedForm


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def feed_settings(request: HttpRequest) -> HttpResponse:
    """The signed-in person's own feed, whatever their partnerships and roles: it reads only what they may read."""
    form = FeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["action"] == "renew":
            services.feed_renew(user=request.user)
            messages.success(
                request, _("Votre nouvelle adresse de calendrier est prête ; l'ancienne ne fonctionne plus.")
            )
        elif services.feed_revoke(user=request.user):
            messages.success(request, _("Votre adresse de calendrier ne fonctionne plus."))
        return redirect(reverse("meetings:feed_settings"))
    feed = selectors.active_feed(request.user)
    url = site_url(request) + reverse("meetings:feed", kwargs={"token": feed.token}) if feed else ""
    return render(request, "meetings/feed_settings.html", {"feed": feed, "feed_url": url})


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The feed itself, for calendar programs: the secret address is the only key, a revoked one is a 404."""
    if request.method not in ("GET", "HEAD"):
        raise Http404
    owner = feed_for_token(token)
    content = calendar(selectors.feed_meetings(owner), base_url=site_url(request), name=_("Rencontres — Concerto"))
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response
