from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from core.chain import chain_of
from core.history import history_entries
from core.rendering import confirm_deletion, render_history, render_region, save_or_conflict
from core.submissions import create_once
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_observation
from ..filters import ObservationFilterForm, filter_value
from ..forms import ObservationForm
from ..models import Observation
from .common import PAGE_SIZE, page_context


def _detail_url(access: PartnershipAccess, observation: Observation) -> str:
    kwargs = {"slug": access.partnership.slug, "observation_pk": observation.pk}
    return reverse("analysis:observation_detail", kwargs=kwargs)


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
    return render_region(
        request, page="analysis/observation_list.html", region="analysis/_observation_table.html", context=context
    )


@partnership_view(Perm.EDIT_ANALYSIS, methods=FORM)
def observation_create(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    form = ObservationForm(request.POST or None, partnership=access.partnership)
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.observation_create(
                partnership=access.partnership, observation=form.instance, relations=form.relations()
            ),
            url=lambda observation: _detail_url(access, observation),
            message=lambda observation: _("L'observation a été ajoutée."),
        )
        if created:
            return created
    return render(request, "analysis/observation_form.html", page_context(access, form=form))


@partnership_view()
def observation_detail(request: HttpRequest, access: PartnershipAccess, observation_pk: int) -> HttpResponse:
    observation, can_edit = access_observation(access, observation_pk)
    context = page_context(
        access,
        observation=observation,
        can_edit=can_edit,
        factors=observation.factors.all(),
        chain=chain_of(observation, partnership=access.partnership),
        prefill=urlencode({"observation": observation.pk}),
    )
    return render(request, "analysis/observation_detail.html", context)


@partnership_view(Perm.EDIT_ANALYSIS, methods=FORM)
def observation_edit(request: HttpRequest, access: PartnershipAccess, observation_pk: int) -> HttpResponse:
    observation, _can_edit = access_observation(access, observation_pk)
    form = ObservationForm(request.POST or None, instance=observation, partnership=access.partnership)
    detail_url = _detail_url(access, observation)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.observation_update(
                observation=observation, expected_version=form.cleaned_data["version"], relations=form.relations()
            ),
            success_url=detail_url,
            context=page_context(access),
        )
    return render(request, "analysis/observation_form.html", page_context(access, form=form, observation=observation))


@partnership_view(methods=FORM)
def observation_delete(request: HttpRequest, access: PartnershipAccess, observation_pk: int) -> HttpResponse:
    observation, can_edit = access_observation(access, observation_pk)
    if not can_edit:
        raise PermissionDenied
    return confirm_deletion(
        request,
        instance=observation,
        title=str(observation),
        cancel_url=_detail_url(access, observation),
        delete=lambda: services.observation_delete(observation=observation),
        success_url=reverse("analysis:observations", kwargs={"slug": access.partnership.slug}),
        success_message=_("L'observation a été supprimée."),
        context=page_context(access),
    )


@partnership_view()
def observation_history(request: HttpRequest, access: PartnershipAccess, observation_pk: int) -> HttpResponse:
    observation, _can_edit = access_observation(access, observation_pk)
    return render_history(
        request,
        title=str(observation),
        back_url=_detail_url(access, observation),
        entries=history_entries(observation),
        context=page_context(access),
    )
