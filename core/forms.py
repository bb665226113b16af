from collections.abc import Callable

from django import forms
from django.db import models
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from .concurrency import VersionedFormMixin
from .submissions import OnceFormMixin


class RecordFormMixin(OnceFormMixin, VersionedFormMixin):
    """The form of a record people create and edit: an edit carries the version it started from (a save from an
    older version is refused), a creation carries a one-time token (the form creates once)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields.pop("form_token" if self.instance.pk else "version")


def normalized(text: str) -> str:
    """A name as people mean it: spaces trimmed and single."""
    return " ".join(text.split())


def refuse_duplicate(others: models.QuerySet, instance: models.Model, message: str) -> None:
    """A uniqueness rule said next to the field: `others` are the records the new value would collide with (the
    database enforces the same rule, for two people saving at once)."""
    if instance.pk:
        others = others.exclude(pk=instance.pk)
    if others.exists():
        raise forms.ValidationError(message)


class HttpsURLField(forms.URLField):
    """A web address typed without a scheme ("cpe.example") is read as https://, as people expect today."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


def group_choices(
    field: forms.ModelMultipleChoiceField, group: Callable[[models.Model], str], label: Callable[[models.Model], str]
) -> None:
    """Checkboxes grouped under headings (statistics by indicator, services by organization…). Validation still
    runs against the field's queryset, so a value outside the partnership is refused whatever the choices show."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for obj in field.queryset:
        groups.setdefault(group(obj), []).append((obj.pk, label(obj)))
    field.choices = list(groups.items())


class QuickSelect(forms.Select):
    """A select whose options are written here rather than by a template each: Django's templates spend about
    50 µs on each option, a list of the partnership's 40 organizations several milliseconds. The same markup."""

    def render(self, name, value, attrs=None, renderer=None) -> str:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = []
        for group, options, _index in widget["optgroups"]:
            items = format_html_join(
                "",
                "<option{}>{}</option>",
                ((_option_attrs(option), option["label"]) for option in options),
            )
            parts.append(format_html('<optgroup label="{}">{}</optgroup>', group, items) if group else items)
        options = mark_safe("".join(parts))  # each part built by format_html
        return format_html('<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options)


def _option_attrs(option: dict) -> str:
    value = "" if option["value"] is None else format_html(' value="{}"', str(option["value"]))
    return mark_safe(value + flatatt(option["attrs"]))


class QuickTextarea(forms.Textarea):
    """A textarea written here rather than by its template, for a form with one per row (the same markup)."""

    def render(self, name, value, attrs=None, renderer=None) -> str:
        widget = self.get_context(name, value, attrs)["widget"]
        return format_html(
            '<textarea name="{}"{}>\n{}</textarea>', widget["name"], flatatt(widget["attrs"]), widget["value"] or ""
        )
