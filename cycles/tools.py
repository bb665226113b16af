"""The thirteen tools of the approach, and the step each one serves.

Groups moving from the paper guide know the tools by number, so the interface always says "Outil N — name".
Each tool is a screen built by its own app; a tool whose URL does not exist yet is simply not shown.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class Scope(StrEnum):
    """What a tool's URL needs: nothing (the guide), the partnership, or the partnership and the cycle."""

    GLOBAL = "global"
    PARTNERSHIP = "partnership"
    CYCLE = "cycle"


def _url_kwargs(scope: Scope, *, slug: str, cycle_pk: int) -> dict:
    if scope is Scope.GLOBAL:
        return {}
    if scope is Scope.PARTNERSHIP:
        return {"slug": slug}
    return {"slug": slug, "cycle_pk": cycle_pk}


def _reverse_or_none(url_name: str, kwargs: dict) -> str | None:
    try:
        return reverse(url_name, kwargs=kwargs)
    except NoReverseMatch:
        return None


@dataclass(frozen=True)
class Tool:
    number: int
    name: Promise
    steps: tuple[int, ...]
    url_name: str
    scope: Scope

    @property
    def label(self) -> str:
        return gettext("Outil %(number)s — %(name)s") % {"number": self.number, "name": self.name}

    def url(self, *, slug: str, cycle_pk: int) -> str | None:
        """The tool's address for this cycle, or None while the tool is not built."""
        return _reverse_or_none(self.url_name, _url_kwargs(self.scope, slug=slug, cycle_pk=cycle_pk))


@dataclass(frozen=True)
class StepPage:
    """A step's own page (step 1: commitments and rules of operation), shown with the step's tools."""

    step: int
    label: Promise
    url_name: str

    def url(self, *, slug: str, cycle_pk: int) -> str | None:
        return _reverse_or_none(self.url_name, {"slug": slug, "cycle_pk": cycle_pk})


@dataclass(frozen=True)
class Link:
    label: str
    url: str


TOOLS: tuple[Tool, ...] = (
    Tool(1, _("Synthèse de la démarche"), (1,), "cycles:guide", Scope.GLOBAL),
    Tool(2, _("Objectifs par rencontre et outils"), (1,), "meetings:planner", Scope.CYCLE),
    Tool(3, _("Tableau synthèse des facteurs de protection"), (2,), "factors:summary", Scope.PARTNERSHIP),
    Tool(4, _("Fiches descriptives des facteurs de protection"), (2,), "factors:sheets", Scope.PARTNERSHIP),
    Tool(5, _("Nos observations, nos constats"), (2,), "analysis:home", Scope.CYCLE),
    Tool(6, _("Analyse de l'offre de services"), (2,), "offer:home", Scope.PARTNERSHIP),
    Tool(7, _("Analyse de l'intervention sur les facteurs de protection"), (2,), "coverage:matrix", Scope.PARTNERSHIP),
    Tool(8, _("Nos priorités"), (2,), "priorities:home", Scope.CYCLE),
    Tool(9, _("Plan d'action concerté"), (3,), "plan:detail", Scope.CYCLE),
    Tool(10, _("Vue d'ensemble du plan d'action"), (3, 4, 5), "plan:overview", Scope.CYCLE),
    Tool(11, _("Suivi de la mise en œuvre de l'action"), (4, 5), "followup:reports", Scope.CYCLE),
    Tool(12, _("Suivi et évaluation de la transformation souhaitée"), (5,), "followup:reviews", Scope.CYCLE),
    Tool(13, _("Outil diagnostique de l'action en partenariat"), (5,), "diagnostic:home", Scope.PARTNERSHIP),
)

STEP_PAGES: tuple[StepPage, ...] = (
    StepPage(1, _("Étape 1 — Engagements des organismes et règles de fonctionnement"), "intention:step"),
)


def tool(number: int) -> Tool:
    return TOOLS[number - 1]


def tools_of_step(step_number: int) -> list[Tool]:
    return [t for t in TOOLS if step_number in t.steps]


def tool_links(step_number: int, *, slug: str, cycle_pk: int) -> list[Link]:
    """The step's tools in number order, only those that exist today."""
    return [
        Link(label=t.label, url=url) for t in tools_of_step(step_number) if (url := t.url(slug=slug, cycle_pk=cycle_pk))
    ]


def step_links(step_number: int, *, slug: str, cycle_pk: int) -> list[Link]:
    """The step's own page first, then its tools: what the cycle's home page lists under each step."""
    pages = [
        Link(label=str(page.label), url=url)
        for page in STEP_PAGES
        if page.step == step_number and (url := page.url(slug=slug, cycle_pk=cycle_pk))
    ]
    return pages + tool_links(step_number, slug=slug, cycle_pk=cycle_pk)
