"""Reviews of a transformation and the decisions on its actions: written by those who prepare the plan, read by
everyone in the partnership; a decision applied changes the action exactly as it says."""

import datetime
from decimal import Decimal

import pytest

from core.concurrency import fingerprint
from evaluation.models import ActionDecision, Decision, Review
from evaluation.selectors import carried_actions, decision_state, review_decisions
from evaluation.tests.factories import ActionDecisionFactory, MeasurementFactory, ReviewFactory
from plan.models import Action, ActionStatus
from plan.tests.factories import ActionFactory, IndicatorFactory, TargetFactory, TransformationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def transformation(cycle):
    return TransformationFactory(objective__cycle=cycle, system="famille", statement="Les parents lisent chaque jour.")


@pytest.fixture
def review(transformation):
    return ReviewFactory(transformation=transformation)


def _action(cycle, transformation, title, **extra):
    return ActionFactory(cycle=cycle, title=title, transformations=[transformation], **extra)


def _review_data(transformation, **extra) -> dict:
    return {
        "transformation": transformation.pk,
        "period_start": "2025-09-01",
        "period_end": "2026-06-30",
        "curve": "La courbe monte, la cible est à mi-chemin.",
        "helps": "Les bibliothèques ouvrent le samedi.",
        "hinders": "Le transport.",
        "what_works": "Les lectures au parc.",
        "lessons": "Aller où sont les familles.",
        "form_token": "",
        **extra,
    }


def _fingerprint(review) -> str:
    return fingerprint(decision_state(review_decisions(review)))


def _decisions_data(review, choices: dict, **extra) -> dict:
    data = {"fingerprint": _fingerprint(review), **extra}
    for action, (decision, reason) in choices.items():
        data[f"a{action.pk}_decision"] = decision
        data[f"a{action.pk}_reason"] = reason
    return data


@pytest.mark.parametrize("role", ["coordinator", "committee"])
def test_those_who_prepare_the_plan_write_a_review(cast, client_for, cycle_url, transformation, role):
    response = client_for(getattr(cast, role)).post(
        cycle_url("evaluation:review_create"), _review_data(transformation, partners=[cast.organization.pk])
    )
    assert response.status_code == 302
    review = Review.objects.get()
    assert review.transformation == transformation and review.helps == "Les bibliothèques ouvrent le samedi."
    assert list(review.partners.all()) == [cast.organization]
    assert review.history.count() == 1  # one entry for the record and its links


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_others_read_and_may_not_review(cast, client_for, cycle_url, cycle, transformation, review, role):
    action = _action(cycle, transformation, "Croque-livres")
    decision = ActionDecisionFactory(review=review, action=action, decision=Decision.ABANDON)
    client = client_for(getattr(cast, role))
    page = client.get(cycle_url("evaluation:review_detail", review_pk=review.pk))
    assert page.status_code == 200 and "La courbe monte lentement" in page.content.decode()
    assert "Appliquer" not in page.content.decode()
    assert client.post(cycle_url("evaluation:review_create"), _review_data(transformation)).status_code == 403
    edit = cycle_url("evaluation:review_edit", review_pk=review.pk)
    assert client.post(edit, _review_data(transformation, version=review.version)).status_code == 403
    decisions = cycle_url("evaluation:review_decisions", review_pk=review.pk)
    assert client.post(decisions, _decisions_data(review, {action: ("adapt", "x")})).status_code == 403
    apply = cycle_url("evaluation:decision_apply", review_pk=review.pk, decision_pk=decision.pk)
    assert client.post(apply, {"fingerprint": _fingerprint(review)}).status_code == 403
    assert client.post(cycle_url("evaluation:review_delete", review_pk=review.pk)).status_code == 403
    action.refresh_from_db()
    assert action.status == ActionStatus.PLANNED and ActionDecision.objects.get().decision == Decision.ABANDON


