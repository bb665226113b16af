from django.db import models, transaction
from django.db.models import Max
from django.utils.text import slugify

from core.concurrency import save_versioned
from partnerships.models import Partnership

from .catalogue import LOCAL_PREFIX
from .models import FactorElement, ProtectiveFactor


class FactorInUse(Exception):
    """The factor or element is cited elsewhere (findings, matrix, objectives…) and cannot be deleted."""


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


@transaction.atomic
def local_factor_delete(*, factor: ProtectiveFactor) -> None:
    if _is_cited(factor) or any(_is_cited(element) for element in factor.elements.all()):
        raise FactorInUse
    factor.delete()


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


@transaction.atomic
def local_element_delete(*, element: FactorElement) -> None:
    if _is_cited(element):
        raise FactorInUse
    element.delete()


def _unique_code(name: str, taken: set[str], *, fallback: str) -> str:
    """A readable slug, prefixed so that it never collides with a present or future reference code."""
    base = LOCAL_PREFIX + (slugify(name)[:60].strip("-") or fallback)
    code, suffix = base, 2
    while code in taken:
        code, suffix = f"{base}-{suffix}", suffix + 1
    return code


def _is_cited(record: models.Model) -> bool:
    """Whether a record of another app points to this one. Looked up through the model's relations, so that a new
    app citing factors (findings, matrix, objectives…) is covered without this module knowing it."""
    for relation in record._meta.related_objects:
        model = relation.related_model
        if model._meta.app_label == record._meta.app_label:
            continue
        if model._default_manager.filter(**{relation.field.name: record}).exists():
            return True
    return False
