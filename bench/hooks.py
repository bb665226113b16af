"""The bench's part of each app: `<app>/bench.py`, with `generate(partnership, cycle, organizations, rng)` adding
the app's data for one partnership and `pages(partnership, cycle) -> list[tuple[str, str]]` naming the pages to
time (found by core.hooks, in the order of the cycle)."""

from types import ModuleType

from core.hooks import app_modules


def with_function(name: str) -> list[tuple[str, ModuleType]]:
    return [(app, module) for app, module in app_modules("bench") if callable(getattr(module, name, None))]
