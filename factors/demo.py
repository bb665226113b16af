"""Demo data: partnership A has added two local factors and one local element to the shared catalogue, through
the services the committee uses (see demo_content.py)."""

from demo.context import DemoContext

from . import services
from .demo_content import LOCAL_ELEMENT, LOCAL_FACTORS
from .models import FactorElement, ProtectiveFactor


def load(ctx: DemoContext) -> None:
    partnership = ctx.partnership_a
    for values in LOCAL_FACTORS:
        if not ProtectiveFactor.objects.filter(partnership=partnership, name_fr=values["name_fr"]).exists():
            services.local_factor_create(partnership=partnership, factor=ProtectiveFactor(**values))
    factor = ProtectiveFactor.objects.filter(partnership__isnull=True, code=LOCAL_ELEMENT["factor_code"]).first()
    if factor is None:
        return
    values = {key: value for key, value in LOCAL_ELEMENT.items() if key != "factor_code"}
    if not FactorElement.objects.filter(factor=factor, partnership=partnership, name_fr=values["name_fr"]).exists():
        services.local_element_create(partnership=partnership, factor=factor, element=FactorElement(**values))
