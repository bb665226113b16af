"""What the coordinator's archive page shows: how many records of each kind the archive will hold."""

from dataclasses import dataclass

from django.db.models import Count, Q

from partnerships.models import Partnership

from . import schema


@dataclass(frozen=True)
class Kind:
    app: str
    name: str
    count: int


@dataclass(frozen=True)
class ArchiveSummary:
    kinds: list[Kind]
    records: int
    files: int
    history_entries: int


def archive_summary(partnership: Partnership) -> ArchiveSummary:
    """One count per archived model (the number of queries follows the number of models, not the data)."""
    kinds, files = [], 0
    for archived in schema.archived_models():
        counts = {"rows": Count("pk")} | {
            f"file_{f.name}": Count("pk", filter=~Q(**{f.name: ""})) for f in archived.files
        }
        found = schema.rows_of(archived, partnership).aggregate(**counts)
        files += sum(value for key, value in found.items() if key.startswith("file_"))
        if found["rows"]:
            app = archived.model._meta.app_config.verbose_name
            kinds.append(Kind(str(app), str(archived.model._meta.verbose_name_plural), found["rows"]))
    history = sum(
        schema.rows_of(archived, partnership).count() for archived in schema.history_models() if archived.record_field
    )
    return ArchiveSummary(kinds=kinds, records=sum(kind.count for kind in kinds), files=files, history_entries=history)
