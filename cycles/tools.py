"""The thirteen tools of the approach, and the step each one serves.

Groups moving from the paper guide know the tools by number, so the interface always says "Outil N — name".
Each tool is a screen built by its own app; a tool not built yet has no URL name and is simply not shown. A built
tool's URL must resolve: a renamed URL fails loudly instead of hiding the tool.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.urls import reverse
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


@dataclass(frozen=True)
class Tool:
    number: int
    name: Promise
    steps: tuple[int, ...]
    scope: Scope
    url_name: str | None = None  # None while the tool is not built

    @property
    def label(self) -> str:
        return gettext("Outil %(number)s — %(name)s") % {"number": self.number, "name": self.name}

    def url(self, *, slug: str, cycle_pk: int | None) -> str | None:
        """The tool's address for this cycle; None while the tool is not built, or for a cycle tool without a
        cycle."""
        if self.url_name is None or (self.scope is Scope.CYCLE and cycle_pk is None):
            return None
        return reverse(self.url_name, kwargs=_url_kwargs(self.scope, slug=slug, cycle_pk=cycle_pk))


@dataclass(frozen=True)
class StepPage:
    """A step's own page (step 1: commitments and rules of operation), shown with the step's tools."""

    step: int
    label: Promise
    url_name: str

    def url(self, *, slug: str, cycle_pk: int) -> str:
        return reverse(self.url_name, kwargs={"slug": slug, "cycle_pk": cycle_pk})


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    number: int | None = None  # the tool's, for a link to a tool
    name: str = ""  # the URL name of the page: what the cycle's page knows its progress by


TOOLS: tuple[Tool, ...] = (
    Tool(1, _("Synthèse de la démarche"), (1,), Scope.GLOBAL, "cycles:guide"),
    Tool(2, _("Objectifs par rencontre et outils"), (1,), Scope.CYCLE, "meetings:meetings"),
    Tool(3, _("Tableau synthèse des facteurs de protection"), (2,), Scope.PARTNERSHIP, "factors:summary"),
    Tool(4, _("Fiches descriptives des facteurs de protection"), (2,), Scope.PARTNERSHIP, "factors:sheets"),
    Tool(5, _("Nos observations, nos constats"), (2,), Scope.CYCLE, "analysis:home"),
    Tool(6, _("Analyse de l'offre de services"), (2,), Scope.PARTNERSHIP, "offer:home"),
    Tool(7, _("Analyse de l'intervention sur les facteurs de protection"), (2,), Scope.PARTNERSHIP, "coverage:matrix"),
    Tool(8, _("Nos priorités"), (2,), Scope.CYCLE, "priorities:home"),
    Tool(9, _("Plan d'action concerté"), (3,), Scope.CYCLE, "plan:home"),
    Tool(10, _("Vue d'ensemble du plan d'action"), (3, 4, 5), Scope.CYCLE, "plan:overview"),
    Tool(11, _("Suivi de la mise en œuvre de l'action"), (4, 5), Scope.CYCLE, "followup:reports"),
    Tool(12, _("Suivi et évaluation de la transformation souhaitée"), (5,), Scope.CYCLE, "evaluation:dashboard"),
    Tool(13, _("Outil diagnostique de l'action en partenariat"), (5,), Scope.PARTNERSHIP, "diagnostic:rounds"),
)

STEP_PAGES: tuple[StepPage, ...] = (
    StepPage(1, _("Étape 1 — Engagements des organismes et règles de fonctionnement"), "intention:step"),
)


def tool(number: int) -> Tool:
    return TOOLS[number - 1]


def tools_of_step(step_number: int) -> list[Tool]:
    return [t for t in TOOLS if step_number in t.steps]


def tool_links(step_number: int, *, slug: str, cycle_pk: int | None) -> list[Link]:
    """The step's tools in number order, only those built today."""
    return [
        Link(label=t.label, url=url, number=t.number, name=t.url_name)
        for t in tools_of_step(step_number)
        if (url := t.url(slug=slug, cycle_pk=cycle_pk))
    ]


def step_links(step_number: int, *, slug: str, cycle_pk: int) -> list[Link]:
    """The step's own page first, then its tools: what the cycle's home page lists under each step."""
    pages = [
        Link(label=str(page.label), url=page.url(slug=slug, cycle_pk=cycle_pk), name=page.url_name)
        for page in STEP_PAGES
        if page.step == step_number
    ]
    return pages + tool_links(step_number, slug=slug, cycle_pk=cycle_pk)
