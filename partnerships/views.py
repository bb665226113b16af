from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .access import PartnershipAccess, partnership_view
from .models import Partnership


@partnership_view()
def partnership_home(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    return render(request, "partnerships/home.html", {"access": access, "section": "home"})


@partnership_view()
def profile(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    return render(request, "partnerships/profile.html", {"access": access, "section": "profile"})


@partnership_view()
def member_list(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    memberships = access.partnership.memberships.select_related("user", "organization").order_by("user__full_name")
    return render(
        request, "partnerships/member_list.html", {"access": access, "section": "members", "memberships": memberships}
    )


@login_required
def admin_partnership_list(request: HttpRequest) -> HttpResponse:
    if not request.user.is_site_admin:
        raise PermissionDenied
    return render(request, "partnerships/admin_list.html", {"partnerships": Partnership.objects.all()})
