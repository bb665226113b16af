"""The systems (enfant, famille, communauté) an observation or a finding concerns.

They are kept as a comma-separated list of SystemCode values in one column: there are only three, they are
filtered with a simple `contains`, and never joined.
"""

from collections.abc import Iterable

from django import forms
from django.utils.translation import gettext_lazy as _

from factors.models import SystemCode


def parse_systems(value: str | Iterable[str] | None) -> list[str]:
    """Known codes only, in the order of SystemCode, whatever the order or spacing they were stored in."""
    if not value:
        return []
    codes = value.split(",") if isinstance(value, str) else value
    wanted = {code.strip() for code in codes}
    return [code for code in SystemCode.values if code in wanted]


def join_systems(codes: Iterable[str]) -> str:
    return ",".join(parse_systems(list(codes)))


def system_labels(value: str | None) -> list[str]:
    return [str(SystemCode(code).label) for code in parse_systems(value)]


class SystemsField(forms.MultipleChoiceField):
    """Checkboxes for the three systems; cleans to the stored comma-separated string."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("choices", SystemCode.choices)
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Systèmes"))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return parse_systems(value)

    def clean(self, value) -> str:
        return join_systems(super().clean(value))

    def has_changed(self, initial, data) -> bool:
        return parse_systems(initial) != parse_systems(data)
