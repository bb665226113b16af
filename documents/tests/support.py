"""What the documents' tests share: a plan with one of everything, and the text of a downloaded file."""

import datetime
import io
from decimal import Decimal

from docx import Document as read_docx
from pypdf import PdfReader

from plan.models import Funder, PlanVersion
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
from priorities.tests.factories import ObjectiveFactory


def a_plan(cast, cycle, *, actions: int = 1, objective: str = "Favoriser l'éveil à la lecture"):
    """One objective with a transformation in the family system, an indicator with its target, and `actions`
    actions led by the cast's organization, each with a partner, a milestone and two budget lines."""
    objective = ObjectiveFactory(cycle=cycle, title=objective)
    transformation = TransformationFactory(
        objective=objective, system="famille", statement="Les parents lisent chaque jour avec leur enfant."
    )
    indicator = IndicatorFactory(
        transformation=transformation, name="Familles qui lisent chaque jour", baseline_value=Decimal("12.5")
    )
    TargetFactory(indicator=indicator, value=Decimal("40"), date=datetime.date(2027, 6, 30))
    funder = Funder.objects.filter(partnership=cast.partnership).first() or FunderFactory(
        partnership=cast.partnership, name="Fondation Lucie-et-André"
    )
    for n in range(actions):
        action = ActionFactory(
            cycle=cycle,
            title=f"Croque-livres {n + 1}",
            lead=cast.organization,
            starts_on=datetime.date(2025, 9, 1),
            ends_on=datetime.date(2026, 6, 30),
            transformations=[transformation],
        )
        ActionPartnerFactory(action=action, organization=cast.other_organization, role="Anime les lectures")
        MilestoneFactory(action=action, title="Première boîte installée", date=datetime.date(2025, 10, 1))
        BudgetLineFactory(action=action, funder=funder, year=2025, status="confirmed", amount=Decimal("1234.5"))
        BudgetLineFactory(action=action, funder=funder, year=2026, status="requested", amount=Decimal("800"))
    return objective


def adopt(cycle, day=datetime.date(2025, 6, 12)) -> PlanVersion:
    return PlanVersion.objects.create(cycle=cycle, number=1, adopted_on=day, snapshot={})


def _spaces(text: str) -> str:
    """Non-breaking spaces (« 1 234,50 $ ») read as plain ones, so that tests can write them plainly."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def pdf_text(content: bytes, *, flat: bool = False) -> str:
    """The PDF's text; `flat`, its words separated by single spaces, as a table's narrow cell wraps them anywhere."""
    reader = PdfReader(io.BytesIO(content))
    text = _spaces("\n".join(page.extract_text() for page in reader.pages))
    return " ".join(text.split()) if flat else text


def docx_text(content: bytes) -> str:
    document = read_docx(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return _spaces("\n".join([p.text for p in document.paragraphs] + cells))


def fetched(client, address: str):
    """The file a document's address gives, following a document built in the background through its job's page
    (which must show the link to the file): (the file's response, its bytes)."""
    response = client.get(address)
    if response.status_code != 302 or "/documents/preparations/" not in response["Location"]:
        return response, response.content
    page = client.get(response["Location"])
    assert page.status_code == 200
    file_address = response["Location"] + "fichier"
    assert f'href="{file_address}"' in page.content.decode()
    download = client.get(file_address)
    return download, b"".join(download.streaming_content)
