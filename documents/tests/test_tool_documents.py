"""Each tool's document (Outils 2, 5, 6, 7, 8, 10, 11): what it shows in PDF and Word, in French and in English,
who reads it, the links on the tool's page, and queries that do not grow with the data."""

from urllib.parse import unquote

import pytest
from django.utils import timezone

from analysis.tests.factories import FindingFactory, ObservationFactory, StatisticFactory
from core.tests.support import query_count, url
from coverage.tests.factories import InterventionFactory
from documents.tests.support import a_plan, docx_text, pdf_text
from factors.tests.factories import FactorFactory
from followup.tests.factories import ActionReportFactory, CommunicationItemFactory
from meetings.tests.factories import AgendaItemFactory, DecisionFactory, MeetingFactory, MinutesFactory
from offer.tests.factories import ServiceFactory
from priorities.models import Ballot, VoteStatus
from priorities.tests.factories import ObjectiveFactory, PriorityFactory, VoteFactory

pytestmark = pytest.mark.django_db


def _finding(cast, cycle, statement="Peu de familles fréquentent la bibliothèque."):
    finding = FindingFactory(cycle=cycle, statement=statement)
    finding.statistics.add(StatisticFactory(partnership=cast.partnership))
    finding.observations.add(ObservationFactory(partnership=cast.partnership, organization=cast.organization))
    return finding


def _meeting(cycle, title="Rencontre de démarrage"):
    meeting = MeetingFactory(cycle=cycle, title=title)
    AgendaItemFactory(meeting=meeting, title="Tour de table")
    MinutesFactory(meeting=meeting, content="<p>Les partenaires se présentent.</p><p>On adopte les règles.</p>")
    DecisionFactory(meeting=meeting, text="Adopter les règles de fonctionnement")
    return meeting


def _service(cast, name="Halte-garderie du samedi"):
    return ServiceFactory(organization=cast.organization, name=name)


def _priorities(cast, cycle, statement="Les parents connaissent peu les services."):
    finding = FindingFactory(cycle=cycle, statement=statement)
    vote = VoteFactory(cycle=cycle, title=f"Vote sur « {statement} »", candidates=[finding])
    Ballot.objects.create(vote=vote, member=cast.partnership.memberships.first(), finding=finding, points=7)
    vote.status, vote.closed_at = VoteStatus.CLOSED, timezone.now()
    vote.save()
    priority = PriorityFactory(cycle=cycle, finding=finding, vote=vote)
    objective = ObjectiveFactory(cycle=cycle, title=f"Faire connaître les services ({priority.pk})")
    objective.priorities.add(priority)
    return priority


def _reports(cast, cycle, title="Croque-livres du parc"):
    report = ActionReportFactory(
        action__cycle=cycle,
        action__title=title,
        action__lead=cast.organization,
        children_reached=1234,
        helped="La bibliothèque a prêté sa salle.",
        hindered="Deux ateliers annulés par la neige.",
    )
    CommunicationItemFactory(cycle=cycle, audience=f"Parents ({report.pk})", channel="Infolettre du CPE")
    return report


CYCLE_DOCUMENTS = {
    "suivis": (
        _reports,
        [
            "Croque-livres du parc",
            "Maison de la famille du Parc",
            "1 234",
            "Six ateliers tenus.",
            "La bibliothèque a prêté sa salle.",
            "Deux ateliers annulés par la neige.",
            "Infolettre du CPE",
        ],
        "Implementation follow-up of the actions",
    ),
    "priorites": (
        _priorities,
        [
            "Les parents connaissent peu les services.",
            "Faire connaître les services",
            "Résultats des votes",
            "Vote « Vote sur « Les parents connaissent peu les services. » » (Répartition de points, 1 votant",
        ],
        "Priorities, selected factors and objectives",
    ),
    "constats": (
        _finding,
        ["Peu de familles fréquentent la bibliothèque.", "Enfants vulnérables à la maternelle (EQDEM)"],
        "Our findings and their data",
    ),
    "rencontres": (
        lambda cast, cycle: _meeting(cycle),
        ["Rencontre de démarrage", "Tour de table", "On adopte les règles.", "Adopter les règles de fonctionnement"],
        "Meeting agendas and minutes",
    ),
    "vue-ensemble": (
        lambda cast, cycle: a_plan(cast, cycle),
        ["Favoriser l'éveil à la lecture", "Croque-livres 1", "1 234,50 $"],
        "Action plan overview",
    ),
}


@pytest.mark.parametrize("key", sorted(CYCLE_DOCUMENTS))
@pytest.mark.parametrize("file_format", ["pdf", "docx"])
def test_a_cycle_document_shows_the_tools_records(cast, cycle, client_for, cycle_url, key, file_format):
    make, expected, _english = CYCLE_DOCUMENTS[key]
    make(cast, cycle)
    response = client_for(cast.observer).get(cycle_url("documents:cycle", key=key, file_format=file_format))
    assert response.status_code == 200
    # Lines joined: a narrow column wraps a sentence over several lines.
    content = " ".join((pdf_text if file_format == "pdf" else docx_text)(response.content).split())
    for text in ["Regroupement Petite-Patrie", *expected]:
        assert text in content, text


