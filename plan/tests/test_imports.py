"""Outil 9's import of a whole plan, through HTTP: the plan's spreadsheet imported into an empty cycle gives back
the same spreadsheet, imported again into its own cycle changes nothing, and every bad row is listed by sheet, line
and column with nothing written."""

import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from analysis.tests.factories import FindingFactory
from cycles.tests.factories import CycleFactory
from factors.models import ProtectiveFactor
from factors.tests.factories import FactorFactory
from imports.tests.support import confirm, import_file, problems, upload, workbook
from offer.tests.factories import ServiceFactory
from plan.models import Action, ActionPartner, BudgetLine, DesiredChange, Funder, Indicator, Milestone, Target
from plan.tests.factories import (
    ActionFactory,
    ActionPartnerFactory,
    BudgetLineFactory,
    FunderFactory,
    IndicatorFactory,
    MilestoneFactory,
    TargetFactory,
    TransformationFactory,
)
from priorities.models import Objective
from priorities.tests.factories import ObjectiveFactory, PriorityFactory, SelectedFactorFactory

pytestmark = pytest.mark.django_db

SHEETS = [
    "Objectifs",
    "Transformations souhaitées",
    "Indicateurs",
    "Cibles",
    "Actions",
    "Partenaires des actions",
    "Jalons",
    "Budget",
    "Bailleurs de fonds",
]
MODELS = (Objective, DesiredChange, Indicator, Target, Action, ActionPartner, Milestone, BudgetLine)


FACTORS = {
    "eveil-lecture": {"system": "famille", "name_fr": "Éveil à la lecture", "name_en": "Early literacy"},
    "plaisir-livres": {"system": "enfant", "name_fr": "Plaisir des livres"},
    "lieux-rencontre": {"system": "communaute", "name_fr": "=Lieux de rencontre", "local": True},
}
FINDINGS = ("Peu de familles lisent avec\nleur enfant.", "Les parents se sentent seuls.")


def factor(cast, code: str) -> ProtectiveFactor:
    """One of the factors a plan names: two of the catalogue, one local; the same whatever the cycle."""
    fields = dict(FACTORS[code])
    partnership = cast.partnership if fields.pop("local", False) else None
    found, _created = ProtectiveFactor.objects.get_or_create(code=code, partnership=partnership, defaults=fields)
    return found


def earlier_steps(cast, cycle) -> None:
    """What a plan refers to from Outil 8: the factors selected for the cycle and its priorities."""
    for code in FACTORS:
        SelectedFactorFactory(cycle=cycle, factor=factor(cast, code))
    for position, statement in enumerate(FINDINGS, start=1):
        PriorityFactory(cycle=cycle, position=position, finding=FindingFactory(cycle=cycle, statement=statement))


