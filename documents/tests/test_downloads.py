"""Who may download a document, what the address accepts, and what the response says about the file."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.models import DocumentJob, JobStatus
from documents.registry import documents
from documents.tests.support import a_plan
from plan.tests.factories import ActionFactory, BudgetLineFactory

pytestmark = pytest.mark.django_db


def test_every_member_reads_the_plan_and_an_outsider_gets_404(cast, cycle, client_for, cycle_url):
    address = cycle_url("documents:cycle", key="plan", file_format="docx")
    for member in (cast.coordinator, cast.committee, cast.partner, cast.observer):
        assert client_for(member).get(address).status_code == 200
    assert client_for(cast.outsider).get(address).status_code == 404


def test_a_post_is_refused_and_changes_nothing(cast, cycle, client_for, cycle_url):
    address = cycle_url("documents:cycle", key="plan", file_format="pdf")
    assert client_for(cast.observer).post(address).status_code == 405


def test_an_unknown_document_or_format_is_404(cast, cycle, client_for, cycle_url):
    client = client_for(cast.coordinator)
    assert client.get(cycle_url("documents:cycle", key="inconnu", file_format="pdf")).status_code == 404
    # A partnership's document is not served under a cycle, nor a cycle's under the partnership.
    assert client.get(cycle_url("documents:cycle", key="offre-de-services", file_format="pdf")).status_code == 404


def test_another_partnerships_cycle_is_404(cast, client_for):
    from django.urls import reverse

    from cycles.tests.factories import CycleFactory

    theirs = CycleFactory(partnership=cast.other_partnership)
    address = reverse(
        "documents:cycle",
        kwargs={"slug": cast.partnership.slug, "cycle_pk": theirs.pk, "key": "plan", "file_format": "pdf"},
    )
    assert client_for(cast.coordinator).get(address).status_code == 404


def test_the_response_names_the_file_and_its_build_time(cast, cycle, client_for, cycle_url):
    response = client_for(cast.observer).get(cycle_url("documents:cycle", key="plan", file_format="xlsx"))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].endswith(".xlsx")
    assert response["Server-Timing"].startswith("build;dur=")
    assert response["Cache-Control"] == "private, no-store"


def test_every_document_offers_a_pdf_and_has_a_unique_key():
    assert documents(), "no app declares a document"
    for document in documents().values():
        assert "pdf" in document.formats, document.key


@pytest.mark.parametrize("file_format", ["pdf", "docx", "xlsx"])
def test_the_plan_documents_queries_do_not_grow_with_the_plan(cast, cycle, client_for, cycle_url, file_format):
    a_plan(cast, cycle, actions=2)
    address = cycle_url("documents:cycle", key="plan", file_format=file_format)
    client = client_for(cast.observer)
    small = _build_queries(client, address)
    a_plan(cast, cycle, actions=8, objective="Soutenir les parents")
    for action in ActionFactory.create_batch(3, cycle=cycle, lead=cast.other_organization):
        BudgetLineFactory(action=action)
    assert _build_queries(client, address) == small


def _build_queries(client, address: str) -> int:
    """The queries of the request that builds the file: the download itself, or, for the PDF the plan builds in
    the background, the request of its job (the immediate task backend builds it inside that request). The job's
    progress, written at most once a second while it is built, follows the build's duration and is not counted."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(address)
    assert response.status_code in (200, 302), address
    assert response.status_code == 200 or DocumentJob.objects.latest("pk").status == JobStatus.DONE
    return sum(1 for query in ctx.captured_queries if 'SET "progress"' not in query["sql"])


def test_a_document_of_one_record_is_only_at_a_records_address(cast, cycle, client_for, cycle_url):
    from cycles.tests.factories import CycleFactory
    from meetings.tests.factories import MeetingFactory

    meeting = MeetingFactory(cycle=cycle)
    client = client_for(cast.coordinator)
    record = {"record_pk": meeting.pk, "file_format": "pdf"}
    assert client.get(cycle_url("documents:cycle_record", record_key="rencontre", **record)).status_code == 200
    assert client.get(cycle_url("documents:cycle", key="rencontre", file_format="pdf")).status_code == 404
    assert client.get(cycle_url("documents:cycle_record", record_key="plan", **record)).status_code == 404
    # A meeting of another of the partnership's cycles is not found under this one.
    elsewhere = MeetingFactory(cycle=CycleFactory(partnership=cast.partnership))
    address = cycle_url("documents:cycle_record", record_key="rencontre", record_pk=elsewhere.pk, file_format="pdf")
    assert client.get(address).status_code == 404
