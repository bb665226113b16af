"""The statistics import of Outil 5 through the one import interface (imports/): upload, preview, import; the
columns of the first statistics files still read, every bad row listed with its column, nothing written while a
row is wrong."""

from decimal import Decimal

import pytest

from analysis.imports import STATISTICS
from analysis.models import STATISTIC_FIELDS, Statistic, TerritoryLevel
from analysis.tests.factories import StatisticFactory
from core.tests.support import query_count, url
from imports.tests.support import confirm, import_file, problems, sheet_rows, upload, workbook

pytestmark = pytest.mark.django_db

KEYS = [column.key for column in STATISTICS.columns]
HEADER = ",".join(KEYS)
LABELS = ["Indicateur", "Domaine", "Niveau de territoire", "Territoire", "Période", "Valeur", "Unité"]
LABELS += ["Imprécise", "Source", "Notes"]
GOOD_ROW = 'Enfants vulnérables (EQDEM),Maturité affective,local,RLS de la Vallée,2022,"12,5",%,non,ISQ,'
SHEET = "Données"


@pytest.fixture
def address(cast):
    return url("imports:partnership", cast, partnership_importer="donnees")


def csv(text: str) -> bytes:
    return text.encode("utf-8")


def refused(response) -> list[tuple[str, str, str, str]]:
    assert response.status_code == 422
    assert "Rien n'a été importé" in response.content.decode()
    return problems(response)


def test_a_good_csv_is_previewed_then_imported_with_its_history(cast, client_for, address):
    second = "Enfants vulnérables (EQDEM),Maturité affective,quebec,Québec,2022,11.7,%,,ISQ,"
    client = client_for(cast.coordinator)
    preview = upload(client, address, csv(f"{HEADER}\n{GOOD_ROW}\n{second}\n"), "donnees.csv")
    assert preview.status_code == 200
    assert "L'importation créera 2 fiches, en mettra à jour 0" in preview.content.decode()
    assert not Statistic.objects.exists()  # the preview writes nothing
    response = confirm(client, address, preview)
    assert response.status_code == 302 and response["Location"] == url("analysis:statistics", cast)
    local = Statistic.objects.get(partnership=cast.partnership, territory_level=TerritoryLevel.LOCAL)
    assert local.value == Decimal("12.5") and local.territory_name == "RLS de la Vallée"
    assert Statistic.objects.get(territory_level=TerritoryLevel.QUEBEC).value == Decimal("11.7")
    record = local.history.get()
    assert record.history_user == cast.coordinator
    assert record.history_change_reason == "Importation du fichier donnees.csv"


def test_a_semicolon_csv_with_a_bom_is_imported(cast, client_for, address):
    header = ";".join(KEYS)
    row = "Enfants vulnérables (EQDEM);Maturité affective;Région;Lanaudière;2017;10,9;%;oui;ISQ;"
    content = f"\ufeff{header}\r\n{row}\r\n".encode()
    assert import_file(client_for(cast.coordinator), address, content, "donnees.csv").status_code == 302
    statistic = Statistic.objects.get()
    assert statistic.territory_level == TerritoryLevel.REGION
    assert statistic.value == Decimal("10.9") and statistic.is_imprecise


def test_a_windows_1252_csv_is_read_with_its_accents(cast, client_for, address):
    content = f"{HEADER}\r\n{GOOD_ROW}\r\n".encode("cp1252")
    assert import_file(client_for(cast.coordinator), address, content, "excel.csv").status_code == 302
    statistic = Statistic.objects.get()
    assert statistic.indicator == "Enfants vulnérables (EQDEM)" and statistic.territory_name == "RLS de la Vallée"


def test_an_xlsx_with_the_labels_of_the_template_is_imported(cast, client_for, address):
    content = workbook(
        {SHEET: [LABELS, ["Indice de défavorisation", "", "local", "Vieux-Moulin", 2021, 0.3, "", True]]}
    )
    assert import_file(client_for(cast.coordinator), address, content).status_code == 302
    statistic = Statistic.objects.get()
    assert statistic.period == "2021" and statistic.value == Decimal("0.3") and statistic.is_imprecise


def test_english_headers_and_levels_are_read(cast, client_for, address):
    header = ["Indicator", "Territory level", "Territory", "Period", "Value", "Imprecise"]
    content = workbook({"Data": [header, ["Deprivation index", "Administrative region", "Lanaudière", 2021, 4, "no"]]})
    assert import_file(client_for(cast.coordinator), address, content).status_code == 302
    assert Statistic.objects.get().territory_level == TerritoryLevel.REGION


