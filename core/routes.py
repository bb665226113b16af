"""The one way to write a URL pattern: every app's urls.py names its routes from the root with these helpers.

Partnership data lives under /p/<slug>/ (the tenant-isolation walk checks every such URL); a cycle's data under
/p/<slug>/cycles/<cycle_pk>/. A route outside both is written with django.urls.path and declared in the walk's
GLOBAL_URLS with the reason it holds no partnership data.
"""

from collections.abc import Callable

from django.urls import URLPattern, path

PARTNERSHIP = "p/<slug:slug>/"
CYCLE = PARTNERSHIP + "cycles/<int:cycle_pk>/"


def partnership_path(route: str, view: Callable, *, name: str) -> URLPattern:
    return path(PARTNERSHIP + route, view, name=name)


def cycle_path(route: str, view: Callable, *, name: str) -> URLPattern:
    return path(CYCLE + route, view, name=name)
