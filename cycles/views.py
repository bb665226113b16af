from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from core.rendering import render_conflict, render_history
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from . import selectors, services
from .access import access_cycle, access_step
from .circle import Frame, segments
from .forms import CycleForm, StepStatusForm
from .models import Cycle, Step, StepStatus
from .tools import Link, step_links


def guide(request: HttpRequest) -> HttpResponse:
    """Outil 1. Its prose is too long for the translation catalogue: one template per language instead."""
    language = "en" if (get_language() or "").startswith("en") else "fr"
    return render(request, f"cycles/guide/{language}.html")


@partnership_view()
def cycle_list(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    context = {
        "access": access,
        "section": "cycles",
        "cycles": selectors.cycle_list(partnership=access.partnership),
        "can_create": access.can(Perm.MANAGE_CYCLES),
    }
    return render(request, "cycles/cycle_list.html", context)


@partnership_view(Perm.MANAGE_CYCLES)
def cycle_create(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        cycle = services.cycle_create(partnership=access.partnership, **form.cleaned_data)
        messages.success(request, _("Le cycle « %(name)s » a été créé avec ses cinq étapes.") % {"name": cycle.name})
        return redirect("cycles:detail", slug=access.partnership.slug, cycle_pk=cycle.pk)
    return render(request, "cycles/cycle_form.html", {"access": access, "section": "cycles", "form": form})


@dataclass
class StepRow:
    step: Step
    links: list[Link]
    form: StepStatusForm | None
    guide_url: str


def _steps_context(
    access: PartnershipAccess, cycle: Cycle, *, bound: StepStatusForm | None = None, feedback: str = ""
) -> dict:
    """What the cycle's circle and its list of steps need; `bound` replaces the form of the step it names."""
    steps = selectors.cycle_steps(cycle=cycle)
    can_manage = access.can(Perm.MANAGE_CYCLES)
    slug, guide_url = access.partnership.slug, reverse("cycles:guide")
    rows = []
    for step in steps:
        form = None
        if can_manage:
            form = bound if bound is not None and bound.step.number == step.number else StepStatusForm(step=step)
        links = step_links(step.number, slug=slug, cycle_pk=cycle.pk)
        rows.append(StepRow(step=step, links=links, form=form, guide_url=f"{guide_url}#etape-{step.number}"))
    return {
        "access": access,
        "section": "cycles",
        "cycle": cycle,
        "rows": rows,
        "segments": segments(steps),
        "circle": Frame(),
        "completed_count": sum(s.status == StepStatus.COMPLETED for s in steps),
        "step_count": len(steps),
        "can_manage": can_manage,
        "feedback": feedback,
    }


@partnership_view()
def cycle_detail(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    return render(request, "cycles/cycle_detail.html", _steps_context(access, cycle))


def _render_steps(request: HttpRequest, context: dict, *, status: int = 200) -> HttpResponse:
    """The swappable region for HTMX, the whole page otherwise (the page works without JavaScript)."""
    if request.htmx:
        return render(request, "cycles/_cycle_steps.html", context)
    return render(request, "cycles/cycle_detail.html", context, status=status)


@partnership_view(Perm.MANAGE_CYCLES, methods=("POST",))
def step_status(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, step_number: int) -> HttpResponse:
    step = access_step(access, cycle_pk, step_number)
    form = StepStatusForm(request.POST, step=step)
    if not form.is_valid():
        return _render_steps(request, _steps_context(access, step.cycle, bound=form))
    try:
        changed = services.step_set_status(
            step=step,
            status=form.cleaned_data["status"],
            expected_version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        )
    except EditConflict as conflict:
        form = _conflict_form(request, conflict.current)
        # HTMX swaps only successful answers: the conflict is shown in the region itself.
        return _render_steps(request, _steps_context(access, step.cycle, bound=form), status=409)
    feedback = _step_feedback(step, changed)
    if request.htmx:
        return _render_steps(request, _steps_context(access, step.cycle, feedback=feedback))
    messages.success(request, feedback)
    detail_url = reverse("cycles:detail", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle_pk})
    return redirect(f"{detail_url}#etape-{step.number}")


def _conflict_form(request: HttpRequest, current: Step) -> StepStatusForm:
    """The person's choice, kept, against the step as it is now: saving again is a deliberate choice."""
    data = request.POST.copy()
    data["version"] = str(current.version)
    form = StepStatusForm(data, step=current)
    form.is_valid()
    form.add_error(
        None,
        _(
            "Quelqu'un a changé le statut de cette étape pendant que vous le modifiiez : elle est maintenant "
            "« %(status)s ». Votre choix est conservé : enregistrez-le de nouveau pour le confirmer."
        )
        % {"status": current.get_status_display()},
    )
    return form


def _step_feedback(step: Step, changed: bool) -> str:
    values = {"step": step.get_number_display(), "status": step.get_status_display()}
    if not changed:
        return _("L'étape « %(step)s » était déjà « %(status)s » : rien n'a changé.") % values
    return _("L'étape « %(step)s » est maintenant « %(status)s ».") % values


@partnership_view()
def cycle_edit(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    access.require(Perm.MANAGE_CYCLES)
    form = CycleForm(request.POST or None, instance=cycle)
    detail_url = reverse("cycles:detail", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle.pk})
    if request.method == "POST" and form.is_valid():
        try:
            services.cycle_update(cycle=cycle, expected_version=form.cleaned_data["version"])
        except EditConflict as conflict:
            return render_conflict(
                request, form=form, current=conflict.current, cancel_url=detail_url, context={"access": access}
            )
        messages.success(request, _("Les modifications ont été enregistrées."))
        return redirect(detail_url)
    context = {"access": access, "section": "cycles", "form": form, "cycle": cycle}
    return render(request, "cycles/cycle_form.html", context)


@partnership_view()
def cycle_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle = access_cycle(access, cycle_pk)
    back_url = reverse("cycles:detail", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle.pk})
    return render_history(
        request, obj=cycle, title=cycle.name, back_url=back_url, context={"access": access, "section": "cycles"}
    )


@partnership_view()
def step_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, step_number: int) -> HttpResponse:
    step = access_step(access, cycle_pk, step_number)
    back_url = reverse("cycles:detail", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle_pk})
    title = _("Étape %(number)s — %(name)s (%(cycle)s)") % {
        "number": step.number,
        "name": step.get_number_display(),
        "cycle": step.cycle.name,
    }
    return render_history(
        request, obj=step, title=title, back_url=f"{back_url}#etape-{step.number}", context={"access": access}
    )
