"""Finding a person's tokens: by owner for their profile, by secret for a request."""

from django.shortcuts import get_object_or_404

from accounts.models import User

from .models import ApiToken, token_digest


def owned_token(user: User, pk: int) -> ApiToken:
    """One of the person's own tokens; 404 for anyone else's."""
    return get_object_or_404(ApiToken, user=user, pk=pk)


def active_token(secret: str) -> ApiToken | None:
    """The active token of an active person this secret belongs to, with its person; None otherwise."""
    return (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
