import pytest
from django.urls import reverse

from core.systems import System
from core.tests.support import url
from factors.models import FactorElement, ProtectiveFactor
from factors.tests.factories import LocalElementFactory, LocalFactorFactory

pytestmark = pytest.mark.django_db


def reference(code="pratiques-parentales"):
    return ProtectiveFactor.objects.get(partnership__isnull=True, code=code)


def factor_data(**overrides):
    data = {
        "system": System.COMMUNITY,
        "name_fr": "  Transport   collectif ",
        "name_en": "",
        "description_fr": "Se rendre aux services sans voiture.",
        "key_facts_fr": "Peu de lignes d'autobus le soir.\nLes familles marchent beaucoup.",
        "ideas_fr": "Navette vers les activités.",
        "sources": "Consultation des parents",
    }
    data.update(overrides)
    return data


def local_factors(cast):
    return ProtectiveFactor.objects.filter(partnership=cast.partnership)


@pytest.mark.parametrize("role", ["coordinator", "committee"])
def test_coordination_and_committee_add_a_local_factor(cast, client_for, role):
    response = client_for(getattr(cast, role)).post(url("factors:local_create", cast), factor_data())
    factor = local_factors(cast).get()
    assert response.status_code == 302 and response.url == url("factors:sheet", cast, factor_pk=factor.pk)
    assert factor.name_fr == "Transport collectif" and factor.code == "local-transport-collectif"
    assert factor.system == System.COMMUNITY and not factor.to_validate
    assert factor.key_facts == ["Peu de lignes d'autobus le soir.", "Les familles marchent beaucoup."]
    assert factor.history.get().history_user == getattr(cast, role)
    content = client_for(cast.observer).get(url("factors:summary", cast)).content.decode()
    assert "Transport collectif" in content


def test_codes_stay_unique_and_never_look_like_reference_codes(cast, client_for):
    client = client_for(cast.coordinator)
    client.post(url("factors:local_create", cast), factor_data(name_fr="Pratiques   parentales du quartier"))
    client.post(url("factors:local_create", cast), factor_data(name_fr="Pratiques parentales, du quartier"))
    codes = sorted(local_factors(cast).values_list("code", flat=True))
    assert codes == ["local-pratiques-parentales-du-quartier", "local-pratiques-parentales-du-quartier-2"]


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_partner_and_observer_read_but_cannot_change(cast, client_for, role):
    client = client_for(getattr(cast, role))
    local = LocalFactorFactory(partnership=cast.partnership)
    element = LocalElementFactory(partnership=cast.partnership, factor=local)
    assert client.get(url("factors:summary", cast)).status_code == 200
    assert client.get(url("factors:sheet", cast, factor_pk=local.pk)).status_code == 200
    assert client.get(url("factors:local_create", cast)).status_code == 403
    assert client.post(url("factors:local_create", cast), factor_data()).status_code == 403
    edit = factor_data(name_fr="Changé", version=1)
    assert client.post(url("factors:local_edit", cast, factor_pk=local.pk), edit).status_code == 403
    assert client.post(url("factors:local_delete", cast, factor_pk=local.pk)).status_code == 403
    assert client.post(url("factors:element_create", cast, factor_pk=local.pk), {"name_fr": "X"}).status_code == 403
    assert (
        client.post(
            url("factors:element_edit", cast, element_pk=element.pk), {"name_fr": "X", "version": 1}
        ).status_code
        == 403
    )
    assert local_factors(cast).get().name_fr == local.name_fr
    assert FactorElement.objects.filter(partnership=cast.partnership).count() == 1


def test_sheet_offers_changes_only_to_those_who_may(cast, client_for):
    local = LocalFactorFactory(partnership=cast.partnership)
    edit_url = url("factors:local_edit", cast, factor_pk=local.pk)
    assert edit_url in client_for(cast.committee).get(url("factors:sheet", cast, factor_pk=local.pk)).content.decode()
    assert edit_url not in client_for(cast.partner).get(url("factors:sheet", cast, factor_pk=local.pk)).content.decode()
    ref = client_for(cast.coordinator).get(url("factors:sheet", cast, factor_pk=reference().pk)).content.decode()
    assert url("factors:local_edit", cast, factor_pk=reference().pk) not in ref
    assert url("factors:element_create", cast, factor_pk=reference().pk) in ref


