"""The diagnostic questionnaire is data (diagnostic/data/questionnaire.json), not code.

`load_questionnaire(data)` creates one questionnaire version, with its conditions and items, for the reference
(partnership None) or for one partnership's own wording. A version already loaded is left as it is: rounds
answered on it must keep showing what their members read. A file is checked whole before anything is written, and
the load is one transaction. The same function serves the data migration (with the migration's `apps`),
`manage.py load_diagnostic_questionnaire` and the coordinator's upload.
"""

import json
import re
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

QUESTIONNAIRE_PATH = Path(__file__).resolve().parent / "data" / "questionnaire.json"
# The six conditions of effective partnership: a partnership's own wording keeps them, so rounds compare.
CONDITIONS = (
    "couverture",
    "implication-precoce",
    "capacite-influence",
    "acteurs-strategiques",
    "equilibre-pouvoir",
    "coconstruction",
)
CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
GRADES = ("a", "b", "c")
ITEM_TEXT = ("text", *GRADES)


class QuestionnaireError(ValueError):
    """The questionnaire file is malformed; nothing was loaded."""


def read_questionnaire(source: Path | str | bytes = QUESTIONNAIRE_PATH) -> dict[str, Any]:
    """The file's content (a path, or the bytes of an upload)."""
    try:
        if isinstance(source, bytes):
            return json.loads(source.decode("utf-8"))
        with open(source, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise QuestionnaireError(_("Lecture du questionnaire impossible : %(error)s") % {"error": error}) from error


def check_questionnaire(data: Any) -> None:
    """Refuse a file that is not a whole questionnaire on the six conditions, saying what is wrong."""
    if not isinstance(data, dict):
        raise QuestionnaireError(_("Le fichier doit contenir un objet JSON."))
    for name in ("version", "name_fr"):
        if not _text(data.get(name)):
            raise QuestionnaireError(_("Le questionnaire doit avoir « %(field)s ».") % {"field": name})
    conditions = data.get("conditions")
    if not isinstance(conditions, list) or not all(isinstance(c, dict) for c in conditions):
        raise QuestionnaireError(_("Le questionnaire doit avoir une liste de conditions (« conditions »)."))
    codes = [condition.get("code") for condition in conditions]
    if sorted(map(str, codes)) != sorted(CONDITIONS):
        raise QuestionnaireError(
            _("Les conditions doivent être les six de l'outil, une fois chacune : %(codes)s.")
            % {"codes": ", ".join(CONDITIONS)}
        )
    item_codes: list[str] = []
    for condition in conditions:
        _check_condition(condition)
        item_codes.extend(item["code"] for item in condition["items"])
    duplicates = sorted({code for code in item_codes if item_codes.count(code) > 1})
    if duplicates:
        raise QuestionnaireError(_("Code d'énoncé en double : %(codes)s.") % {"codes": ", ".join(duplicates)})


def _check_condition(condition: dict) -> None:
    code = condition["code"]
    if not _text(condition.get("name_fr")):
        raise QuestionnaireError(_("La condition « %(code)s » n'a pas de nom en français (name_fr).") % {"code": code})
    items = condition.get("items")
    if not isinstance(items, list) or not items or not all(isinstance(item, dict) for item in items):
        raise QuestionnaireError(
            _("La condition « %(code)s » doit avoir au moins un énoncé (« items »).") % {"code": code}
        )
    for item in items:
        item_code = item.get("code")
        if not isinstance(item_code, str) or not CODE.match(item_code) or len(item_code) > 80:
            raise QuestionnaireError(_("Code d'énoncé invalide : « %(code)s ».") % {"code": item_code})
        missing = [f"{name}_fr" for name in ITEM_TEXT if not _text(item.get(f"{name}_fr"))]
        if missing:
            raise QuestionnaireError(
                _("L'énoncé « %(code)s » n'a pas de texte en français pour : %(fields)s.")
                % {"code": item_code, "fields": ", ".join(missing)}
            )


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def load_questionnaire(data: dict[str, Any], *, partnership=None, apps=None):
    """Check `data`, then create its version (for `partnership`, or the reference); returns (questionnaire,
    created). A version already loaded is returned untouched."""
    from django.db import transaction

    check_questionnaire(data)
    questionnaire_model, condition_model, item_model = _models(apps)
    version = data["version"].strip()
    existing = questionnaire_model.objects.filter(partnership=partnership, version=version).first()
    if existing is not None:
        return existing, False
    with transaction.atomic():
        questionnaire = questionnaire_model.objects.create(
            partnership=partnership, version=version, name_fr=_text(data["name_fr"]), name_en=_text(data.get("name_en"))
        )
        for position, entry in enumerate(data["conditions"], start=1):
            condition = condition_model.objects.create(
                questionnaire=questionnaire,
                code=entry["code"],
                position=position,
                name_fr=_text(entry["name_fr"]),
                name_en=_text(entry.get("name_en")),
            )
            item_model.objects.bulk_create(
                item_model(condition=condition, code=item["code"], position=n, **_item_text(item))
                for n, item in enumerate(entry["items"], start=1)
            )
    return questionnaire, True


def _item_text(item: dict) -> dict[str, str]:
    return {f"{name}_{lang}": _text(item.get(f"{name}_{lang}")) for name in ITEM_TEXT for lang in ("fr", "en")}


def _models(apps) -> tuple[type, type, type]:
    if apps is None:
        from django.apps import apps
    return tuple(apps.get_model("diagnostic", name) for name in ("Questionnaire", "Condition", "Item"))
