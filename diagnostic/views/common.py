from django.urls import reverse

from cycles.pages import tool_context
from partnerships.access import PartnershipAccess
from partnerships.permissions import Perm

from ..models import Round

TOOL = 13


def page_context(access: PartnershipAccess, **extra) -> dict:
    """Every page of Outil 13, used in the partnership's current cycle."""
    extra.setdefault("can_run", access.can(Perm.RUN_DIAGNOSTIC))
    return tool_context(access, TOOL, **extra)


def round_url(access: PartnershipAccess, round_: Round, name: str = "round_detail") -> str:
    return reverse(f"diagnostic:{name}", kwargs={"slug": access.partnership.slug, "round_pk": round_.pk})
