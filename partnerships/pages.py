"""The page context every page of a partnership starts from: the partnership's navigation and its sections."""

from enum import StrEnum

from .access import PartnershipAccess


class Section(StrEnum):
    """The entries of the partnership's navigation (partnerships/_nav.html); a page marks one as current."""

    HOME = "home"
    CYCLES = "cycles"
    TOOLS = "tools"
    ORGANIZATIONS = "organizations"
    MEMBERS = "members"
    RULES = "rules"
    PROFILE = "profile"


def page_context(access: PartnershipAccess, section: Section, **extra) -> dict:
    """`access` (the partnership and the person's role) and `section`, then the page's own values. The pages of
    a tool use cycles.pages.tool_context, which adds the tool and its cycle."""
    return {"access": access, "section": section, **extra}
