"""/.well-known/security.txt (RFC 9116): whom to tell about a vulnerability of this installation.

The contact is the installation's (SECURITY_CONTACT); `check --deploy` warns while it is not set. The Expires date
is computed on every request, 180 days ahead, so that the file never goes stale (RFC 9116 asks for less than a
year).
"""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

VALID_FOR = timedelta(days=180)


@require_GET
def security_txt(request: HttpRequest) -> HttpResponse:
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {(today + VALID_FOR).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: fr, en",
        f"Canonical: {request.build_absolute_uri()}",
    ]
    if settings.SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.SECURITY_POLICY_URL}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@register(Tags.security, deploy=True)
def check_security_contact(app_configs, **kwargs) -> list[Warning]:
    if settings.SECURITY_CONTACT_IS_DEFAULT:
        return [
            Warning(
                "SECURITY_CONTACT is not set: /.well-known/security.txt names the sender address instead.",
                hint="Set SECURITY_CONTACT to mailto:… or https://… of whoever handles vulnerability reports.",
                id="concerto.W001",
            )
        ]
    return []
