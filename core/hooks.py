"""The one way the project finds what each app adds to a shared mechanism: a module of a known name in the app —
`demo` (the demo's content), `bench` (the bench's data and pages), `progress` (what the cycle's page says of each
tool), `todo` (what the dashboard asks of each person first), `tests.isolation` (the objects of the isolation
walks) — looked up in every project app, in the order of INSTALLED_APPS, which is the order of the cycle."""

import importlib
import importlib.util
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType

from django.apps import apps
from django.conf import settings


def project_apps() -> list[str]:
    configs = tuple((config.name, config.path) for config in apps.get_app_configs())
    return list(_project_apps(configs, str(settings.BASE_DIR)))


def app_modules(module: str) -> list[tuple[str, ModuleType]]:
    """(app, module) for every project app that has `<app>.<module>`."""
    return [(app, importlib.import_module(f"{app}.{module}")) for app in _apps_with(tuple(project_apps()), module)]


# Which apps have which module is looked up once per set of apps: the dashboard asks each request for every app's
# `todo`, and finding a module's file costs more than the dashboard's queries.


@cache
def _project_apps(configs: tuple[tuple[str, str], ...], base_dir: str) -> tuple[str, ...]:
    return tuple(name for name, path in configs if Path(path).parent == Path(base_dir))


@cache
def _apps_with(project: tuple[str, ...], module: str) -> tuple[str, ...]:
    return tuple(app for app in project if _exists(f"{app}.{module}"))


def app_functions(module: str, function: str) -> list[tuple[str, Callable]]:
    """(app, function) for every project app whose `<app>.<module>` defines `function`."""
    return [
        (app, getattr(found, function))
        for app, found in app_modules(module)
        if callable(getattr(found, function, None))
    ]


def _exists(dotted: str) -> bool:
    parent = dotted.rsplit(".", 1)[0]
    return (parent == dotted or importlib.util.find_spec(parent) is not None) and importlib.util.find_spec(
        dotted
    ) is not None
