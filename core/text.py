"""French as people write it: the words that change with the name that follows them."""

from datetime import date, datetime
from decimal import Decimal

from django.utils import formats, timezone
from django.utils.translation import get_language

VOWELS = set("aàâäeéèêëiîïoôöuùûüyœæ")


def _french() -> bool:
    return (get_language() or "fr").startswith("fr")


def long_date(value: date | None) -> str:
    """ "1er avril 2025" in French, "April 1, 2025" in English; "" for no date."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    text = formats.date_format(value, "DATE_FORMAT")
    return f"1er{text[1:]}" if _french() and value.day == 1 else text


def long_datetime(value: datetime | None) -> str:
    """ "1er avril 2025, 13 h 45" in French, "April 1, 2025, 1:45 p.m." in English, in the local time zone."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    text = formats.date_format(local, "DATETIME_FORMAT")
    return f"1er{text[1:]}" if _french() and local.day == 1 else text


def signed(value: int | float | Decimal) -> str:
    """A difference as people write it, in French as in English: « +12 », « -3 », « 0 » (a loss with the minus
    every number the app writes has, a gain with a plus)."""
    text = formats.number_format(value, use_l10n=True, force_grouping=True)
    return f"+{text}" if value > 0 else text


def de_name(name: str) -> str:
    """« de » and a name, as French grammar wants it: d'Accueil Pluriel, du Phare, des Petits Bonheurs, de CPE
    Soleil. In another language, the name alone: the translated sentence says the rest ("Services of %s")."""
    if not _french():
        return name
    if name.startswith("Le "):
        return f"du {name[3:]}"
    if name.startswith("Les "):
        return f"des {name[4:]}"
    if name[:1].lower() in VOWELS:
        return f"d'{name}"
    return f"de {name}"
