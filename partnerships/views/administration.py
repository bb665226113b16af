"""Site administration: the list of partnerships and the creation of a new one with its first coordinator.

Site administrators see here only what a partnership is (name, region, sizes); its data stays closed to them
unless they are members.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.submissions import create_once
from partnerships import selectors, services
from partnerships.forms import PartnershipCreateForm

from .common import site_url


def site_admin_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_site_admin:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@site_admin_view
def admin_partnership_list(request: HttpRequest) -> HttpResponse:
    partnerships = selectors.partnerships_for_administration()
    return render(request, "partnerships/admin_list.html", {"partnerships": partnerships})


@site_admin_view
def admin_partnership_create(request: HttpRequest) -> HttpResponse:
    form = PartnershipCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = create_once(
            request,
            form,
            create=lambda: services.partnership_create(
                name=data["name"],
                slug=data["slug"],
                region=data["region"],
                coordinator_email=data["coordinator_email"],
                coordinator_name=data["coordinator_name"],
                created_by=request.user,
                base_url=site_url(request),
            ),
            url=lambda created: reverse("partnerships:admin_list"),
            message=lambda created: _created_message(created, email=data["coordinator_email"]),
        )
        if created:
            return created
    return render(request, "partnerships/admin_create.html", {"form": form})


def _created_message(created: tuple, *, email: str) -> str:
    partnership, membership, _invitation = created
    if membership is not None:
        message = _(
            "Le regroupement « %(name)s » a été créé. %(email)s, qui avait déjà un compte, en assure la "
            "coordination et en a été avisé·e par courriel."
        )
    else:
        message = _(
            "Le regroupement « %(name)s » a été créé. Une invitation à en assurer la coordination a été "
            "envoyée à %(email)s."
        )
    return message % {"name": partnership.name, "email": email}
