"""Outil 9 of demo partnership A's current cycle (fictional): funders, one transformation per system of each of
Outil 8's objectives (but one, left for the completeness check to point out), indicators citing Outil 5's
statistics, about forty actions with partners, milestones and budget; adopted once, changed since. And a small
plan for partnership B."""

import datetime

from demo.foundation_content import FONDATION, MAISON_FAMILLE

CPE_ERABLES = "CPE Les Petits Érables"
CPE_RIBAMBELLE = "CPE La Ribambelle"
CSS = "Centre de services scolaire de la Vallée-des-Érables"
ECOLE = "École primaire du Vieux-Moulin"
VILLE = "Ville de Rivière-aux-Érables"
CLSC = "CLSC de la Vallée-des-Érables (CISSS)"
BIBLIO = "Bibliothèque Hélène-Dupré"
CUISINES = "Cuisines collectives du Vieux-Moulin"
ACCUEIL = "Accueil Pluriel — soutien aux familles immigrantes"
PEDIATRIE = "Centre de pédiatrie sociale Les Pousses"

# key: (name, kind)
FUNDERS = {
    "fondation": (FONDATION, "foundation"),
    "cisss": ("CISSS de Lanaudière", "public"),
    "ville": ("Ville de Rivière-aux-Érables", "municipal"),
    "caisse": ("Caisse populaire de la Vallée", "private"),
    "partenaires": ("Contribution des partenaires", "partners"),
}

EQDEM = "Enfants vulnérables à la maternelle (EQDEM)"
LOW_INCOME = "Familles avec enfants de 0 à 5 ans à faible revenu (MFR après impôt)"

# (objective position, system, statement, lead, partners, factor codes among the objective's)
TRANSFORMATIONS = (
    (
        1,
        "enfant",
        "Les enfants nomment leurs émotions et demandent de l'aide à un adulte.",
        CPE_ERABLES,
        (CPE_RIBAMBELLE, CLSC),
        ("developpement-socioaffectif",),
    ),
    (
        1,
        "famille",
        "Les parents accompagnent les émotions de leur enfant avec confiance.",
        MAISON_FAMILLE,
        (CLSC, PEDIATRIE),
        ("developpement-socioaffectif",),
    ),
    (
        1,
        "communaute",
        "Les milieux de garde partagent des pratiques communes de soutien socioaffectif.",
        CLSC,
        (CPE_ERABLES, CPE_RIBAMBELLE),
        ("developpement-cognitif",),
    ),
    (
        2,
        "enfant",
        "Les tout-petits manipulent des livres et jouent avec les mots chaque jour.",
        BIBLIO,
        (CPE_RIBAMBELLE,),
        ("habiletes-communication",),
    ),
    (
        2,
        "famille",
        "Les parents lisent et racontent des histoires à leur enfant plusieurs fois par semaine.",
        MAISON_FAMILLE,
        (BIBLIO, ACCUEIL),
        ("pratiques-parentales",),
    ),
    (
        2,
        "communaute",
        "Les lieux publics du territoire invitent à lire en famille.",
        VILLE,
        (BIBLIO,),
        ("habiletes-communication",),
    ),
    (
        3,
        "enfant",
        "Les enfants connaissent leur future école avant la rentrée.",
        ECOLE,
        (CPE_ERABLES,),
        ("continuite-collaboration-services",),
    ),
    (
        3,
        "famille",
        "Les parents se sentent accueillis et informés à l'inscription à la maternelle.",
        CSS,
        (ACCUEIL, MAISON_FAMILLE),
        ("continuite-collaboration-services",),
    ),
    (
        3,
        "communaute",
        "Services de garde, organismes et écoles se transmettent l'information sur chaque enfant, "
        "avec l'accord des parents.",
        CSS,
        (ECOLE, CPE_RIBAMBELLE, CLSC),
        ("continuite-collaboration-services",),
    ),
    (
        4,
        "enfant",
        "Les tout-petits jouent dehors chaque semaine dans un parc près de chez eux.",
        VILLE,
        (CPE_ERABLES,),
        ("environnement-quartier",),
    ),
    (
        4,
        "famille",
        "Les familles fréquentent les parcs de leur quartier en toute saison.",
        MAISON_FAMILLE,
        (VILLE,),
        ("environnement-quartier",),
    ),
    (
        4,
        "communaute",
        "Chaque quartier central a un parc sécuritaire adapté aux 0-5 ans.",
        VILLE,
        (CLSC,),
        ("environnement-quartier",),
    ),
    (
        5,
        "famille",
        "Les familles à faible revenu connaissent et demandent les aides auxquelles elles ont droit.",
        PEDIATRIE,
        (CLSC, ACCUEIL),
        ("niveau-socioeconomique",),
    ),
    (
        5,
        "communaute",
        "Les organismes offrent sans frais ce qui coûte le plus aux jeunes familles.",
        CUISINES,
        (MAISON_FAMILLE, VILLE),
        ("niveau-socioeconomique",),
    ),
)

