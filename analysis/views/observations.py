from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import ProtectedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from core.rendering import render_conflict
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_observation
from ..filters import ObservationFilterForm, filter_value
from ..forms import ObservationForm
from ..history import history_with_systems
from .common import PAGE_SIZE, page_context


@partnership_view()
def observation_list(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    filters = ObservationFilterForm(request.GET, partnership=access.partnership)
    observations = selectors.observation_list(
        partnership=access.partnership,
        source_kind=filter_value(filters, "source_kind"),
        system=filter_value(filters, "system"),
        factor=filter_value(filters, "factor", None),
    )
    page = Paginator(observations, PAGE_SIZE).get_page(request.GET.get("page"))
    context = page_context(access, filters=filters, page=page, observations=page.object_list)
    if request.htmx:
        return render(request, "analysis/_observation_table.html", context)
    return render(request, "analysis/observation_list.html", context)


@partnership_view(Perm.EDIT_ANALYSIS)
def observation_create(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    form = ObservationForm(request.POST or None, partnership=access.partnership)
    if request.method == "POST" and form.is_valid():
        observation = services.observation_create(
            partnership=access.partnership, observation=form.instance, relations=form.relations()
        )
        messages.success(request, _("L'observation a été ajoutée."))
        return redirect("analysis:observation_detail", slug=access.partnership.slug, observation_pk=observation.pk)
    return render(request, "analysis/observation_form.html", page_context(access, form=form))


@partnership_view()
def observation_detail(request: HttpRequest, access: PartnershipAccess, observation_pk: int) -> HttpResponse:
    observation, can_edit = access_observation(access, observation_pk)
    context = page_context(
        access,
        observation=observation,
        can_edit=can_edit,
        factors=observation.factors.all(),
        findings=selectors.findings_citing(observation.findings.all(), access.partnership),
        prefill=urlencode({"observation": observation.pk}),
    )
    return render(request, "analysis/observation_detail.html", context)


@partnership_view(Perm.EDIT_ANALYSIS)
def observation_edit(request: HttpRequest, access: PartnershipAccess, observation_pk: int) -> HttpResponse:
    observation, _can_edit = access_observation(access, observation_pk)
    form = ObservationForm(request.POST or None, instance=observation, partnership=access.partnership)
    detail_url = reverse(
        "analysis:observation_detail", kwargs={"slug": access.partnership.slug, "observation_pk": observation.pk}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.observation_update(
                observation=observation, expected_version=form.cleaned_data["version"], relations=form.relations()
            )
        except EditConflict as conflict:
            return render_conflict(
                request, form=form, current=conflict.current, cancel_url=detail_url, context=page_context(access)
            )
        messages.success(request, _("Les modifications ont été enregistrées."))
        return redirect(detail_url)
    return render(request, "analysis/observation_form.html", page_context(access, form=form, observation=observation))


@partnership_view(Perm.EDIT_ANALYSIS, methods=("POST",))
def observation_delete(request: HttpRequest, access: PartnershipAccess, observation_pk: int) -> HttpResponse:
    observation, _can_edit = access_observation(access, observation_pk)
    try:
        services.observation_delete(observation=observation)
    except ProtectedError:
        messages.error(request, _("Cette observation ne peut pas être supprimée : d'autres fiches y font référence."))
        return redirect("analysis:observation_detail", slug=access.partnership.slug, observation_pk=observation.pk)
    messages.success(request, _("L'observation a été supprimée."))
    return redirect("analysis:observations", slug=access.partnership.slug)


@partnership_view()
def observation_history(request: HttpRequest, access: PartnershipAccess, observation_pk: int) -> HttpResponse:
    observation, _can_edit = access_observation(access, observation_pk)
    back_url = reverse(
        "analysis:observation_detail", kwargs={"slug": access.partnership.slug, "observation_pk": observation.pk}
    )
    context = page_context(
        access,
        entries=history_with_systems(observation),
        obj=observation,
        title=str(observation),
        back_url=back_url,
    )
    return render(request, "core/history.html", context)
