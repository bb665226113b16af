from cycles.tests.factories import CycleFactory
from meetings.tests.factories import DecisionFactory, DecisionTaskFactory, MeetingFactory, MinutesFactory


def url_kwargs(partnership) -> dict:
    cycle = partnership.cycles.order_by("pk").first() or CycleFactory(partnership=partnership)
    earlier = MeetingFactory(cycle=cycle, position=1)
    meeting = MeetingFactory(cycle=cycle, position=2)
    minutes = MinutesFactory(meeting=earlier)
    decision = DecisionFactory(meeting=meeting)
    return {
        "cycle_pk": cycle.pk,
        "meeting_pk": meeting.pk,
        "minutes_pk": minutes.pk,
        "decision_pk": decision.pk,
        "task_pk": DecisionTaskFactory(decision=decision).pk,
    }
