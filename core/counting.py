"""Several counts in one query: what a page says in numbers ("32 services de 9 organismes sur 40") is asked of the
database once, each count a scalar subquery of one SELECT, however many tables it reads.

    counts(services=Service.objects.filter(...), organizations=Distinct(Service.objects.filter(...), "organization"),
           adopted=Exists(OperatingRules.objects.filter(...)))
    -> {"services": 32, "organizations": 9, "adopted": 1}
"""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet


@dataclass(frozen=True)
class Distinct:
    """How many different values of `field` (empty ones left out) the rows of `queryset` have."""

    queryset: QuerySet
    field: str


@dataclass(frozen=True)
class Exists:
    """1 if `queryset` has a row, else 0: it stops at the first row."""

    queryset: QuerySet


Tally = QuerySet | Distinct | Exists  # a queryset alone: how many rows it has


def counts(**asked: Tally) -> dict[str, int]:
    """Each count by its name, from one query."""
    if not asked:
        return {}
    selected, params = [], []
    for name, count in asked.items():
        try:
            sql, count_params = _subquery(count)
        except EmptyResultSet:  # a queryset that can have no row (.none(), pk__in=[]): Django writes no SQL for it
            sql, count_params = "SELECT 0", ()
        selected.append(f"({sql}) AS {connection.ops.quote_name(name)}")
        params.extend(count_params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selected), params)
        row = cursor.fetchone()
    return {name: int(value or 0) for name, value in zip(asked, row, strict=True)}


def _subquery(count: Tally) -> tuple[str, tuple]:
    if isinstance(count, Exists):
        sql, params = count.queryset.order_by().values("pk")[:1].query.sql_with_params()
        return f"SELECT CASE WHEN EXISTS ({sql}) THEN 1 ELSE 0 END", params
    if isinstance(count, Distinct):
        sql, params = (
            count.queryset.filter(**{f"{count.field}__isnull": False})
            .order_by()
            .values(count.field)
            .distinct()
            .query.sql_with_params()
        )
    else:
        sql, params = count.order_by().values("pk").query.sql_with_params()
    return f"SELECT COUNT(*) FROM ({sql}) AS counted", params
