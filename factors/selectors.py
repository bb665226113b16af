from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from partnerships.models import Partnership

from .models import FactorElement, ProtectiveFactor, SystemCode


@dataclass(frozen=True)
class SystemFactors:
    code: str
    label: str
    factors: list[ProtectiveFactor]


def visible_elements(*, partnership: Partnership) -> QuerySet[FactorElement]:
    return FactorElement.objects.visible_to(partnership).order_by("position", "name_fr")


def factor_list(*, partnership: Partnership) -> QuerySet[ProtectiveFactor]:
    """The catalogue as this partnership sees it, each factor with its visible elements, in two queries."""
    return (
        ProtectiveFactor.objects.visible_to(partnership)
        .order_by("system", "position", "name_fr")
        .prefetch_related(Prefetch("elements", queryset=visible_elements(partnership=partnership)))
    )


def factors_by_system(*, partnership: Partnership) -> list[SystemFactors]:
    """The catalogue grouped in the order the approach presents the systems: enfant, famille, communauté."""
    grouped: dict[str, list[ProtectiveFactor]] = {code: [] for code in SystemCode.values}
    for factor in factor_list(partnership=partnership):
        grouped[factor.system].append(factor)
    return [SystemFactors(code=code, label=str(label), factors=grouped[code]) for code, label in SystemCode.choices]


def factor_elements(*, factor: ProtectiveFactor, partnership: Partnership) -> QuerySet[FactorElement]:
    return visible_elements(partnership=partnership).filter(factor=factor)
