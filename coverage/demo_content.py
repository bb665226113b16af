"""Partnership A's matrix, filled for every organization over the reference and local factors.

Chosen so that the heat map has something to say: the families' socioeconomic level is left uncovered (only
occasional action) and the neighbourhood's environment thinly covered (the city alone acts on it regularly).
"""

# organization -> {factor code: (intensity, kinds of action separated by spaces)}; factors not named get 0.
PROFILES: dict[str, dict[str, tuple[int, str]]] = {
    "CPE Les Petits Érables": {
        "habiletes-communication": (3, "children"),
        "developpement-cognitif": (3, "children"),
        "developpement-socioaffectif": (3, "children"),
        "sante-physique-saines-habitudes": (2, "children"),
        "pratiques-parentales": (1, "parents"),
        "continuite-collaboration-services": (2, "concertation"),
    },
    "CPE La Ribambelle": {
        "habiletes-communication": (2, "children"),
        "developpement-cognitif": (3, "children"),
        "developpement-socioaffectif": (3, "children parents"),
        "qualite-accessibilite-services": (2, "children"),
    },
    "Maison de la famille de Rivière-aux-Érables": {
        "attitudes-parentales": (3, "parents awareness"),
        "pratiques-parentales": (3, "parents children"),
        "local-accueil-et-integration-des-familles-immigrantes": (2, "parents"),
        "niveau-socioeconomique": (1, "parents"),
        "developpement-socioaffectif": (1, "children"),
        "environnement-quartier": (1, "concertation"),
    },
    "Centre de services scolaire de la Vallée-des-Érables": {
        "continuite-collaboration-services": (3, "concertation training"),
        "developpement-cognitif": (2, "children training"),
        "habiletes-communication": (2, "training"),
    },
    "École primaire du Vieux-Moulin": {
        "continuite-collaboration-services": (2, "parents concertation"),
        "habiletes-communication": (1, "children parents"),
    },
    "Ville de Rivière-aux-Érables": {
        "environnement-quartier": (2, "environment concertation"),
        "sante-physique-saines-habitudes": (1, "environment"),
    },
    "CLSC de la Vallée-des-Érables (CISSS)": {
        "pratiques-parentales": (2, "parents"),
        "sante-physique-saines-habitudes": (3, "children parents"),
        "qualite-accessibilite-services": (2, "concertation"),
        "attitudes-parentales": (2, "parents"),
        "niveau-socioeconomique": (1, "parents"),
    },
    "Bibliothèque Hélène-Dupré": {
        "habiletes-communication": (3, "children awareness"),
        "pratiques-parentales": (1, "parents"),
    },
    "Cuisines collectives du Vieux-Moulin": {
        "local-securite-alimentaire-des-familles": (3, "parents concertation"),
        "niveau-socioeconomique": (1, "parents"),
        "sante-physique-saines-habitudes": (2, "parents"),
    },
    "Accueil Pluriel — soutien aux familles immigrantes": {
        "local-accueil-et-integration-des-familles-immigrantes": (3, "parents awareness"),
        "qualite-accessibilite-services": (3, "parents concertation"),
        "attitudes-parentales": (1, "awareness"),
    },
    "Centre de pédiatrie sociale Les Pousses": {
        "developpement-socioaffectif": (2, "children parents"),
        "continuite-collaboration-services": (2, "concertation"),
        "qualite-accessibilite-services": (1, "parents"),
    },
}

# A few cells at the level of one element (organization, factor code, element code, intensity, kinds).
ELEMENT_CELLS = [
    ("Bibliothèque Hélène-Dupré", "pratiques-parentales", "habitudes-lecture-parent-enfant", 3, "parents children"),
    ("CPE Les Petits Érables", "habiletes-communication", "langage-oral", 3, "children training"),
]
