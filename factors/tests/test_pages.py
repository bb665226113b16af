import pytest
from django.utils.html import escape

from core.tests.support import url
from factors.models import ProtectiveFactor
from factors.tests.factories import LocalElementFactory, LocalFactorFactory

pytestmark = pytest.mark.django_db


def reference(code):
    return ProtectiveFactor.objects.get(partnership__isnull=True, code=code)


def test_every_member_reads_the_summary_by_system(cast, client_for):
    for user in (cast.coordinator, cast.committee, cast.partner, cast.observer):
        response = client_for(user).get(url("factors:summary", cast))
        content = response.content.decode()
        assert response.status_code == 200
        assert "Outil 3 — Tableau synthèse des facteurs de protection" in content
        assert content.index("Habiletés de communication orale et écrite") < content.index("Pratiques parentales")
        assert content.index("Pratiques parentales") < content.index("Cohésion sociale")
        assert "Habitudes de lecture parent-enfant" in content


def test_summary_shows_to_validate_and_local_as_text(cast, client_for):
    LocalFactorFactory(partnership=cast.partnership, name_fr="Sécurité alimentaire")
    content = client_for(cast.observer).get(url("factors:summary", cast)).content.decode()
    cognitive = content.index("Développement cognitif")
    assert "à valider</span>" in content[cognitive : cognitive + 300]
    local = content.index("Sécurité alimentaire")
    assert "local</span>" in content[local : local + 300]
    socio = content.index("Niveau socioéconomique")
    assert "à valider" not in content[socio : socio + 200]


def test_another_partnerships_local_factor_is_invisible(cast, client_for):
    theirs = LocalFactorFactory(partnership=cast.other_partnership, name_fr="Facteur de Rive-Nord")
    LocalElementFactory(
        partnership=cast.other_partnership, factor=reference("pratiques-parentales"), name_fr="Composante de Rive-Nord"
    )
    client = client_for(cast.coordinator)
    for page in ("factors:summary", "factors:sheets"):
        assert "Rive-Nord" not in client.get(url(page, cast)).content.decode()
    sheet = client.get(url("factors:sheet", cast, factor_pk=reference("pratiques-parentales").pk)).content.decode()
    assert "Composante de Rive-Nord" not in sheet
    assert client.get(url("factors:sheet", cast, factor_pk=theirs.pk)).status_code == 404
    assert client.get(url("factors:history", cast, factor_pk=theirs.pk)).status_code == 404


def test_sheet_describes_a_factor(cast, client_for):
    factor = reference("pratiques-parentales")
    content = client_for(cast.partner).get(url("factors:sheet", cast, factor_pk=factor.pk)).content.decode()
    assert "Famille" in content
    assert escape(factor.description_fr) in content
    assert "La chaleur, la sensibilité et la richesse" in content  # an element's description
    assert "La lecture partagée est une pratique simple" in content  # a key fact
    assert "Offrir des ateliers parent-enfant" in content  # an idea for action
    assert escape("Avenir d'enfants, liste de référence des facteurs de protection (à valider)") in content
    assert "ce facteur est une proposition" not in content


def test_sheet_of_a_probable_factor_says_it_is_to_validate(cast, client_for):
    factor = reference("developpement-socioaffectif")
    content = client_for(cast.observer).get(url("factors:sheet", cast, factor_pk=factor.pk)).content.decode()
    assert "ce facteur est une proposition" in content


def test_sheet_index_links_every_visible_factor(cast, client_for):
    local = LocalFactorFactory(partnership=cast.partnership)
    content = client_for(cast.observer).get(url("factors:sheets", cast)).content.decode()
    for factor in ProtectiveFactor.objects.filter(partnership__isnull=True):
        assert url("factors:sheet", cast, factor_pk=factor.pk) in content
    assert url("factors:sheet", cast, factor_pk=local.pk) in content


def test_english_reader_sees_english_names(cast, client_for):
    client = client_for(cast.observer)
    client.cookies["django_language"] = "en"
    content = client.get(url("factors:summary", cast)).content.decode()
    assert "Parenting practices" in content and "Pratiques parentales" not in content
    factor = reference("environnement-quartier")
    sheet = client.get(url("factors:sheet", cast, factor_pk=factor.pk)).content.decode()
    assert escape(factor.description_en) in sheet and "Safe green spaces" in sheet


def test_local_factor_without_english_name_falls_back_to_french(cast, client_for):
    LocalFactorFactory(partnership=cast.partnership, name_fr="Transport collectif", name_en="")
    client = client_for(cast.observer)
    client.cookies["django_language"] = "en"
    assert "Transport collectif" in client.get(url("factors:summary", cast)).content.decode()


@pytest.mark.parametrize("page", ["factors:summary", "factors:sheets"])
def test_query_count_does_not_grow_with_local_factors(cast, client_for, page, assert_flat_queries):
    LocalElementFactory(partnership=cast.partnership, factor=LocalFactorFactory(partnership=cast.partnership))

    def grow():
        for _ in range(7):
            factor = LocalFactorFactory(partnership=cast.partnership)
            LocalElementFactory.create_batch(2, partnership=cast.partnership, factor=factor)

    assert_flat_queries(client_for(cast.observer), url(page, cast), grow=grow)


def test_sheet_query_count_does_not_grow_with_elements(cast, client_for, assert_flat_queries):
    factor = LocalFactorFactory(partnership=cast.partnership)
    LocalElementFactory(partnership=cast.partnership, factor=factor)
    assert_flat_queries(
        client_for(cast.observer),
        url("factors:sheet", cast, factor_pk=factor.pk),
        grow=lambda: LocalElementFactory.create_batch(8, partnership=cast.partnership, factor=factor),
    )


def test_print_styles_cover_the_summary():
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "concerto.css").read_text(encoding="utf-8")
    section = css[css.index("/* --- factors") : css.index("/* --- end factors --- */")]
    assert "@media print" in section and ".factor-summary" in section