# Per transformation, in the same order: (name, unit, polarity, baseline, baseline date, statistic, targets).
# `statistic` names the Outil 5 figure the baseline rests on: (indicator, domain) of the local territory in 2022.
INDICATORS = (
    (
        "Enfants vulnérables en maturité affective",
        "%",
        "lower",
        "12.8",
        "2022-06-01",
        (EQDEM, "Maturité affective"),
        (("12.0", "2027-06-01"),),
    ),
    (
        "Parents qui se disent compétents devant les émotions de leur enfant",
        "%",
        "higher",
        "54",
        "2025-05-01",
        None,
        (("60", "2026-06-01"), ("68", "2028-03-01")),
    ),
    (
        "Milieux de garde ayant adopté le référentiel commun",
        "milieux",
        "higher",
        "2",
        "2025-04-01",
        None,
        (("8", "2027-03-01"),),
    ),
    (
        "Enfants vulnérables en communication et connaissances générales",
        "%",
        "lower",
        "15.2",
        "2022-06-01",
        (EQDEM, "Habiletés de communication et connaissances générales"),
        (("13.5", "2027-06-01"),),
    ),
    (
        "Familles qui lisent avec leur enfant au moins trois fois par semaine",
        "%",
        "higher",
        "41",
        "2025-03-01",
        None,
        (("50", "2026-06-01"), ("60", "2028-03-01")),
    ),
    (
        "Croque-livres actifs sur le territoire",
        "lieux",
        "higher",
        "3",
        "2025-04-01",
        None,
        (("10", "2026-09-01"), ("15", "2028-03-01")),
    ),
    ("Enfants ayant visité leur future école", "%", "higher", "35", "2025-06-01", None, (("80", "2027-06-01"),)),
    ("Parents satisfaits de l'accueil à l'inscription", "%", "higher", None, None, None, ()),
    (
        "Enfants dont la fiche de transition est transmise",
        "%",
        "higher",
        "20",
        "2025-06-01",
        None,
        (("70", "2027-06-01"),),
    ),
    (
        "Enfants vulnérables en santé physique et bien-être",
        "%",
        "lower",
        "7.6",
        "2022-06-01",
        (EQDEM, "Santé physique et bien-être"),
        (("7.0", "2027-06-01"),),
    ),
    (
        "Familles qui fréquentent un parc chaque semaine",
        "%",
        "higher",
        "38",
        "2025-05-01",
        None,
        (("50", "2027-09-01"),),
    ),
    (
        "Parcs des quartiers centraux adaptés aux 0-5 ans",
        "parcs",
        "higher",
        "1",
        "2025-04-01",
        None,
        (("4", "2027-10-01"),),
    ),
    (
        "Familles avec enfants de 0 à 5 ans à faible revenu",
        "%",
        "lower",
        "14.2",
        "2021-05-01",
        (LOW_INCOME, ""),
        (("13.0", "2028-03-01"),),
    ),
    ("Activités offertes sans frais aux familles", "activités", "higher", "12", "2025-04-01", None, ()),
)

