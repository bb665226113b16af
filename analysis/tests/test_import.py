import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from analysis.importing import COLUMNS
from analysis.models import Statistic, TerritoryLevel
from analysis.tests.factories import StatisticFactory
from core.tests.support import url

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)
GOOD_ROW = 'Enfants vulnérables (EQDEM),Maturité affective,local,RLS de la Vallée,2022,"12,5",%,non,ISQ,'


def upload(content: bytes | str, name: str = "donnees.csv") -> SimpleUploadedFile:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return SimpleUploadedFile(name, data)


def post_file(cast, client_for, file, user=None):
    client = client_for(user or cast.coordinator)
    return client.post(url("analysis:statistic_import", cast), {"file": file})


def problems(response) -> str:
    assert response.status_code == 200
    content = response.content.decode()
    assert "Rien n'a été importé" in content
    return content


def xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_good_csv_is_imported(cast, client_for):
    second = "Enfants vulnérables (EQDEM),Maturité affective,quebec,Québec,2022,11.7,%,,ISQ,"
    response = post_file(cast, client_for, upload(f"{HEADER}\n{GOOD_ROW}\n{second}\n"))
    assert response.status_code == 302
    local = Statistic.objects.get(partnership=cast.partnership, territory_level=TerritoryLevel.LOCAL)
    assert local.value == Decimal("12.5") and local.territory_name == "RLS de la Vallée"
    assert Statistic.objects.get(territory_level=TerritoryLevel.QUEBEC).value == Decimal("11.7")
    record = local.history.get()
    assert record.history_user == cast.coordinator and "donnees.csv" in record.history_change_reason


def test_a_semicolon_csv_with_a_bom_is_imported(cast, client_for):
    header = ";".join(COLUMNS)
    row = "Enfants vulnérables (EQDEM);Maturité affective;Région;Lanaudière;2017;10,9;%;oui;ISQ;"
    response = post_file(cast, client_for, upload(f"\ufeff{header}\r\n{row}\r\n"))
    assert response.status_code == 302
    statistic = Statistic.objects.get()
    assert statistic.territory_level == TerritoryLevel.REGION
    assert statistic.value == Decimal("10.9") and statistic.is_imprecise


def test_an_xlsx_is_imported(cast, client_for):
    content = xlsx([COLUMNS, ["Indice de défavorisation", "", "local", "Vieux-Moulin", 2021, 0.3, "", True, "", ""]])
    response = post_file(cast, client_for, upload(content, "donnees.xlsx"))
    assert response.status_code == 302
    statistic = Statistic.objects.get()
    assert statistic.period == "2021" and statistic.value == Decimal("0.3") and statistic.is_imprecise


def test_spreadsheet_noise_is_not_a_decimal_but_a_typed_fifth_decimal_is(cast, client_for):
    # 0.1 + 0.2 is 0.30000000000000004 in binary: Excel shows 0,3, and 0,3 is what is kept.
    noisy = ["Indice", "", "local", "Vieux-Moulin", 2021, 0.1 + 0.2, "", "non", "", ""]
    assert post_file(cast, client_for, upload(xlsx([COLUMNS, noisy]), "donnees.xlsx")).status_code == 302
    assert Statistic.objects.get().value == Decimal("0.3")
    typed = ["Indice", "", "local", "Vieux-Moulin", 2022, 12.34567, "", "non", "", ""]
    content = problems(post_file(cast, client_for, upload(xlsx([COLUMNS, typed]), "donnees.xlsx")))
    assert (
        "<td>2</td><td>valeur</td><td>« 12.34567 » : au plus 3 décimales (la valeur en a 5). Arrondissez-la." in content
    )
    assert Statistic.objects.count() == 1


def test_a_typed_fifth_decimal_in_a_csv_is_refused(cast, client_for):
    content = problems(post_file(cast, client_for, upload(f"{HEADER}\n{GOOD_ROW.replace('12,5', '12,34567')}\n")))
    assert "<td>2</td><td>valeur</td><td>« 12,34567 » : au plus 3 décimales (la valeur en a 5)." in content
    assert not Statistic.objects.exists()


def test_every_bad_row_is_listed_and_nothing_is_imported(cast, client_for):
    rows = [
        GOOD_ROW,
        "Enfants vulnérables (EQDEM),Compétences sociales,local,RLS de la Vallée,2022,douze,%,non,ISQ,",
        "Enfants vulnérables (EQDEM),Compétences sociales,quartier,RLS de la Vallée,2017,9,%,non,ISQ,",
        ",Compétences sociales,local,RLS de la Vallée,2012,9,%,peut-être,ISQ,",
        GOOD_ROW,
    ]
    content = problems(post_file(cast, client_for, upload("\n".join([HEADER, *rows]))))
    assert "<td>3</td><td>valeur</td><td>« douze » n&#x27;est pas un nombre" in content
    assert "<td>4</td><td>niveau_territoire</td><td>Niveau de territoire inconnu : « quartier »" in content
    assert "<td>5</td><td>indicateur</td><td>Valeur obligatoire manquante." in content
    assert "<td>5</td><td>imprecise</td><td>« peut-être » : écrivez oui ou non." in content
    assert "<td>6</td><td>—</td><td>Cette ligne répète la ligne 2" in content
    assert not Statistic.objects.exists()


def test_missing_columns_are_named(cast, client_for):
    content = problems(post_file(cast, client_for, upload("indicateur,territoire,valeur,couleur\nA,B,1,rouge\n")))
    assert "<td>1</td><td>niveau_territoire</td><td>Colonne obligatoire absente." in content
    assert "<td>1</td><td>periode</td><td>Colonne obligatoire absente." in content
    assert "Colonne inconnue : « couleur »." in content


