from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify

from core.concurrency import save_versioned
from core.deletion import delete_record
from partnerships.models import Partnership

from .catalogue import LOCAL_PREFIX
from .models import FactorElement, ProtectiveFactor


@transaction.atomic
def local_factor_create(*, partnership: Partnership, factor: ProtectiveFactor) -> ProtectiveFactor:
    factor.partnership = partnership
    taken = ProtectiveFactor.objects.filter(partnership=partnership).values_list("code", flat=True)
    factor.code = _unique_code(factor.name_fr, set(taken), fallback="facteur")
    last = ProtectiveFactor.objects.for_partnership(partnership).filter(system=factor.system).aggregate(Max("position"))
    factor.position = (last["position__max"] or 0) + 1
    factor.save()
    return factor


def local_factor_update(*, factor: ProtectiveFactor, expected_version: int) -> None:
    save_versioned(factor, expected_version=expected_version)


def local_factor_delete(*, factor: ProtectiveFactor) -> None:
    delete_record(factor)


@transaction.atomic
def local_element_create(
    *, partnership: Partnership, factor: ProtectiveFactor, element: FactorElement
) -> FactorElement:
    element.partnership = partnership
    element.factor = factor
    taken = FactorElement.objects.filter(factor=factor, partnership=partnership).values_list("code", flat=True)
    element.code = _unique_code(element.name_fr, set(taken), fallback="composante")
    element.position = (factor.elements.aggregate(Max("position"))["position__max"] or 0) + 1
    element.save()
    return element


def local_element_update(*, element: FactorElement, expected_version: int) -> None:
    save_versioned(element, expected_version=expected_version)


def local_element_delete(*, element: FactorElement) -> None:
    delete_record(element)


def _unique_code(name: str, taken: set[str], *, fallback: str) -> str:
    """A readable slug, prefixed so that it never collides with a present or future reference code."""
    base = LOCAL_PREFIX + (slugify(name)[:60].strip("-") or fallback)
    code, suffix = base, 2
    while code in taken:
        code, suffix = f"{base}-{suffix}", suffix + 1
    return code
