"""Every read of Outil 13's pages, and the compiled results of a round."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet

from partnerships.models import Membership, Partnership
from partnerships.permissions import ROLE_PERMISSIONS, Perm

from . import results
from .models import ANONYMITY_THRESHOLD, Answer, Condition, Item, Participation, Questionnaire, Round
from .receipts import receipt_digest


def round_list(*, partnership: Partnership) -> QuerySet[Round]:
    return (
        Round.objects.filter(partnership=partnership)
        .select_related("questionnaire")
        .annotate(answer_count=Count("participations", distinct=True), invitee_count=Count("invitees", distinct=True))
        .order_by("-opened_at", "-id")
    )


def questionnaires(*, partnership: Partnership) -> QuerySet[Questionnaire]:
    """The reference versions and the partnership's own, newest first."""
    return Questionnaire.objects.for_partnership(partnership).order_by("-loaded_at", "-id")


def current_questionnaire(*, partnership: Partnership) -> Questionnaire | None:
    """The partnership's newest own wording, else the newest reference version."""
    own = Questionnaire.objects.filter(partnership=partnership).order_by("-loaded_at", "-id").first()
    return own or Questionnaire.objects.filter(partnership__isnull=True).order_by("-loaded_at", "-id").first()


def conditions_with_items(questionnaire: Questionnaire) -> list[Condition]:
    items = Prefetch("items", queryset=Item.objects.order_by("position"))
    return list(questionnaire.conditions.order_by("position").prefetch_related(items))


def answering_members(*, partnership: Partnership) -> QuerySet[Membership]:
    """The members whose role lets them answer, whom a round may invite."""
    roles = [role for role, perms in ROLE_PERMISSIONS.items() if Perm.ANSWER_DIAGNOSTIC in perms]
    return (
        Membership.objects.filter(partnership=partnership, role__in=roles, user__is_active=True)
        .select_related("user", "organization")
        .order_by("user__full_name", "user__email")
    )


def participants(round_: Round) -> list[Participation]:
    return list(round_.participations.select_related("membership__user").order_by("answered_at", "id"))


def invitees(round_: Round) -> list[Membership]:
    return list(round_.invitees.select_related("user").order_by("user__full_name", "user__email"))


def is_invited(round_: Round, membership: Membership) -> bool:
    return round_.invitees.filter(pk=membership.pk).exists()


def has_answered(round_: Round, membership: Membership) -> bool:
    return round_.participations.filter(membership=membership).exists()


def own_answer(round_: Round, membership: Membership, receipt: str) -> Answer | None:
    """The member's answer: by their membership in a named round, by the receipt they hold in an anonymous one."""
    if not round_.is_anonymous:
        return round_.answers.filter(membership=membership).first()
    if not receipt:
        return None
    return round_.answers.filter(membership__isnull=True, receipt_digest=receipt_digest(round_.pk, receipt)).first()


# --- Results ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Comment:
    text: str
    author: str  # empty in an anonymous round


@dataclass
class ItemResult:
    item: Item
    condition: Condition
    distribution: results.Distribution
    comments: list[Comment] = field(default_factory=list)
    previous_score: int | None = None


@dataclass
class ConditionResult:
    condition: Condition
    items: list[ItemResult]

    @property
    def distribution(self) -> results.Distribution:
        return results.combined(row.distribution for row in self.items)

    @property
    def score(self) -> int | None:
        return results.condition_score(row.distribution for row in self.items)

    @property
    def is_weak(self) -> bool:
        return self.score is not None and self.score < results.WEAK_BELOW


@dataclass
class RoundResults:
    round: Round
    answer_count: int
    visible: bool
    conditions: list[ConditionResult]

    @property
    def items_weak_first(self) -> list[ItemResult]:
        rows = [row for condition in self.conditions for row in condition.items]
        return sorted(rows, key=lambda row: (row.distribution.score is None, row.distribution.score or 0))


def results_visible(round_: Round, answer_count: int) -> bool:
    """A named round shows its results at once. An anonymous one only once closed (no before-and-after
    comparison around one person's answer) and from ANONYMITY_THRESHOLD answers."""
    if not round_.is_anonymous:
        return answer_count > 0
    return not round_.is_open and answer_count >= ANONYMITY_THRESHOLD


def _round_results(
    round_: Round, answers: list[Answer], conditions: list[Condition], previous: "RoundResults | None"
) -> RoundResults:
    visible = results_visible(round_, len(answers))
    previous_scores = _item_scores(previous)
    rows = []
    for condition in conditions:
        items = [
            ItemResult(
                item=item,
                condition=condition,
                distribution=results.distribution(a.grades[item.code] for a in answers if item.code in a.grades),
                comments=_comments(answers, item.code, named=not round_.is_anonymous) if visible else [],
                previous_score=previous_scores.get(item.code),
            )
            for item in condition.items.all()
        ]
        rows.append(ConditionResult(condition=condition, items=items))
    return RoundResults(round=round_, answer_count=len(answers), visible=visible, conditions=rows)


def _comments(answers: list[Answer], code: str, *, named: bool) -> list[Comment]:
    found = [
        Comment(text=a.comments[code], author=str(a.membership.user) if named and a.membership else "")
        for a in answers
        if a.comments.get(code)
    ]
    # An anonymous round's comments are shown in a fixed order that tells nothing about who wrote them.
    return found if named else sorted(found, key=lambda comment: comment.text)


def _item_scores(previous: "RoundResults | None") -> dict[str, int | None]:
    if previous is None or not previous.visible:
        return {}
    return {row.item.code: row.distribution.score for c in previous.conditions for row in c.items}


def partnership_results(*, partnership: Partnership) -> dict[int, RoundResults]:
    """Every round of the partnership compiled, oldest first, each item compared with the round before; a
    fixed number of queries whatever the number of rounds and answers."""
    rounds = list(
        Round.objects.filter(partnership=partnership).select_related("questionnaire").order_by("opened_at", "id")
    )
    answers: dict[int, list[Answer]] = {round_.pk: [] for round_ in rounds}
    for answer in Answer.objects.filter(round__in=rounds).select_related("membership__user"):
        answers[answer.round_id].append(answer)
    items = Prefetch("items", queryset=Item.objects.order_by("position"))
    conditions: dict[int, list[Condition]] = {}
    questionnaire_ids = {round_.questionnaire_id for round_ in rounds}
    for condition in Condition.objects.filter(questionnaire__in=questionnaire_ids).prefetch_related(items):
        conditions.setdefault(condition.questionnaire_id, []).append(condition)
    compiled: dict[int, RoundResults] = {}
    previous = None
    for round_ in rounds:
        compiled[round_.pk] = previous = _round_results(
            round_, answers[round_.pk], conditions.get(round_.questionnaire_id, []), previous
        )
    return compiled


@dataclass(frozen=True)
class Evolution:
    """Condition scores across the partnership's rounds whose results are visible, oldest first."""

    rounds: list[Round]
    rows: list[tuple[str, list[int | None]]]  # (condition name, one score per round)


def evolution(compiled: dict[int, RoundResults]) -> Evolution:
    shown = [result for result in compiled.values() if result.visible]
    names: dict[str, str] = {}
    scores: dict[str, dict[int, int | None]] = {}
    for result in shown:
        for condition in result.conditions:
            names.setdefault(condition.condition.code, condition.condition.name)
            scores.setdefault(condition.condition.code, {})[result.round.pk] = condition.score
    rows = [(names[code], [scores[code].get(r.round.pk) for r in shown]) for code in names]
    return Evolution(rounds=[r.round for r in shown], rows=rows)
