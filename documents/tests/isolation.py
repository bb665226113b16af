"""The documents' addresses for the tenant-isolation walk: a cycle's document (the plan) and a partnership's (the
service offer of Outil 6), in PDF, the format every document offers; a document of one of the cycle's records (a
meeting's) and of one of the partnership's (a round of the diagnostic); and a document built in the background,
ready, asked for by the partnership's coordinator (a job is its requester's own)."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from cycles.tests.factories import CycleFactory
from diagnostic.tests.factories import RoundFactory
from documents.models import DocumentJob, JobStatus
from meetings.tests.factories import MeetingFactory
from partnerships.models import Role

# One shared file, written once: the isolation walk runs in every test session and must not fill MEDIA_ROOT.
ISOLATION_FILE = "documents/isolation-test.pdf"


def url_kwargs(partnership) -> dict:
    if not default_storage.exists(ISOLATION_FILE):
        default_storage.save(ISOLATION_FILE, ContentFile(b"%PDF-1.7\n"))
    coordinator = partnership.memberships.filter(role=Role.COORDINATOR).order_by("pk").first()
    cycle = partnership.cycles.order_by("pk").first() or CycleFactory(partnership=partnership)
    job = DocumentJob.objects.create(
        partnership=partnership,
        cycle=cycle,
        key="plan",
        file_format="pdf",
        language="fr",
        requested_by=coordinator.user,
        status=JobStatus.DONE,
        progress=100,
        file=ISOLATION_FILE,
        file_name="Plan.pdf",
    )
    return {
        "key": "plan",
        "document": "offre-de-services",
        "file_format": "pdf",
        "job_pk": job.pk,
        "record_key": "rencontre",
        "record_pk": MeetingFactory(cycle=cycle).pk,
        "record_document": "passation-diagnostic",
        "partnership_record_pk": RoundFactory(partnership=partnership).pk,
    }
