"""Partnership A's situation analysis for the demo (Outil 5).

The Québec EQDEM figures are the published ones (analysis/data/eqdem-quebec.csv). The regional and local
figures, the census-like figures, the observations and the findings are invented but plausible: the local
territory does better than Québec on physical health and worse on language and communication.
"""

from dataclasses import dataclass

EQDEM = "Enfants vulnérables à la maternelle (EQDEM)"
EQDEM_SOURCE = "Institut de la statistique du Québec, EQDEM (valeurs régionales et locales fictives)"
DOMAINS = (
    "Santé physique et bien-être",
    "Compétences sociales",
    "Maturité affective",
    "Développement cognitif et langagier",
    "Habiletés de communication et connaissances générales",
    "Au moins un domaine",
    "Au moins deux domaines",
)
YEARS = ("2012", "2017", "2022")
REGION = "Lanaudière"
LOCAL = "RLS de la Vallée-des-Érables"
# domain -> the three years' values, in the order of DOMAINS
REGION_VALUES = (
    (10.1, 11.0, 10.9),
    (9.6, 10.8, 11.2),
    (10.2, 12.0, 12.3),
    (10.9, 11.9, 12.8),
    (11.6, 12.0, 12.4),
    (27.0, 28.9, 30.1),
    (13.5, 15.1, 15.6),
)
LOCAL_VALUES = (
    (8.4, 8.9, 7.6),
    (9.9, 11.0, 11.4),
    (10.5, 12.2, 12.8),
    (12.3, 13.8, 14.9),
    (13.1, 14.5, 15.2),
    (27.9, 30.4, 31.5),
    (14.0, 16.2, 17.0),
)
# (domain, year) of the local figure computed on too few children to be precise
IMPRECISE_LOCAL = ("Santé physique et bien-être", "2022")

CENSUS_SOURCE = "Recensement de 2021 (valeurs fictives pour la démonstration)"
# (indicator, unit, Québec, region, local)
CENSUS = (
    ("Familles avec enfants de 0 à 5 ans à faible revenu (MFR après impôt)", "%", 9.4, 10.8, 14.2),
    ("Familles monoparentales parmi les familles avec enfants de 0 à 5 ans", "%", 15.1, 14.6, 18.3),
    ("Mères de jeunes enfants sans diplôme d'études secondaires", "%", 7.2, 8.9, 11.6),
)


@dataclass(frozen=True)
class ObservationData:
    text: str
    source_kind: str
    organization_sector: str  # the demo organization of this sector brings it ("" for a consultation)
    source_detail: str
    observed_on: str
    systems: str
    factors: tuple[str, ...]


OBSERVATIONS = (
    ObservationData(
        "Les ateliers parents-enfants affichent complet : une quinzaine de familles attendent une place depuis "
        "l'automne.",
        "organization", "family_community", "Bilan des inscriptions, automne 2024", "2024-11-20",
        "famille", ("pratiques-parentales",),
    ),
    ObservationData(
        "L'heure du conte du samedi attire en moyenne 25 enfants, mais très peu de familles du quartier des "
        "Terrasses.",
        "organization", "library", "Statistiques de fréquentation 2024", "2025-01-15",
        "enfant,communaute", ("habiletes-communication",),
    ),
    ObservationData(
        "Les infirmières en périnatalité rencontrent plus de familles arrivées récemment dans la région, sans "
        "réseau autour d'elles.",
        "organization", "health", "Équipe périnatalité du CLSC", "2025-02-04",
        "famille,communaute", ("environnement-quartier",),
    ),
    ObservationData(
        "Les éducatrices repèrent davantage d'enfants de 4 ans au vocabulaire restreint ; l'attente pour une "
        "évaluation en orthophonie dépasse un an.",
        "organization", "childcare", "Rencontre des éducatrices, janvier 2025", "2025-01-28",
        "enfant", ("habiletes-communication", "qualite-accessibilite-services"),
    ),
    ObservationData(
        "Plusieurs parents disent ne pas savoir comment stimuler le langage de leur tout-petit au quotidien, "
        "surtout avant deux ans.",
        "parents", "", "Café-rencontre du 12 mars 2025, 14 parents", "2025-03-12",
        "famille", ("attitudes-parentales", "pratiques-parentales"),
    ),
    ObservationData(
        "Les parents de Lac-aux-Hérons et de Val-des-Bouleaux renoncent souvent aux activités du centre-ville, "
        "faute de transport.",
        "parents", "", "Sondage en ligne auprès des parents, 86 réponses", "2025-03-30",
        "communaute", ("qualite-accessibilite-services",),
    ),
    ObservationData(
        "Les parents apprécient le parc du Vieux-Moulin, mais trouvent les autres aires de jeu mal entretenues "
        "et peu sécuritaires.",
        "parents", "", "Sondage en ligne auprès des parents, 86 réponses", "2025-03-30",
        "communaute", ("environnement-quartier",),
    ),
    ObservationData(
        "Les pères participent peu aux activités offertes en semaine, de jour.",
        "practitioners", "", "Rencontre des intervenant·es, 9 participant·es", "2025-04-08",
        "famille", ("pratiques-parentales",),
    ),
    ObservationData(
        "Le passage du service de garde à la maternelle se prépare sans échange d'information systématique "
        "entre les milieux.",
        "practitioners", "school", "Rencontre des intervenant·es, 9 participant·es", "2025-04-08",
        "enfant,communaute", ("continuite-collaboration-services",),
    ),
)  # fmt: skip


