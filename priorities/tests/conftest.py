import pytest
from django.urls import reverse

from cycles.tests.factories import CycleFactory


@pytest.fixture
def cycle(cast):
    return CycleFactory(partnership=cast.partnership)


@pytest.fixture
def url(cast, cycle):
    """url("vote_detail", vote_pk=3) -> the address of that page in the cast's partnership and cycle."""

    def make(name: str, **kwargs) -> str:
        return reverse(f"priorities:{name}", kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk, **kwargs})

    return make


@pytest.fixture
def membership_of(cast):
    def get(user):
        return cast.partnership.memberships.get(user=user)

    return get


@pytest.fixture
def with_fingerprint():
    """with_fingerprint(client, address, data) -> data plus the set's state as the page hands it to the person."""

    def add(client, address: str, data: dict) -> dict:
        return {**data, "fingerprint": client.get(address).context["form"].initial["fingerprint"]}

    return add
