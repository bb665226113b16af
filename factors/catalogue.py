"""The reference catalogue of protective factors is data (factors/data/catalogue.json), not code.

`load_catalogue()` inserts or updates the reference factors and elements by code. It never touches a
partnership's local factors or elements, and it never deletes: a factor the file no longer lists may still be
cited by findings, matrices or objectives, so it is only reported, for the site administrator to decide.
The same function serves the data migration (with the migration's `apps`) and `manage.py load_factor_catalogue`.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

CATALOGUE_PATH = Path(__file__).resolve().parent / "data" / "catalogue.json"
SYSTEMS = ("enfant", "famille", "communaute")
# Local factors and elements get codes with this prefix, so a future reference code can never collide with them.
LOCAL_PREFIX = "local-"
CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

FACTOR_TEXT = ("name_fr", "name_en", "description_fr", "description_en")
# Kept as lists in the file for readability; stored one item per line.
FACTOR_LISTS = ("key_facts_fr", "key_facts_en", "ideas_fr", "ideas_en", "sources")
ELEMENT_TEXT = ("name_fr", "name_en", "description_fr", "description_en")


class CatalogueError(ValueError):
    """The catalogue file is malformed; nothing was loaded."""


@dataclass
class LoadReport:
    version: str
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    # Reference codes in the database that the file no longer lists ("factor" or "factor/element").
    absent: list[str] = field(default_factory=list)


def read_catalogue(path: Path | str = CATALOGUE_PATH) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, json.JSONDecodeError) as error:
        raise CatalogueError(_("Lecture du catalogue impossible : %(error)s") % {"error": error}) from error


def load_catalogue(data: dict[str, Any], *, apps=None) -> LoadReport:
    """Upsert the reference factors and elements of `data`; the whole load is one transaction."""
    from django.db import transaction

    check_catalogue(data)
    factor_model, element_model = _models(apps)
    report = LoadReport(version=data["version"])
    with transaction.atomic():
        listed: set[str] = set()
        for entry in data["factors"]:
            factor = _upsert(factor_model, {"code": entry["code"]}, _factor_values(entry, data["version"]), report)
            listed.add(entry["code"])
            _load_elements(element_model, factor, entry.get("elements", []), report)
        absent = factor_model.objects.filter(partnership__isnull=True).exclude(code__in=listed)
        report.absent[:0] = sorted(absent.values_list("code", flat=True))
    return report


def check_catalogue(data: Any) -> None:
    if not isinstance(data, dict) or not isinstance(data.get("version"), str) or not data["version"].strip():
        raise CatalogueError(_("Le catalogue doit avoir une version (« version »)."))
    if not isinstance(data.get("factors"), list):
        raise CatalogueError(_("Le catalogue doit avoir une liste de facteurs (« factors »)."))
    _check_codes([entry.get("code") if isinstance(entry, dict) else None for entry in data["factors"]], _("facteur"))
    for entry in data["factors"]:
        if entry.get("system") not in SYSTEMS:
            raise CatalogueError(
                _("Facteur %(code)s : système inconnu « %(system)s ».")
                % {"code": entry["code"], "system": entry.get("system")}
            )
        _check_names(entry)
        elements = entry.get("elements", [])
        if not isinstance(elements, list) or not all(isinstance(e, dict) for e in elements):
            raise CatalogueError(_("Facteur %(code)s : « elements » doit être une liste.") % {"code": entry["code"]})
        _check_codes([element.get("code") for element in elements], _("composante"))
        for element in elements:
            _check_names(element)


def _check_codes(codes: list, kind: str) -> None:
    for code in codes:
        if not isinstance(code, str) or not CODE.match(code) or code.startswith(LOCAL_PREFIX) or len(code) > 80:
            raise CatalogueError(_("Code de %(kind)s invalide : « %(code)s ».") % {"kind": kind, "code": code})
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise CatalogueError(
            _("Code de %(kind)s en double : %(codes)s.") % {"kind": kind, "codes": ", ".join(duplicates)}
        )


def _check_names(entry: dict) -> None:
    if not isinstance(entry.get("name_fr"), str) or not entry["name_fr"].strip():
        raise CatalogueError(_("« %(code)s » n'a pas de nom en français (name_fr).") % {"code": entry["code"]})


def _models(apps) -> tuple[type, type]:
    if apps is None:
        from django.apps import apps
    return apps.get_model("factors", "ProtectiveFactor"), apps.get_model("factors", "FactorElement")


def _factor_values(entry: dict, version: str) -> dict[str, Any]:
    values: dict[str, Any] = {name: (entry.get(name) or "").strip() for name in FACTOR_TEXT}
    values.update({name: "\n".join(item.strip() for item in entry.get(name) or []) for name in FACTOR_LISTS})
    values.update(
        system=entry["system"],
        position=int(entry.get("position", 0)),
        to_validate=bool(entry.get("to_validate", False)),
        catalogue_version=version,
    )
    return values


def _element_values(entry: dict) -> dict[str, Any]:
    values: dict[str, Any] = {name: (entry.get(name) or "").strip() for name in ELEMENT_TEXT}
    values.update(position=int(entry.get("position", 0)), to_validate=bool(entry.get("to_validate", False)))
    return values


def _load_elements(element_model: type, factor, entries: list[dict], report: LoadReport) -> None:
    for entry in entries:
        _upsert(element_model, {"factor": factor, "code": entry["code"]}, _element_values(entry), report)
    listed = {entry["code"] for entry in entries}
    absent = element_model.objects.filter(factor=factor, partnership__isnull=True).exclude(code__in=listed)
    report.absent.extend(f"{factor.code}/{code}" for code in sorted(absent.values_list("code", flat=True)))


def _upsert(model: type, key: dict[str, Any], values: dict[str, Any], report: LoadReport):
    label = "/".join(str(getattr(v, "code", v)) for v in key.values())
    reason = _("Chargement du catalogue de référence %(version)s") % {"version": report.version}
    row = model.objects.filter(partnership__isnull=True, **key).first()
    if row is None:
        row = model(partnership=None, **key, **values)
        row._change_reason = reason
        row.save()
        report.created.append(label)
        return row
    if all(getattr(row, name) == value for name, value in values.items()):
        report.unchanged += 1
        return row
    for name, value in values.items():
        setattr(row, name, value)
    # Keep the version moving, so that a form opened before the load sees a conflict instead of overwriting it.
    row.version += 1
    row._change_reason = reason
    row.save()
    report.updated.append(label)
    return row
