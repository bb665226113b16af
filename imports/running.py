"""An import from end to end: the file read, every row checked, and — only when nothing is wrong — every change
written in one transaction."""

from django.db import transaction

from .checking import ImportContext, Problem
from .reading import FileProblem, Upload, tables
from .registry import Importer, Plan


def examine(importer: Importer, context: ImportContext, upload: Upload) -> Plan:
    """What importing the file would do, or everything wrong with it; writes nothing."""
    try:
        found, problems = tables(importer, upload)
    except FileProblem as problem:
        return Plan(problems=[Problem(message=str(problem))])
    if problems:
        return Plan(problems=problems)
    plan = importer.check(context, found)
    plan.problems = [*context.problems, *plan.problems]
    return plan


@transaction.atomic
def apply(plan: Plan) -> None:
    """All or nothing: a change that fails (a record saved meanwhile) rolls every other back."""
    if plan.problems:
        raise ValueError("an import with problems is never applied")
    if plan.write_all is not None:
        plan.write_all(plan.changes)
        return
    for change in plan.changes:
        change.write()
