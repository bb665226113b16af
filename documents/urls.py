"""`…/documents/<key>.<format>`: a cycle's documents under its cycle, the partnership's under the partnership; a
document of one record at `…/documents/<key>/<record's number>.<format>`. Each takes differently named keys so
that the isolation walk can give each a document of its scope."""

from django.urls import register_converter

from core.routes import cycle_path, partnership_path

from .registry import FORMATS
from .views import downloads, jobs


class FormatConverter:
    regex = "|".join(FORMATS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FormatConverter, "document_format")

app_name = "documents"

urlpatterns = [
    cycle_path("documents/<slug:key>.<document_format:file_format>", downloads.cycle_document, name="cycle"),
    partnership_path(
        "documents/<slug:document>.<document_format:file_format>", downloads.partnership_document, name="partnership"
    ),
    cycle_path(
        "documents/<slug:record_key>/<int:record_pk>.<document_format:file_format>",
        downloads.cycle_record_document,
        name="cycle_record",
    ),
    partnership_path(
        "documents/<slug:record_document>/<int:partnership_record_pk>.<document_format:file_format>",
        downloads.partnership_record_document,
        name="partnership_record",
    ),
    partnership_path("documents/preparations/<int:job_pk>/", jobs.job_page, name="job"),
    partnership_path("documents/preparations/<int:job_pk>/fichier", jobs.job_file, name="job_file"),
]
