import logging
from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max

from accounts.models import User
from core.concurrency import save_versioned
from core.storage import storage_errors
from partnerships.models import Partnership

from .models import Commitment, OperatingRules
from .outline import starter_outline
from .uploads import CheckedDocument

logger = logging.getLogger(__name__)


def _delete_file_after_commit(storage, name: str) -> None:
    """A replaced or removed document leaves the storage once the change is saved for good."""
    if name:
        transaction.on_commit(lambda: _delete_file(storage, name))


def _delete_file(storage, name: str) -> None:
    # The change is saved: a file left behind costs space, not correctness, so the person is not shown an error.
    try:
        storage.delete(name)
    except storage_errors():
        logger.exception("A replaced or removed document stayed in the storage: %s", name)


class DocumentNotStored(Exception):
    """The storage could not write the document (disk full, a folder it may not write to, an object store that
    refuses or does not answer): nothing was saved."""


@transaction.atomic
def commitment_save(
    *,
    commitment: Commitment,
    expected_version: int = 1,
    upload: UploadedFile | None = None,
    checked: CheckedDocument | None = None,
) -> Commitment:
    """Create or update an organization's commitment; a new signed document replaces the previous one."""
    previous_file = commitment.document.name if upload else ""
    storage = commitment.document.storage
    if upload and checked:
        try:
            commitment.document.save(f"engagement.{checked.extension}", upload, save=False)
        except storage_errors() as error:
            raise DocumentNotStored from error
        commitment.document_name = PurePath(upload.name).name[:200]
        commitment.document_type = checked.content_type
    try:
        if commitment.pk:
            save_versioned(commitment, expected_version=expected_version)
        else:
            commitment.save()
    except Exception:
        # Nothing was saved: the file just written must not stay in the storage without a record.
        if upload:
            storage.delete(commitment.document.name)
        raise
    _delete_file_after_commit(storage, previous_file)
    return commitment


@transaction.atomic
def commitment_remove_document(*, commitment: Commitment, expected_version: int) -> None:
    previous_file = commitment.document.name
    commitment.document = ""
    commitment.document_name = ""
    commitment.document_type = ""
    save_versioned(commitment, expected_version=expected_version)
    _delete_file_after_commit(commitment.document.storage, previous_file)


class DraftExists(Exception):
    def __init__(self, draft: OperatingRules) -> None:
        super().__init__(f"OperatingRules {draft.pk} is already a draft")
        self.draft = draft


def rules_draft(*, partnership: Partnership) -> OperatingRules | None:
    return OperatingRules.objects.filter(partnership=partnership, adopted_on__isnull=True).first()


def rules_start_draft(*, partnership: Partnership, user: User) -> OperatingRules:
    """A new draft: a copy of the latest adopted version, or the starter outline for the very first one.

    There is at most one draft at a time, so that the group discusses one text.
    """
    if draft := rules_draft(partnership=partnership):
        raise DraftExists(draft)
    versions = OperatingRules.objects.filter(partnership=partnership)
    latest_adopted = versions.filter(adopted_on__isnull=False).order_by("-number").first()
    number = (versions.aggregate(highest=Max("number"))["highest"] or 0) + 1
    content = latest_adopted.content if latest_adopted else starter_outline()
    quorum = (
        {"quorum_rule": latest_adopted.quorum_rule, "quorum_value": latest_adopted.quorum_value}
        if latest_adopted
        else {}
    )
    try:
        with transaction.atomic():
            return OperatingRules.objects.create(
                partnership=partnership, number=number, content=content, created_by=user, **quorum
            )
    except IntegrityError:
        # Someone started a draft at the same moment: theirs is the draft.
        raise DraftExists(rules_draft(partnership=partnership)) from None


def rules_update(*, rules: OperatingRules, expected_version: int) -> None:
    save_versioned(rules, expected_version=expected_version)


def rules_adopt(*, rules: OperatingRules, adopted_on, expected_version: int) -> None:
    rules.adopted_on = adopted_on
    save_versioned(rules, expected_version=expected_version)
