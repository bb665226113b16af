import pytest

from core.concurrency import EditConflict, save_versioned
from organizations.models import Organization

pytestmark = pytest.mark.django_db


def test_second_save_from_the_same_version_is_refused(cast):
    first = Organization.objects.get(pk=cast.organization.pk)
    second = Organization.objects.get(pk=cast.organization.pk)
    first.mission = "A"
    save_versioned(first, expected_version=1)
    second.mission = "B"
    with pytest.raises(EditConflict) as conflict:
        save_versioned(second, expected_version=1)
    assert conflict.value.current.mission == "A"
    assert conflict.value.current.version == 2
    assert Organization.objects.get(pk=cast.organization.pk).mission == "A"


def test_each_save_is_one_history_record_with_its_reason(cast):
    organization = Organization.objects.get(pk=cast.organization.pk)
    organization.mission = "Nouvelle"
    save_versioned(organization, expected_version=1, reason="Révision annuelle")
    latest = organization.history.order_by("-history_id").first()
    assert organization.history.count() == 2
    assert latest.history_change_reason == "Révision annuelle"
    assert latest.version == 2
