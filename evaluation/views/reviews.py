"""The reviews (bilans) of the cycle's transformations, each with the decision on every action of its
transformation, edited as one set, and applied one at a time."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.chain import chain_of
from core.concurrency import ConflictRow, SetChanged, fingerprint
from core.history import child_history, history_entries, merge_histories
from core.rendering import confirm_deletion, render_history, save_or_conflict, set_conflict
from core.submissions import create_once
from cycles.access import access_cycle
from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm
from plan.links import label_actions

from .. import chart, selectors, services
from ..access import access_decision, access_review
from ..forms import ApplyForm, DecisionsForm, ReviewForm
from ..links import label_decisions
from ..models import ActionDecision, Decision, Review
from .common import evaluation_url, page_context


def _cycle(review: Review):
    return review.transformation.objective.cycle


def _detail_url(access: PartnershipAccess, review: Review) -> str:
    return evaluation_url("review_detail", access, _cycle(review).pk, review_pk=review.pk)


@partnership_view()
def review_list(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    context = page_context(
        access, cycle, reviews=selectors.cycle_reviews(cycle), can_edit=access.can(Perm.EDIT_PLAN), current="reviews"
    )
    return render(request, "evaluation/review_list.html", context)


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def review_create(request: HttpRequest, access: PartnershipAccess, cycle_pk: int) -> HttpResponse:
    cycle, _can_manage = access_cycle(access, cycle_pk)
    form = ReviewForm(request.POST or None, cycle=cycle, initial={"transformation": request.GET.get("transformation")})
    if request.method == "POST" and form.is_valid():
        created = create_once(
            request,
            form,
            create=lambda: services.review_create(
                transformation=form.cleaned_data["transformation"],
                review=form.instance,
                partners=form.cleaned_data["partners"],
                created_by=request.user,
            ),
            url=lambda review: evaluation_url("review_detail", access, cycle_pk, review_pk=review.pk),
            message=lambda review: _("Le bilan a été enregistré : décidez maintenant du sort de chaque action."),
        )
        if created:
            return created
    return render(request, "evaluation/review_form.html", page_context(access, cycle, form=form))


def _detail_context(access: PartnershipAccess, review: Review, can_edit: bool, form: DecisionsForm | None = None):
    review = selectors.review_detail(review)
    slug, cycle_pk = access.partnership.slug, _cycle(review).pk
    actions = label_actions(selectors.review_actions(review), slug=slug, cycle_pk=cycle_pk)
    decisions = label_decisions(selectors.review_decisions(review), slug=slug, cycle_pk=cycle_pk)
    by_action = {decision.action_id: decision for decision in decisions}
    state = fingerprint(selectors.decision_state(decisions))
    applied = {decision.action_id for decision in decisions if decision.is_applied}
    if can_edit and form is None:
        initial = {"fingerprint": state}
        for decision in decisions:
            initial[f"a{decision.action_id}_decision"] = decision.decision
            initial[f"a{decision.action_id}_reason"] = decision.reason
        form = DecisionsForm(initial=initial, actions=actions, applied=applied)
    rows = selectors.transformation_indicator_rows(review.transformation, timezone.localdate())
    return page_context(
        access,
        _cycle(review),
        review=review,
        can_edit=can_edit,
        indicators=[(row, chart.build(row.indicator, row.targets, row.measurements)) for row in rows],
        actions=[(action, by_action.get(action.pk)) for action in actions],
        form=form,
        apply_form=ApplyForm(initial={"fingerprint": state}) if can_edit else None,
        chain=chain_of(review, partnership=access.partnership),
        current="reviews",
    )


@partnership_view()
def review_detail(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, review_pk: int) -> HttpResponse:
    review, can_edit = access_review(access, cycle_pk, review_pk)
    return render(request, "evaluation/review_detail.html", _detail_context(access, review, can_edit))


def _editable(access: PartnershipAccess, cycle_pk: int, pk: int) -> Review:
    review, can_edit = access_review(access, cycle_pk, pk)
    if not can_edit:
        raise PermissionDenied
    return review


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def review_edit(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, review_pk: int) -> HttpResponse:
    review = _editable(access, cycle_pk, review_pk)
    form = ReviewForm(request.POST or None, instance=review, cycle=_cycle(review))
    context = page_context(access, _cycle(review), form=form, review=review)
    if request.method == "POST" and form.is_valid():
        return save_or_conflict(
            request,
            form,
            save=lambda: services.review_update(
                review=review, expected_version=form.cleaned_data["version"], partners=form.cleaned_data["partners"]
            ),
            success_url=_detail_url(access, review),
            context=context,
        )
    return render(request, "evaluation/review_form.html", context)


@partnership_view(Perm.EDIT_PLAN, methods=FORM)
def review_delete(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, review_pk: int) -> HttpResponse:
    review = _editable(access, cycle_pk, review_pk)
    return confirm_deletion(
        request,
        instance=review,
        title=str(review),
        cancel_url=_detail_url(access, review),
        delete=lambda: services.review_delete(review=review),
        success_url=evaluation_url("reviews", access, cycle_pk),
        success_message=_("Le bilan a été supprimé."),
        context=page_context(access, _cycle(review)),
    )


@partnership_view()
def review_history(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, review_pk: int) -> HttpResponse:
    review, _can_edit = access_review(access, cycle_pk, review_pk)
    entries = merge_histories(history_entries(review), child_history(ActionDecision, subject=str, review_id=review.pk))
    return render_history(
        request,
        title=str(review),
        back_url=_detail_url(access, review),
        entries=entries,
        context=page_context(access, _cycle(review)),
    )


# --- The decisions, as one set ---------------------------------------------------------------------------------


def _shown(choice: tuple[str, str] | None) -> str:
    if not choice or not choice[0]:
        return ""
    return f"{Decision(choice[0]).label} — {choice[1]}"


@partnership_view(Perm.EDIT_PLAN, methods=("POST",))
def review_decisions(request: HttpRequest, access: PartnershipAccess, cycle_pk: int, review_pk: int) -> HttpResponse:
    review = _editable(access, cycle_pk, review_pk)
    slug, cycle_pk = access.partnership.slug, _cycle(review).pk
    actions = label_actions(selectors.review_actions(review), slug=slug, cycle_pk=cycle_pk)
    decisions = label_decisions(selectors.review_decisions(review), slug=slug, cycle_pk=cycle_pk)
    applied = {decision.action_id for decision in decisions if decision.is_applied}
    form = DecisionsForm(request.POST, actions=actions, applied=applied)
    if not form.is_valid():
        return render(request, "evaluation/review_detail.html", _detail_context(access, review, True, form))
    try:
        services.decisions_save(
            review=review, decisions=form.decisions(), expected_fingerprint=form.cleaned_data["fingerprint"]
        )
    except SetChanged as conflict:
        saved = {row.action_id: (row.decision, row.reason) for row in conflict.saved if not row.is_applied}
        typed = form.decisions()
        differences = [
            ConflictRow(label=action.title, saved=_shown(saved.get(action.pk)), yours=_shown(typed.get(action.pk)))
            for action in form.actions
            if _shown(saved.get(action.pk)) != _shown(typed.get(action.pk))
        ]
        context = _detail_context(access, review, True, form)
        context["set_conflict"] = set_conflict(
            form,
            conflict,
            alert=_("Quelqu'un a enregistré les décisions de ce bilan pendant que vous les modifiiez."),
            caption=_("Actions dont la décision enregistrée diffère de votre saisie"),
            label_heading=_("Action"),
            differences=differences,
        )
        return render(request, "evaluation/review_detail.html", context, status=409)
    messages.success(request, _("Les décisions ont été enregistrées."))
    return redirect(_detail_url(access, review) + "#decisions")


@partnership_view(Perm.EDIT_PLAN, methods=("POST",))
def decision_apply(
    request: HttpRequest, access: PartnershipAccess, cycle_pk: int, review_pk: int, decision_pk: int
) -> HttpResponse:
    decision, may_apply = access_decision(access, cycle_pk, review_pk, decision_pk)
    if not may_apply:
        raise PermissionDenied
    back = _detail_url(access, decision.review) + "#decisions"
    form = ApplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Le formulaire était incomplet : rien n'a été appliqué."))
        return redirect(back)
    try:
        services.decision_apply(
            decision=decision, expected_fingerprint=form.cleaned_data["fingerprint"], applied_by=request.user
        )
    except SetChanged:
        messages.error(
            request,
            _("Les décisions de ce bilan ont changé depuis votre lecture : rien n'a été appliqué. Relisez-les."),
        )
        return redirect(back)
    action = decision.action
    if decision.decision == Decision.ADAPT:
        messages.info(
            request,
            _("Décision du bilan : adapter l'action « %(action)s ». Raison : %(reason)s. Modifiez l'action ci-dessous.")
            % {"action": action.title, "reason": decision.reason},
        )
        return redirect(
            reverse(
                "plan:action_edit",
                kwargs={"slug": access.partnership.slug, "cycle_pk": cycle_pk, "action_pk": action.pk},
            )
        )
    if decision.decision == Decision.ABANDON:
        messages.success(request, _("L'action « %(action)s » est maintenant abandonnée.") % {"action": action.title})
    else:
        messages.success(request, _("L'action « %(action)s » est maintenue.") % {"action": action.title})
    return redirect(back)