@dataclass(frozen=True)
class FindingData:
    statement: str
    nature: str
    origin: str
    systems: str
    factors: tuple[str, ...]
    statistics: tuple[tuple[str, str, str], ...] = ()  # (domain or indicator, level, period)
    observations: tuple[int, ...] = ()  # positions in OBSERVATIONS


COMMUNICATION = DOMAINS[4]
FINDINGS = (
    FindingData(
        "La part des enfants vulnérables en habiletés de communication et connaissances générales augmente depuis "
        "2012 dans la Vallée-des-Érables (de 13,1 % à 15,2 %) et dépasse celle de Lanaudière et du Québec.",
        "concern", "data", "enfant", ("habiletes-communication",),
        statistics=((COMMUNICATION, "local", "2012"), (COMMUNICATION, "local", "2022"),
                    (COMMUNICATION, "region", "2022"), (COMMUNICATION, "quebec", "2022")),
        observations=(3,),
    ),
    FindingData(
        "Près d'un enfant sur trois est vulnérable dans au moins un domaine à la maternelle (31,5 % en 2022), "
        "davantage qu'au Québec (28,7 %).",
        "concern", "data", "enfant", ("developpement-cognitif", "developpement-socioaffectif"),
        statistics=(("Au moins un domaine", "local", "2022"), ("Au moins un domaine", "quebec", "2022")),
    ),
    FindingData(
        "Les enfants du territoire sont moins souvent vulnérables en santé physique et bien-être qu'en Lanaudière "
        "et qu'au Québec (donnée locale de 2022 imprécise).",
        "strength", "data", "enfant", ("sante-physique-saines-habitudes",),
        statistics=((DOMAINS[0], "local", "2017"), (DOMAINS[0], "local", "2022"), (DOMAINS[0], "quebec", "2022")),
    ),
    FindingData(
        "Plus d'une famille sur sept avec de jeunes enfants vit sous le seuil de faible revenu, nettement plus "
        "qu'en Lanaudière.",
        "concern", "data", "famille", ("niveau-socioeconomique",),
        statistics=((CENSUS[0][0], "local", "2021"), (CENSUS[0][0], "region", "2021")),
    ),
    FindingData(
        "Des parents se disent peu outillés pour stimuler le langage de leur tout-petit au quotidien.",
        "concern", "data", "famille", ("attitudes-parentales", "pratiques-parentales"),
        observations=(4,),
    ),
    FindingData(
        "Les activités d'éveil à la lecture de la bibliothèque et de la maison de la famille sont gratuites et bien "
        "fréquentées.",
        "strength", "services", "enfant,famille", ("habiletes-communication", "pratiques-parentales"),
        observations=(0, 1),
    ),
    FindingData(
        "Les familles des municipalités rurales accèdent difficilement aux services concentrés au centre-ville, "
        "faute de transport.",
        "concern", "services", "communaute", ("qualite-accessibilite-services",),
        observations=(5,),
    ),
    FindingData(
        "Peu de services rejoignent les pères : les activités ont lieu en semaine, de jour.",
        "concern", "services", "famille", ("pratiques-parentales",),
        observations=(7,),
    ),
    FindingData(
        "Les pratiques parentales sont au cœur de la mission de plusieurs organismes (maison de la famille, CLSC, "
        "services de garde).",
        "strength", "factors", "famille", ("pratiques-parentales",),
    ),
    FindingData(
        "Aucun organisme n'agit régulièrement sur le niveau socioéconomique des familles, et l'environnement du "
        "quartier est peu couvert.",
        "concern", "factors", "famille,communaute", ("niveau-socioeconomique", "environnement-quartier"),
        observations=(6,),
    ),
    FindingData(
        "La transition vers la maternelle se prépare organisme par organisme, sans échange systématique entre les "
        "services de garde et l'école.",
        "concern", "factors", "enfant,communaute", ("continuite-collaboration-services",),
        observations=(8,),
    ),
)  # fmt: skip
