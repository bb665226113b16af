"""What Outil 12 adds to the dashboard ("À faire maintenant") and to the cycle's page (its progress)."""

import pytest

from core.tests.support import url
from cycles.models import StepStatus
from evaluation.models import Decision
from evaluation.tests.factories import ActionDecisionFactory, ReviewFactory
from plan.tests.factories import ActionFactory, TransformationFactory

pytestmark = pytest.mark.django_db


def test_coordination_is_told_of_transformations_without_review_at_step_5(cast, client_for, cycle):
    reviewed = TransformationFactory(objective__cycle=cycle, system="famille")
    TransformationFactory(objective=reviewed.objective, system="enfant")
    ReviewFactory(transformation=reviewed)
    cycle.steps.filter(number__lt=5).update(status=StepStatus.COMPLETED)
    cycle.steps.filter(number=5).update(status=StepStatus.IN_PROGRESS)
    page = client_for(cast.coordinator).get(url("partnerships:home", cast)).content.decode()
    assert "1 transformation souhaitée sans bilan (Outil 12)" in page
    page = client_for(cast.observer).get(url("partnerships:home", cast)).content.decode()
    assert "sans bilan (Outil 12)" not in page


def test_the_cycle_page_says_how_far_the_evaluation_is(cast, client_for, cycle):
    review = ReviewFactory(transformation__objective__cycle=cycle)
    ActionDecisionFactory(review=review, action=ActionFactory(cycle=cycle), decision=Decision.MAINTAIN)
    page = client_for(cast.observer).get(url("cycles:detail", cast, cycle_pk=cycle.pk)).content.decode()
    assert "1 bilan" in page and "0 décision appliquée sur 1" in page and "0 remise en question" in page
