"""A document built in the background (the complete plan in PDF): the request leads to the job's page, which shows
the progress and then the link; the file is the requester's own, in their language; a failure says so and can be
asked again; identical requests share one job; old jobs go; and the whole path through the database queue and its
worker."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from documents.models import DocumentJob, JobStatus
from documents.tests.support import a_plan, fetched, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_pdf(cycle_url):
    return cycle_url("documents:cycle", key="plan", file_format="pdf")


def _job_url(cast, job, name="documents:job"):
    return reverse(name, kwargs={"slug": cast.partnership.slug, "job_pk": job.pk})


def _job(cast, cycle, user, **fields):
    values = {"key": "plan", "file_format": "pdf", "language": "fr", "status": JobStatus.RUNNING} | fields
    return DocumentJob.objects.create(partnership=cast.partnership, cycle=cycle, requested_by=user, **values)


def test_the_plan_pdf_is_built_in_the_background_and_ready_on_its_page(cast, cycle, client_for, plan_pdf):
    a_plan(cast, cycle)
    client = client_for(cast.committee)
    response = client.get(plan_pdf)
    job = DocumentJob.objects.get()
    assert response.status_code == 302 and response["Location"] == _job_url(cast, job)
    assert (job.status, job.progress, job.requested_by, job.language) == (JobStatus.DONE, 100, cast.committee, "fr")
    page = client.get(_job_url(cast, job)).content.decode()
    assert "Le document est prêt." in page and "hx-get" not in page  # finished: no more polling
    download, content = fetched(client, plan_pdf)
    assert download["Content-Type"] == "application/pdf" and download["Cache-Control"] == "private, no-store"
    assert "Croque-livres 1" in pdf_text(content)


def test_the_file_is_built_in_the_readers_language(cast, cycle, client_for, plan_pdf):
    a_plan(cast, cycle)
    client = client_for(cast.partner)
    client.cookies["django_language"] = "en"
    _download, content = fetched(client, plan_pdf)
    assert DocumentJob.objects.get().language == "en"
    assert "Concerted action plan" in pdf_text(content)
    assert "The document is ready." in client.get(_job_url(cast, DocumentJob.objects.get())).content.decode()


def test_asking_again_while_it_is_built_reuses_the_job(cast, cycle, client_for, plan_pdf):
    running = _job(cast, cycle, cast.coordinator, progress=40, pages=12)
    response = client_for(cast.coordinator).get(plan_pdf)
    assert response["Location"] == _job_url(cast, running)
    assert DocumentJob.objects.count() == 1
    page = client_for(cast.coordinator).get(response["Location"]).content.decode()
    assert "Préparation en cours : 40 %." in page and "12 pages mises en page." in page
    assert 'hx-trigger="every 2s"' in page and f'href="{_job_url(cast, running)}"' in page  # refresh link without JS


def test_a_build_that_lost_its_worker_counts_as_failed(cast, cycle, client_for, plan_pdf):
    a_plan(cast, cycle)
    lost = _job(cast, cycle, cast.coordinator, started_at=timezone.now() - datetime.timedelta(hours=2))
    response = client_for(cast.coordinator).get(plan_pdf)
    assert response["Location"] != _job_url(cast, lost)
    lost.refresh_from_db()
    assert lost.status == JobStatus.FAILED
    assert DocumentJob.objects.latest("pk").status == JobStatus.DONE


def test_the_progress_region_alone_answers_htmx(cast, cycle, client_for):
    job = _job(cast, cycle, cast.coordinator, status=JobStatus.QUEUED)
    partial = client_for(cast.coordinator).get(_job_url(cast, job), headers={"HX-Request": "true"})
    html = partial.content.decode()
    assert "<html" not in html and 'id="job-status"' in html and "Le document attend son tour." in html


def test_another_member_and_an_outsider_get_404(cast, cycle, client_for):
    job = _job(cast, cycle, cast.coordinator, status=JobStatus.DONE, file_name="Plan.pdf")
    job.file.save("plan.pdf", ContentFile(b"%PDF-1.7\n"))
    assert client_for(cast.coordinator).get(_job_url(cast, job, "documents:job_file")).status_code == 200
    for someone in (cast.committee, cast.observer, cast.outsider):
        assert client_for(someone).get(_job_url(cast, job)).status_code == 404
        assert client_for(someone).get(_job_url(cast, job, "documents:job_file")).status_code == 404


def test_a_file_not_ready_yet_is_404(cast, cycle, client_for):
    job = _job(cast, cycle, cast.coordinator)
    assert client_for(cast.coordinator).get(_job_url(cast, job, "documents:job_file")).status_code == 404


def test_a_failed_build_says_so_and_can_be_asked_again(cast, cycle, client_for, plan_pdf):
    a_plan(cast, cycle)
    client = client_for(cast.partner)
    # The person left the partnership between the request and the build: the build fails, for real.
    job = _job(cast, cycle, cast.partner, status=JobStatus.QUEUED)
    membership = cast.partner.memberships.get(partnership=cast.partnership)
    membership.delete()
    from documents.tasks import build_document

    build_document.enqueue(job_id=job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "Http404" in job.error
    membership.save()
    page = client.get(_job_url(cast, job)).content.decode()
    assert "La préparation du document a échoué." in page and "Http404" not in page
    assert f'href="{plan_pdf}"' in page  # asking again is asking for the document again
    again = client.get(plan_pdf)
    assert again["Location"] != _job_url(cast, job)
    assert DocumentJob.objects.latest("pk").status == JobStatus.DONE


def test_old_jobs_and_their_files_are_removed(cast, cycle):
    old = _job(cast, cycle, cast.coordinator, status=JobStatus.DONE)
    old.file.save("plan.pdf", ContentFile(b"%PDF-1.7\n"))
    recent = _job(cast, cycle, cast.committee, status=JobStatus.DONE)
    DocumentJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    call_command("purge_document_jobs")
    assert list(DocumentJob.objects.all()) == [recent]
    assert not default_storage.exists(old.file.name)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_through_the_database_queue_and_its_worker(cast, cycle, client_for, plan_pdf, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    a_plan(cast, cycle)
    client = client_for(cast.coordinator)
    page_url = client.get(plan_pdf)["Location"]
    job = DocumentJob.objects.get()
    assert job.status == JobStatus.QUEUED  # waiting for a worker
    page = client.get(page_url).content.decode()
    assert "Le document attend son tour." in page and "<progress" in page
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.started_at <= job.finished_at
    assert "Le document est prêt." in client.get(page_url).content.decode()
    download = client.get(_job_url(cast, job, "documents:job_file"))
    assert "Croque-livres 1" in pdf_text(b"".join(download.streaming_content))