# (transformation indices, title, lead, partners, start (year, month), months, amount per year, funder)
ACTIONS = (
    (
        (0,),
        "Ateliers « Mes émotions » dans les CPE",
        CPE_ERABLES,
        (CPE_RIBAMBELLE, CLSC),
        (2025, 9),
        30,
        6500,
        "fondation",
    ),
    ((0,), "Coin calme dans chaque local des 3-5 ans", CPE_RIBAMBELLE, (CPE_ERABLES,), (2025, 10), 6, 2400, "caisse"),
    ((0,), "Causeries enfants-éducatrices sur l'amitié", CPE_ERABLES, (CLSC,), (2026, 1), 18, 1800, "cisss"),
    ((1,), "Ateliers parents « Accompagner les émotions »", MAISON_FAMILLE, (CLSC,), (2025, 9), 30, 8200, "fondation"),
    ((1,), "Halte-répit pour les parents épuisés", MAISON_FAMILLE, (PEDIATRIE,), (2025, 11), 28, 12000, "cisss"),
    (
        (1,),
        "Visites à domicile d'une intervenante en périnatalité",
        CLSC,
        (MAISON_FAMILLE,),
        (2025, 9),
        30,
        15000,
        "cisss",
    ),
    ((1,), "Groupe de pères du samedi", MAISON_FAMILLE, (CUISINES,), (2026, 2), 20, 3200, "caisse"),
    (
        (2,),
        "Référentiel commun de soutien socioaffectif",
        CLSC,
        (CPE_ERABLES, CPE_RIBAMBELLE),
        (2025, 9),
        18,
        5000,
        "cisss",
    ),
    (
        (2,),
        "Communauté de pratique des éducatrices",
        CPE_RIBAMBELLE,
        (CPE_ERABLES, CLSC),
        (2026, 1),
        26,
        2800,
        "fondation",
    ),
    ((2,), "Formation sur le développement cognitif par le jeu", CLSC, (CPE_ERABLES,), (2026, 3), 9, 4200, "fondation"),
    ((3,), "Heure du conte des tout-petits", BIBLIO, (CPE_RIBAMBELLE,), (2025, 9), 30, 3600, "ville"),
    (
        (3,),
        "Sacs d'histoires qui circulent entre les CPE",
        BIBLIO,
        (CPE_ERABLES, CPE_RIBAMBELLE),
        (2025, 10),
        24,
        2200,
        "fondation",
    ),
    (
        (3,),
        "Comptines et jeux de mots dans les haltes-garderies",
        MAISON_FAMILLE,
        (BIBLIO,),
        (2026, 1),
        18,
        1500,
        "caisse",
    ),
    (
        (4,),
        "Trousses de lecture remises à la naissance",
        CLSC,
        (BIBLIO, MAISON_FAMILLE),
        (2025, 9),
        30,
        7000,
        "fondation",
    ),
    ((4,), "Ateliers « Lire avec son bébé »", MAISON_FAMILLE, (BIBLIO,), (2025, 10), 29, 4800, "fondation"),
    (
        (4,),
        "Lecture en langue maternelle pour les familles immigrantes",
        ACCUEIL,
        (BIBLIO,),
        (2026, 1),
        26,
        3900,
        "cisss",
    ),
    (
        (4,),
        "Abonnement gratuit à la bibliothèque dès la naissance",
        BIBLIO,
        (VILLE, CLSC),
        (2025, 9),
        30,
        1200,
        "ville",
    ),
    ((5,), "Croque-livres dans les parcs et les salles d'attente", VILLE, (BIBLIO, CLSC), (2025, 9), 30, 2500, "ville"),
    ((5,), "Fête de la lecture au parc de la Gare", BIBLIO, (VILLE, MAISON_FAMILLE), (2026, 5), 25, 3000, "caisse"),
    ((5,), "Affichage d'histoires le long des sentiers", VILLE, (BIBLIO,), (2026, 4), 12, 5500, "ville"),
    (
        (6,),
        "Visites de l'école pour les enfants des CPE",
        ECOLE,
        (CPE_ERABLES, CPE_RIBAMBELLE),
        (2026, 4),
        24,
        1600,
        "partenaires",
    ),
    ((6,), "Album photo « Ma future école »", ECOLE, (CPE_RIBAMBELLE,), (2026, 1), 6, 900, "caisse"),
    ((6,), "Camp d'été préparatoire à la maternelle", CSS, (ECOLE, MAISON_FAMILLE), (2026, 7), 14, 9500, "fondation"),
    ((7,), "Soirées d'accueil des nouveaux parents à l'école", CSS, (ACCUEIL,), (2026, 2), 24, 1800, "cisss"),
    (
        (7,),
        "Accompagnement à l'inscription pour les familles immigrantes",
        ACCUEIL,
        (CSS,),
        (2026, 1),
        26,
        4600,
        "fondation",
    ),
    ((7,), "Guide de la rentrée en langage simple", CSS, (MAISON_FAMILLE, ACCUEIL), (2025, 11), 8, 2100, "cisss"),
    (
        (8,),
        "Fiche de transition commune, avec l'accord des parents",
        CSS,
        (CPE_ERABLES, CPE_RIBAMBELLE, CLSC),
        (2025, 9),
        30,
        3800,
        "cisss",
    ),
    (
        (8,),
        "Rencontres annuelles éducatrices-enseignantes",
        ECOLE,
        (CPE_ERABLES, CPE_RIBAMBELLE),
        (2026, 5),
        23,
        1400,
        "partenaires",
    ),
    (
        (8,),
        "Répertoire partagé des services de la petite enfance",
        CLSC,
        (CSS, MAISON_FAMILLE),
        (2025, 10),
        12,
        2600,
        "ville",
    ),
    ((9,), "Sorties au parc hebdomadaires des CPE", CPE_ERABLES, (VILLE,), (2025, 9), 30, 1500, "partenaires"),
    ((9,), "Jeux libres encadrés dans les parcs l'été", VILLE, (MAISON_FAMILLE,), (2026, 6), 22, 6800, "ville"),
    ((10,), "Animation « Parcs en famille » le samedi", MAISON_FAMILLE, (VILLE,), (2026, 5), 23, 4200, "ville"),
    ((10,), "Prêt de traîneaux et de raquettes l'hiver", VILLE, (MAISON_FAMILLE,), (2025, 12), 27, 2300, "caisse"),
    ((11,), "Réaménagement du parc de la Gare pour les 0-5 ans", VILLE, (CLSC,), (2026, 4), 18, 45000, "ville"),
    (
        (11,),
        "Marche exploratoire des parcs avec des parents",
        VILLE,
        (MAISON_FAMILLE, CLSC),
        (2025, 10),
        6,
        1800,
        "cisss",
    ),
    ((11,), "Éclairage et clôtures du parc des Terrasses", VILLE, (), (2026, 9), 12, 28000, "ville"),
    ((12,), "Cliniques d'impôt et de prestations pour les familles", PEDIATRIE, (CLSC,), (2026, 2), 25, 3500, "cisss"),
    ((12,), "Accompagnement vers les programmes d'aide", PEDIATRIE, (ACCUEIL, CLSC), (2025, 9), 30, 9000, "fondation"),
    (
        (13,),
        "Cuisines collectives pour les familles de jeunes enfants",
        CUISINES,
        (MAISON_FAMILLE,),
        (2025, 9),
        30,
        7200,
        "fondation",
    ),
    ((13,), "Friperie et joujouthèque gratuites", MAISON_FAMILLE, (CUISINES, VILLE), (2025, 11), 28, 3900, "caisse"),
    ((12, 13), "Transport gratuit vers les activités", VILLE, (CUISINES, MAISON_FAMILLE), (2026, 1), 26, 6000, "ville"),
)

