"""Enrolling in multi-factor authentication through the pages, with codes computed as a phone app would."""

import base64
import hashlib
import hmac
import re
import struct
import time

from django.test import Client
from django.urls import reverse

PASSWORD = "mot-de-passe-test-1"


def totp_code(secret: str, at: float | None = None) -> str:
    """RFC 6238: HMAC-SHA1 of the 30-second counter, dynamically truncated to six digits."""
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(base64.b32decode(secret, casefold=True), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def signed_in(user) -> Client:
    client = Client()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def enrol(client: Client) -> tuple[str, list[str]]:
    """Activate an authenticator app from the MFA pages; returns its secret and the recovery codes shown.

    Adding an authenticator first asks for the password again (allauth's reauthentication).
    """
    activate = reverse("mfa_activate_totp")
    response = client.get(activate)
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_reauthenticate"))
    page = client.post(response["Location"], {"password": PASSWORD}, follow=True).content.decode()
    secret = re.search(r'id="authenticator-secret" type="text" value="([A-Z2-7]+)"', page).group(1)
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)}, follow=True)
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([0-9a-z]+)</code></li>", response.content.decode())
    return secret, codes
