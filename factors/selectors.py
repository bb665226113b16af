from django.db.models import Prefetch, QuerySet

from core.systems import SystemGroup, group_by_system
from partnerships.models import Partnership

from .models import FactorElement, ProtectiveFactor


def visible_elements(*, partnership: Partnership) -> QuerySet[FactorElement]:
    return FactorElement.objects.for_partnership(partnership)


def factor_list(*, partnership: Partnership) -> QuerySet[ProtectiveFactor]:
    """The catalogue as this partnership sees it, each factor with its visible elements, in two queries."""
    return ProtectiveFactor.objects.for_partnership(partnership).prefetch_related(
        Prefetch("elements", queryset=visible_elements(partnership=partnership))
    )


def factors_by_system(*, partnership: Partnership) -> list[SystemGroup[ProtectiveFactor]]:
    return group_by_system(factor_list(partnership=partnership))


def factor_elements(*, factor: ProtectiveFactor, partnership: Partnership) -> QuerySet[FactorElement]:
    return visible_elements(partnership=partnership).filter(factor=factor)
