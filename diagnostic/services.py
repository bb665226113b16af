"""Every write of Outil 13: questionnaires, rounds and answers."""

import random
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.saving import save_with_links
from partnerships.models import Membership, Partnership

from . import emails
from .models import Answer, Participation, Questionnaire, Round
from .questionnaire import QuestionnaireError, load_questionnaire
from .receipts import new_receipt, receipt_digest


class AnswerRefused(Exception):
    """The answer cannot be saved (round closed, person not invited, unknown receipt); the message says why."""


@transaction.atomic
def questionnaire_load_own(*, partnership: Partnership, data: dict[str, Any]) -> Questionnaire:
    """The partnership's own wording, as a new version; a version it already loaded is refused."""
    questionnaire, created = load_questionnaire(data, partnership=partnership)
    if not created:
        raise QuestionnaireError(
            _("La version « %(version)s » est déjà chargée : donnez une autre version au fichier.")
            % {"version": questionnaire.version}
        )
    return questionnaire


@transaction.atomic
def round_open(
    *,
    partnership: Partnership,
    round_: Round,
    invitees: Iterable[Membership],
    user: User,
    base_url: str,
    notify: bool = True,
) -> Round:
    """Open the round now and, unless `notify` is false (the demo's past rounds), invite its members by e-mail."""
    round_.partnership = partnership
    round_.opened_by = user
    round_.opened_at = timezone.now()
    invitees = list(invitees)
    save_with_links(round_, links={"invitees": invitees})
    for membership in invitees if notify else ():
        emails.send_round_invitation(round_=round_, membership=membership, base_url=base_url)
    return round_


@transaction.atomic
def round_update(*, round_: Round, invitees: Iterable[Membership], expected_version: int) -> None:
    save_with_links(round_, links={"invitees": list(invitees)}, expected_version=expected_version)


@transaction.atomic
def round_close(*, round_: Round) -> bool:
    """Close an open round now; False if it was already closed. A closed round never opens again, so that its
    results cannot be compared before and after one more person answers."""
    locked = Round.objects.select_for_update().get(pk=round_.pk)
    if not locked.is_open:
        return False
    locked.closed_at = timezone.now()
    locked.version += 1
    locked.save()
    return True


@transaction.atomic
def answer_submit(
    *, round_: Round, membership: Membership, grades: dict[str, str], comments: dict[str, str], receipt: str = ""
) -> str:
    """Save the member's answer, or replace it while the round is open; returns the receipt code of a first
    anonymous answer ("" otherwise). In an anonymous round a change needs the member's receipt code."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if not round_.is_open:
        raise AnswerRefused(_("Cette passation est fermée : les réponses ne peuvent plus changer."))
    if not round_.invitees.filter(pk=membership.pk).exists():
        raise AnswerRefused(_("Vous n'êtes pas invité·e à cette passation."))
    answered = Participation.objects.filter(round=round_, membership=membership).exists()
    values = {"grades": grades, "comments": {code: text for code, text in comments.items() if text}}
    if not round_.is_anonymous:
        Answer.objects.update_or_create(round=round_, membership=membership, defaults=values)
        code = ""
    elif answered:
        _replace_anonymous(round_, receipt, values)
        code = ""
    else:
        code = new_receipt()
        Answer.objects.create(round=round_, receipt_digest=receipt_digest(round_.pk, code), **values)
    if not answered:
        Participation.objects.create(round=round_, membership=membership)
    if round_.is_anonymous:
        _reshuffle(round_)
    return code


def _replace_anonymous(round_: Round, receipt: str, values: dict) -> None:
    updated = Answer.objects.filter(
        round=round_, membership__isnull=True, receipt_digest=receipt_digest(round_.pk, receipt)
    ).update(**values)
    if not receipt or not updated:
        raise AnswerRefused(
            _(
                "Vous avez déjà répondu. Pour modifier votre réponse anonyme, entrez le code de réponse reçu "
                "quand vous avez répondu : sans lui, personne ne peut savoir quelle réponse est la vôtre."
            )
        )


def _reshuffle(round_: Round) -> None:
    """Rewrite all of the round's anonymous answers in a random order, in this transaction.

    The database keeps rows in the order they were written (SQLite's rowid, PostgreSQL's physical position and
    inserting transaction): left alone, the n-th answer written would belong to the n-th participant. Rewritten
    together at every answer, the answers share one position-less, time-less state."""
    answers = list(Answer.objects.filter(round=round_))
    random.SystemRandom().shuffle(answers)
    Answer.objects.filter(round=round_).delete()
    Answer.objects.bulk_create(answers)
