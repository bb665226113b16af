"""Numbers as people type them (with a comma or a point) and as they read them (in their own language)."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import formats
from django.utils.translation import gettext as _

DECIMAL_PLACES = 3
# Statistic.value is DECIMAL(14, 3): at most 11 digits before the decimal point.
LARGEST_VALUE = Decimal("99999999999.999")
_SPACES = re.compile(r"[\s\u00a0\u202f']")


INTEGER_DIGITS = len(str(int(LARGEST_VALUE)))


class TooManyDecimals(ValueError):
    def __init__(self, decimals: int) -> None:
        super().__init__(decimals)
        self.decimals = decimals


class TooLarge(ValueError):
    pass


def parse_decimal(text: str) -> Decimal:
    """`12,5`, `12.5`, `1 234,5` or `12,5 %` -> Decimal("12.500"). Raises ValueError for anything else.

    Nothing is rounded behind the person's back: more decimals than the database keeps raise TooManyDecimals
    (trailing zeros are no decimals: 12,3450 is 12,345), a number too large for it raises TooLarge.
    """
    cleaned = _SPACES.sub("", text.strip()).removesuffix("%").replace(",", ".")
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", cleaned):
        raise ValueError(text)
    try:
        value = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(text) from error
    if abs(value) > LARGEST_VALUE:
        raise TooLarge(text)
    if (decimals := decimals_of(value)) > DECIMAL_PLACES:
        raise TooManyDecimals(decimals)
    return value.quantize(Decimal(1).scaleb(-DECIMAL_PLACES))


def spreadsheet_number_text(number: int | float | Decimal) -> str:
    """A number read from a spreadsheet, as the spreadsheet shows it.

    A float carries binary noise past its 15th significant digit (0.1 + 0.2 is 0.30000000000000004): Excel shows
    15 digits and so do we, so 0,3 stays 0,3 while a typed 12,34567 keeps its five decimals (and is refused).
    """
    if isinstance(number, float):
        return format(number, ".15g")
    return str(number)


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
        except TooManyDecimals as error:
            raise forms.ValidationError(
                _("Au plus %(max)s décimales : la valeur saisie en a %(count)s. Arrondissez-la.")
                % {"max": DECIMAL_PLACES, "count": error.decimals},
                code="too_many_decimals",
            ) from error
        except TooLarge as error:
            raise forms.ValidationError(
                _("Au plus %(digits)s chiffres avant la virgule.") % {"digits": INTEGER_DIGITS}, code="too_large"
            ) from error
        except ValueError as error:
            raise forms.ValidationError(
                _("Entrez un nombre, par exemple 12,5 ou 12.5."), code="invalid_number"
            ) from error