def test_spreadsheet_noise_is_not_a_decimal_but_a_typed_fifth_decimal_is(cast, client_for, address):
    client = client_for(cast.coordinator)
    # 0.1 + 0.2 is 0.30000000000000004 in binary: Excel shows 0,3, and 0,3 is what is kept.
    noisy = ["Indice", "", "local", "Vieux-Moulin", 2021, 0.1 + 0.2, "", "non", "", ""]
    assert import_file(client, address, workbook({SHEET: [KEYS, noisy]})).status_code == 302
    assert Statistic.objects.get().value == Decimal("0.3")
    typed = ["Indice", "", "local", "Vieux-Moulin", 2022, 12.34567, "", "non", "", ""]
    found = refused(upload(client, address, workbook({SHEET: [KEYS, typed]})))
    assert found == [(SHEET, "2", "Valeur", "« 12.34567 » : au plus 3 décimales (la valeur en a 5). Arrondissez-la.")]
    assert Statistic.objects.count() == 1


def test_a_typed_fifth_decimal_in_a_csv_is_refused(cast, client_for, address):
    content = csv(f"{HEADER}\n{GOOD_ROW.replace('12,5', '12,34567')}\n")
    found = refused(upload(client_for(cast.coordinator), address, content, "donnees.csv"))
    assert found[0][:3] == (SHEET, "2", "Valeur") and "au plus 3 décimales (la valeur en a 5)" in found[0][3]
    assert not Statistic.objects.exists()


def test_a_formula_is_never_evaluated(cast, client_for, address):
    row = ["Indice", "", "local", "Vieux-Moulin", 2021, "=1+1", "", "=TRUE()", "", ""]
    found = refused(upload(client_for(cast.coordinator), address, workbook({SHEET: [KEYS, row]})))
    assert [(line, column) for _sheet, line, column, _message in found] == [("2", "Valeur"), ("2", "Imprécise")]
    assert found[0][3].startswith("Formule refusée (=1+1)")
    assert not Statistic.objects.exists()


def test_every_bad_row_is_listed_and_nothing_is_imported(cast, client_for, address):
    rows = [
        GOOD_ROW,
        "Enfants vulnérables (EQDEM),Compétences sociales,local,RLS de la Vallée,2022,douze,%,non,ISQ,",
        "Enfants vulnérables (EQDEM),Compétences sociales,quartier,RLS de la Vallée,2017,9,%,non,ISQ,",
        ",Compétences sociales,local,RLS de la Vallée,2012,9,%,peut-être,ISQ,",
        GOOD_ROW,
        f"{'x' * 251},,local,RLS de la Vallée,2012,9,%,non,ISQ,",
    ]
    found = refused(upload(client_for(cast.coordinator), address, csv("\n".join([HEADER, *rows])), "donnees.csv"))
    assert found == [
        (SHEET, "3", "Valeur", "« douze » n&#x27;est pas un nombre : écrivez par exemple 12,5 ou 12.5."),
        (
            SHEET,
            "4",
            "Niveau de territoire",
            "Niveau de territoire inconnu : « quartier ». Écrivez quebec, region ou local.",
        ),
        (SHEET, "5", "Indicateur", "Valeur obligatoire manquante."),
        (SHEET, "5", "Imprécise", "« peut-être » : écrivez oui ou non."),
        (SHEET, "6", "—", "Cette ligne répète la ligne 2 (même indicateur, domaine, territoire et période)."),
        (SHEET, "7", "Indicateur", "Texte trop long : 251 caractères pour un maximum de 250."),
    ]
    assert not Statistic.objects.exists()


def test_missing_and_unknown_columns_are_named(cast, client_for, address):
    content = csv("indicateur,territoire,valeur,couleur\nA,B,1,rouge\n")
    found = refused(upload(client_for(cast.coordinator), address, content, "donnees.csv"))
    assert (SHEET, "1", "—", "Colonne inconnue : « couleur ».") in found
    assert (SHEET, "1", "Niveau de territoire", "Colonne obligatoire absente.") in found
    assert (SHEET, "1", "Période", "Colonne obligatoire absente.") in found


def test_header_names_may_carry_accents_and_capitals(cast, client_for, address):
    header = "Indicateur,Domaine,Niveau territoire,Territoire,Période,Valeur,Unité,Imprécise,Source,Notes"
    content = csv(f"{header}\n{GOOD_ROW}\n")
    assert import_file(client_for(cast.coordinator), address, content, "donnees.csv").status_code == 302
    assert Statistic.objects.get().unit == "%"


