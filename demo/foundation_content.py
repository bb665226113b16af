"""The fictional content of the demo partnerships, kept apart from the code that loads it.

Every place, organization and person here is invented; the e-mail addresses use the reserved `.test` domain.
"""

from dataclasses import dataclass

from organizations.models import Sector
from partnerships.models import Region, Role, TerritoryKind

DEMO_PASSWORD = "concerto-demo"
ADMIN_EMAIL = "admin@demo.concerto.test"


@dataclass(frozen=True)
class PartnershipData:
    slug: str
    name: str
    region: str
    description: str
    intention_statement: str
    territories: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class OrganizationData:
    name: str
    sector: str
    mission: str
    street_address: str
    city: str
    postal_code: str
    territory_served: str
    contact_name: str
    contact_phone: str
    website: str = ""

    @property
    def contact_email(self) -> str:
        return f"info@{self.website.removeprefix('https://').split('/')[0]}" if self.website else ""


@dataclass(frozen=True)
class MemberData:
    email: str
    full_name: str
    role: str
    organization: str = ""  # name of the represented organization, if any
    can_sign_in: bool = False  # demo accounts get the shared demo password; the others none


PARTNERSHIP_A = PartnershipData(
    slug="riviere-aux-erables",
    name="Regroupement Petite enfance de Rivière-aux-Érables",
    region=Region.LANAUDIERE,
    description=(
        "Le Regroupement réunit depuis 2013 les organismes, les écoles, la municipalité et le CLSC qui "
        "accompagnent les tout-petits de 0 à 5 ans et leur famille dans la Vallée-des-Érables. Il se rencontre "
        "six fois par année, et son comité de coordination prépare les rencontres entre-temps."
    ),
    intention_statement=(
        "Ensemble, nous voulons que chaque enfant de la Vallée-des-Érables arrive à la maternelle confiant, "
        "curieux et prêt à apprendre. Nous mettons en commun nos connaissances du milieu, nous agissons sur les "
        "facteurs qui protègent les enfants et nous soutenons les parents comme premiers éducateurs de leurs "
        "enfants."
    ),
    territories=(
        (TerritoryKind.RLS, "RLS de la Vallée-des-Érables"),
        (TerritoryKind.MRC, "MRC de la Vallée-des-Érables"),
        (TerritoryKind.MUNICIPALITY, "Rivière-aux-Érables"),
        (TerritoryKind.MUNICIPALITY, "Lac-aux-Hérons"),
        (TerritoryKind.MUNICIPALITY, "Saint-Firmin-des-Prés"),
        (TerritoryKind.MUNICIPALITY, "Val-des-Bouleaux"),
        (TerritoryKind.NEIGHBOURHOOD, "Vieux-Moulin"),
        (TerritoryKind.NEIGHBOURHOOD, "Quartier de la Gare"),
        (TerritoryKind.NEIGHBOURHOOD, "Les Terrasses"),
    ),
)

PARTNERSHIP_B = PartnershipData(
    slug="baie-des-brumes",
    name="Comité Petite enfance de Baie-des-Brumes",
    region=Region.COTE_NORD,
    description=(
        "Un petit comité de concertation qui rassemble les acteurs de la petite enfance de Baie-des-Brumes et "
        "des villages voisins, le long de la côte."
    ),
    intention_statement=(
        "Offrir à toutes les familles de la côte, même les plus éloignées, un accès simple aux services pour "
        "les tout-petits."
    ),
    territories=(
        (TerritoryKind.MRC, "MRC de la Côte-des-Brumes"),
        (TerritoryKind.MUNICIPALITY, "Baie-des-Brumes"),
        (TerritoryKind.MUNICIPALITY, "Anse-aux-Phoques"),
    ),
)

MAISON_FAMILLE = "Maison de la famille de Rivière-aux-Érables"
FONDATION = "Fondation Enfance Vallée-des-Érables"

