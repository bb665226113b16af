"""Report periods and due dates, as pure functions: calendar edges and the partnership's time zone."""

import datetime

import pytest

from followup.schedule import DUE_AFTER_DAYS, Period, Standing, local_today, report_periods, standing

D = datetime.date


FAR = D(2030, 1, 1)


def _periods(follow_up, starts_on, ends_on=None, until=FAR):
    return [
        (p.start, p.end) for p in report_periods(follow_up=follow_up, starts_on=starts_on, ends_on=ends_on, until=until)
    ]


def test_monthly_periods_follow_the_calendar_and_the_actions_dates():
    assert _periods("monthly", D(2025, 1, 15), D(2025, 3, 10)) == [
        (D(2025, 1, 15), D(2025, 1, 31)),
        (D(2025, 2, 1), D(2025, 2, 28)),
        (D(2025, 3, 1), D(2025, 3, 10)),
    ]


def test_february_of_a_leap_year_and_the_turn_of_the_year():
    assert _periods("monthly", D(2027, 12, 1), D(2028, 2, 29)) == [
        (D(2027, 12, 1), D(2027, 12, 31)),
        (D(2028, 1, 1), D(2028, 1, 31)),
        (D(2028, 2, 1), D(2028, 2, 29)),
    ]


def test_quarters_start_in_january_april_july_october():
    assert _periods("quarterly", D(2025, 9, 1), D(2026, 4, 2)) == [
        (D(2025, 9, 1), D(2025, 9, 30)),
        (D(2025, 10, 1), D(2025, 12, 31)),
        (D(2026, 1, 1), D(2026, 3, 31)),
        (D(2026, 4, 1), D(2026, 4, 2)),
    ]


def test_halves_and_years():
    assert _periods("twice_a_year", D(2025, 7, 1), D(2026, 12, 31)) == [
        (D(2025, 7, 1), D(2025, 12, 31)),
        (D(2026, 1, 1), D(2026, 6, 30)),
        (D(2026, 7, 1), D(2026, 12, 31)),
    ]
    assert _periods("yearly", D(2025, 9, 1), D(2027, 6, 30)) == [
        (D(2025, 9, 1), D(2025, 12, 31)),
        (D(2026, 1, 1), D(2026, 12, 31)),
        (D(2027, 1, 1), D(2027, 6, 30)),
    ]


def test_only_periods_begun_by_the_day_without_an_end():
    assert _periods("quarterly", D(2025, 1, 1), until=D(2025, 7, 1)) == [
        (D(2025, 1, 1), D(2025, 3, 31)),
        (D(2025, 4, 1), D(2025, 6, 30)),
        (D(2025, 7, 1), D(2025, 9, 30)),
    ]


@pytest.mark.parametrize("follow_up,starts_on", [("", D(2025, 1, 1)), ("quarterly", None), ("weekly", D(2025, 1, 1))])
def test_no_schedule_or_no_start_means_no_periods(follow_up, starts_on):
    assert _periods(follow_up, starts_on) == []


def test_a_report_is_due_some_days_after_its_period():
    (period,) = report_periods(
        follow_up="yearly", starts_on=D(2025, 1, 1), ends_on=D(2025, 12, 31), until=D(2026, 1, 1)
    )
    assert period.due == D(2025, 12, 31) + datetime.timedelta(days=DUE_AFTER_DAYS) == D(2026, 1, 30)


def test_standing_of_a_period():
    period = Period(D(2026, 1, 1), D(2026, 3, 31), D(2026, 4, 30))
    assert standing(period, report_state=None, today=D(2026, 2, 1)) == Standing.UPCOMING
    assert standing(period, report_state=None, today=D(2026, 3, 31)) == Standing.DUE
    assert standing(period, report_state="draft", today=D(2026, 4, 30)) == Standing.DUE
    assert standing(period, report_state="draft", today=D(2026, 5, 1)) == Standing.LATE
    assert standing(period, report_state="sent_back", today=D(2026, 5, 1)) == Standing.SENT_BACK
    assert standing(period, report_state="submitted", today=D(2026, 5, 1)) == Standing.SUBMITTED


UTC = datetime.UTC


def test_today_is_the_partnerships_date_not_the_servers():
    # 31 March 2026 at 23:30 in Montréal (summer time, UTC−4) is already 1 April in UTC.
    assert local_today(datetime.datetime(2026, 4, 1, 3, 30, tzinfo=UTC)) == D(2026, 3, 31)
    assert local_today(datetime.datetime(2026, 4, 1, 4, 30, tzinfo=UTC)) == D(2026, 4, 1)


def test_today_across_the_change_to_summer_time():
    # Before 8 March 2026 Montréal is at UTC−5, after it at UTC−4: the same UTC hour falls on different dates.
    assert local_today(datetime.datetime(2026, 3, 8, 4, 30, tzinfo=UTC)) == D(2026, 3, 7)  # 23:30 EST
    assert local_today(datetime.datetime(2026, 3, 9, 4, 30, tzinfo=UTC)) == D(2026, 3, 9)  # 00:30 EDT
    assert local_today(datetime.datetime(2026, 11, 2, 4, 30, tzinfo=UTC)) == D(2026, 11, 1)  # 23:30 EST again


def test_a_report_due_on_the_last_day_is_late_only_once_that_day_ends_where_the_partnership_is():
    period = Period(D(2026, 2, 1), D(2026, 2, 28), D(2026, 3, 30))
    evening = local_today(datetime.datetime(2026, 3, 31, 3, 59, tzinfo=UTC))  # 23:59 on 30 March, EDT
    assert standing(period, report_state=None, today=evening) == Standing.DUE
    night = local_today(datetime.datetime(2026, 3, 31, 4, 0, tzinfo=UTC))
    assert standing(period, report_state=None, today=night) == Standing.LATE


def test_another_time_zone():
    assert local_today(datetime.datetime(2026, 1, 1, 7, 30, tzinfo=UTC), "America/Vancouver") == D(2025, 12, 31)
