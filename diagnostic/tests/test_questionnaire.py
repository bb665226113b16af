import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from core.tests.support import url
from diagnostic.models import Condition, Item, Questionnaire
from diagnostic.questionnaire import CONDITIONS, QuestionnaireError, load_questionnaire, read_questionnaire

pytestmark = pytest.mark.django_db


def test_the_reference_questionnaire_has_18_items_under_the_six_conditions_in_both_languages():
    reference = Questionnaire.objects.get(partnership__isnull=True)
    conditions = list(reference.conditions.order_by("position"))
    assert [c.code for c in conditions] == list(CONDITIONS)
    items = Item.objects.filter(condition__questionnaire=reference)
    assert items.count() == 18
    assert all(c.items.count() == 3 for c in conditions)
    for item in items:
        for name in ("text", "a", "b", "c"):
            assert getattr(item, f"{name}_fr") and getattr(item, f"{name}_en"), (item.code, name)


def test_loading_the_reference_again_changes_nothing():
    call_command("load_diagnostic_questionnaire")
    assert Questionnaire.objects.filter(partnership__isnull=True).count() == 1
    assert Item.objects.count() == 18


def bad_files():
    data = read_questionnaire()
    missing_condition = {**data, "conditions": data["conditions"][:5]}
    no_statement = json.loads(json.dumps(data))
    no_statement["conditions"][2]["items"][1]["c_fr"] = " "
    duplicate = json.loads(json.dumps(data))
    duplicate["conditions"][1]["items"][0]["code"] = duplicate["conditions"][0]["items"][0]["code"]
    return [
        (missing_condition, "Les conditions doivent être les six de l'outil"),
        (no_statement, "n'a pas de texte en français pour : c_fr"),
        (duplicate, "Code d'énoncé en double"),
        ({**data, "version": ""}, "Le questionnaire doit avoir « version »"),
    ]


@pytest.mark.parametrize("data,message", bad_files())
def test_a_bad_file_is_refused_with_its_reason_and_nothing_is_written(cast, data, message):
    before = (Questionnaire.objects.count(), Condition.objects.count(), Item.objects.count())
    with pytest.raises(QuestionnaireError, match=message):
        load_questionnaire(data, partnership=cast.partnership)
    assert (Questionnaire.objects.count(), Condition.objects.count(), Item.objects.count()) == before


def test_the_command_reports_a_bad_file(tmp_path):
    path = tmp_path / "q.json"
    path.write_text("{ pas du json", encoding="utf-8")
    with pytest.raises(CommandError, match="Lecture du questionnaire impossible"):
        call_command("load_diagnostic_questionnaire", str(path))


def own_file(version: str = "local-1", text: str = "Notre propre énoncé") -> SimpleUploadedFile:
    data = read_questionnaire()
    data["version"] = version
    data["conditions"][0]["items"][0]["text_fr"] = text
    return SimpleUploadedFile("q.json", json.dumps(data).encode(), content_type="application/json")


def test_coordinator_loads_the_partnerships_own_wording(cast, client_for):
    response = client_for(cast.coordinator).post(url("diagnostic:questionnaire_load", cast), {"file": own_file()})
    own = Questionnaire.objects.get(partnership=cast.partnership)
    assert response.status_code == 302 and own.version == "local-1"
    page = client_for(cast.partner).get(response.url).content.decode().replace("&#x27;", "'")
    assert "Notre propre énoncé" in page
    # Another partnership never sees it.
    assert not Questionnaire.objects.for_partnership(cast.other_partnership).filter(pk=own.pk).exists()


def test_a_bad_upload_says_why_next_to_the_field(cast, client_for):
    bad = SimpleUploadedFile("q.json", b'{"version": "x", "name_fr": "Q", "conditions": []}')
    response = client_for(cast.coordinator).post(url("diagnostic:questionnaire_load", cast), {"file": bad})
    assert response.status_code == 200
    assert "Les conditions doivent être les six de l'outil" in response.content.decode().replace("&#x27;", "'")
    assert not Questionnaire.objects.filter(partnership=cast.partnership).exists()


def test_the_same_version_cannot_be_loaded_twice(cast, client_for):
    client = client_for(cast.coordinator)
    client.post(url("diagnostic:questionnaire_load", cast), {"file": own_file()})
    response = client.post(url("diagnostic:questionnaire_load", cast), {"file": own_file(text="Autre")})
    assert "La version « local-1 » est déjà chargée" in response.content.decode().replace("&#x27;", "'")
    assert Questionnaire.objects.filter(partnership=cast.partnership).count() == 1


@pytest.mark.parametrize("role", ["committee", "partner", "observer"])
def test_only_coordination_loads_a_wording(cast, client_for, role):
    response = client_for(getattr(cast, role)).post(url("diagnostic:questionnaire_load", cast), {"file": own_file()})
    assert response.status_code == 403
