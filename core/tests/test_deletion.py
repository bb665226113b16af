"""core.deletion, in depth: the confirmation lists what goes, what loses a link and what protects; confirming
deletes the cascade and notes each lost link in the history of the record that lost it."""

import pytest

from analysis.models import Finding, Statistic
from analysis.tests.factories import FindingFactory, StatisticFactory
from core.deletion import delete_record, deletion_of
from core.tests.support import url
from offer.tests.factories import ServiceFactory
from priorities.tests.factories import PriorityFactory

pytestmark = pytest.mark.django_db


def test_a_cited_statistic_names_the_findings_that_lose_it(cast, cycle):
    statistic = StatisticFactory(partnership=cast.partnership)
    citing = FindingFactory(cycle=cycle, statement="Le langage inquiète.")
    citing.statistics.add(statistic)
    FindingFactory(cycle=cycle, statement="Sans rapport.")

    deletion = deletion_of(statistic)

    assert deletion.allowed and deletion.removed == [] and deletion.blockers == []
    assert deletion.unlinked == ["constat « Le langage inquiète. »"]


def test_confirming_removes_the_link_with_a_history_entry_and_moves_the_version(cast, cycle):
    statistic = StatisticFactory(partnership=cast.partnership, indicator="Taux de naissance")
    citing = FindingFactory(cycle=cycle)
    citing.statistics.add(statistic)
    version = Finding.objects.get(pk=citing.pk).version

    delete_record(statistic)

    citing = Finding.objects.get(pk=citing.pk)
    assert not Statistic.objects.filter(pk=statistic.pk).exists()
    assert not citing.statistics.exists()
    assert citing.version == version + 1  # a form opened on the finding before now sees a conflict
    latest = citing.history.order_by("-history_id").first()
    assert latest.history_type == "~"
    assert latest.history_change_reason.startswith("Supprimé : donnée « Taux de naissance")
    assert not latest.statistics.exists()  # the record holds the links as they now are


def test_an_organization_lists_its_cascade_counted_by_kind_and_what_its_services_leave(cast, cycle):
    first = ServiceFactory(organization=cast.organization, name="Halte-garderie")
    ServiceFactory(organization=cast.organization, name="Café-rencontre")
    FindingFactory(cycle=cycle, statement="Peu de haltes.").services.add(first)

    deletion = deletion_of(cast.organization)

    assert deletion.removed == ["2 services"]
    assert deletion.unlinked == ["constat « Peu de haltes. »"]


def test_a_protecting_relation_prevents_the_deletion_and_is_named(cast, cycle):
    priority = PriorityFactory(cycle=cycle, position=1)

    deletion = deletion_of(priority.finding)

    assert not deletion.allowed
    assert deletion.blockers == [f"priorité « 1. {priority.finding.statement[:80]} »"]


def test_the_confirmation_page_deletes_nothing_until_confirmed(cast, client_for):
    statistic = StatisticFactory(partnership=cast.partnership)
    client = client_for(cast.coordinator)
    address = url("analysis:statistic_delete", cast, statistic_pk=statistic.pk)

    page = client.get(address)

    assert page.status_code == 200 and "Supprimer" in page.content.decode()
    assert Statistic.objects.filter(pk=statistic.pk).exists()
    response = client.post(address)
    assert response.status_code == 302 and not Statistic.objects.filter(pk=statistic.pk).exists()


def test_a_refused_deletion_answers_409_and_keeps_the_record(cast, cycle, client_for):
    priority = PriorityFactory(cycle=cycle, position=1)
    address = url("analysis:finding_delete", cast, cycle_pk=cycle.pk, finding_pk=priority.finding_id)

    response = client_for(cast.coordinator).post(address)

    assert response.status_code == 409
    assert "ne peut pas être supprimée" in response.content.decode()
    assert Finding.objects.filter(pk=priority.finding_id).exists()
