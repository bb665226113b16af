"""Questionings: a transformation, a factor or an objective questioned, why, what was decided, and the changes to
the plan it led to, shown both ways through the chain."""

import pytest

from evaluation.models import Questioning
from factors.models import ProtectiveFactor
from plan.tests.factories import ActionFactory, TransformationFactory
from priorities.models import SelectedFactor

pytestmark = pytest.mark.django_db


@pytest.fixture
def transformation(cycle):
    return TransformationFactory(objective__cycle=cycle, system="famille", statement="Les parents lisent chaque jour.")


def _data(**extra) -> dict:
    return {
        "question": "La cible est-elle réaliste ?",
        "reason": "La courbe stagne depuis deux ans.",
        "decision": "Viser les familles nouvellement arrivées.",
        "form_token": "",
        **extra,
    }


@pytest.mark.parametrize("role", ["coordinator", "committee"])
def test_questioning_a_transformation_links_the_changes_it_led_to(
    cast, client_for, cycle_url, cycle, transformation, role
):
    action = ActionFactory(cycle=cycle, title="Lectures au parc", transformations=[transformation])
    client = client_for(getattr(cast, role))
    response = client.post(
        cycle_url("evaluation:questioning_create"),
        _data(
            transformation=transformation.pk,
            changed_actions=[action.pk],
            changed_objectives=[transformation.objective_id],
        ),
    )
    assert response.status_code == 302
    questioning = Questioning.objects.get()
    assert questioning.subject == transformation and list(questioning.changed_actions.all()) == [action]
    assert questioning.history.count() == 1
    detail = cycle_url("evaluation:questioning_detail", questioning_pk=questioning.pk)
    action_page = client.get(cycle_url("plan:action_detail", action_pk=action.pk)).content.decode()
    assert detail in action_page
    page = client.get(detail).content.decode()
    assert cycle_url("plan:action_detail", action_pk=action.pk) in page and "Viser les familles" in page


def test_a_factor_the_cycle_selected_may_be_questioned(cast, client_for, cycle_url, cycle):
    factor = ProtectiveFactor.objects.for_partnership(cast.partnership).first()
    SelectedFactor.objects.create(cycle=cycle, factor=factor)
    response = client_for(cast.coordinator).post(cycle_url("evaluation:questioning_create"), _data(factor=factor.pk))
    assert response.status_code == 302
    assert Questioning.objects.get().factor == factor


def test_exactly_one_thing_is_questioned(cast, client_for, cycle_url, transformation):
    client = client_for(cast.coordinator)
    for data in (_data(), _data(transformation=transformation.pk, objective=transformation.objective_id)):
        response = client.post(cycle_url("evaluation:questioning_create"), data)
        assert response.status_code == 200
        content = response.content.decode()
        assert "Choisissez une seule chose remise en question" in content and "La courbe stagne" in content
    assert not Questioning.objects.exists()


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_others_read_and_may_not_question(cast, client_for, cycle_url, cycle, transformation, role):
    questioning = Questioning.objects.create(cycle=cycle, transformation=transformation, question="Q", reason="R")
    client = client_for(getattr(cast, role))
    assert client.get(cycle_url("evaluation:questionings")).status_code == 200
    assert client.get(cycle_url("evaluation:questioning_detail", questioning_pk=questioning.pk)).status_code == 200
    assert (
        client.post(cycle_url("evaluation:questioning_create"), _data(transformation=transformation.pk)).status_code
        == 403
    )
    edit = cycle_url("evaluation:questioning_edit", questioning_pk=questioning.pk)
    assert client.post(edit, _data(transformation=transformation.pk, version=1)).status_code == 403
    assert Questioning.objects.get().question == "Q"


def test_edit_conflict_history_deletion_and_the_outsider(cast, client_for, cycle_url, cycle, transformation):
    questioning = Questioning.objects.create(cycle=cycle, transformation=transformation, question="Q", reason="R")
    client = client_for(cast.coordinator)
    edit = cycle_url("evaluation:questioning_edit", questioning_pk=questioning.pk)
    assert client.post(edit, _data(transformation=transformation.pk, version=1, decision="Un")).status_code == 302
    stale = client.post(edit, _data(transformation=transformation.pk, version=1, decision="Deux"))
    assert stale.status_code == 409
    questioning.refresh_from_db()
    assert questioning.decision == "Un"
    addresses = [
        cycle_url("evaluation:questionings"),
        cycle_url("evaluation:questioning_create"),
        cycle_url("evaluation:questioning_detail", questioning_pk=questioning.pk),
        edit,
        cycle_url("evaluation:questioning_history", questioning_pk=questioning.pk),
        cycle_url("evaluation:questioning_delete", questioning_pk=questioning.pk),
    ]
    for address in addresses:
        assert client_for(cast.outsider).get(address).status_code == 404, address
    assert client.get(addresses[4]).status_code == 200
    assert client.post(addresses[5]).status_code == 302
    assert not Questioning.objects.exists()
