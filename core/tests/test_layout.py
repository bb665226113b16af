"""The rules of docs/dev/architecture.md that a reader could break without a test noticing."""

import ast
import importlib
import inspect
import typing
from pathlib import Path

import pytest
from django.conf import settings

from core.hooks import project_apps

PROJECT_APPS = project_apps()
# Apps without partnership data of their own: accounts (the User), core (shared mechanisms), demo (the loader).
APPS_WITHOUT_TENANT_DATA = {"accounts", "core", "demo", "privacy"}
ORM_CALLS = {"filter", "exclude", "get", "create", "update", "delete", "count", "exists", "values", "values_list"}


def _view_modules() -> list[Path]:
    return sorted(path for app in PROJECT_APPS for path in (settings.BASE_DIR / app / "views").glob("*.py"))


def test_every_app_with_pages_keeps_its_views_in_a_views_package():
    flat = [app for app in PROJECT_APPS if (settings.BASE_DIR / app / "views.py").exists()]
    assert not flat, f"views.py modules should be a views/ package (one module per kind of record): {flat}"
    assert len(_view_modules()) > 10


@pytest.mark.parametrize("path", _view_modules(), ids=lambda path: f"{path.parent.parent.name}/{path.name}")
def test_views_read_partnership_data_through_access_functions_and_selectors(path):
    """No `Model.objects…` and no queryset method called on a related manager in a view."""
    tree = ast.parse(path.read_text())
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("objects", "_default_manager"):
            found.append(f"line {node.lineno}: .{node.attr}")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ORM_CALLS
            and isinstance(node.func.value, ast.Attribute)
            and node.func.value.attr
            not in ("GET", "POST", "query_params", "cleaned_data", "data", "initial", "session", "headers")
        ):
            found.append(f"line {node.lineno}: .{node.func.value.attr}.{node.func.attr}()")
    assert not found, f"{path}: query in a view, move it to a selector or an access function: {found}"


def _access_functions():
    for app in PROJECT_APPS:
        if app in APPS_WITHOUT_TENANT_DATA or not (settings.BASE_DIR / app / "access.py").exists():
            continue
        module = importlib.import_module(f"{app}.access")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("access_") and function.__module__ == module.__name__ and name != "access_partnership":
                yield f"{app}.{name}", function


ACCESS_FUNCTIONS = list(_access_functions())


@pytest.mark.parametrize("name,function", ACCESS_FUNCTIONS, ids=[name for name, _function in ACCESS_FUNCTIONS])
def test_every_access_function_returns_the_object_and_whether_it_may_be_edited(name, function):
    parameters = list(inspect.signature(function).parameters)
    assert parameters[0] == "access", f"{name} takes the person's PartnershipAccess first"
    returned = typing.get_type_hints(function)["return"]
    assert typing.get_origin(returned) is tuple and typing.get_args(returned)[1] is bool, (
        f"{name} must return (object, may edit), not {returned}"
    )


def test_every_model_of_partnership_data_names_its_path_to_the_partnership():
    from django.apps import apps

    missing = [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        and model._meta.app_label not in APPS_WITHOUT_TENANT_DATA
        and model._meta.label != "partnerships.Partnership"
        and not model.__name__.startswith("Historical")
        and not hasattr(model, "PARTNERSHIP_PATH")
        and not hasattr(model.objects, "for_partnership")
    ]
    assert not missing, f"give these models PARTNERSHIP_PATH and PartnershipQuerySet: {missing}"
