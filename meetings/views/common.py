from django.urls import reverse

from cycles.models import Cycle
from cycles.pages import tool_context
from cycles.tools import Link, tool
from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm

from ..models import Meeting

TOOL = 2


def page_context(access: PartnershipAccess, cycle: Cycle, **extra) -> dict:
    """Every page of Outil 2."""
    extra.setdefault("can_edit", access.can(Perm.MANAGE_MEETINGS))
    return tool_context(access, TOOL, cycle=cycle, **extra)


def meeting_url(access: PartnershipAccess, meeting: Meeting, name: str = "meeting_detail") -> str:
    kwargs = {"slug": access.partnership.slug, "cycle_pk": meeting.cycle_id, "meeting_pk": meeting.pk}
    return reverse(f"meetings:{name}", kwargs=kwargs)


def meetings_url(access: PartnershipAccess, cycle: Cycle) -> str:
    return reverse("meetings:meetings", kwargs={"slug": access.partnership.slug, "cycle_pk": cycle.pk})


def tool_links(access: PartnershipAccess, meeting: Meeting) -> list[Link]:
    """The tools the meeting uses, linked where they are built."""
    links = []
    for number in meeting.tool_numbers:
        entry = tool(number)
        url = entry.url(slug=access.partnership.slug, cycle_pk=meeting.cycle_id) or ""
        links.append(Link(label=entry.label, url=url, number=number))
    return links
