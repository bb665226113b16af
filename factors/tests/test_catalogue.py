import copy
import json

import pytest
from django.core.management import call_command

from core.systems import System
from factors.catalogue import CatalogueError, load_catalogue, read_catalogue
from factors.models import FactorElement, ProtectiveFactor
from factors.tests.factories import LocalFactorFactory

pytestmark = pytest.mark.django_db

CONFIRMED = {
    "niveau-socioeconomique": (System.FAMILY, {"revenu-familial", "scolarisation-des-parents"}),
    "attitudes-parentales": (
        System.FAMILY,
        {"sentiment-de-competence-parentale", "aspirations-scolarite-enfant", "rapport-lecture-ecriture"},
    ),
    "pratiques-parentales": (
        System.FAMILY,
        {"qualite-interactions-parent-enfant", "experiences-educatives-variees", "habitudes-lecture-parent-enfant"},
    ),
    "habiletes-communication": (System.CHILD, {"eveil-lecture-ecriture", "langage-oral"}),
    "environnement-quartier": (
        System.COMMUNITY,
        {"espaces-verts-securitaires", "qualite-logements", "cohesion-sociale"},
    ),
}
PROBABLE = {
    "developpement-cognitif": System.CHILD,
    "developpement-socioaffectif": System.CHILD,
    "sante-physique-saines-habitudes": System.CHILD,
    "qualite-accessibilite-services": System.COMMUNITY,
    "continuite-collaboration-services": System.COMMUNITY,
}


def reference():
    return ProtectiveFactor.objects.filter(partnership__isnull=True)


def test_migration_loads_the_confirmed_factors_with_their_elements():
    for code, (system, elements) in CONFIRMED.items():
        factor = reference().get(code=code)
        assert factor.system == system and not factor.to_validate
        assert factor.name_fr and factor.name_en and factor.description_fr and factor.description_en
        assert factor.key_facts_fr and factor.ideas_fr and factor.ideas_en and factor.sources
        assert set(factor.elements.values_list("code", flat=True)) == elements
    oral = FactorElement.objects.get(factor__code="habiletes-communication", code="langage-oral")
    assert oral.to_validate
    assert not FactorElement.objects.get(code="eveil-lecture-ecriture").to_validate


def test_the_five_probable_factors_are_flagged_to_validate():
    flagged = reference().filter(to_validate=True)
    assert {f.code: f.system for f in flagged} == PROBABLE
    assert reference().count() == 10
    assert reference().filter(catalogue_version="2026.1").count() == 10


def test_loading_twice_changes_nothing():
    before = list(reference().values_list("pk", "version"))
    report = load_catalogue(read_catalogue())
    assert report.created == [] and report.updated == [] and report.absent == []
    assert report.unchanged == 10 + FactorElement.objects.filter(partnership__isnull=True).count()
    assert list(reference().values_list("pk", "version")) == before


def test_an_edited_file_updates_names_and_adds_new_entries():
    data = copy.deepcopy(read_catalogue())
    data["version"] = "2026.2"
    data["factors"][0]["name_fr"] = "Conditions socioéconomiques"
    data["factors"][0]["elements"].append({"code": "emploi", "name_fr": "Emploi des parents", "position": 3})
    factor = reference().get(code=data["factors"][0]["code"])
    report = load_catalogue(data)
    factor.refresh_from_db()
    assert factor.name_fr == "Conditions socioéconomiques" and factor.version == 2
    assert factor.catalogue_version == "2026.2"
    assert factor.elements.filter(code="emploi", name_fr="Emploi des parents").exists()
    assert "niveau-socioeconomique" in report.updated and "niveau-socioeconomique/emploi" in report.created
    assert factor.history.first().history_change_reason.endswith("2026.2")


def test_loader_never_deletes_and_never_touches_local_factors(cast):
    local = LocalFactorFactory(partnership=cast.partnership, code="local-a", name_fr="À nous")
    data = copy.deepcopy(read_catalogue())
    removed = data["factors"].pop()
    data["factors"][0]["elements"].pop()
    report = load_catalogue(data)
    assert reference().filter(code=removed["code"]).exists()
    assert removed["code"] in report.absent
    assert "niveau-socioeconomique/scolarisation-des-parents" in report.absent
    local.refresh_from_db()
    assert local.name_fr == "À nous" and local.version == 1


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.pop("version"),
        lambda d: d["factors"][0].update(system="ecole"),
        lambda d: d["factors"][1].update(code=d["factors"][0]["code"]),
        lambda d: d["factors"][0].update(code="local-mine"),
        lambda d: d["factors"][0]["elements"][0].update(name_fr=""),
    ],
)
def test_a_malformed_file_is_refused_whole(breakage):
    data = copy.deepcopy(read_catalogue())
    data["factors"][2]["name_fr"] = "Changé"
    breakage(data)
    with pytest.raises(CatalogueError):
        load_catalogue(data)
    assert reference().get(code="pratiques-parentales").name_fr == "Pratiques parentales"


def test_command_loads_a_given_file(tmp_path, capsys):
    data = copy.deepcopy(read_catalogue())
    data["factors"][3]["name_en"] = "Communication skills"
    path = tmp_path / "catalogue.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    call_command("load_factor_catalogue", str(path))
    assert reference().get(code=data["factors"][3]["code"]).name_en == "Communication skills"
    assert "1 mise(s) à jour" in capsys.readouterr().out
