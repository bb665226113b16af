"""Amounts of money as each language writes them: « 1 234,50 $ » in French, "$1,234.50" in English. Sums are
Decimal throughout, never floats."""

from decimal import Decimal

from django.utils.translation import get_language

CENT = Decimal("0.01")
NBSP = "\u00a0"


def money(amount: Decimal | int | None) -> str:
    if amount is None:
        return ""
    value = Decimal(amount).quantize(CENT)
    sign = "-" if value < 0 else ""
    whole, cents = f"{abs(value):.2f}".split(".")
    grouped = f"{int(whole):,}"
    if (get_language() or "fr").startswith("en"):
        return f"{sign}${grouped}.{cents}"
    return f"{sign}{grouped.replace(',', NBSP)},{cents}{NBSP}$"
