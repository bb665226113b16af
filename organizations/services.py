from django.db import transaction

from core.concurrency import save_versioned
from core.deletion import delete_record
from partnerships.models import Partnership

from .models import Organization


@transaction.atomic
def organization_create(*, partnership: Partnership, organization: Organization) -> Organization:
    organization.partnership = partnership
    organization.save()
    return organization


def organization_update(*, organization: Organization, expected_version: int) -> None:
    save_versioned(organization, expected_version=expected_version)


def organization_delete(*, organization: Organization) -> None:
    delete_record(organization)
