"""Answering a round. In an anonymous round the member's browser keeps the receipt code in a cookie (never the
session, which the database ties to the person); the page shows it so the member can note it, and asks for it
to change an answer from another browser."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from partnerships.access import FORM, PartnershipAccess, partnership_view
from partnerships.permissions import Perm

from .. import selectors, services
from ..access import access_round
from ..forms import AnswerForm, ReceiptForm
from ..models import Round
from ..receipts import cookie_name, kept_receipt, normalized_receipt
from .common import page_context, round_url


@partnership_view(Perm.ANSWER_DIAGNOSTIC, methods=FORM)
def answer(request: HttpRequest, access: PartnershipAccess, round_pk: int) -> HttpResponse:
    round_, _can_run = access_round(access, round_pk)
    receipt = kept_receipt(request.COOKIES, round_.pk)
    own = selectors.own_answer(round_, access.membership, receipt)
    conditions = selectors.conditions_with_items(round_.questionnaire)
    form = AnswerForm(request.POST or None, conditions=conditions, answer=own, initial={"receipt": receipt})
    if request.method == "POST" and form.is_valid():
        try:
            code = services.answer_submit(
                round_=round_,
                membership=access.membership,
                grades=form.grades(),
                comments=form.comments(),
                receipt=form.cleaned_data["receipt"] or receipt,
            )
        except services.AnswerRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Votre réponse a été enregistrée."))
            response = redirect(round_url(access, round_, "answer"))
            if code:
                keep_receipt(response, round_, code, path=round_url(access, round_))
            return response
    return _render_answer(request, access, round_, form, own=own, receipt=receipt)


@partnership_view(Perm.ANSWER_DIAGNOSTIC, methods=("POST",))
def receipt(request: HttpRequest, access: PartnershipAccess, round_pk: int) -> HttpResponse:
    """A member back on another browser gives their code: the answer it opens is shown again to change."""
    round_, _can_run = access_round(access, round_pk)
    form = ReceiptForm(request.POST)
    code = normalized_receipt(form.data.get("code", ""))
    if form.is_valid() and selectors.own_answer(round_, access.membership, code) is not None:
        response = redirect(round_url(access, round_, "answer"))
        keep_receipt(response, round_, code, path=round_url(access, round_))
        return response
    form.add_error("code", _("Ce code ne correspond à aucune réponse de cette passation."))
    conditions = selectors.conditions_with_items(round_.questionnaire)
    return _render_answer(
        request, access, round_, AnswerForm(conditions=conditions), own=None, receipt="", receipt_form=form
    )


def keep_receipt(response: HttpResponse, round_: Round, code: str, *, path: str) -> None:
    """The code stays in this browser until the day after the round closes, for this round's pages (`path`)."""
    expires = datetime.datetime.combine(round_.closes_on + datetime.timedelta(days=2), datetime.time())
    response.set_cookie(
        cookie_name(round_.pk),
        code,
        expires=expires,
        path=path,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _render_answer(
    request: HttpRequest,
    access: PartnershipAccess,
    round_: Round,
    form: AnswerForm,
    *,
    own,
    receipt: str,
    receipt_form: ReceiptForm | None = None,
) -> HttpResponse:
    answered = selectors.has_answered(round_, access.membership)
    context = page_context(
        access,
        round=round_,
        form=form,
        answered=answered,
        needs_receipt=round_.is_anonymous and answered and own is None,
        receipt=receipt if own is not None else "",
        receipt_form=receipt_form or ReceiptForm(),
        invited=selectors.is_invited(round_, access.membership),
    )
    return render(request, "diagnostic/answer.html", context, status=409 if receipt_form else 200)