def test_bad_input_is_explained_and_kept(cast, client_for):
    data = factor_data(name_fr="pratiques PARENTALES", system="ecole", description_fr="Texte à garder")
    response = client_for(cast.coordinator).post(url("factors:local_create", cast), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Un facteur de ce nom existe déjà" in content
    assert "Sélectionnez un choix valide" in content
    assert "Texte à garder" in content
    assert not local_factors(cast).exists()


def test_reference_factors_cannot_be_edited_or_deleted_by_a_partnership(cast, client_for):
    client = client_for(cast.coordinator)
    factor = reference()
    data = factor_data(name_fr="Renommé", version=factor.version)
    assert client.get(url("factors:local_edit", cast, factor_pk=factor.pk)).status_code == 403
    assert client.post(url("factors:local_edit", cast, factor_pk=factor.pk), data).status_code == 403
    assert client.post(url("factors:local_delete", cast, factor_pk=factor.pk)).status_code == 403
    element = factor.elements.first()
    assert (
        client.post(
            url("factors:element_edit", cast, element_pk=element.pk), {"name_fr": "X", "version": 1}
        ).status_code
        == 403
    )
    assert reference().name_fr == "Pratiques parentales"


def test_another_partnerships_local_records_answer_404(cast, client_for):
    theirs = LocalFactorFactory(partnership=cast.other_partnership)
    their_element = LocalElementFactory(partnership=cast.other_partnership, factor=reference())
    client = client_for(cast.coordinator)
    assert client.get(url("factors:local_edit", cast, factor_pk=theirs.pk)).status_code == 404
    assert client.post(url("factors:element_create", cast, factor_pk=theirs.pk), {"name_fr": "X"}).status_code == 404
    assert client.get(url("factors:element_edit", cast, element_pk=their_element.pk)).status_code == 404
    assert client.get(url("factors:element_history", cast, element_pk=their_element.pk)).status_code == 404


def test_edit_then_concurrent_edit_is_refused_and_keeps_what_was_typed(cast, client_for):
    local = LocalFactorFactory(partnership=cast.partnership, name_fr="Transport")
    first, second = client_for(cast.coordinator), client_for(cast.committee)
    edit = url("factors:local_edit", cast, factor_pk=local.pk)
    assert first.post(edit, factor_data(name_fr="Transport", description_fr="Version A", version=1)).status_code == 302
    response = second.post(edit, factor_data(name_fr="Transport", description_fr="Version B", version=1))
    content = response.content.decode()
    assert response.status_code == 409
    assert "Version A" in content and "Version B" in content and 'name="version" value="2"' in content
    local.refresh_from_db()
    assert local.description_fr == "Version A"
    resubmit = second.post(edit, factor_data(name_fr="Transport", description_fr="Version B", version=2))
    assert resubmit.status_code == 302
    local.refresh_from_db()
    assert local.description_fr == "Version B" and local.version == 3


def test_history_shows_who_changed_what(cast, client_for):
    local = LocalFactorFactory(partnership=cast.partnership, name_fr="Transport")
    client_for(cast.committee).post(
        url("factors:local_edit", cast, factor_pk=local.pk), factor_data(name_fr="Transport actif", version=1)
    )
    content = client_for(cast.observer).get(url("factors:history", cast, factor_pk=local.pk)).content.decode()
    assert "Comite" in content and "Transport actif" in content and "Communauté" in content


def test_local_element_on_a_reference_factor(cast, client_for):
    client = client_for(cast.committee)
    factor = reference()
    response = client.post(
        url("factors:element_create", cast, factor_pk=factor.pk),
        {"name_fr": "Jeux de société", "description_fr": "Le soir."},
    )
    assert response.status_code == 302
    element = FactorElement.objects.get(partnership=cast.partnership)
    assert element.factor == factor and element.code == "local-jeux-de-societe"
    sheet = client_for(cast.observer).get(url("factors:sheet", cast, factor_pk=factor.pk)).content.decode()
    assert "Jeux de société" in sheet
    outsider_view = client_for(cast.outsider).get(
        reverse("factors:sheet", kwargs={"slug": cast.other_partnership.slug, "factor_pk": factor.pk})
    )
    assert "Jeux de société" not in outsider_view.content.decode()


def test_element_bad_input_and_conflict(cast, client_for):
    element = LocalElementFactory(partnership=cast.partnership, factor=reference(), name_fr="Jeux")
    client = client_for(cast.coordinator)
    duplicate = client.post(
        url("factors:element_create", cast, factor_pk=reference().pk),
        {"name_fr": "Habitudes de lecture parent-enfant", "description_fr": "À garder"},
    )
    assert duplicate.status_code == 200
    assert "Ce facteur a déjà une composante de ce nom." in duplicate.content.decode()
    assert "À garder" in duplicate.content.decode()
    edit = url("factors:element_edit", cast, element_pk=element.pk)
    assert client.post(edit, {"name_fr": "Jeux A", "version": 1}).status_code == 302
    conflict = client_for(cast.committee).post(edit, {"name_fr": "Jeux B", "version": 1})
    assert conflict.status_code == 409 and "Jeux B" in conflict.content.decode()
    element.refresh_from_db()
    assert element.name_fr == "Jeux A"
    history = client.get(url("factors:element_history", cast, element_pk=element.pk)).content.decode()
    assert "Jeux A" in history


def test_deleting_a_cited_local_factor_says_first_what_goes_with_it_and_who_loses_it(cast, client_for):
    from analysis.tests.factories import FindingFactory
    from coverage.models import FactorIntervention
    from cycles.tests.factories import CycleFactory

    client = client_for(cast.coordinator)
    cited = LocalFactorFactory(partnership=cast.partnership)
    FactorIntervention.objects.create(organization=cast.organization, factor=cited, intensity=2)
    finding = FindingFactory(cycle=CycleFactory(partnership=cast.partnership), statement="Peu d'aide aux devoirs.")
    finding.factors.add(cited)
    page = client.get(url("factors:local_delete", cast, factor_pk=cited.pk)).content.decode()
    assert "1 intervention sur un facteur" in page  # goes with it
    assert "constat « Peu d&#x27;aide aux devoirs. »" in page  # loses the link, is kept
    assert ProtectiveFactor.objects.filter(pk=cited.pk).exists()

    assert client.post(url("factors:local_delete", cast, factor_pk=cited.pk)).status_code == 302
    assert not ProtectiveFactor.objects.filter(pk=cited.pk).exists()
    assert not FactorIntervention.objects.exists()
    assert not finding.factors.exists()
    assert finding.history.order_by("-history_id").first().history_change_reason.startswith("Supprimé : facteur")
    free = LocalFactorFactory(partnership=cast.partnership)
    LocalElementFactory(partnership=cast.partnership, factor=free)
    assert client.post(url("factors:local_delete", cast, factor_pk=free.pk)).status_code == 302
    assert not ProtectiveFactor.objects.filter(pk=free.pk).exists()


def test_delete_local_element(cast, client_for):
    element = LocalElementFactory(partnership=cast.partnership, factor=reference())
    response = client_for(cast.committee).post(url("factors:element_delete", cast, element_pk=element.pk))
    assert response.status_code == 302 and response.url == url("factors:sheet", cast, factor_pk=reference().pk)
    assert not FactorElement.objects.filter(pk=element.pk).exists()


def test_two_partnerships_may_name_local_elements_alike(cast, client_for):
    factor = reference()
    for user in (cast.coordinator, cast.outsider):
        slug = cast.partnership.slug if user == cast.coordinator else cast.other_partnership.slug
        path = reverse("factors:element_create", kwargs={"slug": slug, "factor_pk": factor.pk})
        assert client_for(user).post(path, {"name_fr": "Jeux de société"}).status_code == 302
    codes = FactorElement.objects.filter(factor=factor, partnership__isnull=False).values_list("code", flat=True)
    assert list(codes) == ["local-jeux-de-societe", "local-jeux-de-societe"]
