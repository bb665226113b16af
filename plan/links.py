"""What a page listing the plan's actions writes of each one, worked out once per page rather than per row in the
template (a reverse() and a choice's translation per row cost more than the row): the address of its page
(`detail_url`) and its status in words (`status_label`)."""

from core.routes import row_url

from .models import Action, ActionStatus


def label_actions(actions: list[Action], *, slug: str, cycle_pk: int) -> list[Action]:
    detail_url = row_url("plan:action_detail", "action_pk", slug=slug, cycle_pk=cycle_pk)
    statuses = {code: str(label) for code, label in ActionStatus.choices}
    for action in actions:
        action.detail_url = detail_url(action.pk)
        action.status_label = statuses.get(action.status, action.status)
    return actions