ORGANIZATIONS_A = (
    OrganizationData(
        name="CPE Les Petits Érables",
        sector=Sector.CHILDCARE,
        mission="Centre de la petite enfance de 80 places en installation et bureau coordonnateur de la garde "
        "en milieu familial pour la MRC.",
        street_address="145, rue des Érables",
        city="Rivière-aux-Érables",
        postal_code="J0K 2R0",
        territory_served="MRC de la Vallée-des-Érables",
        contact_name="Chantal Beaulieu",
        contact_phone="450 555-0142",
        website="https://cpe-petits-erables.test",
    ),
    OrganizationData(
        name="CPE La Ribambelle",
        sector=Sector.CHILDCARE,
        mission="Centre de la petite enfance de 62 places, dont une pouponnière, situé près de la gare.",
        street_address="32, avenue de la Gare",
        city="Rivière-aux-Érables",
        postal_code="J0K 2R0",
        territory_served="Rivière-aux-Érables, Quartier de la Gare",
        contact_name="Mélanie Ouellet",
        contact_phone="450 555-0178",
    ),
    OrganizationData(
        name=MAISON_FAMILLE,
        sector=Sector.FAMILY_COMMUNITY,
        mission="Lieu d'accueil, d'entraide et d'activités pour les parents et leurs enfants de 0 à 5 ans : "
        "haltes-garderies, ateliers parents-enfants, cafés-rencontres et soutien aux relevailles.",
        street_address="88, rue du Vieux-Moulin",
        city="Rivière-aux-Érables",
        postal_code="J0K 2R0",
        territory_served="MRC de la Vallée-des-Érables",
        contact_name="Sophie Gagnon",
        contact_phone="450 555-0110",
        website="https://maisonfamille-rae.test",
    ),
    OrganizationData(
        name="Centre de services scolaire de la Vallée-des-Érables",
        sector=Sector.SCHOOL,
        mission="Organise les services éducatifs de la maternelle 4 ans au secondaire sur le territoire de la MRC.",
        street_address="400, boulevard Principal",
        city="Rivière-aux-Érables",
        postal_code="J0K 2R1",
        territory_served="MRC de la Vallée-des-Érables",
        contact_name="Patrick Lévesque",
        contact_phone="450 555-0200",
        website="https://cssve.test",
    ),
    OrganizationData(
        name="École primaire du Vieux-Moulin",
        sector=Sector.SCHOOL,
        mission="École primaire de 310 élèves, avec deux classes de maternelle 4 ans et trois de maternelle 5 ans.",
        street_address="12, rue de l'École",
        city="Rivière-aux-Érables",
        postal_code="J0K 2R0",
        territory_served="Vieux-Moulin, Les Terrasses",
        contact_name="Nathalie Caron",
        contact_phone="450 555-0231",
    ),
    OrganizationData(
        name="Ville de Rivière-aux-Érables",
        sector=Sector.MUNICIPALITY,
        mission="Service des loisirs, de la culture et de la vie communautaire : parcs, programmation familiale "
        "et politique familiale municipale.",
        street_address="1, place de l'Hôtel-de-Ville",
        city="Rivière-aux-Érables",
        postal_code="J0K 2R0",
        territory_served="Rivière-aux-Érables",
        contact_name="Éric Bergeron",
        contact_phone="450 555-0100",
        website="https://riviere-aux-erables.test",
    ),
    OrganizationData(
        name="CLSC de la Vallée-des-Érables (CISSS)",
        sector=Sector.HEALTH,
        mission="Services de périnatalité et de petite enfance du CISSS : suivi postnatal, vaccination, "
        "services intégrés en périnatalité et petite enfance (SIPPE), orthophonie et nutrition.",
        street_address="250, rue Saint-Laurent",
        city="Rivière-aux-Érables",
        postal_code="J0K 2R2",
        territory_served="RLS de la Vallée-des-Érables",
        contact_name="Karine Dubé",
        contact_phone="450 555-0300",
    ),
    OrganizationData(
        name="Bibliothèque Hélène-Dupré",
        sector=Sector.LIBRARY,
        mission="Bibliothèque municipale : heure du conte, programme Une naissance, un livre, prêt de trousses "
        "d'éveil à la lecture.",
        street_address="20, rue du Parc",
        city="Rivière-aux-Érables",
        postal_code="J0K 2R0",
        territory_served="Rivière-aux-Érables et Lac-aux-Hérons",
        contact_name="Annie Roy",
        contact_phone="450 555-0125",
    ),
    OrganizationData(
        name="Cuisines collectives du Vieux-Moulin",
        sector=Sector.COMMUNITY,
        mission="Groupes de cuisine collective et ateliers de nutrition pour les familles à faible revenu, avec "
        "halte-garderie pendant les ateliers.",
        street_address="90, rue du Vieux-Moulin",
        city="Rivière-aux-Érables",
        postal_code="J0K 2R0",
        territory_served="Vieux-Moulin, Quartier de la Gare",
        contact_name="Louise Pelletier",
        contact_phone="450 555-0164",
    ),
    OrganizationData(
        name="Accueil Pluriel — soutien aux familles immigrantes",
        sector=Sector.COMMUNITY,
        mission="Accueil et accompagnement des familles nouvellement arrivées : francisation des parents, "
        "interprétariat, aide aux démarches d'inscription en service de garde et à l'école.",
        street_address="55, avenue de la Gare",
        city="Rivière-aux-Érables",
        postal_code="J0K 2R0",
        territory_served="MRC de la Vallée-des-Érables",
        contact_name="Samira Haddad",
        contact_phone="450 555-0187",
    ),
    OrganizationData(
        name="Centre de pédiatrie sociale Les Pousses",
        sector=Sector.OTHER,
        mission="Accompagnement des enfants en situation de vulnérabilité et de leur famille selon l'approche "
        "de pédiatrie sociale en communauté.",
        street_address="7, rue des Terrasses",
        city="Val-des-Bouleaux",
        postal_code="J0K 3B0",
        territory_served="Val-des-Bouleaux, Saint-Firmin-des-Prés, Les Terrasses",
        contact_name="Dre Julie Fortier",
        contact_phone="450 555-0412",
    ),
    OrganizationData(
        name=FONDATION,
        sector=Sector.FUNDER,
        mission="Fondation locale qui soutient financièrement les projets destinés aux familles de jeunes enfants.",
        street_address="400, boulevard Principal, bureau 210",
        city="Rivière-aux-Érables",
        postal_code="J0K 2R1",
        territory_served="MRC de la Vallée-des-Érables",
        contact_name="Robert Girard",
        contact_phone="450 555-0260",
        website="https://fondation-enfance-ve.test",
    ),
)

