from django.http import HttpRequest


def site_url(request: HttpRequest) -> str:
    """Scheme and host of the request, for the absolute links of e-mails (reverse() adds any script prefix)."""
    return request.build_absolute_uri("/").rstrip("/")
