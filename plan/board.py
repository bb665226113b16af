"""Outil 9's main page: each objective with its three systems, the transformation of each, or the plain
statement that it has none yet."""

from dataclasses import dataclass

from core.systems import SystemGroup, group_by_system
from priorities.models import Objective

from .models import DesiredChange
from .selectors import Plan


@dataclass
class ObjectiveRow:
    objective: Objective
    systems: list[SystemGroup[DesiredChange]]

    @property
    def missing(self) -> list[str]:
        return [group.label for group in self.systems if not group.items]


def plan_board(plan: Plan) -> list[ObjectiveRow]:
    return [
        ObjectiveRow(objective=objective, systems=group_by_system(objective.plan_transformations))
        for objective in plan.objectives
    ]
