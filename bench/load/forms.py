"""Reading a page's form as a browser would, to post it back filled in (standard library only)."""

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    """Collects each `<form method="post">` with its fields, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {key: value or "" for key, value in attrs}
        if tag == "form" and attr.get("method", "get").lower() == "post":
            self._form = {"action": attr.get("action", ""), "fields": []}
            self.forms.append(self._form)
        if self._form is None or "name" not in attr and tag != "option":
            return
        if tag == "input":
            self._form["fields"].append({"tag": "input", **attr})
        elif tag == "textarea":
            self._textarea = attr["name"]
            self._form["fields"].append({"tag": "textarea", "value": "", **attr})
        elif tag == "select":
            self._select = attr["name"]
            self._form["fields"].append({"tag": "select", "options": [], **attr})
        elif tag == "option" and self._select:
            self._form["fields"][-1]["options"].append((attr.get("value", ""), "selected" in attr))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._textarea and self._form:
            self._form["fields"][-1]["value"] += data


def main_form(html: str) -> dict | None:
    """The page's record form: the post form with the most fields (not the sign-out or language buttons)."""
    parser = _FormParser()
    parser.feed(html)
    return max(parser.forms, key=lambda form: len(form["fields"]), default=None)


def filled(form: dict, marker: str) -> list[tuple[str, str]]:
    """The form's data as a person would send it: what is already there, `marker` in the empty required text
    fields, a number in the numeric ones, the first choice where nothing is chosen (a radio group, a select, a
    group of checkboxes)."""
    data: list[tuple[str, str]] = []
    chosen_groups: set[str] = set()
    boxes: dict[str, str] = {}
    for field in form["fields"]:
        name, kind = field["name"], field.get("type", "text")
        if field["tag"] == "select":
            options = [value for value, _ in field["options"]]
            selected = [value for value, is_selected in field["options"] if is_selected and value]
            if selected:
                data.extend((name, value) for value in selected)
            elif "required" in field or "multiple" not in field:
                first = next((value for value in options if value), None)
                if first is not None:
                    data.append((name, first))
        elif field["tag"] == "textarea":
            data.append((name, field["value"].strip() or (marker if "required" in field else "")))
        elif kind in ("radio", "checkbox"):
            boxes.setdefault(name, field.get("value", "on"))
            if "checked" in field:
                data.append((name, field.get("value", "on")))
                chosen_groups.add(name)
        elif kind in ("submit", "button", "file"):
            continue
        else:
            data.append((name, field.get("value") or _empty_value(field, marker)))
    data.extend((name, value) for name, value in boxes.items() if name not in chosen_groups)
    return data


def _empty_value(field: dict, marker: str) -> str:
    if field.get("inputmode") in ("decimal", "numeric"):
        return "12"  # a number a person would type, whether or not the browser is told it is required
    if "required" not in field:
        return ""
    return {"number": "1", "date": "2026-06-15", "email": f"{marker}@load.concerto.test"}.get(
        field.get("type", "text"), marker
    )
