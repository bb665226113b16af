"""What every document shows on its cover and in its running headers: its title, the partnership, its territory
and region, the cycle, the tool and the day it was printed, in the reader's language."""

from dataclasses import dataclass

from django.utils import timezone

from core import text
from cycles.models import Cycle
from cycles.tools import tool
from partnerships.access import PartnershipAccess
from partnerships.selectors import territory_names

from .registry import Document


@dataclass(frozen=True)
class Cover:
    title: str
    tool_label: str
    partnership: str
    region: str
    territories: list[str]
    cycle: str
    cycle_dates: str
    printed_on: str
    subject: str = ""  # the record a document of one record is of (a meeting's title, a round's)

    @property
    def running_header(self) -> str:
        return " — ".join(part for part in (self.partnership, self.title, self.subject) if part)


def cover(document: Document, access: PartnershipAccess, cycle: Cycle | None, record: object = None) -> Cover:
    partnership = access.partnership
    names = territory_names(partnership=partnership)
    return Cover(
        title=str(document.title),
        tool_label=tool(document.tool).label,
        partnership=partnership.name,
        region=partnership.get_region_display(),
        territories=[name for kind in names.values() for name in kind],
        cycle=cycle.name if cycle else "",
        cycle_dates=f"{text.long_date(cycle.starts_on)} – {text.long_date(cycle.ends_on)}" if cycle else "",
        printed_on=text.long_date(timezone.localdate()),
        subject=str(record) if record is not None else "",
    )
