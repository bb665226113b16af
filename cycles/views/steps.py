"""A step's status, changed from the cycle's page (an HTMX region that works without JavaScript too)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from core.concurrency import EditConflict
from core.history import history_entries
from core.rendering import render_history, render_region
from partnerships.access import PartnershipAccess, partnership_view
from partnerships.pages import Section, page_context
from partnerships.permissions import Perm

from .. import services
from ..access import access_step
from ..forms import StepStatusForm
from ..models import Step
from .cycles import steps_context


def _render_steps(request: HttpRequest, context: dict, *, status: int = 200) -> HttpResponse:
    return render_region(
        request, page="cycles/cycle_detail.html", region="cycles/_cycle_steps.html", context=context, status=status
    )


@partnership_view(Perm.MANAGE_CYCLES, methods=("POST",))
def step_status(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, step_number: int) -> HttpResponse:
    step, can_manage = access_step(access, cycle_pk, step_number)
    if not can_manage:
        raise PermissionDenied
    form = StepStatusForm(request.POST, step=step)
    if not form.is_valid():
        return _render_steps(request, steps_context(access, step.cycle, bound=form))
    try:
        changed = services.step_set_status(
            step=step,
            status=form.cleaned_data["status"],
            expected_version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        )
    except EditConflict as conflict:
        form = _conflict_form(request, conflict.current)
        # HTMX swaps only successful answers: under HTMX the conflict is shown in the region itself.
        context = steps_context(access, step.cycle, bound=form)
        return _render_steps(request, context, status=200 if request.htmx else 409)
    feedback = _step_feedback(step, changed)
    if request.htmx:
        return _render_steps(request, steps_context(access, step.cycle, feedback=feedback))
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
def step_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, step_number: int) -> HttpResponse:
    step, _can_manage = access_step(access, cycle_pk, step_number)
    back_url = reverse("cycles:detail", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle_pk})
    title = _("Étape %(number)s — %(name)s (%(cycle)s)") % {
        "number": step.number,
        "name": step.get_number_display(),
        "cycle": step.cycle.name,
    }
    return render_history(
        request,
        title=title,
        back_url=f"{back_url}#etape-{step.number}",
        entries=history_entries(step),
        context=page_context(access, Section.CYCLES, cycle=step.cycle),
    )
