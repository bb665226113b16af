"""core.submissions, through the pages that create: a form sent twice creates once; a collision with a record
saved at the same moment comes back as the form's own error, never a 500."""

import threading

import pytest
from django.db import IntegrityError, connection, connections

from analysis.models import Finding
from core.models import SubmittedForm
from core.tests.support import url
from organizations import services as organization_services
from organizations.models import Organization

pytestmark = pytest.mark.django_db


def token_of(client, address: str) -> str:
    return client.get(address).context["form"].initial["form_token"]


def test_a_creation_form_sent_twice_creates_once_and_lands_on_the_first_result(cast, cycle, client_for):
    client = client_for(cast.coordinator)
    address = url("analysis:finding_create", cast, cycle_pk=cycle.pk)
    data = {
        "statement": "Les familles connaissent mal les haltes-garderies.",
        "nature": "concern",
        "origin": "services",
        "form_token": token_of(client, address),
    }

    first = client.post(address, data)
    second = client.post(address, data, follow=True)

    assert Finding.objects.count() == 1
    finding = Finding.objects.get()
    assert first.status_code == 302 and first["Location"].endswith(f"/constats/{finding.pk}/")
    assert second.redirect_chain[-1][0] == first["Location"]
    assert "Ce formulaire avait déjà été envoyé" in second.content.decode()
    assert finding.history.count() == 1


def test_a_token_is_one_person_s_own(cast, client_for):
    address = url("organizations:create", cast)
    coordinator = client_for(cast.coordinator)
    token = token_of(coordinator, address)
    assert (
        coordinator.post(address, {"name": "CPE Soleil", "sector": "childcare", "form_token": token}).status_code == 302
    )
    assert SubmittedForm.objects.get(token=token).user == cast.coordinator


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serializes writes: the form's check sees it")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_collision_with_a_record_saved_meanwhile_is_the_form_s_own_error(cast, client_for, monkeypatch):
    """Two people add the same organization at the same moment: both pass the form's check, the database keeps
    the first one (saved and committed by another connection while this request runs), and the second person
    reads why, with what they typed — no error page."""
    real = organization_services.organization_create

    def someone_else_commits_first(*, partnership, organization):
        other = threading.Thread(target=_create_elsewhere, kwargs={"partnership": partnership, "name": "cpe soleil"})
        other.start()
        other.join()
        return real(partnership=partnership, organization=organization)

    monkeypatch.setattr(organization_services, "organization_create", someone_else_commits_first)
    client = client_for(cast.coordinator)
    address = url("organizations:create", cast)
    data = {"name": "CPE Soleil", "sector": "childcare", "form_token": token_of(client, address)}
    response = client.post(address, data)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Un organisme de ce nom fait déjà partie du regroupement." in content
    assert 'value="CPE Soleil"' in content
    assert list(Organization.objects.filter(name__iexact="cpe soleil").values_list("name", flat=True)) == ["cpe soleil"]


def _create_elsewhere(*, partnership, name: str) -> None:
    try:
        Organization.objects.create(partnership=partnership, name=name, sector="childcare")
    finally:
        connections.close_all()


def test_the_database_refuses_what_the_form_refuses(cast):
    Organization.objects.create(partnership=cast.partnership, name="CPE Soleil", sector="childcare")
    with pytest.raises(IntegrityError):
        Organization.objects.create(partnership=cast.partnership, name="cpe SOLEIL", sector="childcare")
