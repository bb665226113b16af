"""The project's URLs plus views that fail on purpose, for the error-page tests."""

from django.core.exceptions import SuspiciousOperation
from django.db import OperationalError
from django.urls import path

from config.urls import handler500  # noqa: F401 (the resolver reads it from this module)
from config.urls import urlpatterns as project_urlpatterns


def crash(request):
    raise RuntimeError("détail interne secret: /srv/concerto/config.py ligne 12")


def locked(request):
    raise OperationalError("database is locked — détail interne secret")


def suspicious(request):
    raise SuspiciousOperation("détail interne secret")


urlpatterns = [
    path("erreur/500/", crash),
    path("erreur/503/", locked),
    path("erreur/400/", suspicious),
    *project_urlpatterns,
]
