from analysis.tests.factories import FindingFactory, ObservationFactory, StatisticFactory
from cycles.tests.factories import CycleFactory


def url_kwargs(partnership) -> dict:
    # Several apps return a "cycle_pk" and the last one wins: like the others, the finding goes in the
    # partnership's first cycle, so that whichever module's value is kept, the finding belongs to it.
    cycle = partnership.cycles.order_by("pk").first() or CycleFactory(partnership=partnership)
    return {
        "statistic_pk": StatisticFactory(partnership=partnership).pk,
        "observation_pk": ObservationFactory(partnership=partnership).pk,
        "finding_pk": FindingFactory(cycle=cycle).pk,
        "cycle_pk": cycle.pk,
    }
