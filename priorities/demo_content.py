"""Outil 8 of demo partnership A's current cycle: the vote, the factors retained and the objectives (fictional)."""

VOTE_TITLE = "Choix des priorités — rencontre 5"
CANDIDATE_COUNT = 8
VOTERS = 7
POINTS = (5, 3, 2)  # each voter gives 10 points to three findings

SELECTED_FACTORS = (
    ("habiletes-communication", "Les constats sur le langage et l'éveil à l'écrit reviennent dans les trois analyses."),
    ("developpement-socioaffectif", "Les éducatrices observent plus d'enfants en difficulté à l'entrée en maternelle."),
    ("pratiques-parentales", "Peu d'activités parent-enfant sont offertes aux familles des secteurs ruraux."),
    ("attitudes-parentales", "Les parents consultés disent se sentir seuls et peu outillés."),
    ("qualite-accessibilite-services", "Plusieurs familles ne connaissent pas les services, surtout à l'est."),
    ("environnement-quartier", "Les parcs des quartiers centraux sont peu sécuritaires pour les tout-petits."),
)

OBJECTIVES = (
    (
        "Enrichir l'éveil à la lecture et à l'écriture des tout-petits",
        "Multiplier les occasions de lire, de raconter et de jouer avec les mots, à la maison comme dans les services.",
        ("habiletes-communication", "pratiques-parentales"),
        (0,),
    ),
    (
        "Renforcer le sentiment de compétence des parents",
        "Offrir aux parents des lieux pour échanger, être reconnus et trouver du soutien sans jugement.",
        ("attitudes-parentales",),
        (1,),
    ),
    (
        "Soutenir le développement socioaffectif des enfants de 0 à 5 ans",
        "Outiller les milieux de garde et les familles pour accompagner les émotions et les relations des enfants.",
        ("developpement-socioaffectif",),
        (2,),
    ),
    (
        "Rendre les services accessibles aux familles isolées ou nouvellement arrivées",
        "Faire connaître l'offre de services et lever les obstacles de transport, d'horaire et de langue.",
        ("qualite-accessibilite-services",),
        (3,),
    ),
    (
        "Aménager des lieux de jeu sécuritaires et accueillants dans les quartiers",
        "Travailler avec la Ville pour que chaque quartier ait un parc adapté aux tout-petits.",
        ("environnement-quartier",),
        (3,),
    ),
)
