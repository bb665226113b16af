from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.concurrency import ConflictRow, EditConflict, SetChanged
from core.history import child_history, history_entries, merge_histories
from core.rendering import render_conflict, render_history, set_conflict
from partnerships import selectors, services
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.forms import TERRITORY_FIELDS, ProfileForm, TerritoryNestingForm
from partnerships.models import Partnership, Territory
from partnerships.next_steps import next_steps
from partnerships.pages import Section, page_context
from partnerships.permissions import Perm
from partnerships.territories import nesting_fingerprint, territory_tree


@partnership_view()
def partnership_home(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    dashboard = selectors.dashboard(partnership=access.partnership)
    context = page_context(
        access,
        Section.HOME,
        dashboard=dashboard,
        next_steps=next_steps(access, dashboard.cycle),
        current_cycle=dashboard.cycle,
        can_manage_cycles=access.can(Perm.MANAGE_CYCLES),
        can_manage_members=access.can(Perm.MANAGE_MEMBERS),
        can_edit_profile=access.can(Perm.EDIT_PROFILE),
    )
    return render(request, "partnerships/home.html", context)


@partnership_view()
def profile(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    context = page_context(
        access,
        Section.PROFILE,
        partnership=access.partnership,
        territory_tree=territory_tree(access.partnership),
        can_edit=access.can(Perm.EDIT_PROFILE),
    )
    return render(request, "partnerships/profile.html", context)


@partnership_view(Perm.EDIT_PROFILE, methods=FORM)
def territory_nesting(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    """Which larger territory each one lies in, saved as one set."""
    territories = [node.territory for node in territory_tree(access.partnership)]
    initial = {"fingerprint": nesting_fingerprint(territories)}
    form = TerritoryNestingForm(request.POST or None, territories=territories, initial=initial)
    profile_url = _profile_url(access.partnership)
    context = page_context(access, Section.PROFILE, form=form, cancel_url=profile_url)
    if request.method == "POST" and form.is_valid():
        try:
            services.territories_nest(
                partnership=access.partnership, parents=form.parents(), expected=form.cleaned_data["fingerprint"]
            )
        except SetChanged as conflict:
            context["set_conflict"] = set_conflict(
                form,
                conflict,
                alert=_(
                    "Quelqu'un a modifié le territoire pendant que vous le classiez : votre choix n'a pas été "
                    "enregistré."
                ),
                caption=_("Territoires dont le classement enregistré diffère du vôtre"),
                label_heading=_("Territoire"),
                differences=_nesting_differences(form, conflict.saved),
            )
            return render(request, "partnerships/territory_nesting.html", context, status=409)
        messages.success(request, _("Le classement des territoires a été enregistré."))
        return redirect(profile_url)
    return render(request, "partnerships/territory_nesting.html", context)


def _nesting_differences(form: TerritoryNestingForm, saved: list[Territory]) -> list[ConflictRow]:
    names = {t.pk: str(t) for t in saved}
    nobody = _("— aucun —")
    rows = []
    for territory in saved:
        if territory.pk not in {t.pk for t in form.territories}:
            continue
        mine = form.parents().get(territory.pk)
        saved_text, mine_text = names.get(territory.parent_id, nobody), names.get(mine, nobody)
        if saved_text != mine_text:
            rows.append(ConflictRow(label=str(territory), saved=saved_text, yours=mine_text))
    return rows


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
    territory = child_history(Territory, subject=_territory_name, fields=("parent",), partnership_id=partnership.pk)
    return render_history(
        request,
        title=partnership.name,
        back_url=_profile_url(partnership),
        entries=merge_histories(history_entries(partnership), territory),
        context=page_context(access, Section.PROFILE),
    )


def _territory_name(record) -> str:
    return _("Territoire : %(name)s (%(kind)s)") % {"name": record.name, "kind": record.get_kind_display()}