@pytest.mark.parametrize(
    "level",
    ["Niveau-de-territoire", "niveau-territoire", "Niveau_de_territoire", "NIVEAU - DE - TERRITOIRE"],
)
def test_header_names_may_write_hyphens_or_underscores_for_spaces(cast, client_for, address, level):
    header = f"Indicateur,Domaine,{level},Territoire,Période,Valeur,Unité,Imprécise,Source,Notes"
    content = csv(f"{header}\n{GOOD_ROW}\n")
    assert import_file(client_for(cast.coordinator), address, content, "donnees.csv").status_code == 302
    assert Statistic.objects.get().territory_level == TerritoryLevel.LOCAL


@pytest.mark.parametrize(
    "content,name,message",
    [
        (b"", "vide.csv", "Le fichier soumis est vide."),
        (HEADER.encode(), "entete.csv", "aucune donnée à importer"),
        (b"%PDF-1.4 binary", "rapport.pdf", "Ce type de fichier n&#x27;est pas accepté"),
        (b"%PDF-1.4 binary", "rapport.csv", "son contenu n&#x27;est pas du texte"),
        (b"not a zip", "classeur.xlsx", "n&#x27;est pas un classeur Excel"),
        (b"PK\x03\x04 broken", "classeur.xlsx", "illisible ou endommagé"),
    ],
)
def test_unreadable_files_are_refused(cast, client_for, address, content, name, message):
    response = upload(client_for(cast.coordinator), address, content, name)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Statistic.objects.exists()


def test_oversized_file_is_refused(cast, client_for, address, settings):
    settings.MAX_UPLOAD_BYTES = 200
    response = upload(client_for(cast.coordinator), address, csv(f"{HEADER}\n" + f"{GOOD_ROW}\n" * 5), "donnees.csv")
    assert response.status_code == 422 and "Le fichier dépasse la limite de" in response.content.decode()
    assert not Statistic.objects.exists()


def test_too_many_rows_are_refused(cast, client_for, address, monkeypatch):
    monkeypatch.setattr("imports.reading.MAX_ROWS", 3)
    rows = [GOOD_ROW.replace("2022", str(year)) for year in range(2010, 2015)]
    response = upload(client_for(cast.coordinator), address, csv("\n".join([HEADER, *rows])), "donnees.csv")
    assert response.status_code == 422 and "plus de 3 lignes" in response.content.decode()
    assert not Statistic.objects.exists()


def test_a_second_import_replaces_values_instead_of_duplicating(cast, client_for, address):
    import_file(client_for(cast.coordinator), address, csv(f"{HEADER}\n{GOOD_ROW}\n"), "donnees.csv")
    corrected = GOOD_ROW.replace('"12,5"', "13")
    client = client_for(cast.committee)
    preview = upload(client, address, csv(f"{HEADER}\n{corrected}\n{GOOD_ROW.replace('local', 'quebec')}\n"), "b.csv")
    assert "L'importation créera 1 fiches, en mettra à jour 1 et en laissera 0" in preview.content.decode()
    assert confirm(client, address, preview).status_code == 302
    statistic = Statistic.objects.get(territory_level=TerritoryLevel.LOCAL)
    assert statistic.value == Decimal("13") and statistic.version == 2
    assert statistic.history.count() == 2
    assert statistic.history.first().history_change_reason == "Importation du fichier b.csv"
    # the same file again changes nothing
    preview = upload(client, address, csv(f"{HEADER}\n{corrected}\n"), "b.csv")
    assert "en mettra à jour 0 et en laissera 1 inchangées" in preview.content.decode()


def test_only_editors_import_and_an_outsider_is_not_told_the_page_exists(cast, client_for, address):
    content = csv(f"{HEADER}\n{GOOD_ROW}\n")
    for role in ("partner", "observer"):
        client = client_for(getattr(cast, role))
        assert client.get(address).status_code == 403
        assert upload(client, address, content, "donnees.csv").status_code == 403
    outsider = client_for(cast.outsider)
    assert outsider.get(address).status_code == 404
    assert upload(outsider, address, content, "donnees.csv").status_code == 404
    assert not Statistic.objects.exists()


