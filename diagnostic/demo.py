"""Demo data for Outil 13: partnership A's two anonymous rounds a year apart, answered and closed through the
services, then dated in the past. A round is found on its title, so a second run changes nothing."""

import datetime

from django.utils import timezone

from demo.context import DemoContext
from partnerships.models import Membership

from . import selectors, services
from .demo_content import COMMENTS, ROUNDS
from .models import Participation, Round


def load(ctx: DemoContext) -> None:
    questionnaire = selectors.current_questionnaire(partnership=ctx.partnership_a)
    members = list(selectors.answering_members(partnership=ctx.partnership_a))
    codes = [item.code for c in selectors.conditions_with_items(questionnaire) for item in c.items.all()]
    for title, opened_on, closed_on, patterns in ROUNDS:
        if Round.objects.filter(partnership=ctx.partnership_a, title=title).exists():
            continue
        draft = Round(title=title, questionnaire=questionnaire, is_anonymous=True, closes_on=timezone.localdate())
        round_ = services.round_open(
            partnership=ctx.partnership_a,
            round_=draft,
            invitees=members,
            user=ctx.coordinator_a,
            base_url="",
            notify=False,
        )
        _answer(round_, members, codes, patterns, COMMENTS.get(title))
        services.round_close(round_=round_)
        _date(round_, opened_on, closed_on)


def _answer(round_: Round, members: list[Membership], codes: list[str], patterns, comment) -> None:
    for member, pattern in zip(members, patterns, strict=False):
        grades = dict(zip(codes, pattern, strict=True))
        comments = {comment[0]: comment[1]} if comment and member == members[0] else {}
        services.answer_submit(round_=round_, membership=member, grades=grades, comments=comments)


def _date(round_: Round, opened_on: datetime.date, closed_on: datetime.date) -> None:
    """The demo's rounds happened in the past: their dates are set after the fact, as an import would."""
    opened = timezone.make_aware(datetime.datetime.combine(opened_on, datetime.time(9)))
    closed = timezone.make_aware(datetime.datetime.combine(closed_on, datetime.time(17)))
    Round.objects.filter(pk=round_.pk).update(opened_at=opened, closes_on=closed_on, closed_at=closed)
    Participation.objects.filter(round=round_).update(answered_at=opened + datetime.timedelta(days=3))
