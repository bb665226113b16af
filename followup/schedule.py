"""When an action's reports are due: pure functions of its follow-up schedule, its dates and today's date.

Periods follow the calendar (months, quarters, halves, years), cut to the action's own start and end, so that
every action on the same schedule reports on the same dates; a period's report is due DUE_AFTER_DAYS after it
ends. "Today" is the date in the partnership's time zone, not the server's: a report due on 31 March is not late
at 22:00 in Montréal, when it is already 1 April in UTC.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

DEFAULT_TIME_ZONE = "America/Toronto"
DUE_AFTER_DAYS = 30
MONTHS_PER_PERIOD = {"monthly": 1, "quarterly": 3, "twice_a_year": 6, "yearly": 12}


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    due: datetime.date


def local_today(now: datetime.datetime, time_zone: str = DEFAULT_TIME_ZONE) -> datetime.date:
    """The date it is at `now` (an aware datetime) where the partnership is."""
    return now.astimezone(ZoneInfo(time_zone)).date()


def report_periods(
    *, follow_up: str, starts_on: datetime.date | None, ends_on: datetime.date | None, until: datetime.date
) -> list[Period]:
    """The action's report periods that have begun by `until`: none without a schedule or a start date."""
    months = MONTHS_PER_PERIOD.get(follow_up)
    if months is None or starts_on is None:
        return []
    periods = []
    start = _period_start(starts_on, months)
    last = min(until, ends_on) if ends_on else until
    while start <= last:
        following = _add_months(start, months)
        end = following - datetime.timedelta(days=1)
        cut_start, cut_end = max(start, starts_on), min(end, ends_on) if ends_on else end
        periods.append(Period(cut_start, cut_end, cut_end + datetime.timedelta(days=DUE_AFTER_DAYS)))
        start = following
    return periods


def _period_start(day: datetime.date, months: int) -> datetime.date:
    """The first day of the calendar period of `months` months that holds `day`."""
    month = (day.month - 1) // months * months + 1
    return datetime.date(day.year, month, 1)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.month - 1 + months
    return datetime.date(day.year + index // 12, index % 12 + 1, 1)


class Standing:
    """Where one period's report stands (codes the due-reports pages and the reminders share)."""

    SUBMITTED = "submitted"
    SENT_BACK = "sent_back"
    LATE = "late"
    DUE = "due"
    UPCOMING = "upcoming"


def standing(period: Period, *, report_state: str | None, today: datetime.date) -> str:
    """A submitted report is done; a sent-back one waits on its authors; otherwise the dates decide: due once
    its period has reached its last day, late after its due date."""
    if report_state == "submitted":
        return Standing.SUBMITTED
    if report_state == "sent_back":
        return Standing.SENT_BACK
    if today > period.due:
        return Standing.LATE
    if today >= period.end:
        return Standing.DUE
    return Standing.UPCOMING
