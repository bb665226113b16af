import pytest
from django.urls import reverse

from api.tests.support import token_client
from plan.models import Action, DesiredChange, Indicator
from plan.tests.factories import ActionFactory, IndicatorFactory, TransformationFactory
from priorities.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db
JSON = "application/json"


def _actions(cast, cycle) -> str:
    return reverse("api:actions", kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk})


def _action(cast, action) -> str:
    kwargs = {"slug": cast.partnership.slug, "cycle_pk": action.cycle_id, "action_pk": action.pk}
    return reverse("api:action_detail", kwargs=kwargs)


def test_the_committee_writes_an_action_through_the_plans_form(cast, cycle):
    transformation = TransformationFactory(objective__cycle=cycle)
    api = token_client(cast.committee)
    data = {
        "title": "Ateliers parents-enfants",
        "lead": cast.organization.pk,
        "transformations": [transformation.pk],
        "clientele_codes": ["parents"],
        "starts_on": "2026-09-01",
        "ends_on": "2026-06-30",
    }
    backwards = api.post(_actions(cast, cycle), data, content_type=JSON)
    assert backwards.status_code == 400 and backwards.json()["ends_on"] == ["La fin vient avant le début."]
    created = api.post(_actions(cast, cycle), {**data, "ends_on": "2027-06-30"}, content_type=JSON)
    assert created.status_code == 201, created.json()
    action = Action.objects.get(pk=created.json()["id"])
    assert list(action.transformations.all()) == [transformation] and action.history.count() == 1
    assert created.json()["clientele_codes"] == action.clienteles.split(",")
    edited = api.patch(_action(cast, action), {"version": 1, "status": "under_way"}, content_type=JSON)
    assert edited.status_code == 200, edited.json()
    action.refresh_from_db()
    assert action.status == "under_way" and list(action.transformations.all()) == [transformation]
    assert api.patch(_action(cast, action), {"version": 1, "title": "x"}, content_type=JSON).status_code == 409
    assert api.delete(_action(cast, action)).status_code == 204


def test_a_partner_reads_but_does_not_write_the_plan(cast, cycle):
    action = ActionFactory(cycle=cycle)
    api = token_client(cast.partner)
    assert api.get(_action(cast, action)).json()["title"] == action.title
    assert api.patch(_action(cast, action), {"version": 1, "title": "x"}, content_type=JSON).status_code == 403
    assert api.post(_actions(cast, cycle), {"title": "x"}, content_type=JSON).status_code == 403


def test_the_action_list_stays_flat(cast, cycle, assert_flat_queries):
    ActionFactory(cycle=cycle)
    grow = lambda: ActionFactory.create_batch(10, cycle=cycle, lead=cast.organization)  # noqa: E731
    assert_flat_queries(token_client(cast.observer), _actions(cast, cycle), grow=grow)


def _transformations(cast, cycle) -> str:
    return reverse("api:transformations", kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk})


def _indicators(cast, transformation) -> str:
    kwargs = {"slug": cast.partnership.slug, "cycle_pk": transformation.objective.cycle_id}
    return reverse("api:indicators", kwargs={**kwargs, "transformation_pk": transformation.pk})


def _indicator(cast, transformation, indicator) -> str:
    kwargs = {"slug": cast.partnership.slug, "cycle_pk": transformation.objective.cycle_id}
    kwargs |= {"transformation_pk": transformation.pk, "indicator_pk": indicator.pk}
    return reverse("api:indicator_detail", kwargs=kwargs)


def test_one_transformation_per_objective_and_system_as_on_the_page(cast, cycle):
    objective = ObjectiveFactory(cycle=cycle)
    api = token_client(cast.committee)
    data = {"objective": objective.pk, "system": "famille", "statement": "Les parents lisent davantage."}
    created = api.post(_transformations(cast, cycle), data, content_type=JSON)
    assert created.status_code == 201, created.json()
    again = api.post(_transformations(cast, cycle), data, content_type=JSON)
    assert again.status_code == 400
    assert again.json()["system"] == ["Cet objectif a déjà une transformation pour ce système."]
    assert DesiredChange.objects.filter(objective=objective).count() == 1


def test_indicators_live_under_their_transformation(cast, cycle):
    transformation = TransformationFactory(objective__cycle=cycle)
    other = TransformationFactory(objective__cycle=cycle, system="enfant")
    api = token_client(cast.committee)
    created = api.post(_indicators(cast, transformation), {"name": "Prêts de livres"}, content_type=JSON)
    assert created.status_code == 201, created.json()
    indicator = Indicator.objects.get(pk=created.json()["id"])
    assert indicator.transformation == transformation and created.json()["polarity"] == indicator.polarity
    assert api.get(_indicator(cast, other, indicator)).status_code == 404
    assert api.get(_indicators(cast, transformation)).json()["count"] == 1
    edited = api.patch(_indicator(cast, transformation, indicator), {"version": 1, "unit": "prêts"}, content_type=JSON)
    assert edited.status_code == 200 and edited.json()["unit"] == "prêts"
    assert token_client(cast.partner).delete(_indicator(cast, transformation, indicator)).status_code == 403


def test_the_transformation_and_indicator_lists_stay_flat(cast, cycle, assert_flat_queries):
    transformation = TransformationFactory(objective__cycle=cycle)
    IndicatorFactory(transformation=transformation)
    api = token_client(cast.observer)

    def grow():
        for system in ("enfant", "communaute"):
            TransformationFactory(objective=transformation.objective, system=system)
        IndicatorFactory.create_batch(5, transformation=transformation)

    assert_flat_queries(api, _transformations(cast, cycle), grow=grow)
    grow_indicators = lambda: IndicatorFactory.create_batch(5, transformation=transformation)  # noqa: E731
    assert_flat_queries(api, _indicators(cast, transformation), grow=grow_indicators)
