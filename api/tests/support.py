from django.test import Client
from django.urls import reverse

from api import services


def token_client(user, **headers) -> Client:
    """A test client that sends a new personal token of `user` on every request, as a program would. Its first
    use is made here, so that noting it (once a minute) does not count in a test of query counts."""
    _token, secret = services.token_create(user=user, name="tests")
    client = Client(headers={"Authorization": f"Bearer {secret}", **headers})
    assert client.get(reverse("api:partnerships")).status_code == 200
    return client
