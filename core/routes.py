"""The one way to write a URL pattern: every app's urls.py names its routes from the root with these helpers.

Partnership data lives under /p/<slug>/ (the tenant-isolation walk checks every such URL); a cycle's data under
/p/<slug>/cycles/<cycle_pk>/. A route outside both is written with django.urls.path and declared in the walk's
GLOBAL_URLS with the reason it holds no partnership data.
"""

from collections.abc import Callable

from django.urls import URLPattern, path, reverse

PARTNERSHIP = "p/<slug:slug>/"
CYCLE = PARTNERSHIP + "cycles/<int:cycle_pk>/"


def partnership_path(route: str, view: Callable, *, name: str) -> URLPattern:
    return path(PARTNERSHIP + route, view, name=name)


def cycle_path(route: str, view: Callable, *, name: str) -> URLPattern:
    return path(CYCLE + route, view, name=name)


ANY_PK = 2147483647  # a key no row has, written once into an address and replaced by each row's


def row_url(name: str, pk_name: str, **kwargs) -> Callable[[int], str]:
    """row_url("plan:action_detail", "action_pk", slug=…, cycle_pk=…)(action.pk): the address of each row's page
    from one reverse(), for a page that links hundreds of rows (a reverse() per row costs more than the row)."""
    address = reverse(name, kwargs={**kwargs, pk_name: ANY_PK})
    head, tail = address.rsplit(str(ANY_PK), 1)
    return lambda pk: f"{head}{pk}{tail}"
