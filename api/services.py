from django.db import transaction
from django.utils import timezone

from accounts.models import User

from .models import ApiToken, new_secret, token_digest


@transaction.atomic
def token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for the person, and its secret: the only time the secret exists outside the request."""
    secret = new_secret()
    token = ApiToken.objects.create(user=user, name=name, digest=token_digest(secret))
    return token, secret


@transaction.atomic
def token_revoke(*, token: ApiToken) -> None:
    """The token stops working at once; it stays listed, revoked, so that its owner sees what it was."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save()
