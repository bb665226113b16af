from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from cycles.tests.factories import CycleFactory
from intention.models import Commitment, OperatingRules
from organizations.tests.factories import OrganizationFactory

SMALL_PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
# One shared file, written once: the isolation walk runs in every test session and must not fill MEDIA_ROOT.
ISOLATION_DOCUMENT = "commitments/isolation-test.pdf"


def url_kwargs(partnership) -> dict:
    if not default_storage.exists(ISOLATION_DOCUMENT):
        default_storage.save(ISOLATION_DOCUMENT, ContentFile(SMALL_PDF))
    commitment = Commitment.objects.create(
        cycle=CycleFactory(partnership=partnership),
        organization=OrganizationFactory(partnership=partnership),
        committed_on="2025-05-01",
        representative_name="Signataire",
        statement="Participer aux rencontres.",
        document=ISOLATION_DOCUMENT,
        document_name="engagement.pdf",
        document_type="application/pdf",
    )
    rules = OperatingRules.objects.create(partnership=partnership, number=1, content="<p>Règles</p>")
    return {"commitment_pk": commitment.pk, "rules_pk": rules.pk}
