from django.test import Client

from api import services


def token_client(user, **headers) -> Client:
    """A test client that sends a new personal token of `user` on every request, as a program would."""
    _token, secret = services.token_create(user=user, name="tests")
    return Client(headers={"Authorization": f"Bearer {secret}", **headers})
