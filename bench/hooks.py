"""Finds each project app's `bench` module: `generate(partnership, cycle, organizations, rng)` adds the app's data
for one partnership, and `pages(partnership, cycle) -> list[tuple[str, str]]` names the pages to time."""

import importlib
import importlib.util
from pathlib import Path
from types import ModuleType

from django.apps import apps
from django.conf import settings


def bench_modules() -> list[tuple[str, ModuleType]]:
    """(app name, module) in the order of INSTALLED_APPS, which is the order of the cycle."""
    found = []
    for config in apps.get_app_configs():
        if Path(config.path).parent != Path(settings.BASE_DIR):
            continue
        if importlib.util.find_spec(f"{config.name}.bench") is not None:
            found.append((config.name, importlib.import_module(f"{config.name}.bench")))
    return found


def with_function(name: str) -> list[tuple[str, ModuleType]]:
    return [(app, module) for app, module in bench_modules() if callable(getattr(module, name, None))]