def a_whole_plan(cast, cycle) -> None:
    """Every column of every sheet filled at least once, with texts a spreadsheet would take for formulas."""
    earlier_steps(cast, cycle)
    literacy, books, places = (factor(cast, code) for code in FACTORS)
    funder = FunderFactory(partnership=cast.partnership, name="Fondation Lucie-et-André")
    city = FunderFactory(partnership=cast.partnership, name="Ville de Montréal")
    reading = ObjectiveFactory(cycle=cycle, title="Favoriser l'éveil à la lecture", description="Dès 0 an.", position=1)
    reading.priorities.set(cycle.priorities.all())
    reading.factors.set([literacy, books])
    together = ObjectiveFactory(cycle=cycle, title="=Soutenir les parents", position=2)
    together.factors.set([places])
    family = TransformationFactory(
        objective=reading, system="famille", statement="Les parents lisent chaque jour.", lead=cast.organization
    )
    family.partners.set([cast.organization, cast.other_organization])
    family.factors.set([literacy, books])
    child = TransformationFactory(objective=reading, system="enfant", statement="Les enfants aiment les livres.")
    child.factors.set([books])
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
    boxes.factors.set([literacy, places])
    boxes.services.set(
        [
            ServiceFactory(organization=cast.organization, name="Halte-garderie"),
            ServiceFactory(organization=cast.other_organization, name="=Ateliers"),
        ]
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
    MilestoneFactory(action=boxes, title="Première boîte", date=datetime.date(2025, 10, 1), done=True)
    MilestoneFactory(action=boxes, title="=Bilan", date=datetime.date(2026, 6, 1))
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


def _links(cycle) -> list[tuple]:
    """The plan's links to the earlier steps and between its records, by the labels a reader sees."""
    objectives = [
        (
            o.title,
            [p.finding.statement for p in o.priorities.all()],
            sorted(f.code for f in o.factors.all()),
        )
        for o in Objective.objects.filter(cycle=cycle).order_by("position")
    ]
    transformations = [
        (t.objective.title, t.system, sorted(f.code for f in t.factors.all()), sorted(o.name for o in t.partners.all()))
        for t in _of_cycle(DesiredChange, cycle).order_by("objective__position", "system")
    ]
    actions = [
        (
            a.title,
            sorted((t.objective.title, t.system) for t in a.transformations.all()),
            sorted(f.code for f in a.factors.all()),
            sorted((s.organization.name, s.name) for s in a.services.all()),
        )
        for a in _of_cycle(Action, cycle).order_by("title")
    ]
    return [*objectives, *transformations, *actions]


def _versions() -> list[tuple]:
    return [
        (model.__name__, record.pk, getattr(record, "version", None), record.history.count())
        for model in MODELS
        for record in model.objects.order_by("pk")
    ]


@pytest.fixture
def empty_cycle(cast, cycle):
    """A cycle without a plan, whose Outil 8 chose the same factors and priorities (the plan refers to them)."""
    empty = CycleFactory(partnership=cast.partnership, starts_on=cycle.starts_on, ends_on=cycle.ends_on)
    earlier_steps(cast, empty)
    return empty


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
    header, reading, together = cells["Objectifs"]
    assert header[3:] == ("Priorités visées", "Facteurs de protection")
    assert reading[3:] == (
        "1. Peu de familles lisent avec leur enfant.\n2. Les parents se sentent seuls.",
        "Plaisir des livres\nÉveil à la lecture",
    )
    assert together[3:] == (None, "'=Lieux de rencontre")
    factors = {row[1]: row[5] for row in cells["Transformations souhaitées"][1:]}
    assert factors == {
        "Enfant": "Plaisir des livres",
        "Famille": "Plaisir des livres\nÉveil à la lecture",
        "Communauté": None,
    }
    header, *rows = cells["Actions"]
    boxes = dict(zip(header, rows[0], strict=True))
    assert boxes["Facteurs de protection"] == "Éveil à la lecture\n=Lieux de rencontre"
    assert boxes["Services de l'Outil 6 prolongés"] == (
        "CPE Les Lucioles — =Ateliers\nMaison de la famille du Parc — Halte-garderie"
    )


def test_the_export_imported_into_an_empty_cycle_gives_back_the_same_workbook(cast, client_for, cycle, empty_cycle):
    a_whole_plan(cast, cycle)
    client = client_for(cast.coordinator)
    exported = _export(client, cast, cycle)

    preview = upload(client, _address(cast, empty_cycle), exported, "plan.xlsx")
    assert preview.status_code == 200, problems(preview)
    html = preview.content.decode()
    assert "créera 19 fiches, en mettra à jour 0 et en laissera 2 inchangées" in html
    response = confirm(client, _address(cast, empty_cycle), preview)

    assert response.status_code == 302
    assert response.url == f"/p/{cast.partnership.slug}/cycles/{empty_cycle.pk}/plan/"
    assert _cells(_export(client, cast, empty_cycle)) == _cells(exported)
    assert _links(empty_cycle) == _links(cycle)
    created = [record for model in MODELS for record in _of_cycle(model, empty_cycle)]
    assert len(created) == 19 and all(record.history.count() == 1 for record in created)


def test_reimporting_the_export_into_its_cycle_changes_nothing(cast, client_for, cycle):
    a_whole_plan(cast, cycle)
    client = client_for(cast.committee)
    before, links = _versions(), _links(cycle)

    preview = upload(client, _address(cast, cycle), _export(client, cast, cycle))
    assert "créera 0 fiches, en mettra à jour 0 et en laissera 21 inchangées" in preview.content.decode()
    assert confirm(client, _address(cast, cycle), preview).status_code == 302

    assert _versions() == before
    assert _links(cycle) == links


def _edited(content: bytes, edits: dict[str, dict[tuple[int, int], object]]) -> bytes:
    """The workbook with some cells changed, as a person would in Excel: (line, column), both from 1."""
    book = load_workbook(io.BytesIO(content))
    for title, cells in edits.items():
        for (line, column), value in cells.items():
            book[title].cell(row=line, column=column, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_changed_cells_update_their_records_once_each(cast, client_for, cycle):
    a_whole_plan(cast, cycle)
    client = client_for(cast.coordinator)
    exported = _export(client, cast, cycle)
    changed = _edited(
        exported,
        {
            "Objectifs": {(2, 3): "Dès la naissance."},
            "Indicateurs": {(3, 5): "familles"},  # the family indicator's unit
            "Cibles": {(3, 4): 45},
            "Actions": {(2, 9): "Réalisée", (2, 8): datetime.date(2026, 8, 31)},
            "Partenaires des actions": {(2, 3): "Anime les lectures"},
            "Budget": {(2, 6): 1500},
        },
    )
    entries = Objective.objects.get(title="Favoriser l'éveil à la lecture").history.count()
    preview = upload(client, _address(cast, cycle), changed)
    assert "créera 0 fiches, en mettra à jour 6 et en laissera 15 inchangées" in preview.content.decode()
    confirm(client, _address(cast, cycle), preview)

    objective = Objective.objects.get(title="Favoriser l'éveil à la lecture")
    assert (objective.description, objective.version) == ("Dès la naissance.", 2)
    assert objective.history.count() == entries + 1
    assert len(objective.priorities.all()) == 2 and len(objective.factors.all()) == 2
    indicator = Indicator.objects.get(name="Familles qui lisent chaque jour")
    assert (indicator.unit, indicator.version, indicator.history.count()) == ("familles", 2, 2)
    assert indicator.baseline_date == datetime.date(2024, 6, 30)
    assert sorted(t.value for t in indicator.targets.all()) == [Decimal("20"), Decimal("45")]
    action = Action.objects.get(title="Croque-livres")
    assert (action.status, action.ends_on, action.version) == ("done", datetime.date(2026, 8, 31), 2)
    assert action.transformations.count() == 2 and action.clienteles == "parents,families"
    assert ActionPartner.objects.get().role == "Anime les lectures"
    assert sorted(line.amount for line in BudgetLine.objects.all()) == [Decimal("10"), Decimal("800"), Decimal("1500")]
    assert _counts(cycle) == [2, 3, 3, 3, 2, 1, 2, 3]


def _counts(cycle) -> list[int]:
    return [_of_cycle(model, cycle).count() for model in MODELS]


OBJECTIVE_HEADERS = ["Numéro", "Objectif", "Description"]
TRANSFORMATION_HEADERS = ["Objectif", "Système", "Transformation souhaitée", "Organisme porteur"]
ACTION_HEADERS = ["Action", "Transformations souhaitées", "Organisme porteur", "Début", "Fin", "État"]


def test_bad_rows_are_all_listed_by_sheet_line_and_column_and_nothing_is_written(cast, client_for, cycle):
    FunderFactory(partnership=cast.partnership, name="Fondation Lucie-et-André")
    content = workbook(
        {
            "Objectifs": [OBJECTIVE_HEADERS, [1, "Lire", ""], [2, "lire", ""]],
            "Transformations souhaitées": [
                TRANSFORMATION_HEADERS,
                ["Lire", "Famille", "Les parents lisent.", "Maison de la famille du parc"],
                ["Écrire", "Famille", "Les parents écrivent.", ""],
                ["Lire", "Planète", "Les planètes lisent.", ""],
                ["Lire", "Enfant", "Les enfants lisent.", "Organisme inconnu"],
            ],
            "Actions": [
                ACTION_HEADERS,
                ["Croque-livres", "Lire — Famille", "", "2026-06-30", "2025-09-01", "Prévue"],
                ["Fête", "Lire — Communauté", "", "", "", "Prévue"],
            ],
            "Partenaires des actions": [["Action", "Organisme"], ["Inconnue", "CPE Les Lucioles"]],
            "Budget": [["Action", "Année", "Bailleur", "Montant"], ["Croque-livres", 1999, "Personne", -5]],
        }
    )
    before = _counts(cycle)
    response = upload(client_for(cast.coordinator), _address(cast, cycle), content)
    assert response.status_code == 422
    found = [(sheet, line, column) for sheet, line, column, _message in problems(response)]
    assert found == [
        ("Objectifs", "3", "Objectif"),
        ("Transformations souhaitées", "3", "Objectif"),
        ("Transformations souhaitées", "4", "Système"),
        ("Transformations souhaitées", "5", "Organisme porteur"),
        ("Actions", "2", "Fin"),
        ("Actions", "3", "Transformations souhaitées"),
        ("Partenaires des actions", "2", "Action"),
        ("Budget", "2", "Bailleur"),
        ("Budget", "2", "Année"),
        ("Budget", "2", "Montant"),
    ]
    messages = {column: message for _sheet, _line, column, message in problems(response)}
    assert (
        messages["Organisme porteur"]
        == "Aucun organisme partenaire du regroupement ne porte le nom « Organisme inconnu »."
    )
    assert (
        "Rien n&#x27;a été importé" in response.content.decode() or "Rien n'a été importé" in response.content.decode()
    )
    assert _counts(cycle) == before


def test_problems_are_in_the_persons_language(cast, client_for, cycle):
    client = client_for(cast.coordinator)
    client.cookies["django_language"] = "en"
    content = workbook(
        {
            "Targets": [
                ["Objective", "System", "Indicator", "Target value", "Due date"],
                ["Nope", "Family", "X", 1, "2027-06-30"],
            ]
        }
    )
    ((sheet, line, column, message),) = problems(upload(client, _address(cast, cycle), content))
    assert (sheet, line, column) == ("Targets", "2", "Objective")
    assert message == "No objective of this cycle has this title."


def test_a_formula_is_refused_never_evaluated_and_a_text_that_looks_like_one_is_read_as_text(cast, client_for, cycle):
    ObjectiveFactory(cycle=cycle, title="=Lire")
    content = workbook(
        {
            "Objectifs": [OBJECTIVE_HEADERS, [1, "'=Lire", "=1+1"]],
            "Transformations souhaitées": [TRANSFORMATION_HEADERS, ["=A2", "Famille", "Les parents lisent.", ""]],
        }
    )
    response = upload(client_for(cast.coordinator), _address(cast, cycle), content)
    found = problems(response)
    assert [(sheet, line, column) for sheet, line, column, _m in found] == [
        ("Objectifs", "2", "Description"),
        ("Transformations souhaitées", "2", "Objectif"),
    ]
    assert all("Formule refusée" in message for *_where, message in found)
    text_only = workbook({"Objectifs": [OBJECTIVE_HEADERS, [1, "'=Lire", "Un texte"]]})
    import_file(client_for(cast.coordinator), _address(cast, cycle), text_only)
    assert Objective.objects.get(cycle=cycle).description == "Un texte"


def test_the_template_opens_and_its_example_imports(cast, client_for, cycle):
    client = client_for(cast.coordinator)
    response = client.get(f"/p/{cast.partnership.slug}/cycles/{cycle.pk}/importer/plan/modele.xlsx")
    assert response.status_code == 200
    assert list(_cells(response.content))[:9] == SHEETS
    assert import_file(client, _address(cast, cycle), response.content).status_code == 302
    action = Action.objects.get(cycle=cycle)
    assert [t.system for t in action.transformations.all()] == ["famille"]
    assert Target.objects.get().indicator.transformation.objective.title == "Favoriser l'éveil à la lecture"


def test_the_plan_page_links_to_the_import_for_those_who_edit_the_plan(cast, client_for, cycle):
    home = f"/p/{cast.partnership.slug}/cycles/{cycle.pk}/plan/"
    assert _address(cast, cycle) in client_for(cast.committee).get(home).content.decode()
    assert _address(cast, cycle) not in client_for(cast.partner).get(home).content.decode()


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_those_who_do_not_edit_the_plan_may_not_import(cast, client_for, cycle, role):
    a_whole_plan(cast, cycle)
    content = _export(client_for(cast.coordinator), cast, cycle)
    client = client_for(getattr(cast, role))
    address = _address(cast, cycle)
    assert client.get(address).status_code == 403
    assert client.get(address + "modele.xlsx").status_code == 403
    assert upload(client, address, content).status_code == 403
    assert client.post(address + "confirmer/", {"token": "x"}).status_code == 403


def test_an_outsider_finds_nothing(cast, client_for, cycle):
    client = client_for(cast.outsider)
    address = _address(cast, cycle)
    assert client.get(address).status_code == 404
    assert client.get(address + "modele.xlsx").status_code == 404
    assert upload(client, address, workbook({"Objectifs": [OBJECTIVE_HEADERS, [1, "Lire", ""]]})).status_code == 404
    assert client.post(address + "confirmer/", {"token": "x"}).status_code == 404
    assert not Objective.objects.exists()


def test_a_committee_member_without_the_right_to_edit_objectives_is_told_so(cast, client_for, cycle, monkeypatch):
    from partnerships.permissions import ROLE_PERMISSIONS, Perm, Role

    monkeypatch.setitem(ROLE_PERMISSIONS, Role.COMMITTEE, ROLE_PERMISSIONS[Role.COMMITTEE] - {Perm.EDIT_PRIORITIES})
    response = upload(
        client_for(cast.committee), _address(cast, cycle), workbook({"Objectifs": [OBJECTIVE_HEADERS, [1, "Lire", ""]]})
    )
    ((sheet, line, column, message),) = problems(response)
    assert (sheet, line, column) == ("Objectifs", "2", "Objectif")
    assert "Outil 8" in message


def _check_queries(client, cast, cycle) -> int:
    content = _export(client, cast, cycle)
    with CaptureQueriesContext(connection) as ctx:
        response = upload(client, _address(cast, cycle), content)
        assert response.status_code == 200, problems(response)[:5]
    return len(ctx.captured_queries)


def test_the_check_reads_what_exists_once_whatever_the_number_of_rows(cast, client_for, cycle):
    a_whole_plan(cast, cycle)
    client = client_for(cast.coordinator)
    small = _check_queries(client, cast, cycle)
    for indicator in Indicator.objects.all():
        for n in range(10):
            TargetFactory(indicator=indicator, date=datetime.date(2026, 1, 1 + n))
        IndicatorFactory.create_batch(5, transformation=indicator.transformation)
    for action in Action.objects.all():
        ActionPartnerFactory(action=action, organization=cast.organization)
        BudgetLineFactory.create_batch(10, action=action, year=2026, funder=Funder.objects.first())
    large = _check_queries(client, cast, cycle)
    print(f"plan import check: 21 rows {small} queries, {21 + 30 + 15 + 2 + 20} rows {large} queries")
    assert large == small


def _linked_rows(cast, cycle, count: int) -> None:
    """`count` more objectives, each with one transformation and one action, every link of theirs filled."""
    literacy, books, _places = (factor(cast, code) for code in FACTORS)
    service = ServiceFactory(organization=cast.organization)
    funder = FunderFactory(partnership=cast.partnership)
    for n in range(count):
        objective = ObjectiveFactory(cycle=cycle, title=f"Objectif lié {count}-{n}")
        objective.priorities.set(cycle.priorities.all())
        objective.factors.set([literacy, books])
        transformation = TransformationFactory(objective=objective, system="famille", lead=cast.organization)
        transformation.factors.set([literacy])
        transformation.partners.set([cast.other_organization])
        action = ActionFactory(
            cycle=cycle,
            title=f"Action liée {count}-{n}",
            lead=cast.organization,
            transformations=[transformation],
            starts_on=datetime.date(2025, 9, 1),
            ends_on=datetime.date(2026, 6, 30),
        )
        action.factors.set([books])
        action.services.set([service])
        BudgetLineFactory(action=action, funder=funder, year=2025)


def _queries_of(client, address: str, content: bytes) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = upload(client, address, content)
        assert response.status_code == 200, problems(response)[:5]
    return len(ctx.captured_queries)


def test_the_check_costs_the_same_queries_for_5_or_50_objectives_transformations_and_actions(
    cast, client_for, cycle, empty_cycle
):
    earlier_steps(cast, cycle)
    client = client_for(cast.coordinator)
    _linked_rows(cast, cycle, 5)
    small = _export(client, cast, cycle)
    _linked_rows(cast, cycle, 45)
    large = _export(client, cast, cycle)
    # Each row names a record of the cycle (an update or nothing to do), or adds one (into a cycle without a plan).
    updating = [_queries_of(client, _address(cast, cycle), content) for content in (small, large)]
    adding = [_queries_of(client, _address(cast, empty_cycle), content) for content in (small, large)]
    print(f"plan import check, 5 then 50 linked objectives: {updating} queries (updates), {adding} (additions)")
    assert updating[0] == updating[1] and adding[0] == adding[1]


def test_the_export_in_english_imports_as_well(cast, client_for, cycle, empty_cycle):
    a_whole_plan(cast, cycle)
    client = client_for(cast.coordinator)
    french = _export(client, cast, cycle)
    client.cookies["django_language"] = "en"
    english = _export(client, cast, cycle)
    assert "Targets" in _cells(english)
    assert import_file(client, _address(cast, empty_cycle), english).status_code == 302
    client.cookies["django_language"] = "fr"
    assert _cells(_export(client, cast, empty_cycle)) == _cells(french)


def test_the_import_page_links_to_the_template_and_the_current_export(cast, client_for, cycle):
    html = client_for(cast.coordinator).get(_address(cast, cycle)).content.decode()
    assert _address(cast, cycle) + "modele.xlsx" in html
    assert f"/p/{cast.partnership.slug}/cycles/{cycle.pk}/documents/plan.xlsx" in html
    assert "Objectifs" in html and "Cibles" in html and "Partenaires des actions" in html


def test_an_objective_may_be_named_by_its_number(cast, client_for, cycle):
    ObjectiveFactory(cycle=cycle, title="Favoriser l'éveil à la lecture", position=3)
    content = workbook(
        {"Transformations souhaitées": [TRANSFORMATION_HEADERS, ["3", "Enfant", "Les enfants lisent.", ""]]}
    )
    assert import_file(client_for(cast.coordinator), _address(cast, cycle), content).status_code == 302
    assert DesiredChange.objects.get().objective.title == "Favoriser l'éveil à la lecture"


def test_a_funder_of_the_file_is_added_before_the_budget_lines_that_name_it(cast, client_for, cycle):
    ActionFactory(cycle=cycle, title="Croque-livres")
    content = workbook(
        {
            "Budget": [["Action", "Année", "Bailleur", "Montant"], ["Croque-livres", 2025, "ville de laval", 500]],
            "Bailleurs de fonds": [["Bailleur", "Type"], ["Ville de Laval", "Municipal"]],
        }
    )
    assert import_file(client_for(cast.coordinator), _address(cast, cycle), content).status_code == 302
    line = BudgetLine.objects.get()
    assert (line.funder.name, line.funder.kind, line.amount, line.status) == (
        "Ville de Laval",
        "municipal",
        500,
        "requested",
    )


def test_two_objectives_of_one_title_are_named_by_no_row(cast, client_for, cycle):
    ObjectiveFactory(cycle=cycle, title="Lire", position=1)
    TransformationFactory(objective=ObjectiveFactory(cycle=cycle, title="lire", position=2), system="enfant")
    content = workbook(
        {
            "Objectifs": [OBJECTIVE_HEADERS, [1, "Lire", ""]],
            "Transformations souhaitées": [TRANSFORMATION_HEADERS, ["Lire", "Famille", "Les parents lisent.", ""]],
        }
    )
    found = problems(upload(client_for(cast.coordinator), _address(cast, cycle), content))
    assert [(sheet, line, column) for sheet, line, column, _m in found] == [
        ("Objectifs", "2", "Objectif"),
        ("Transformations souhaitées", "2", "Objectif"),
    ]
    assert all("Plusieurs objectifs" in message for *_where, message in found)


def test_links_naming_nothing_or_outside_the_earlier_steps_are_listed_at_their_column(cast, client_for, cycle):
    earlier_steps(cast, cycle)
    factor(cast, "eveil-lecture")
    FactorFactory(code="hors-cycle", name_fr="Hors du cycle")
    content = workbook(
        {
            "Objectifs": [
                [*OBJECTIVE_HEADERS, "Priorités visées", "Facteurs de protection"],
                [1, "Lire", "", "2\n9. Aucune", "eveil-lecture\nhors du cycle"],
                [2, "Jouer", "", "les parents se sentent seuls.", "Plaisir des livres"],
            ],
            "Transformations souhaitées": [
                [*TRANSFORMATION_HEADERS, "Facteurs de protection"],
                ["Jouer", "Enfant", "Les enfants jouent.", "", "Early literacy"],
                ["Jouer", "Famille", "Les parents jouent.", "", "Inconnu"],
            ],
            "Actions": [
                ["Action", "Transformations souhaitées", "Facteurs de protection", "Services de l'Outil 6 prolongés"],
                ["Jeux", "Jouer — Enfant", "lieux-rencontre", "CPE Les Lucioles — Aucun"],
            ],
        }
    )
    response = upload(client_for(cast.coordinator), _address(cast, cycle), content)
    assert response.status_code == 422
    assert problems(response) == [
        (
            "Objectifs",
            "2",
            "Priorités visées",
            "« 9. Aucune » : aucune priorité de ce cycle ne porte ce rang ou ce constat.",
        ),
        (
            "Objectifs",
            "2",
            "Facteurs de protection",
            "« Hors du cycle » n&#x27;est pas un facteur retenu pour ce cycle : retenez-le d&#x27;abord dans la page "
            "des facteurs.",
        ),
        (
            "Transformations souhaitées",
            "2",
            "Facteurs de protection",
            "« Éveil à la lecture » n&#x27;est pas un facteur visé par l&#x27;objectif.",
        ),
        (
            "Transformations souhaitées",
            "3",
            "Facteurs de protection",
            "« Inconnu » : aucun facteur de protection du catalogue ni de vos facteurs locaux ne porte ce nom ou ce "
            "code.",
        ),
        (
            "Actions",
            "2",
            "Facteurs de protection",
            "« =Lieux de rencontre » n&#x27;est visé par aucun objectif de ce plan.",
        ),
        (
            "Actions",
            "2",
            "Services de l&#x27;Outil 6 prolongés",
            "« CPE Les Lucioles — Aucun » : aucun service de l&#x27;Outil 6 ne porte ce nom d&#x27;organisme et ce "
            "nom de service.",
        ),
    ]
    assert not Objective.objects.filter(cycle=cycle).exists()


def test_a_file_without_the_links_columns_keeps_the_links_and_an_empty_cell_removes_them(cast, client_for, cycle):
    a_whole_plan(cast, cycle)
    links = _links(cycle)
    older = workbook({"Objectifs": [OBJECTIVE_HEADERS, [1, "Favoriser l'éveil à la lecture", "Dès 0 an."]]})
    assert "laissera 1 inchangée" in upload(client_for(cast.coordinator), _address(cast, cycle), older).content.decode()
    emptied = workbook(
        {
            "Objectifs": [
                [*OBJECTIVE_HEADERS, "Priorités visées", "Facteurs de protection"],
                [1, "Favoriser l'éveil à la lecture", "Dès 0 an.", "", "Plaisir des livres\nEarly literacy"],
            ]
        }
    )
    assert import_file(client_for(cast.coordinator), _address(cast, cycle), emptied).status_code == 302
    reading = Objective.objects.get(cycle=cycle, title="Favoriser l'éveil à la lecture")
    assert not reading.priorities.exists() and reading.factors.count() == 2
    assert _links(cycle)[1:] == links[1:]


@pytest.mark.parametrize(
    ("language", "sheet", "column", "words"),
    [
        ("fr", "Objectifs", "Priorités visées", "son rang seul"),
        ("fr", "Transformations souhaitées", "Facteurs de protection", "que vise l'objectif"),
        ("fr", "Actions", "Services de l'Outil 6 prolongés", "nom de l'organisme — nom du service"),
        ("en", "Objectives", "Targeted priorities", "its rank alone"),
        ("en", "Actions", "Protective factors", "one of the plan's objectives targets"),
        ("en", "Actions", "Tool 6 services it extends", "organization name — service name"),
    ],
)
def test_the_templates_instructions_explain_the_links_columns(cast, client_for, cycle, language, sheet, column, words):
    client = client_for(cast.coordinator)
    client.cookies["django_language"] = language
    response = client.get(f"/p/{cast.partnership.slug}/cycles/{cycle.pk}/importer/plan/modele.xlsx")
    _header, *rows = _cells(response.content)["Instructions"]
    (explained,) = [row for row in rows if row[:2] == (sheet, column)]
    assert words in explained[4]


def test_the_demo_plan_exported_and_imported_again_changes_nothing(client_for):
    """Run with the migrations: the demo names the reference catalogue's factors, which the migrations load."""
    from analysis import demo as analysis_demo
    from demo.loader import load_foundation
    from plan import demo as plan_demo
    from priorities import demo as priorities_demo

    ctx = load_foundation()
    for app_demo in (analysis_demo, priorities_demo, plan_demo):
        app_demo.load(ctx)
    client = client_for(ctx.coordinator_a)
    cycle = ctx.cycle_a
    before, links = _versions(), _links(cycle)
    assert any(priorities or factors for _title, priorities, factors in links[: cycle.objectives.count()])
    address = f"/p/{ctx.partnership_a.slug}/cycles/{cycle.pk}/"
    exported = client.get(address + "documents/plan.xlsx").content
    preview = upload(client, address + "importer/plan/", exported)
    assert preview.status_code == 200, problems(preview)[:5]
    assert "créera 0 fiches, en mettra à jour 0 et" in preview.content.decode()
    assert confirm(client, address + "importer/plan/", preview).status_code == 302
    assert (_versions(), _links(cycle)) == (before, links)
