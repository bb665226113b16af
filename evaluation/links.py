"""What a page listing the reviews' decisions writes of each one, worked out once per page rather than per row in
the template (as plan.links does for the actions): the address of the decision in its review (`url`) and the
decision in words (`label`)."""

from core.routes import row_url

from .models import ActionDecision, Decision


def label_decisions(decisions: list[ActionDecision], *, slug: str, cycle_pk: int) -> list[ActionDecision]:
    review_url = row_url("evaluation:review_detail", "review_pk", slug=slug, cycle_pk=cycle_pk)
    labels = {code: str(label) for code, label in Decision.choices}
    for decision in decisions:
        decision.url = f"{review_url(decision.review_id)}#decision-{decision.pk}"
        decision.label = labels.get(decision.decision, decision.decision)
    return decisions
