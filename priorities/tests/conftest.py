import pytest


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
