"""What the dashboard asks of each person first: what to do next.

Each app says it in `<app>/todo.py`: `todos(access, cycle) -> list[Todo]`, one query where it can (its counts
asked together with core.counting.counts), the items that concern the person's role:

- `Audience.COORDINATION`: what remains open in the step, for those who run the approach (coordination and
  committee); the dashboard shows those of the cycle's current step.
- `Audience.ORGANIZATION`: the checklist of the person's organization (its services, its row of Outil 7, its
  commitment…), done or not, for a partner representative.
- `Audience.PERSONAL`: what the person themself is asked (a ballot, a questionnaire).
"""

from dataclasses import dataclass
from enum import StrEnum

from core.hooks import app_functions
from cycles.models import Cycle, StepStatus

from .access import PartnershipAccess


class Audience(StrEnum):
    COORDINATION = "coordination"
    ORGANIZATION = "organization"
    PERSONAL = "personal"


@dataclass(frozen=True)
class Todo:
    label: str
    url: str
    audience: Audience
    step: int | None = None  # the step of the cycle it belongs to
    done: bool = False


@dataclass(frozen=True)
class NextSteps:
    step: int | None  # the cycle's current step
    coordination: list[Todo]  # open items of the current step
    organization: list[Todo]  # the organization's checklist, done items included
    personal: list[Todo]

    @property
    def organization_done(self) -> int:
        return sum(todo.done for todo in self.organization)


def current_step(cycle: Cycle | None) -> int | None:
    """The first step in progress, else the first not completed; None without a cycle or once all are done."""
    if cycle is None:
        return None
    steps = sorted(cycle.steps.all(), key=lambda step: step.number)
    for status in (StepStatus.IN_PROGRESS, StepStatus.NOT_STARTED):
        for step in steps:
            if step.status == status:
                return step.number
    return None


def next_steps(access: PartnershipAccess, cycle: Cycle | None) -> NextSteps:
    todos = [todo for _app, todos in app_functions("todo", "todos") for todo in todos(access, cycle)]
    step = current_step(cycle)
    return NextSteps(
        step=step,
        coordination=[
            t for t in todos if t.audience is Audience.COORDINATION and not t.done and t.step in (None, step)
        ],
        organization=[t for t in todos if t.audience is Audience.ORGANIZATION],
        personal=[t for t in todos if t.audience is Audience.PERSONAL and not t.done],
    )