@pytest.mark.parametrize("key", sorted(CYCLE_DOCUMENTS))
def test_a_cycle_document_in_english(cast, cycle, client_for, cycle_url, key):
    make, _expected, english = CYCLE_DOCUMENTS[key]
    make(cast, cycle)
    client = client_for(cast.partner)
    client.cookies["django_language"] = "en"
    response = client.get(cycle_url("documents:cycle", key=key, file_format="docx"))
    assert english in docx_text(response.content)
    assert english in unquote(response["Content-Disposition"])


def test_the_service_offer_in_pdf_and_word(cast, client_for):
    _service(cast)
    client = client_for(cast.observer)
    for file_format, read in (("pdf", pdf_text), ("docx", docx_text)):
        address = url("documents:partnership", cast, document="offre-de-services", file_format=file_format)
        content = read(client.get(address).content)
        # A narrow column may wrap a name over two lines.
        assert "Halte-garderie" in content and "Maison de la" in content
        assert "CPE Les Lucioles" in content  # listed among the organizations without a service
    outsider = client_for(cast.outsider)
    address = url("documents:partnership", cast, document="offre-de-services", file_format="pdf")
    assert outsider.get(address).status_code == 404


@pytest.mark.parametrize("key", sorted(CYCLE_DOCUMENTS))
def test_a_cycle_documents_queries_do_not_grow(cast, cycle, client_for, cycle_url, key):
    make = CYCLE_DOCUMENTS[key][0]
    client = client_for(cast.observer)
    address = cycle_url("documents:cycle", key=key, file_format="xlsx")
    make(cast, cycle)
    small = query_count(client, address)
    if key == "constats":
        for n in range(4):
            _finding(cast, cycle, statement=f"Constat {n}")
    elif key == "priorites":
        for n in range(4):
            _priorities(cast, cycle, statement=f"Constat {n}")
    elif key == "rencontres":
        for n in range(4):
            _meeting(cycle, title=f"Rencontre {n}")
    elif key == "suivis":
        for n in range(4):
            _reports(cast, cycle, title=f"Action {n}")
    else:
        a_plan(cast, cycle, actions=5, objective="Soutenir les parents")
    assert query_count(client, address) == small


def test_the_service_offers_queries_do_not_grow(cast, client_for):
    client = client_for(cast.observer)
    address = url("documents:partnership", cast, document="offre-de-services", file_format="xlsx")
    _service(cast)
    small = query_count(client, address)
    for n in range(5):
        _service(cast, name=f"Service {n}")
    assert query_count(client, address) == small


@pytest.mark.parametrize(
    "page,document",
    [
        ("plan:home", "plan"),
        ("plan:overview", "vue-ensemble"),
        ("analysis:home", "constats"),
        ("meetings:meetings", "rencontres"),
        ("priorities:home", "priorites"),
        ("followup:reports", "suivis"),
    ],
)
def test_a_tools_page_links_to_its_documents(cast, cycle, client_for, cycle_url, page, document):
    html = client_for(cast.observer).get(cycle_url(page)).content.decode()
    for file_format in ("pdf", "docx", "xlsx"):
        assert cycle_url("documents:cycle", key=document, file_format=file_format) in html


def test_the_service_offers_page_links_to_its_document(cast, client_for):
    html = client_for(cast.observer).get(url("offer:home", cast)).content.decode()
    assert url("documents:partnership", cast, document="offre-de-services", file_format="docx") in html


def _intervention(cast, name="Qualité des interactions"):
    return InterventionFactory(
        organization=cast.organization, factor=FactorFactory(name_fr=name, name_en=f"{name} (en)"), kinds=["parents"]
    )


def test_the_factor_interventions_in_pdf_word_and_excel(cast, client_for):
    _intervention(cast)
    client = client_for(cast.observer)
    address = lambda file_format: url(  # noqa: E731
        "documents:partnership", cast, document="intervention-facteurs", file_format=file_format
    )
    for file_format, read in (("pdf", pdf_text), ("docx", docx_text)):
        content = " ".join(read(client.get(address(file_format)).content).split())
        for expected in ("Carte de couverture", "Qualité des interactions", "Maison de la famille du Parc"):
            assert expected in content, (file_format, expected)
        assert "Régulière — Soutien aux parents" in content, file_format
    assert client.get(address("xlsx")).status_code == 200
    english = client_for(cast.partner)
    english.cookies["django_language"] = "en"
    content = " ".join(docx_text(english.get(address("docx")).content).split())
    assert "Coverage map" in content and "Qualité des interactions (en)" in content
    assert client_for(cast.outsider).get(address("pdf")).status_code == 404


def test_the_factor_interventions_queries_do_not_grow(cast, client_for):
    client = client_for(cast.observer)
    address = url("documents:partnership", cast, document="intervention-facteurs", file_format="xlsx")
    _intervention(cast)
    small = query_count(client, address)
    for n in range(4):
        _intervention(cast, name=f"Facteur {n}")
    assert query_count(client, address) == small


def test_the_matrix_page_links_to_its_document(cast, client_for):
    html = client_for(cast.observer).get(url("coverage:matrix", cast)).content.decode()
    assert url("documents:partnership", cast, document="intervention-facteurs", file_format="pdf") in html
