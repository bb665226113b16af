from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .notice import has_accepted


class PrivacyNoticeMiddleware:
    """A signed-in person uses Concerto once they have accepted the privacy notice in force (and again when its
    version changes). The notice itself, the person's privacy pages, signing out, the language switch and
    security.txt stay open; static files never get here (WhiteNoise serves them first)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and not self._exempt(request.path) and not has_accepted(request.user):
            return redirect(f"{reverse('privacy:notice')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        open_paths = (
            reverse("privacy:notice"),
            reverse("account_logout"),
            reverse("set_language"),
            reverse("core:security_txt"),
        )
        return path.startswith(open_paths)
