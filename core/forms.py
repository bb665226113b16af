from collections.abc import Callable

from django import forms
from django.db import models


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
