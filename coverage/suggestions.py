"""What an organization's services of Outil 6 already say about its Outil 7 row.

A service names the protective factors it targets: its organization acts on them. The row form shows those
services under each factor and, for a factor the row has not answered yet, proposes a cell the person confirms by
saving: regular when one of the services runs at least in sessions, occasional otherwise; the kinds of action
read from the clienteles (children: direct activities; parents or families: support to parents; practitioners:
training). Nothing is written until the person saves the row.
"""

from dataclasses import dataclass, field

from offer.models import ClienteleCode, Frequency, Service, clientele_field
from organizations.models import Organization

from .models import ActionKind, Intensity

REGULAR_FREQUENCIES = {Frequency.CONTINUOUS, Frequency.WEEKLY, Frequency.MONTHLY, Frequency.SESSIONS}
KINDS_OF_CLIENTELE = {
    ClienteleCode.AGE_0_1: ActionKind.CHILDREN,
    ClienteleCode.AGE_1_2: ActionKind.CHILDREN,
    ClienteleCode.AGE_2_5: ActionKind.CHILDREN,
    ClienteleCode.PREGNANCY: ActionKind.PARENTS,
    ClienteleCode.PARENTS: ActionKind.PARENTS,
    ClienteleCode.FAMILIES: ActionKind.PARENTS,
    ClienteleCode.PRACTITIONERS: ActionKind.TRAINING,
}


@dataclass
class Suggestion:
    """For one factor: the organization's services that target it, and the cell they suggest."""

    services: list[Service] = field(default_factory=list)

    @property
    def intensity(self) -> int:
        regular = any(service.frequency in REGULAR_FREQUENCIES for service in self.services)
        return Intensity.REGULAR if regular else Intensity.OCCASIONAL

    @property
    def kinds(self) -> list[str]:
        found = {
            KINDS_OF_CLIENTELE[code]
            for service in self.services
            for code in ClienteleCode.values
            if getattr(service, clientele_field(code))
        }
        return [kind for kind in ActionKind.values if kind in found]


def suggestions(organization: Organization) -> dict[int, Suggestion]:
    """Factor pk → what the organization's services say of it (two queries)."""
    found: dict[int, Suggestion] = {}
    for service in Service.objects.filter(organization=organization).prefetch_related("factors").order_by("name"):
        for factor in service.factors.all():
            found.setdefault(factor.pk, Suggestion()).services.append(service)
    return found
