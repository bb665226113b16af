import copy

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from core.history import history_entries
from core.rendering import render_conflict
from partnerships import selectors, services
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.forms import TERRITORY_FIELDS, ProfileForm
from partnerships.models import Partnership, Territory, TerritoryKind
from partnerships.permissions import Perm


@partnership_view()
def partnership_home(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    context = {
        "access": access,
        "section": "home",
        "dashboard": selectors.dashboard(partnership=access.partnership),
        "can_manage_cycles": access.can(Perm.MANAGE_CYCLES),
        "can_manage_members": access.can(Perm.MANAGE_MEMBERS),
        "can_edit_profile": access.can(Perm.EDIT_PROFILE),
    }
    return render(request, "partnerships/home.html", context)


@partnership_view()
def profile(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    territories = selectors.territory_names(partnership=access.partnership)
    context = {
        "access": access,
        "section": "profile",
        "partnership": access.partnership,
        "territories": [(TerritoryKind(kind).label, names) for kind, names in territories.items()],
        "can_edit": access.can(Perm.EDIT_PROFILE),
    }
    return render(request, "partnerships/profile.html", context)


@partnership_view(Perm.EDIT_PROFILE)
def profile_edit(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    # A copy, so that a refused form does not show its typed name in the page header.
    partnership = copy.copy(access.partnership)
    territories = selectors.territory_names(partnership=partnership)
    form = ProfileForm(request.POST or None, instance=partnership, territories=territories)
    profile_url = reverse("partnerships:profile", kwargs={"slug": partnership.slug})
    if request.method == "POST" and form.is_valid():
        try:
            services.partnership_update_profile(
                partnership=partnership,
                expected_version=form.cleaned_data["version"],
                territories=form.territories(),
            )
        except EditConflict as conflict:
            _attach_territories(conflict.current)
            return render_conflict(
                request, form=form, current=conflict.current, cancel_url=profile_url, context={"access": access}
            )
        messages.success(request, _("Le profil du regroupement a été enregistré."))
        return redirect(profile_url)
    context = {"access": access, "section": "profile", "form": form, "cancel_url": profile_url}
    return render(request, "partnerships/profile_form.html", context)


def _attach_territories(current: Partnership) -> None:
    """The conflict page compares field by field: give the saved record its territory lists under the form's names."""
    for kind, names in selectors.territory_names(partnership=current).items():
        setattr(current, TERRITORY_FIELDS[kind][0], names)


@partnership_view()
def profile_history(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    partnership = access.partnership
    territory_changes = (
        Territory.history.filter(partnership_id=partnership.pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:200]
    )
    context = {
        "access": access,
        "section": "profile",
        "entries": history_entries(partnership),
        "territory_changes": territory_changes,
        "back_url": reverse("partnerships:profile", kwargs={"slug": partnership.slug}),
    }
    return render(request, "partnerships/profile_history.html", context)
