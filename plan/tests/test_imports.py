"""Outil 9's import of a whole plan, through HTTP: the plan's spreadsheet imported into an empty cycle gives back
the same spreadsheet, imported again into its own cycle changes nothing, and every bad row is listed by sheet, line
and column with nothing written."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from cycles.tests.factories import CycleFactory
from imports.tests.support import confirm, problems, upload
from plan.models import Action, ActionPartner, BudgetLine, DesiredChange, Indicator, Target
from plan.tests.factories import (
    ActionFactory,
    ActionPartnerFactory,
    BudgetLineFactory,
    FunderFactory,
    IndicatorFactory,
    TargetFactory,
    TransformationFactory,
)
from priorities.models import Objective
from priorities.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db

SHEETS = [
    "Objectifs",
    "Transformations souhaitées",
    "Indicateurs",
    "Cibles",
    "Actions",
    "Partenaires des actions",
    "Budget",
]
MODELS = (Objective, DesiredChange, Indicator, Target, Action, ActionPartner, BudgetLine)


def a_whole_plan(cast, cycle) -> None:
    """Every column of every sheet filled at least once, with texts a spreadsheet would take for formulas."""
    funder = FunderFactory(partnership=cast.partnership, name="Fondation Lucie-et-André")
    city = FunderFactory(partnership=cast.partnership, name="Ville de Montréal")
    reading = ObjectiveFactory(cycle=cycle, title="Favoriser l'éveil à la lecture", description="Dès 0 an.", position=1)
    together = ObjectiveFactory(cycle=cycle, title="=Soutenir les parents", position=2)
    family = TransformationFactory(
        objective=reading, system="famille", statement="Les parents lisent chaque jour.", lead=cast.organization
    )
    family.partners.set([cast.organization, cast.other_organization])
    child = TransformationFactory(objective=reading, system="enfant", statement="Les enfants aiment les livres.")
    community = TransformationFactory(objective=together, system="communaute", statement="Des lieux pour se voir.")
    daily = IndicatorFactory(
        transformation=family,
        name="Familles qui lisent chaque jour",
        definition="Part des familles\nsur deux lignes",
        unit="%",
        polarity="higher",
        data_source="Sondage",
        collection_tool="Questionnaire",
        frequency="Annuelle",
        baseline_value=Decimal("12.5"),
        baseline_date=datetime.date(2024, 6, 30),
        baseline_source="Sondage 2024",
    )
    TargetFactory(indicator=daily, value=Decimal("20"), date=datetime.date(2026, 6, 30))
    TargetFactory(indicator=daily, value=Decimal("40.125"), date=datetime.date(2027, 6, 30))
    waiting = IndicatorFactory(transformation=community, name="Attente", unit="jours", polarity="lower")
    TargetFactory(indicator=waiting, value=Decimal("-3"), date=datetime.date(2027, 6, 30))
    IndicatorFactory(transformation=child, name="Emprunts", unit="")
    boxes = ActionFactory(
        cycle=cycle,
        title="Croque-livres",
        description="Des boîtes dans les parcs.",
        clienteles="parents,families",
        territory="Quartier du Parc",
        lead=cast.organization,
        starts_on=datetime.date(2025, 9, 1),
        ends_on=datetime.date(2026, 6, 30),
        status="under_way",
        follow_up="quarterly",
        human_resources="Une animatrice",
        material_resources="-Des boîtes",
        transformations=[family, child],
    )
    ActionPartnerFactory(
        action=boxes,
        organization=cast.other_organization,
        role="Anime",
        contribution_in_kind="Un local",
        contribution_money=Decimal("250.5"),
    )
    BudgetLineFactory(
        action=boxes, funder=funder, year=2025, status="confirmed", nature="cash", amount=Decimal("1234.5")
    )
    BudgetLineFactory(
        action=boxes, funder=funder, year=2025, status="requested", nature="in_kind", amount=Decimal("10")
    )
    BudgetLineFactory(action=boxes, funder=city, year=2026, status="requested", nature="cash", amount=Decimal("800"))
    ActionFactory(cycle=cycle, title="Fête de quartier", lead=None, transformations=[community])


def _export(client, cast, cycle) -> bytes:
    address = f"/p/{cast.partnership.slug}/cycles/{cycle.pk}/documents/plan.xlsx"
    response = client.get(address)
    assert response.status_code == 200, address
    return response.content


def _address(cast, cycle) -> str:
    return f"/p/{cast.partnership.slug}/cycles/{cycle.pk}/importer/plan/"


def _cells(content: bytes) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(content))
    return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


def _of_cycle(model, cycle):
    cycle_path = model.PARTNERSHIP_PATH.removesuffix("partnership") + "id"
    return model.objects.filter(**{cycle_path: cycle.pk})


def _versions() -> list[tuple]:
    return [
        (model.__name__, record.pk, getattr(record, "version", None), record.history.count())
        for model in MODELS
        for record in model.objects.order_by("pk")
    ]


@pytest.fixture
def empty_cycle(cast, cycle):
    return CycleFactory(partnership=cast.partnership, starts_on=cycle.starts_on, ends_on=cycle.ends_on)


def test_the_export_carries_every_sheet_one_row_per_record(cast, client_for, cycle):
    a_whole_plan(cast, cycle)
    cells = _cells(_export(client_for(cast.observer), cast, cycle))
    assert list(cells) == SHEETS
    assert cells["Cibles"][1:] == [
        (
            "Favoriser l'éveil à la lecture",
            "Famille",
            "Familles qui lisent chaque jour",
            20,
            datetime.datetime(2026, 6, 30),
        ),
        (
            "Favoriser l'éveil à la lecture",
            "Famille",
            "Familles qui lisent chaque jour",
            40.125,
            datetime.datetime(2027, 6, 30),
        ),
        ("'=Soutenir les parents", "Communauté", "Attente", -3, datetime.datetime(2027, 6, 30)),
    ]
    header, *rows = cells["Indicateurs"]
    indicator = next(dict(zip(header, row, strict=True)) for row in rows if row[2] == "Familles qui lisent chaque jour")
    assert indicator["Sens souhaité"] == "Plus haut, c'est mieux"
    assert indicator["Date de la valeur de départ"] == datetime.datetime(2024, 6, 30)


def test_the_export_imported_into_an_empty_cycle_gives_back_the_same_workbook(cast, client_for, cycle, empty_cycle):
    a_whole_plan(cast, cycle)
    client = client_for(cast.coordinator)
    exported = _export(client, cast, cycle)

    preview = upload(client, _address(cast, empty_cycle), exported, "plan.xlsx")
    assert preview.status_code == 200, problems(preview)
    html = preview.content.decode()
    assert "créera 17 fiches, en mettra à jour 0 et en laissera 0 inchangées" in html
    response = confirm(client, _address(cast, empty_cycle), preview)

    assert response.status_code == 302
    assert response.url == f"/p/{cast.partnership.slug}/cycles/{empty_cycle.pk}/plan/"
    assert _cells(_export(client, cast, empty_cycle)) == _cells(exported)
    created = [record for model in MODELS for record in _of_cycle(model, empty_cycle)]
    assert len(created) == 17 and all(record.history.count() == 1 for record in created)


def test_reimporting_the_export_into_its_cycle_changes_nothing(cast, client_for, cycle):
    a_whole_plan(cast, cycle)
    client = client_for(cast.committee)
    before = _versions()

    preview = upload(client, _address(cast, cycle), _export(client, cast, cycle))
    assert "créera 0 fiches, en mettra à jour 0 et en laissera 17 inchangées" in preview.content.decode()
    assert confirm(client, _address(cast, cycle), preview).status_code == 302

    assert _versions() == before
