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

from .. import selectors, services, spreadsheets
from ..access import access_statistic
from ..filters import StatisticFilterForm, filter_value
from ..forms import StatisticForm
from ..models import FindingOrigin, Statistic
from .common import PAGE_SIZE, page_context


def _detail_url(access: PartnershipAccess, statistic: Statistic) -> str:
    return reverse("analysis:statistic_detail", kwargs={"slug": access.partnership.slug, "statistic_pk": statistic.pk})


@partnership_view()
def statistic_list(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    partnership = access.partnership
    filters = StatisticFilterForm(
        request.GET,
        indicators=selectors.statistic_values(partnership, "indicator"),
        domains=selectors.statistic_values(partnership, "domain"),
        periods=selectors.statistic_values(partnership, "period"),
    )
    statistics = selectors.statistic_list(
        partnership=partnership,
        indicator=filter_value(filters, "indicator"),
        domain=filter_value(filters, "domain"),
        territory_level=filter_value(filters, "territory_level"),
        period=filter_value(filters, "period"),
    )
    page = Paginator(statistics, PAGE_SIZE).get_page(request.GET.get("page"))
    context = page_context(access, filters=filters, page=page, statistics=page.object_list)
    return render_region(
        request, page="analysis/statistic_list.html", region="analysis/_statistic_table.html", context=context
    )


def _form_context(access: PartnershipAccess, form: StatisticForm, **extra) -> dict:
    partnership = access.partnership
    return page_context(
        access,
        form=form,
        indicator_suggestions=selectors.statistic_values(partnership, "indicator"),
        domain_suggestions=selectors.statistic_values(partnership, "domain"),
        territory_suggestions=selectors.territory_suggestions(partnership=partnership),
        **extra,
    )


@partnership_view(Perm.EDIT_ANALYSIS, methods=FORM)
def statistic_create(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    form = StatisticForm(request.POST or None, partnership=access.partnership)
    if request.method == "POST" and form.is_valid():
        another = "add_another" in request.POST
        create_url = reverse("analysis:statistic_create", kwargs={"slug": access.partnership.slug})
        created = create_once(
            request,
            form,
            create=lambda: services.statistic_create(partnership=access.partnership, statistic=form.instance),
            url=lambda statistic: create_url if another else _detail_url(access, statistic),
            message=lambda statistic: _("La donnée « %(name)s » a été ajoutée.") % {"name": statistic},
        )
        if created:
            return created
    return render(request, "analysis/statistic_form.html", _form_context(access, form))


@partnership_view()
def statistic_detail(request: HttpRequest, access: PartnershipAccess, statistic_pk: int) -> HttpResponse:
    statistic, can_edit = access_statistic(access, statistic_pk)
    context = page_context(
        access,
        statistic=statistic,
        can_edit=can_edit,
        chain=chain_of(statistic, partnership=access.partnership),
        prefill=urlencode({"origin": FindingOrigin.DATA, "statistic": statistic.pk}),
    )
    return render(request, "analysis/statistic_detail.html", context)


@partnership_view(Perm.EDIT_ANALYSIS, methods=FORM)
def statistic_edit(request: HttpRequest, access: PartnershipAccess, statistic_pk: int) -> HttpResponse:
    statistic, _can_edit = access_statistic(access, statistic_pk)
    form = StatisticForm(request.POST or None, instance=statistic, partnership=access.partnership)
    detail_url = _detail_url(access, statistic)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.statistic_update(statistic=statistic, expected_version=form.cleaned_data["version"]),
            success_url=detail_url,
            context=page_context(access),
        )
    return render(request, "analysis/statistic_form.html", _form_context(access, form, statistic=statistic))


@partnership_view(methods=FORM)
def statistic_delete(request: HttpRequest, access: PartnershipAccess, statistic_pk: int) -> HttpResponse:
    statistic, can_edit = access_statistic(access, statistic_pk)
    if not can_edit:
        raise PermissionDenied
    return confirm_deletion(
        request,
        instance=statistic,
        title=str(statistic),
        cancel_url=_detail_url(access, statistic),
        delete=lambda: services.statistic_delete(statistic=statistic),
        success_url=reverse("analysis:statistics", kwargs={"slug": access.partnership.slug}),
        success_message=_("La donnée « %(name)s » a été supprimée.") % {"name": statistic},
        context=page_context(access),
    )


@partnership_view()
def statistic_history(request: HttpRequest, access: PartnershipAccess, statistic_pk: int) -> HttpResponse:
    statistic, _can_edit = access_statistic(access, statistic_pk)
    return render_history(
        request,
        title=str(statistic),
        back_url=_detail_url(access, statistic),
        entries=history_entries(statistic),
        context=page_context(access),
    )


@partnership_view(methods=("GET", "HEAD"))
def statistic_example(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    """The EQDEM example, a CSV that the statistics import reads as it is."""
    response = HttpResponse(spreadsheets.example_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{spreadsheets.EXAMPLE_FILENAME}"'
    return response
