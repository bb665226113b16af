"""Numbers as people type them (with a comma or a point) and as they read them (in their own language)."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

DECIMAL_PLACES = 3
# Statistic.value is DECIMAL(14, 3): at most 11 digits before the decimal point.
LARGEST_VALUE = Decimal("99999999999.999")
_SPACES = re.compile(r"[\s\u00a0\u202f']")


def parse_decimal(text: str) -> Decimal:
    """`12,5`, `12.5`, `1 234,5` or `12,5 %` -> Decimal("12.500"). Raises ValueError for anything else.

    A figure read from a spreadsheet may carry binary noise (10.300000000000001): it is rounded to the three
    decimal places the database keeps.
    """
    cleaned = _SPACES.sub("", text.strip()).removesuffix("%").replace(",", ".")
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", cleaned):
        raise ValueError(text)
    try:
        value = Decimal(cleaned).quantize(Decimal(1).scaleb(-DECIMAL_PLACES), rounding=ROUND_HALF_UP)
    except InvalidOperation as error:
        raise ValueError(text) from error
    if abs(value) > LARGEST_VALUE:
        raise ValueError(text)
    return value


def plain(value: Decimal) -> Decimal:
    """10.300 -> 10.3 and 100.000 -> 100, without the exponent Decimal.normalize() would give (1E+2)."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def decimals_of(value: Decimal) -> int:
    return max(0, -plain(value).as_tuple().exponent)


def format_value(value: Decimal | None, decimals: int | None = None) -> str:
    """The value in the reader's language (10,3 in French, 10.3 in English); empty when there is none.

    `decimals` fixes the number of decimals, so that a column of figures reads 11,0 beside 10,6 rather than 11.
    """
    if value is None:
        return ""
    if decimals is None:
        return formats.number_format(plain(value), use_l10n=True)
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True)


class DecimalCommaField(forms.CharField):
    """A decimal typed with a comma or a point, shown back in the reader's language."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def prepare_value(self, value):
        return format_value(value) if isinstance(value, Decimal) else value

    def clean(self, value) -> Decimal | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse_decimal(text)
        except ValueError as error:
            raise forms.ValidationError(
                _("Entrez un nombre, par exemple 12,5 ou 12.5."), code="invalid_number"
            ) from error
