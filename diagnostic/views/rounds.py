"""The rounds of the self-diagnostic: the list, opening one, its page with its results, editing, closing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.chain import chain_of
from core.history import child_history, history_entries, merge_histories
from core.rendering import render_history, save_or_conflict
from core.submissions import create_once
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm
from partnerships.views.common import site_url

from .. import selectors, services
from ..access import access_round
from ..chart import results_chart
from ..forms import RoundForm
from ..models import ANONYMITY_THRESHOLD, Participation
from .common import page_context, round_url


@partnership_view()
def round_list(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    compiled = selectors.partnership_results(partnership=access.partnership)
    context = page_context(
        access,
        rounds=selectors.round_list(partnership=access.partnership),
        evolution=selectors.evolution(compiled),
        questionnaire=selectors.current_questionnaire(partnership=access.partnership),
    )
    return render(request, "diagnostic/round_list.html", context)


@partnership_view(Perm.RUN_DIAGNOSTIC, methods=FORM)
def round_create(request: HttpRequest, access: PartnershipAccess) -> HttpResponse:
    form = RoundForm(request.POST or None, partnership=access.partnership)
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.round_open(
                partnership=access.partnership,
                round_=form.instance,
                invitees=form.cleaned_data["invitees"],
                user=request.user,
                base_url=site_url(request),
            ),
            url=lambda round_: round_url(access, round_),
            message=lambda round_: _("La passation est ouverte : les membres invités ont reçu un courriel."),
        )
        if created:
            return created
    return render(request, "diagnostic/round_form.html", page_context(access, form=form))


@partnership_view()
def round_detail(request: HttpRequest, access: PartnershipAccess, round_pk: int) -> HttpResponse:
    """The round and, once they may be shown, its results: per condition and item, weak items first."""
    round_, can_run = access_round(access, round_pk)
    compiled = selectors.partnership_results(partnership=access.partnership)
    results = compiled[round_.pk]
    context = page_context(
        access,
        round=round_,
        can_run=can_run,
        results=results,
        chart=results_chart(results.conditions),
        evolution=selectors.evolution(compiled),
        participants=selectors.participants(round_),
        invitees=selectors.invitees(round_),
        threshold=ANONYMITY_THRESHOLD,
        can_answer=access.can(Perm.ANSWER_DIAGNOSTIC) and selectors.is_invited(round_, access.membership),
        chain=chain_of(round_, partnership=access.partnership),
    )
    return render(request, "diagnostic/round_detail.html", context)


@partnership_view(methods=FORM)
def round_edit(request: HttpRequest, access: PartnershipAccess, round_pk: int) -> HttpResponse:
    round_, can_run = access_round(access, round_pk)
    if not can_run:
        raise PermissionDenied
    form = RoundForm(request.POST or None, instance=round_, partnership=access.partnership)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.round_update(
                round_=round_, invitees=form.cleaned_data["invitees"], expected_version=form.cleaned_data["version"]
            ),
            success_url=round_url(access, round_),
            context=page_context(access),
        )
    return render(request, "diagnostic/round_form.html", page_context(access, form=form, round=round_))


@partnership_view(Perm.RUN_DIAGNOSTIC, methods=("POST",))
def round_close(request: HttpRequest, access: PartnershipAccess, round_pk: int) -> HttpResponse:
    round_, _can_run = access_round(access, round_pk)
    if services.round_close(round_=round_):
        messages.success(request, _("La passation est fermée."))
    return redirect(round_url(access, round_))


@partnership_view()
def round_history(request: HttpRequest, access: PartnershipAccess, round_pk: int) -> HttpResponse:
    """The round's own changes and who answered when; an answer itself keeps no history."""
    round_, _can_run = access_round(access, round_pk)
    answered = child_history(
        Participation,
        subject=lambda record: _("Réponse de %(name)s") % {"name": record.history_user or "—"},
        round_id=round_.pk,
    )
    return render_history(
        request,
        title=round_.title,
        back_url=round_url(access, round_),
        entries=merge_histories(history_entries(round_), answered),
        context=page_context(access),
    )
