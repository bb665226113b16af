"""Names sorted as people read them: "École" among the E, "CPE" after "Centre", whatever the case or the accents.

PostgreSQL sorts with ICU's French collation; SQLite gets a collation of the same name, registered on each
connection, that compares names without case or accents. `by_name("name")` orders a queryset by it on both.
"""

import unicodedata
from functools import lru_cache

from django.db.backends.signals import connection_created
from django.db.models import F
from django.db.models.functions import Collate

NAMES = "fr-CA-x-icu"


@lru_cache(maxsize=8192)  # SQLite compares each name many times in one sort; a name's key never changes
def name_key(text: str) -> tuple[str, str]:
    """Letters without their accents and case first; the exact text only breaks ties."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return plain.casefold(), text


def _compare(left: str, right: str) -> int:
    a, b = name_key(left), name_key(right)
    return (a > b) - (a < b)


def register_sqlite_collation(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_collation(NAMES, _compare)


def by_name(field: str) -> Collate:
    """An ordering expression: `queryset.order_by(by_name("name"))`."""
    return Collate(F(field), NAMES)


connection_created.connect(register_sqlite_collation, dispatch_uid="core.collation")
