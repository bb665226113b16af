import pytest

from analysis.models import Observation, ObservationSource
from core.history import history_entries
from factors.models import ProtectiveFactor

pytestmark = pytest.mark.django_db


def test_history_names_the_links_added_and_removed(cast):
    factors = list(ProtectiveFactor.objects.filter(partnership__isnull=True).order_by("pk")[:2])
    observation = Observation.objects.create(
        partnership=cast.partnership,
        text="Les parents demandent des haltes-garderies.",
        source_kind=ObservationSource.PARENTS,
    )
    observation.factors.add(factors[0])
    observation.factors.set([factors[1]])

    entries = history_entries(observation)

    link_changes = [
        (c.old, c.new) for entry in reversed(entries) for c in entry.changes if c.label == "facteurs de protection"
    ]
    assert link_changes == [("—", factors[0].name), (factors[0].name, "—"), ("—", factors[1].name)]
    assert entries[-1].kind == "Création"


def test_history_query_count_does_not_grow_with_the_number_of_changes(cast, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    factors = list(ProtectiveFactor.objects.filter(partnership__isnull=True)[:3])
    observation = Observation.objects.create(
        partnership=cast.partnership, text="Texte", source_kind=ObservationSource.OTHER
    )

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            history_entries(observation)
        return len(ctx.captured_queries)

    observation.factors.add(factors[0])
    small = count()
    for factor in factors[1:]:
        observation.factors.add(factor)
        observation.text += "."
        observation.save()
    assert count() == small