ADOPTED_ON = datetime.date(2025, 8, 28)
ADOPTION_NOTE = "Plan adopté en grand groupe à la rencontre de planification d'août 2025."
# Changed since the adoption: actions under way, one suspended, one added.
UNDER_WAY = 12  # the first twelve actions are under way
SUSPENDED = "Éclairage et clôtures du parc des Terrasses"
ADDED = (
    (10,),
    "Pique-niques de quartier avec les nouvelles familles",
    ACCUEIL,
    (MAISON_FAMILLE,),
    (2026, 6),
    15,
    2000,
    "caisse",
)

# Partnership B: one objective, its three transformations and two actions.
B_OBJECTIVE = (
    "Rapprocher les services des familles des villages de la côte",
    "Que chaque famille, même éloignée, trouve un service pour son tout-petit à moins de trente minutes.",
)
B_TRANSFORMATIONS = (
    ("enfant", "Les tout-petits des villages fréquentent une activité de groupe chaque mois."),
    ("famille", "Les parents des villages connaissent les services offerts sur la côte."),
    ("communaute", "Les organismes de la côte offrent leurs activités à tour de rôle dans les villages."),
)
B_FUNDER = ("Fondation de la Côte", "foundation")
B_ACTIONS = (
    ("Halte-garderie itinérante dans les villages", "Maison des familles de la Côte", 8000),
    ("Calendrier commun des activités de la côte", "CLSC de la Côte-des-Brumes (CISSS)", 1200),
)
