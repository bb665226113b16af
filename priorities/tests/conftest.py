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