def test_the_template_has_the_labels_and_imports_as_it_is(cast, client_for, address):
    client = client_for(cast.coordinator)
    response = client.get(url("imports:partnership_template", cast, partnership_importer="donnees"))
    assert response.status_code == 200
    assert sheet_rows(response.content, SHEET)[0] == tuple(LABELS)
    instructions = sheet_rows(response.content, "Instructions")
    assert instructions[1][:3] == (SHEET, "Indicateur", "obligatoire")
    assert any("Territoire local (local)" in (row[3] or "") for row in instructions)
    assert import_file(client, address, response.content, "modele.xlsx").status_code == 302
    assert Statistic.objects.get().value == Decimal("28.7")


def test_the_eqdem_example_imports_cleanly(cast, client_for, address):
    content = client_for(cast.observer).get(url("analysis:statistic_example", cast)).content
    assert import_file(client_for(cast.coordinator), address, content, "eqdem-quebec.csv").status_code == 302
    statistics = Statistic.objects.filter(partnership=cast.partnership)
    assert statistics.count() == 21
    assert statistics.get(domain="Au moins un domaine", period="2022").value == Decimal("28.7")
    assert statistics.get(domain="Maturité affective", period="2017").value == Decimal("11.5")
    assert set(statistics.values_list("period", flat=True)) == {"2012", "2017", "2022"}


def test_the_statistics_pages_link_to_the_import_for_those_who_may_import(cast, client_for, address):
    page = client_for(cast.committee).get(url("analysis:statistics", cast)).content.decode()
    assert f'href="{address}"' in page and url("analysis:statistic_example", cast) in page
    for name in ("analysis:statistic_create", "analysis:statistic_chart"):
        assert f'href="{address}"' in client_for(cast.committee).get(url(name, cast)).content.decode()
    assert address not in client_for(cast.observer).get(url("analysis:statistics", cast)).content.decode()


def _export(client, cast) -> bytes:
    response = client.get(url("documents:partnership", cast, document="donnees", file_format="xlsx"))
    assert response.status_code == 200
    return response.content


def _state(partnership) -> list[tuple]:
    statistics = Statistic.objects.filter(partnership=partnership).order_by("indicator", "period", "territory_level")
    return [tuple(getattr(s, name) for name in STATISTIC_FIELDS) for s in statistics]


def test_the_export_imported_again_changes_nothing_and_into_an_empty_partnership_gives_it_back(
    cast, client_for, address
):
    StatisticFactory(partnership=cast.partnership, indicator="=cmd|' /C calc'!A0", value=Decimal("12.345"))
    StatisticFactory(
        partnership=cast.partnership,
        indicator="Indice",
        territory_level=TerritoryLevel.REGION,
        value=None,
        is_imprecise=True,
        notes="Petit territoire",
    )
    client = client_for(cast.coordinator)
    exported = _export(client, cast)
    assert sheet_rows(exported, SHEET)[0] == tuple(LABELS)
    before = _state(cast.partnership)
    preview = upload(client, address, exported)
    assert "en mettra à jour 0 et en laissera 2 inchangées" in preview.content.decode()
    assert confirm(client, address, preview).status_code == 302
    assert _state(cast.partnership) == before
    assert all(s.version == 1 for s in Statistic.objects.all())

    other = url("imports:partnership", cast, slug=cast.other_partnership.slug, partnership_importer="donnees")
    outsider = client_for(cast.outsider)
    assert import_file(outsider, other, exported).status_code == 302
    assert _state(cast.other_partnership) == before


def test_the_statistics_export_queries_do_not_grow(cast, client_for):
    address = url("documents:partnership", cast, document="donnees", file_format="xlsx")
    client = client_for(cast.observer)
    StatisticFactory(partnership=cast.partnership)
    small = query_count(client, address)
    for year in range(2010, 2015):
        StatisticFactory(partnership=cast.partnership, period=str(year))
    assert query_count(client, address) == small


def test_the_statistics_tab_links_to_the_export_in_each_format(cast, client_for):
    page = client_for(cast.observer).get(url("analysis:statistics", cast)).content.decode()
    for file_format in ("pdf", "docx", "xlsx"):
        assert url("documents:partnership", cast, document="donnees", file_format=file_format) in page


def test_without_a_cycle_the_breadcrumb_names_outil_5_without_a_dead_link(cast, client_for, address):
    # Outil 5 is a cycle's tool: before the partnership has a cycle, the import of its data has no tool page to
    # link back to, and says so by naming the tool without a link.
    content = client_for(cast.coordinator).get(address).content.decode()
    assert 'href="None"' not in content
    assert "<li>Outil 5 — Nos observations, nos constats</li>" in content
