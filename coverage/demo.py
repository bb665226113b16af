"""Demo data: partnership A's matrix, each organization's row saved through the service a partner uses (see
demo_content.py). A row someone already filled in is left as it is."""

from demo.context import DemoContext
from factors.models import FactorElement, ProtectiveFactor

from .demo_content import ELEMENT_CELLS, PROFILES
from .models import ActionKind, FactorIntervention
from .services import CellInput, row_save


def load(ctx: DemoContext) -> None:
    # The reference factors and partnership A's own local ones (loaded by factors.demo before this).
    factors = {factor.code: factor for factor in ProtectiveFactor.objects.for_partnership(ctx.partnership_a)}
    if not factors:
        return
    filled = set(
        FactorIntervention.objects.for_partnership(ctx.partnership_a).values_list("organization_id", flat=True)
    )
    for organization in ctx.organizations_a.values():
        if organization.pk in filled:
            continue
        cells = [
            _cell(factor, None, *PROFILES.get(organization.name, {}).get(code, (0, "")))
            for code, factor in factors.items()
        ]
        cells += _element_cells(organization.name)
        row_save(organization=organization, cells=cells, expected_fingerprint=None, detail=True)


def _element_cells(organization_name: str) -> list[CellInput]:
    cells = []
    for name, factor_code, element_code, intensity, kinds in ELEMENT_CELLS:
        if name != organization_name:
            continue
        element = FactorElement.objects.filter(
            factor__partnership__isnull=True, factor__code=factor_code, partnership__isnull=True, code=element_code
        ).first()
        if element is not None:
            cells.append(_cell(element.factor, element, intensity, kinds))
    return cells


def _cell(factor: ProtectiveFactor, element: FactorElement | None, intensity: int, kinds: str) -> CellInput:
    wanted = set(kinds.split())
    return CellInput(
        factor_id=factor.pk,
        element_id=element.pk if element else None,
        intensity=intensity,
        kinds=[code for code in ActionKind.values if code in wanted],
    )
