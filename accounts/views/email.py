from django.http import Http404, HttpRequest, HttpResponse


def email_management_not_offered(request: HttpRequest) -> HttpResponse:
    """An account has the one address its invitation verified: django-allauth's page for adding others (which it
    would accept unverified) is not offered."""
    raise Http404
