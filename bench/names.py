"""Pools of realistic French names for the generated data (all invented, combined at random)."""

import random

FIRST_NAMES = (
    "Julie", "Mélanie", "Isabelle", "Nathalie", "Geneviève", "Catherine", "Sophie", "Marie-Ève", "Annie", "Karine",
    "Valérie", "Chantal", "Émilie", "Audrey", "Josée", "Amélie", "Stéphanie", "Caroline", "Samira", "Fatou",
    "Marc", "Éric", "Patrick", "Martin", "Mathieu", "Jean-François", "Sébastien", "Louis", "Olivier", "Simon",
    "Alexandre", "Philippe", "Nicolas", "Maxime", "François", "Karim", "Yves", "Guillaume", "Benoît", "David",
)  # fmt: skip

LAST_NAMES = (
    "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné",
    "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette", "Girard", "Simard",
    "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe", "Leclerc", "Lefebvre",
    "Poulin", "Thibault", "St-Pierre", "Nadeau", "Martin", "Landry", "Martel", "Bédard", "Grenier", "Lessard",
    "Haddad",
)  # fmt: skip

PLACE_STEMS = (
    "Érables", "Bouleaux", "Hérons", "Outardes", "Cèdres", "Trembles", "Pins", "Sources", "Prés", "Rochers",
    "Castors", "Saules", "Noyers", "Cerisiers", "Huards", "Épinettes", "Bernaches", "Mélèzes", "Merisiers",
    "Sapins", "Chutes", "Cascades", "Pommiers", "Aulnes", "Brumes", "Fougères", "Peupliers", "Tilleuls",
)  # fmt: skip

PLACE_PATTERNS = (
    "Rivière-aux-{}", "Lac-aux-{}", "Val-des-{}", "Saint-Firmin-des-{}", "Mont-des-{}", "Baie-des-{}",
    "Sainte-Aurélie-des-{}", "Pointe-aux-{}", "Grand-Bois-des-{}", "L'Anse-aux-{}",
)  # fmt: skip

PARTNERSHIP_PATTERNS = (
    "Regroupement Petite enfance de {}",
    "Table de concertation 0-5 ans de {}",
    "Comité Petite enfance de {}",
    "Regroupement des partenaires Famille de {}",
)

NEIGHBOURHOODS = ("Vieux-Moulin", "Quartier de la Gare", "Les Terrasses", "Centre-ville", "Le Plateau", "Les Berges")

# (sector, name pattern) — the pattern takes a place name; a counter keeps names unique within a partnership.
ORGANIZATION_PATTERNS = (
    ("childcare", "CPE Les Petits {stem}"),
    ("childcare", "CPE La Ribambelle de {place}"),
    ("childcare", "Bureau coordonnateur de la garde en milieu familial de {place}"),
    ("family_community", "Maison de la famille de {place}"),
    ("family_community", "Halte-garderie Les Lucioles de {place}"),
    ("family_community", "Relevailles {place}"),
    ("school", "Centre de services scolaire de {place}"),
    ("school", "École primaire des {stem}"),
    ("municipality", "Ville de {place}"),
    ("municipality", "MRC de {place}"),
    ("health", "CLSC de {place} (CISSS)"),
    ("library", "Bibliothèque municipale de {place}"),
    ("community", "Cuisines collectives de {place}"),
    ("community", "Comptoir alimentaire de {place}"),
    ("community", "Carrefour d'accueil des familles immigrantes de {place}"),
    ("funder", "Fondation Enfance {place}"),
    ("other", "Centre de pédiatrie sociale de {place}"),
)

MISSIONS = {
    "childcare": "Services éducatifs à l'enfance en installation, avec pouponnière.",
    "family_community": "Accueil, entraide et ateliers parents-enfants pour les familles de jeunes enfants.",
    "school": "Services éducatifs de la maternelle 4 ans au primaire.",
    "municipality": "Loisirs, parcs et politique familiale municipale.",
    "health": "Services de périnatalité et de petite enfance : suivi postnatal, vaccination, orthophonie.",
    "library": "Heure du conte, éveil à la lecture et prêt de trousses pour les tout-petits.",
    "community": "Soutien aux familles à faible revenu : alimentation, accompagnement, références.",
    "funder": "Soutien financier aux projets destinés aux familles de jeunes enfants.",
    "other": "Accompagnement des enfants en situation de vulnérabilité et de leur famille.",
}


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def place_names(count: int, rng: random.Random) -> list[str]:
    """`count` distinct place names (a numbered suffix only once the combinations run out)."""
    combos = [pattern.format(stem) for pattern in PLACE_PATTERNS for stem in PLACE_STEMS]
    rng.shuffle(combos)
    return [combos[i % len(combos)] + (f" {i // len(combos) + 1}" if i >= len(combos) else "") for i in range(count)]
