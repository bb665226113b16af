"""Outil 8 of demo partnership A's current cycle: the vote, the factors retained and the objectives (fictional)."""

VOTE_TITLE = "Choix des priorités — rencontre 5"
CANDIDATE_COUNT = 8
VOTERS = 7
POINTS = (5, 3, 2)  # each voter gives 10 points to three findings

CHOSEN_PRIORITIES = 5  # the first five findings of the vote's result become the group's priorities

# Exactly the factors the objectives target, so that Outil 8 has nothing left to point out.
SELECTED_FACTORS = (
    ("habiletes-communication", "Les constats sur le langage et l'éveil à l'écrit reviennent dans les trois analyses."),
    ("developpement-cognitif", "Près d'un enfant sur trois est vulnérable dans au moins un domaine à la maternelle."),
    ("developpement-socioaffectif", "Les éducatrices observent plus d'enfants en difficulté à l'entrée en maternelle."),
    ("pratiques-parentales", "Peu d'activités parent-enfant sont offertes aux familles des secteurs ruraux."),
    ("niveau-socioeconomique", "Aucun organisme n'agit régulièrement sur le niveau socioéconomique des familles."),
    ("continuite-collaboration-services", "La transition vers la maternelle se prépare organisme par organisme."),
    ("environnement-quartier", "Les parcs des quartiers centraux sont peu sécuritaires pour les tout-petits."),
)

# (title, description, factor codes). Each objective answers the priorities whose finding names one of its
# factors, and targets only factors its priorities name.
OBJECTIVES = (
    (
        "Soutenir le développement cognitif et socioaffectif des enfants de 0 à 5 ans",
        "Outiller les milieux de garde et les familles pour accompagner les émotions, les relations et la curiosité "
        "des enfants.",
        ("developpement-cognitif", "developpement-socioaffectif"),
    ),
    (
        "Enrichir l'éveil à la lecture et à l'écriture des tout-petits",
        "Multiplier les occasions de lire, de raconter et de jouer avec les mots, à la maison comme dans les services.",
        ("habiletes-communication", "pratiques-parentales"),
    ),
    (
        "Préparer ensemble la transition vers la maternelle",
        "Que les services de garde, les organismes et les écoles se passent le relais et accueillent chaque famille.",
        ("continuite-collaboration-services",),
    ),
    (
        "Aménager des lieux de jeu sécuritaires et accueillants dans les quartiers",
        "Travailler avec la Ville pour que chaque quartier ait un parc adapté aux tout-petits.",
        ("environnement-quartier",),
    ),
    (
        "Alléger le coût de la vie des familles à faible revenu",
        "Faire connaître les programmes d'aide et offrir sans frais ce qui coûte le plus aux jeunes familles.",
        ("niveau-socioeconomique",),
    ),
)
