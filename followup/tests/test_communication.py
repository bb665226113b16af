"""Step 4's communication plan: a list per cycle, kept by coordination and the committee, read by everyone."""

import pytest

from followup.models import CommunicationItem
from followup.tests.factories import CommunicationItemFactory

pytestmark = pytest.mark.django_db


def _data(cast, **extra) -> dict:
    return {
        "audience": "Parents du quartier",
        "message": "Ce que le plan change pour vos enfants",
        "channel": "Infolettre",
        "planned_on": "2026-02-01",
        "responsible": cast.organization.pk,
        "status": "planned",
        "form_token": "",
        **extra,
    }


def test_the_committee_adds_a_line(cast, client_for, cycle_url, cycle):
    response = client_for(cast.committee).post(cycle_url("followup:communication"), _data(cast))
    assert response.status_code == 302
    item = CommunicationItem.objects.get()
    assert (item.cycle, item.responsible, item.audience) == (cycle, cast.organization, "Parents du quartier")


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_others_read_and_may_not_write(cast, client_for, cycle_url, cycle, role):
    item = CommunicationItemFactory(cycle=cycle, audience="Élus municipaux")
    client = client_for(getattr(cast, role))
    page = client.get(cycle_url("followup:communication"))
    assert "Élus municipaux" in page.content.decode()
    assert client.post(cycle_url("followup:communication"), _data(cast)).status_code == 403
    assert client.get(cycle_url("followup:communication_edit", item_pk=item.pk)).status_code == 403
    assert CommunicationItem.objects.count() == 1


def test_bad_input_is_said_and_nothing_saved(cast, client_for, cycle_url):
    response = client_for(cast.coordinator).post(cycle_url("followup:communication"), _data(cast, audience=""))
    assert response.status_code == 200
    assert "Ce que le plan change" in response.content.decode()
    assert not CommunicationItem.objects.exists()


def test_edit_conflict_history_and_deletion(cast, client_for, cycle_url, cycle):
    item = CommunicationItemFactory(cycle=cycle)
    client = client_for(cast.coordinator)
    address = cycle_url("followup:communication_edit", item_pk=item.pk)
    assert client.post(address, _data(cast, version=item.version, status="done")).status_code == 302
    stale = client.post(address, _data(cast, version=item.version, channel="Radio"))
    assert stale.status_code == 409
    item.refresh_from_db()
    assert (item.status, item.channel) == ("done", "Infolettre")
    history = client.get(cycle_url("followup:communication_history", item_pk=item.pk))
    assert history.status_code == 200 and "Réalisée" in history.content.decode()
    delete = cycle_url("followup:communication_delete", item_pk=item.pk)
    assert client.get(delete).status_code == 200
    assert client.post(delete).status_code == 302
    assert not CommunicationItem.objects.exists()


def test_the_outsider_gets_404(cast, client_for, cycle_url, cycle):
    item = CommunicationItemFactory(cycle=cycle)
    client = client_for(cast.outsider)
    assert client.get(cycle_url("followup:communication")).status_code == 404
    assert client.get(cycle_url("followup:communication_history", item_pk=item.pk)).status_code == 404


def test_list_query_count_does_not_grow(cast, client_for, cycle_url, cycle, assert_flat_queries):
    CommunicationItemFactory(cycle=cycle, responsible=cast.organization)
    assert_flat_queries(
        client_for(cast.coordinator),
        cycle_url("followup:communication"),
        grow=lambda: CommunicationItemFactory.create_batch(20, cycle=cycle, responsible=cast.other_organization),
    )
