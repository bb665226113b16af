"""core.saving.save_with_links, in depth: one history record per change, whatever the number of links."""

import pytest

from analysis.models import Finding, FindingNature, FindingOrigin
from analysis.tests.factories import ObservationFactory, StatisticFactory
from core.concurrency import EditConflict
from core.history import history_entries
from core.saving import save_with_links
from cycles.tests.factories import CycleFactory
from factors.models import ProtectiveFactor

pytestmark = pytest.mark.django_db


@pytest.fixture
def finding(cast):
    return Finding(
        cycle=CycleFactory(partnership=cast.partnership),
        statement="Peu d'enfants fréquentent la bibliothèque.",
        nature=FindingNature.CONCERN,
        origin=FindingOrigin.DATA,
    )


def test_a_creation_with_links_is_one_history_record_holding_the_links(cast, finding):
    factors = list(ProtectiveFactor.objects.filter(partnership__isnull=True).order_by("pk")[:3])
    statistic = StatisticFactory(partnership=cast.partnership)

    save_with_links(finding, links={"factors": factors, "statistics": [statistic]})

    assert finding.history.count() == 1
    record = finding.history.get()
    assert record.history_type == "+"
    assert set(record.factors.values_list("protectivefactor_id", flat=True)) == {f.pk for f in factors}
    assert list(record.statistics.values_list("statistic_id", flat=True)) == [statistic.pk]
    (entry,) = history_entries(finding)
    assert entry.kind == "Création"
    assert {change.label for change in entry.changes} >= {"facteurs de protection", "données"}


def test_an_update_is_one_record_naming_the_links_added_and_removed(cast, finding):
    first, second = ProtectiveFactor.objects.filter(partnership__isnull=True).order_by("pk")[:2]
    observation = ObservationFactory(partnership=cast.partnership)
    save_with_links(finding, links={"factors": [first]})

    finding.statement = "Peu d'enfants fréquentent la bibliothèque municipale."
    save_with_links(
        finding,
        links={"factors": [second], "observations": [observation]},
        expected_version=1,
        reason="Relu en comité",
    )

    assert finding.history.count() == 2
    latest = history_entries(finding)[0]
    assert latest.kind == "Modification" and latest.reason == "Relu en comité"
    changes = {change.label: (change.old, change.new) for change in latest.changes}
    assert changes["facteurs de protection"] == (first.name, second.name)
    assert changes["observations"] == ("—", str(observation))
    assert changes["constat"][1].endswith("municipale.")


def test_a_stale_update_writes_nothing(cast, finding):
    factor = ProtectiveFactor.objects.filter(partnership__isnull=True).first()
    save_with_links(finding, links={})
    current = Finding.objects.get(pk=finding.pk)
    current.statement = "Changé par quelqu'un d'autre."
    save_with_links(current, links={}, expected_version=1)

    finding.statement = "Ma version"
    with pytest.raises(EditConflict):
        save_with_links(finding, links={"factors": [factor]}, expected_version=1)

    assert Finding.objects.get(pk=finding.pk).statement == "Changé par quelqu'un d'autre."
    assert not Finding.objects.get(pk=finding.pk).factors.exists()
    assert finding.history.count() == 2


def test_an_update_must_name_the_version_it_started_from(cast, finding):
    save_with_links(finding, links={})
    with pytest.raises(TypeError):
        save_with_links(finding, links={})
