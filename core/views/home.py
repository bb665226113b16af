from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render


def home(request: HttpRequest) -> HttpResponse:
    """The welcome page for visitors; the signed-in person's partnerships otherwise (straight in if only one)."""
    if not request.user.is_authenticated:
        return render(request, "core/landing.html")
    memberships = list(request.user.memberships.select_related("partnership").order_by("partnership__name"))
    if len(memberships) == 1 and not request.user.is_site_admin:
        return redirect("partnerships:home", slug=memberships[0].partnership.slug)
    return render(request, "core/home.html", {"memberships": memberships})
