from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from .tokens import active_token


class BearerTokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer <token>`: the request acts as the token's owner, in their partnerships and roles."""

    keyword = "Bearer"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("L'en-tête Authorization doit être « Bearer <jeton> »."))
        try:
            secret = parts[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("Ce jeton n'est pas valide.")) from None
        token = active_token(secret)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Ce jeton n'est pas valide ou a été révoqué."))
        token.mark_used()
        return token.user, token

    def authenticate_header(self, request) -> str:
        return self.keyword
