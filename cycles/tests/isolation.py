from cycles.tests.factories import CycleFactory


def url_kwargs(partnership) -> dict:
    # A step number names a step in every partnership's cycles: views reach the step through the scoped cycle.
    return {"cycle_pk": CycleFactory(partnership=partnership).pk, "step_number": 1}
