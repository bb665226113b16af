"""Starting the next cycle from a cycle's evaluation: its name and dates, a preview of what is copied, a confirm."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.submissions import create_once, resubmitted
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.pages import Section, page_context
from partnerships.permissions import Perm

from .. import seeding, services
from ..access import access_cycle
from ..forms import NextCycleForm


@partnership_view(Perm.MANAGE_CYCLES, methods=FORM)
def cycle_start_next(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    """A POST with `apercu` only refreshes the preview for the dates typed; the other button starts the cycle."""
    cycle, _can_manage = access_cycle(access, cycle_pk)
    if request.method == "POST" and (done := resubmitted(request)):
        return done
    form = NextCycleForm(request.POST or None, cycle=cycle)
    if request.method == "POST" and "apercu" not in request.POST and form.is_valid():
        try:
            created = create_once(
                request,
                form,
                create=lambda: services.cycle_start_next(
                    cycle=cycle,
                    name=form.cleaned_data["name"],
                    starts_on=form.cleaned_data["starts_on"],
                    ends_on=form.cleaned_data["ends_on"],
                    by=request.user,
                ),
                url=lambda following: reverse(
                    "cycles:detail", kwargs={"slug": access.partnership.slug, "cycle_pk": following.pk}
                ),
                message=lambda following: (
                    _("Le cycle « %(name)s » a commencé avec le plan du cycle « %(previous)s ».")
                    % {"name": following.name, "previous": cycle.name}
                ),
            )
        except ValidationError as refused:  # the rules checked again under the lock: another request got there first
            form.add_error(None, refused)
            created = None
        if created:
            return created
    elif request.method == "POST":
        form.is_valid()  # the preview shows the dates typed, and what is wrong with them
    starts_on, ends_on = form.dates()
    context = page_context(
        access,
        Section.CYCLES,
        cycle=cycle,
        form=form,
        starts_on=starts_on,
        following=cycle.next_cycle_or_none(),
        preview=seeding.preview(cycle=cycle, starts_on=starts_on, ends_on=ends_on),
    )
    return render(request, "cycles/cycle_start_next.html", context)