def test_the_outsider_gets_404(cast, client_for, cycle_url, cycle, transformation, review):
    decision = ActionDecisionFactory(review=review, action=_action(cycle, transformation, "Croque-livres"))
    client = client_for(cast.outsider)
    for address in (
        cycle_url("evaluation:reviews"),
        cycle_url("evaluation:review_create"),
        cycle_url("evaluation:review_detail", review_pk=review.pk),
        cycle_url("evaluation:review_edit", review_pk=review.pk),
        cycle_url("evaluation:review_delete", review_pk=review.pk),
        cycle_url("evaluation:review_history", review_pk=review.pk),
        cycle_url("evaluation:summary"),
    ):
        assert client.get(address).status_code == 404, address
    for address in (
        cycle_url("evaluation:review_decisions", review_pk=review.pk),
        cycle_url("evaluation:decision_apply", review_pk=review.pk, decision_pk=decision.pk),
    ):
        assert client.post(address, {"fingerprint": "x"}).status_code == 404, address


def test_bad_input_is_said_and_nothing_lost(cast, client_for, cycle_url, transformation):
    response = client_for(cast.coordinator).post(
        cycle_url("evaluation:review_create"), _review_data(transformation, period_end="2025-01-01")
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "La fin de la période doit suivre son début." in content and "Les lectures au parc." in content
    assert not Review.objects.exists()


def test_edit_conflict_history_and_deletion(cast, client_for, cycle_url, cycle, transformation, review):
    ActionDecisionFactory(review=review, action=_action(cycle, transformation, "Croque-livres"))
    client = client_for(cast.coordinator)
    address = cycle_url("evaluation:review_edit", review_pk=review.pk)
    assert client.post(address, _review_data(transformation, version=review.version, lessons="Un")).status_code == 302
    stale = client.post(address, _review_data(transformation, version=review.version, lessons="Deux"))
    assert stale.status_code == 409 and "Deux" in stale.content.decode()
    review.refresh_from_db()
    assert review.lessons == "Un"
    assert client.get(cycle_url("evaluation:review_history", review_pk=review.pk)).status_code == 200
    delete = cycle_url("evaluation:review_delete", review_pk=review.pk)
    assert client.get(delete).status_code == 200
    assert client.post(delete).status_code == 302
    assert not Review.objects.exists() and not ActionDecision.objects.exists()


def test_the_review_page_shows_the_indicators_where_the_curve_stands(
    cast, client_for, cycle_url, transformation, review
):
    indicator = IndicatorFactory(transformation=transformation, name="Familles qui lisent", baseline_value=10)
    TargetFactory(indicator=indicator, value=Decimal("30"), date=datetime.date(2099, 6, 30))
    MeasurementFactory(indicator=indicator, value=Decimal("17.5"))
    content = client_for(cast.observer).get(cycle_url("evaluation:review_detail", review_pk=review.pk)).content.decode()
    assert "Familles qui lisent" in content and "<svg" in content and "Dans le bon sens" in content
    assert "<dd>17,5 " in content and "17,500" not in content


# --- Decisions -------------------------------------------------------------------------------------------------


def test_decisions_are_saved_as_a_set_each_with_its_reason(cast, client_for, cycle_url, cycle, transformation, review):
    keep, change, drop = (_action(cycle, transformation, t) for t in ("Ateliers", "Croque-livres", "Halte-répit"))
    client = client_for(cast.committee)
    address = cycle_url("evaluation:review_decisions", review_pk=review.pk)
    missing = client.post(address, _decisions_data(review, {keep: ("maintain", ""), change: ("adapt", "Trop tard")}))
    assert missing.status_code == 200
    assert "Donnez la raison de cette décision." in missing.content.decode() and "Trop tard" in missing.content.decode()
    assert not ActionDecision.objects.exists()
    choices = {keep: ("maintain", "Ça marche"), change: ("adapt", "Trop tard le soir"), drop: ("abandon", "Personne")}
    assert client.post(address, _decisions_data(review, choices)).status_code == 302
    saved = {d.action_id: (d.decision, d.reason) for d in ActionDecision.objects.all()}
    assert saved == {a.pk: choice for a, choice in choices.items()}
    assert client.post(address, _decisions_data(review, {**choices, drop: ("", "")})).status_code == 302
    assert not ActionDecision.objects.filter(action=drop).exists()
    assert ActionDecision.objects.count() == 2


def test_two_people_deciding_at_once_get_the_conflict_and_lose_nothing(
    cast, client_for, cycle_url, cycle, transformation, review
):
    action = _action(cycle, transformation, "Croque-livres")
    address = cycle_url("evaluation:review_decisions", review_pk=review.pk)
    first = _decisions_data(review, {action: ("maintain", "Elle rejoint les familles")})
    second = _decisions_data(review, {action: ("abandon", "Elle coûte trop cher")})
    assert client_for(cast.coordinator).post(address, first).status_code == 302
    response = client_for(cast.committee).post(address, second)
    assert response.status_code == 409
    content = response.content.decode()
    assert "Quelqu&#x27;un a enregistré les décisions de ce bilan" in content
    assert "Elle coûte trop cher" in content and "Elle rejoint les familles" in content
    assert ActionDecision.objects.get().decision == Decision.MAINTAIN
    # Saving again from the conflict page is a deliberate choice: it carries the set's new fingerprint.
    again = {**second, "fingerprint": _fingerprint(review)}
    assert client_for(cast.committee).post(address, again).status_code == 302
    assert ActionDecision.objects.get().decision == Decision.ABANDON


def _apply(client, cycle_url, review, decision):
    address = cycle_url("evaluation:decision_apply", review_pk=review.pk, decision_pk=decision.pk)
    return client.post(address, {"fingerprint": _fingerprint(review)})


def test_applying_an_abandon_ends_the_action_with_the_review(
    cast, client_for, cycle_url, cycle, transformation, review
):
    action = _action(cycle, transformation, "Halte-répit", starts_on=datetime.date(2025, 1, 1), status="under_way")
    decision = ActionDecisionFactory(review=review, action=action, decision=Decision.ABANDON, reason="Personne")
    versions = action.history.count()
    response = _apply(client_for(cast.coordinator), cycle_url, review, decision)
    assert response.status_code == 302 and response.url.endswith("#decisions")
    action.refresh_from_db()
    assert (action.status, action.ends_on) == (ActionStatus.ABANDONED, review.period_end)
    assert action.history.count() == versions + 1
    assert action.history.first().history_change_reason == "Abandonnée à la suite d'un bilan"
    decision.refresh_from_db()
    assert decision.applied_at is not None and decision.applied_by == cast.coordinator
    # Applied once: a second time is refused, and the decision is no longer in the editable set.
    assert _apply(client_for(cast.coordinator), cycle_url, review, decision).status_code == 403
    page = client_for(cast.coordinator).get(cycle_url("evaluation:review_detail", review_pk=review.pk)).content.decode()
    assert f'name="a{action.pk}_decision"' not in page
    assert action not in carried_actions(cycle)


def test_an_abandoned_action_never_ends_before_it_starts(cast, client_for, cycle_url, cycle, transformation, review):
    action = _action(cycle, transformation, "Plus tard", starts_on=datetime.date(2026, 9, 1))
    decision = ActionDecisionFactory(review=review, action=action, decision=Decision.ABANDON)
    assert _apply(client_for(cast.coordinator), cycle_url, review, decision).status_code == 302
    action.refresh_from_db()
    assert (action.status, action.ends_on) == (ActionStatus.ABANDONED, datetime.date(2026, 9, 1))


def test_an_abandoned_action_that_was_to_end_sooner_is_not_prolonged(
    cast, client_for, cycle_url, cycle, transformation, review
):
    ends_on = review.period_end - datetime.timedelta(days=30)
    action = _action(cycle, transformation, "Déjà finie", starts_on=datetime.date(2025, 1, 1), ends_on=ends_on)
    decision = ActionDecisionFactory(review=review, action=action, decision=Decision.ABANDON)
    assert _apply(client_for(cast.coordinator), cycle_url, review, decision).status_code == 302
    action.refresh_from_db()
    assert (action.status, action.ends_on) == (ActionStatus.ABANDONED, ends_on)


def test_applying_an_adapt_leads_to_the_actions_form_with_the_decision(
    cast, client_for, cycle_url, cycle, transformation, review
):
    action = _action(cycle, transformation, "Croque-livres")
    decision = ActionDecisionFactory(review=review, action=action, decision=Decision.ADAPT, reason="Le soir, enfin")
    client = client_for(cast.coordinator)
    response = _apply(client, cycle_url, review, decision)
    assert response.status_code == 302
    assert response.url == cycle_url("plan:action_edit", action_pk=action.pk)
    form = client.get(response.url).content.decode()
    assert "adapter l&#x27;action « Croque-livres »" in form and "Le soir, enfin" in form
    action.refresh_from_db()
    assert action.status == ActionStatus.PLANNED
    page = client.get(cycle_url("plan:action_detail", action_pk=action.pk)).content.decode()
    assert cycle_url("evaluation:review_detail", review_pk=review.pk) + f"#decision-{decision.pk}" in page
    assert action in carried_actions(cycle)


def test_applying_after_the_decisions_changed_is_refused(cast, client_for, cycle_url, cycle, transformation, review):
    action = _action(cycle, transformation, "Croque-livres")
    decision = ActionDecisionFactory(review=review, action=action, decision=Decision.MAINTAIN)
    stale = _fingerprint(review)
    ActionDecision.objects.filter(pk=decision.pk).update(decision=Decision.ABANDON)
    address = cycle_url("evaluation:decision_apply", review_pk=review.pk, decision_pk=decision.pk)
    response = client_for(cast.coordinator).post(address, {"fingerprint": stale}, follow=True)
    assert "rien n&#x27;a été appliqué" in response.content.decode()
    action.refresh_from_db()
    decision.refresh_from_db()
    assert action.status == ActionStatus.PLANNED and decision.applied_at is None


def test_carried_actions(cast, client_for, cycle_url, cycle, transformation, review):
    maintained, adapted, abandoned, untouched, dropped_by_hand, unapplied = (
        _action(cycle, transformation, title)
        for title in ("Maintenue", "Adaptée", "Abandonnée", "Sans décision", "Abandonnée à la main", "Non appliquée")
    )
    Action.objects.filter(pk=dropped_by_hand.pk).update(status=ActionStatus.ABANDONED)
    client = client_for(cast.coordinator)
    for action, choice in ((maintained, Decision.MAINTAIN), (adapted, Decision.ADAPT), (abandoned, Decision.ABANDON)):
        _apply(client, cycle_url, review, ActionDecisionFactory(review=review, action=action, decision=choice))
    ActionDecisionFactory(review=review, action=unapplied, decision=Decision.ABANDON)
    later = ReviewFactory(
        transformation=transformation, period_start=datetime.date(2026, 7, 1), period_end=datetime.date(2027, 6, 30)
    )
    _apply(client, cycle_url, later, ActionDecisionFactory(review=later, action=maintained, decision=Decision.ADAPT))
    assert {a.title for a in carried_actions(cycle)} == {"Maintenue", "Adaptée", "Sans décision", "Non appliquée"}


def test_review_page_query_count_does_not_grow(
    cast, client_for, cycle_url, cycle, transformation, review, assert_flat_queries
):
    def grow(count):
        for n in range(count):
            action = _action(cycle, transformation, f"Action {len(str(n))}-{n}")
            ActionDecisionFactory(review=review, action=action)
        for indicator in IndicatorFactory.create_batch(min(count, 20), transformation=transformation, baseline_value=5):
            MeasurementFactory(indicator=indicator)
            TargetFactory(indicator=indicator)

    grow(3)
    assert_flat_queries(
        client_for(cast.coordinator), cycle_url("evaluation:review_detail", review_pk=review.pk), grow=lambda: grow(197)
    )


def test_review_list_query_count_does_not_grow(cast, client_for, cycle_url, cycle, assert_flat_queries):
    ReviewFactory(transformation__objective__cycle=cycle)
    assert_flat_queries(
        client_for(cast.observer),
        cycle_url("evaluation:reviews"),
        grow=lambda: ReviewFactory.create_batch(20, transformation__objective__cycle=cycle),
    )
