"""The partnership's cycles and a cycle's home page: the five steps as a circle and a list, with their tools."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.history import history_entries
from core.rendering import render_history, save_or_conflict
from core.submissions import create_once
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.pages import Section, page_context
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_cycle
from ..circle import Frame, segments
from ..forms import CycleForm, StepStatusForm
from ..models import Cycle, Step, StepStatus
from ..pages import current_for_navigation
from ..progress import tools_progress
from ..tools import Link, step_links


def _detail_url(access: PartnershipAccess, cycle: Cycle) -> str:
    return reverse("cycles:detail", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle.pk})


@partnership_view()
def cycle_list(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    context = page_context(
        access,
        Section.CYCLES,
        cycles=selectors.cycle_list(partnership=access.partnership),
        can_create=access.can(Perm.MANAGE_CYCLES),
    )
    return render(request, "cycles/cycle_list.html", context)


@partnership_view(Perm.MANAGE_CYCLES, methods=FORM)
def cycle_create(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.cycle_create(
                partnership=access.partnership,
                name=form.cleaned_data["name"],
                starts_on=form.cleaned_data["starts_on"],
                ends_on=form.cleaned_data["ends_on"],
            ),
            url=lambda cycle: _detail_url(access, cycle),
            message=lambda cycle: (
                _("Le cycle « %(name)s » a été créé avec ses cinq étapes et la séquence type des rencontres.")
                % {"name": cycle.name}
            ),
        )
        if created:
            return created
    return render(request, "cycles/cycle_form.html", page_context(access, Section.CYCLES, form=form))


@dataclass
class ToolLink:
    link: Link
    progress: list[str]


@dataclass
class StepRow:
    step: Step
    links: list[ToolLink]
    form: StepStatusForm | None
    guide_url: str


def steps_context(
    access: PartnershipAccess, cycle: Cycle, *, bound: StepStatusForm | None = None, feedback: str = ""
) -> dict:
    """What the cycle's circle and its list of steps need; `bound` replaces the form of the step it names."""
    steps = selectors.cycle_steps(cycle=cycle)
    can_manage = access.can(Perm.MANAGE_CYCLES)
    slug, guide_url = access.partnership.slug, reverse("cycles:guide")
    progress = tools_progress(partnership=access.partnership, cycle=cycle)
    rows = []
    for step in steps:
        form = None
        if can_manage:
            form = bound if bound is not None and bound.step.number == step.number else StepStatusForm(step=step)
        links = [
            ToolLink(link, progress.get(link.name, []))
            for link in step_links(step.number, slug=slug, cycle_pk=cycle.pk)
        ]
        rows.append(StepRow(step=step, links=links, form=form, guide_url=f"{guide_url}#etape-{step.number}"))
    return page_context(
        access,
        Section.CYCLES,
        **current_for_navigation(cycle),
        cycle=cycle,
        rows=rows,
        segments=segments(steps),
        circle=Frame(),
        completed_count=sum(s.status == StepStatus.COMPLETED for s in steps),
        step_count=len(steps),
        can_manage=can_manage,
        feedback=feedback,
    )


@partnership_view()
def cycle_detail(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    context = steps_context(access, cycle)
    context["following"] = cycle.next_cycle_or_none()
    return render(request, "cycles/cycle_detail.html", context)


@partnership_view(methods=FORM)
def cycle_edit(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, can_manage = access_cycle(access, cycle_pk)
    if not can_manage:
        raise PermissionDenied
    form = CycleForm(request.POST or None, instance=cycle)
    detail_url = _detail_url(access, cycle)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.cycle_update(cycle=cycle, expected_version=form.cleaned_data["version"]),
            success_url=detail_url,
            context=page_context(access, Section.CYCLES),
        )
    context = page_context(access, Section.CYCLES, form=form, cycle=cycle)
    return render(request, "cycles/cycle_form.html", context)


@partnership_view()
def cycle_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    return render_history(
        request,
        title=cycle.name,
        back_url=_detail_url(access, cycle),
        entries=history_entries(cycle),
        context=page_context(access, Section.CYCLES, cycle=cycle),
    )