ORGANIZATIONS_B = (
    OrganizationData(
        name="CPE Les Goélands",
        sector=Sector.CHILDCARE,
        mission="Centre de la petite enfance de 49 places.",
        street_address="3, rue de la Marina",
        city="Baie-des-Brumes",
        postal_code="G0G 1A0",
        territory_served="Baie-des-Brumes",
        contact_name="Hélène Boudreau",
        contact_phone="418 555-0133",
    ),
    OrganizationData(
        name="Maison des familles de la Côte",
        sector=Sector.FAMILY_COMMUNITY,
        mission="Activités parents-enfants et soutien aux familles des villages de la côte.",
        street_address="17, route 138",
        city="Anse-aux-Phoques",
        postal_code="G0G 1B0",
        territory_served="MRC de la Côte-des-Brumes",
        contact_name="Marie-Ève Cormier",
        contact_phone="418 555-0191",
    ),
    OrganizationData(
        name="École des Navigateurs",
        sector=Sector.SCHOOL,
        mission="École primaire avec maternelle 4 ans et 5 ans.",
        street_address="60, rue des Pêcheurs",
        city="Baie-des-Brumes",
        postal_code="G0G 1A0",
        territory_served="Baie-des-Brumes, Anse-aux-Phoques",
        contact_name="Luc Chiasson",
        contact_phone="418 555-0150",
    ),
    OrganizationData(
        name="CLSC de la Côte-des-Brumes (CISSS)",
        sector=Sector.HEALTH,
        mission="Services de périnatalité et de petite enfance pour la MRC.",
        street_address="100, boulevard de la Mer",
        city="Baie-des-Brumes",
        postal_code="G0G 1A0",
        territory_served="MRC de la Côte-des-Brumes",
        contact_name="Nadia Arsenault",
        contact_phone="418 555-0300",
    ),
)

MEMBERS_A = (
    MemberData("coordination@demo.concerto.test", "Geneviève Lacasse", Role.COORDINATOR, can_sign_in=True),
    MemberData("comite@demo.concerto.test", "Marc-André Bouchard", Role.COMMITTEE, can_sign_in=True),
    MemberData("partenaire@demo.concerto.test", "Sophie Gagnon", Role.PARTNER, MAISON_FAMILLE, can_sign_in=True),
    MemberData("observateur@demo.concerto.test", "Isabelle Fortin", Role.OBSERVER, can_sign_in=True),
    MemberData("karine.dube@clsc-ve.test", "Karine Dubé", Role.COMMITTEE, "CLSC de la Vallée-des-Érables (CISSS)"),
    MemberData(
        "patrick.levesque@cssve.test",
        "Patrick Lévesque",
        Role.COMMITTEE,
        "Centre de services scolaire de la Vallée-des-Érables",
    ),
    MemberData("chantal.beaulieu@cpe-petits-erables.test", "Chantal Beaulieu", Role.PARTNER, "CPE Les Petits Érables"),
    MemberData("melanie.ouellet@ribambelle.test", "Mélanie Ouellet", Role.PARTNER, "CPE La Ribambelle"),
    MemberData("annie.roy@riviere-aux-erables.test", "Annie Roy", Role.PARTNER, "Bibliothèque Hélène-Dupré"),
    MemberData("eric.bergeron@riviere-aux-erables.test", "Éric Bergeron", Role.PARTNER, "Ville de Rivière-aux-Érables"),
    MemberData(
        "samira.haddad@accueilpluriel.test",
        "Samira Haddad",
        Role.PARTNER,
        "Accueil Pluriel — soutien aux familles immigrantes",
    ),
    MemberData("robert.girard@fondation-enfance-ve.test", "Robert Girard", Role.OBSERVER, FONDATION),
)

MEMBERS_B = (
    MemberData("coordination@autre.concerto.test", "Jacinthe Arsenault", Role.COORDINATOR, can_sign_in=True),
    MemberData("helene.boudreau@goelands.test", "Hélène Boudreau", Role.PARTNER, "CPE Les Goélands"),
    MemberData("luc.chiasson@navigateurs.test", "Luc Chiasson", Role.COMMITTEE, "École des Navigateurs"),
)

ADMIN_NAME = "Administration Concerto"
