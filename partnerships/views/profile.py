from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from core.history import child_history, history_entries, merge_histories
from core.rendering import render_conflict, render_history
from partnerships import selectors, services
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.forms import TERRITORY_FIELDS, ProfileForm
from partnerships.models import Partnership, Territory, TerritoryKind
from partnerships.pages import Section, page_context
from partnerships.permissions import Perm


@partnership_view()
def partnership_home(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    dashboard = selectors.dashboard(partnership=access.partnership)
    context = page_context(
        access,
        Section.HOME,
        dashboard=dashboard,
        current_cycle=dashboard.cycle,
        can_manage_cycles=access.can(Perm.MANAGE_CYCLES),
        can_manage_members=access.can(Perm.MANAGE_MEMBERS),
        can_edit_profile=access.can(Perm.EDIT_PROFILE),
    )
    return render(request, "partnerships/home.html", context)


@partnership_view()
def profile(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    territories = selectors.territory_names(partnership=access.partnership)
    context = page_context(
        access,
        Section.PROFILE,
        partnership=access.partnership,
        territories=[(TerritoryKind(kind).label, names) for kind, names in territories.items()],
        can_edit=access.can(Perm.EDIT_PROFILE),
    )
    return render(request, "partnerships/profile.html", context)


def _profile_url(partnership: Partnership) -> str:
    return reverse("partnerships:profile", kwargs={"slug": partnership.slug})


@partnership_view(Perm.EDIT_PROFILE, methods=FORM)
def profile_edit(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    # A copy, so that a refused form does not show its typed name in the page header.
    partnership = selectors.partnership_copy(access.partnership)
    territories = selectors.territory_names(partnership=partnership)
    form = ProfileForm(request.POST or None, instance=partnership, territories=territories)
    profile_url = _profile_url(partnership)
    if request.method == "POST" and form.is_valid():
        try:
            services.partnership_update_profile(
                partnership=partnership,
                expected_version=form.cleaned_data["version"],
                territories=form.territories(),
            )
        except EditConflict as conflict:
            _attach_territories(conflict.current)
            context = page_context(access, Section.PROFILE)
            return render_conflict(
                request, form=form, current=conflict.current, cancel_url=profile_url, context=context
            )
        messages.success(request, _("Le profil du regroupement a été enregistré."))
        return redirect(profile_url)
    context = page_context(access, Section.PROFILE, form=form, cancel_url=profile_url)
    return render(request, "partnerships/profile_form.html", context)


def _attach_territories(current: Partnership) -> None:
    """The conflict page compares field by field: give the saved record its territory lists under the form's names."""
    for kind, names in selectors.territory_names(partnership=current).items():
        setattr(current, TERRITORY_FIELDS[kind][0], names)


@partnership_view()
def profile_history(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    """The profile's changes and the names added to or removed from its territory, in one timeline."""
    partnership = access.partnership
    territory = child_history(Territory, subject=_territory_name, partnership_id=partnership.pk)
    return render_history(
        request,
        title=partnership.name,
        back_url=_profile_url(partnership),
        entries=merge_histories(history_entries(partnership), territory),
        context=page_context(access, Section.PROFILE),
    )


def _territory_name(record) -> str:
    return _("Territoire : %(name)s (%(kind)s)") % {"name": record.name, "kind": record.get_kind_display()}