def test_header_names_may_carry_accents_and_capitals(cast, client_for):
    header = "Indicateur,Domaine,Niveau territoire,Territoire,Période,Valeur,Unité,Imprécise,Source,Notes"
    assert post_file(cast, client_for, upload(f"{header}\n{GOOD_ROW}\n")).status_code == 302
    assert Statistic.objects.get().unit == "%"


@pytest.mark.parametrize(
    "content,name,message",
    [
        (b"", "vide.csv", "Le fichier est vide."),
        (HEADER.encode(), "entete.csv", "ne contient que la ligne d&#x27;en-tête"),
        (b"%PDF-1.4 binary", "rapport.pdf", "Ce type de fichier n&#x27;est pas accepté"),
        (b"%PDF-1.4 binary", "rapport.csv", "son contenu n&#x27;est pas du texte (PDF)"),
        (f"{HEADER}\n{GOOD_ROW}".encode("cp1252"), "excel.csv", "pas encodé en UTF-8"),
        (b"not a zip", "classeur.xlsx", "n&#x27;est pas un classeur Excel"),
        (b"PK\x03\x04 broken", "classeur.xlsx", "illisible ou endommagé"),
    ],
)
def test_unreadable_files_are_refused(cast, client_for, content, name, message):
    response = post_file(cast, client_for, upload(content, name))
    if content:
        assert message in problems(response)
    else:
        # An empty upload is refused by the form itself, before any reading.
        assert response.status_code == 200 and "Le fichier soumis est vide." in response.content.decode()
    assert not Statistic.objects.exists()


def test_the_encoding_problem_names_its_line(cast, client_for):
    content = f"{HEADER}\n{GOOD_ROW}\n{GOOD_ROW.replace('2022', '2017').replace('Vallée', 'Vallée é')}".encode("cp1252")
    assert "<td>2</td>" in problems(post_file(cast, client_for, upload(content)))


def test_oversized_file_is_refused(cast, client_for, settings):
    settings.MAX_UPLOAD_BYTES = 200
    content = problems(post_file(cast, client_for, upload(f"{HEADER}\n" + f"{GOOD_ROW}\n" * 5)))
    assert "la limite est de" in content
    assert not Statistic.objects.exists()


def test_too_many_rows_are_refused(cast, client_for, monkeypatch):
    monkeypatch.setattr("analysis.importing.model.MAX_ROWS", 3)
    rows = [GOOD_ROW.replace("2022", str(year)) for year in range(2010, 2015)]
    content = problems(post_file(cast, client_for, upload("\n".join([HEADER, *rows]))))
    assert "plus de 3 lignes de données" in content


def test_a_second_import_replaces_values_instead_of_duplicating(cast, client_for):
    post_file(cast, client_for, upload(f"{HEADER}\n{GOOD_ROW}\n"))
    corrected = GOOD_ROW.replace('"12,5"', "13")
    response = post_file(cast, client_for, upload(f"{HEADER}\n{corrected}\n"), user=cast.committee)
    assert response.status_code == 302
    statistic = Statistic.objects.get()
    assert statistic.value == Decimal("13") and statistic.version == 2
    assert statistic.history.count() == 2


def test_only_editors_import(cast, client_for):
    for role in ("partner", "observer"):
        response = post_file(cast, client_for, upload(f"{HEADER}\n{GOOD_ROW}\n"), user=getattr(cast, role))
        assert response.status_code == 403
    assert not Statistic.objects.exists()


def test_templates_download_with_the_headers(cast, client_for):
    client = client_for(cast.observer)
    csv_response = client.get(url("analysis:statistic_template", cast), {"format": "csv"})
    assert csv_response["Content-Disposition"].startswith("attachment")
    first_line = csv_response.content.decode("utf-8-sig").splitlines()[0]
    assert first_line == HEADER
    xlsx_response = client.get(url("analysis:statistic_template", cast), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).worksheets[0]
    assert [cell.value for cell in sheet[1]] == list(COLUMNS)


def test_the_templates_import_as_they_are(cast, client_for):
    client = client_for(cast.coordinator)
    for fmt in ("csv", "xlsx"):
        content = client.get(url("analysis:statistic_template", cast), {"format": fmt}).content
        assert post_file(cast, client_for, upload(content, f"modele.{fmt}")).status_code == 302
    assert Statistic.objects.get().value == Decimal("28.7")


def test_the_eqdem_example_imports_cleanly(cast, client_for):
    content = client_for(cast.observer).get(url("analysis:statistic_example", cast)).content
    response = post_file(cast, client_for, upload(content, "eqdem-quebec.csv"))
    assert response.status_code == 302
    statistics = Statistic.objects.filter(partnership=cast.partnership)
    assert statistics.count() == 21
    assert statistics.get(domain="Au moins un domaine", period="2022").value == Decimal("28.7")
    assert statistics.get(domain="Maturité affective", period="2017").value == Decimal("11.5")
    assert set(statistics.values_list("period", flat=True)) == {"2012", "2017", "2022"}


def test_the_import_page_links_the_downloads(cast, client_for):
    StatisticFactory(partnership=cast.partnership)
    content = client_for(cast.committee).get(url("analysis:statistic_import", cast)).content.decode()
    assert url("analysis:statistic_example", cast) in content
    assert f"{url('analysis:statistic_template', cast)}?format=xlsx" in content
