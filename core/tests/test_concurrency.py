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


def test_save_set_writes_when_the_set_is_the_one_read_and_refuses_otherwise(cast):
    from core.concurrency import SetChanged, fingerprint, save_set
    from organizations.tests.factories import OrganizationFactory

    def read() -> list[str]:
        return sorted(Organization.objects.filter(partnership=cast.partnership).values_list("name", flat=True))

    def add(name: str):
        return lambda saved: OrganizationFactory(partnership=cast.partnership, name=name)

    lock = Organization.objects.filter(pk=cast.organization.pk)
    seen = fingerprint(read())
    save_set(lock=lock, read=read, digest=fingerprint, expected=seen, write=add("CPE Arc-en-ciel"))
    with pytest.raises(SetChanged) as refused:
        save_set(lock=lock, read=read, digest=fingerprint, expected=seen, write=add("CPE Tournesol"))
    assert "CPE Arc-en-ciel" in refused.value.saved and refused.value.fingerprint == fingerprint(read())
    assert "CPE Tournesol" not in read()


def test_save_set_turns_a_write_that_collides_into_a_refusal(cast):
    from django.db import IntegrityError

    from core.concurrency import SetChanged, fingerprint, save_set

    def collide(saved):
        raise IntegrityError("someone saved the same row in between")

    with pytest.raises(SetChanged):
        save_set(
            lock=Organization.objects.filter(pk=cast.organization.pk),
            read=lambda: [],
            digest=fingerprint,
            expected=fingerprint([]),
            write=collide,
        )
