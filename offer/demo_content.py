"""The demo partnership A's service offer (fictional). Some gaps are left on purpose for the portrait: nothing for
pregnancy in Val-des-Bouleaux or Saint-Firmin-des-Prés, little at all in Lac-aux-Hérons."""

from dataclasses import dataclass

CPE_ERABLES = "CPE Les Petits Érables"
CPE_RIBAMBELLE = "CPE La Ribambelle"
MAISON = "Maison de la famille de Rivière-aux-Érables"
CSS = "Centre de services scolaire de la Vallée-des-Érables"
ECOLE = "École primaire du Vieux-Moulin"
VILLE = "Ville de Rivière-aux-Érables"
CLSC = "CLSC de la Vallée-des-Érables (CISSS)"
BIBLIO = "Bibliothèque Hélène-Dupré"
CUISINES = "Cuisines collectives du Vieux-Moulin"
ACCUEIL = "Accueil Pluriel — soutien aux familles immigrantes"
PEDIATRIE = "Centre de pédiatrie sociale Les Pousses"

RIVIERE = "Rivière-aux-Érables"
LAC = "Lac-aux-Hérons"
FIRMIN = "Saint-Firmin-des-Prés"
BOULEAUX = "Val-des-Bouleaux"
MOULIN = "Vieux-Moulin"
GARE = "Quartier de la Gare"
TERRASSES = "Les Terrasses"
MRC = "MRC de la Vallée-des-Érables"
RLS = "RLS de la Vallée-des-Érables"


@dataclass(frozen=True)
class ServiceData:
    organization: str
    name: str
    description: str
    clienteles: tuple[str, ...]
    territories: tuple[str, ...]
    frequency: str = ""
    capacity: int | None = None
    reached_per_year: int | None = None
    cost: str = "free"
    cost_detail: str = ""
    schedule: str = ""
    languages: str = "français"
    access: str = ""  # t: transport, h: adapted hours, f: fee reduction
    factors: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()


# One service per entry reads better than what the formatter would make of it.
# fmt: off
SERVICES = [
    ServiceData(CPE_ERABLES, "Places à contribution réduite", "Service éducatif à l'enfance en installation.",
                ("age_0_1", "age_1_2", "age_2_5"), (RIVIERE, MOULIN), "continuous", 80, 95, "contribution",
                "Tarif réduit fixé par le gouvernement", "Du lundi au vendredi, 7 h à 18 h", "français", "f",
                ("qualite-accessibilite-services", "developpement-socioaffectif")),
    ServiceData(CPE_ERABLES, "Ateliers d'éveil à la lecture en installation", "Lecture animée en petits groupes.",
                ("age_2_5",), (RIVIERE,), "weekly", 40, 60, factors=("habiletes-communication",),
                partners=(BIBLIO,)),
    ServiceData(CPE_RIBAMBELLE, "Places en installation", "Service éducatif à l'enfance.",
                ("age_1_2", "age_2_5"), (GARE,), "continuous", 62, 70, "contribution", "Tarif réduit",
                "Du lundi au vendredi, 7 h à 18 h", access="f", factors=("developpement-cognitif",)),
    ServiceData(CPE_RIBAMBELLE, "Halte-garderie communautaire", "Quelques demi-journées de répit par semaine.",
                ("age_1_2", "age_2_5", "parents"), (GARE, RIVIERE), "weekly", 12, 45, "contribution",
                "5 $ la demi-journée", "Mardis et jeudis, 8 h 30 à 11 h 30", access="tf",
                factors=("developpement-socioaffectif",)),
    ServiceData(MAISON, "Cafés-rencontres des parents", "Échanges entre parents sur des thèmes choisis par eux.",
                ("parents",), (RIVIERE, MOULIN, GARE), "weekly", 15, 60, schedule="Mercredis, 9 h 30",
                access="th", factors=("attitudes-parentales",), partners=(CLSC,)),
    ServiceData(MAISON, "Ateliers parents-enfants Bouger et jouer", "Jeux moteurs et routines pour les tout-petits.",
                ("age_1_2", "age_2_5", "parents"), (RIVIERE, MOULIN), "sessions", 12, 40,
                schedule="Samedis matin, sessions de 8 semaines", access="h",
                factors=("pratiques-parentales", "sante-physique-saines-habitudes")),
    ServiceData(MAISON, "Programme Y'APP d'habiletés parentales", "Série de rencontres pour les parents.",
                ("parents",), (RIVIERE, FIRMIN), "sessions", 10, 30, access="t",
                factors=("attitudes-parentales", "pratiques-parentales"), partners=(CLSC,)),
    ServiceData(MAISON, "Visites à domicile des familles isolées", "Intervenante qui accompagne à la maison.",
                ("pregnancy", "age_0_1", "families"), (RIVIERE, LAC), "on_demand", 20, 25,
                factors=("pratiques-parentales",)),
    ServiceData(MAISON, "Fête des familles", "Grande fête annuelle au parc du Moulin.",
                ("families",), (MOULIN, GARE, TERRASSES), "occasional", None, 400,
                factors=("environnement-quartier",), partners=(VILLE, CUISINES)),
    ServiceData(CSS, "Passage à la maternelle : rencontres des parents", "Préparer la rentrée avec les parents.",
                ("age_2_5", "parents"), (MRC, RIVIERE, FIRMIN, BOULEAUX, LAC), "occasional", None, 180, access="h",
                factors=("continuite-collaboration-services",), partners=(CPE_ERABLES, CPE_RIBAMBELLE)),
    ServiceData(CSS, "Formation des éducatrices sur l'éveil à l'écrit", "Communauté de pratique.",
                ("practitioners",), (MRC,), "sessions", 25, 35,
                factors=("habiletes-communication",)),
    ServiceData(CSS, "Maternelle 4 ans à temps plein", "Classes de maternelle 4 ans.", ("age_2_5",),
                (FIRMIN, BOULEAUX), "continuous", 34, 34, factors=("developpement-cognitif",)),
    ServiceData(ECOLE, "Club de lecture parent-enfant à l'école", "Un soir par mois, lecture en famille.",
                ("age_2_5", "parents"), (MOULIN,), "monthly", 20, 35, schedule="Premier mardi du mois, 18 h 30",
                access="h", factors=("habiletes-communication", "pratiques-parentales"), partners=(BIBLIO,)),
    ServiceData(ECOLE, "Visite de l'école pour les futurs élèves", "Découvrir l'école avant la rentrée.",
                ("age_2_5", "families"), (MOULIN, TERRASSES), "occasional", None, 50,
                factors=("continuite-collaboration-services",)),
    ServiceData(VILLE, "Parcs et jeux d'eau adaptés aux tout-petits", "Aménagements municipaux.",
                ("families",), (RIVIERE, MOULIN, GARE), "continuous", factors=("environnement-quartier",)),
    ServiceData(VILLE, "Bébé-trottine au centre sportif", "Activité libre parent-bébé.",
                ("age_0_1", "age_1_2", "parents"), (RIVIERE,), "weekly", 15, 70, "contribution", "2 $ par visite",
                access="f", factors=("sante-physique-saines-habitudes",)),
    ServiceData(CLSC, "Rencontres prénatales", "Préparation à la naissance et à l'allaitement.",
                ("pregnancy", "parents"), (RIVIERE, LAC), "sessions", 16, 90, schedule="Soirs de semaine",
                access="h", factors=("pratiques-parentales",)),
    ServiceData(CLSC, "Services intégrés en périnatalité et petite enfance (SIPPE)", "Suivi des familles.",
                ("pregnancy", "age_0_1", "age_1_2", "families"), (RLS, RIVIERE, MOULIN, GARE), "on_demand", 60, 75,
                languages="français, anglais", access="t",
                factors=("niveau-socioeconomique", "pratiques-parentales"), partners=(MAISON,)),
    ServiceData(CLSC, "Vaccination et suivi du développement", "Cliniques de vaccination.",
                ("age_0_1", "age_1_2", "age_2_5"), (RLS, RIVIERE, FIRMIN, BOULEAUX, LAC), "continuous", None, 600,
                factors=("sante-physique-saines-habitudes",)),
    ServiceData(CLSC, "Orthophonie : dépistage précoce", "Dépistage des retards de langage.", ("age_2_5",),
                (RIVIERE,), "on_demand", 30, 55, factors=("habiletes-communication",), partners=(CPE_ERABLES,)),
    ServiceData(BIBLIO, "Heure du conte", "Contes et comptines pour les tout-petits.",
                ("age_1_2", "age_2_5", "parents"), (RIVIERE, GARE), "weekly", 25, 210,
                schedule="Samedis, 10 h", access="th", factors=("habiletes-communication",)),
    ServiceData(BIBLIO, "Une naissance, un livre", "Trousse de lecture offerte aux nouveau-nés abonnés.",
                ("age_0_1", "families"), (RIVIERE, LAC, FIRMIN, BOULEAUX), "on_demand", None, 120,
                factors=("pratiques-parentales",)),
    ServiceData(BIBLIO, "Bibliothèque mobile dans les parcs", "Le bibliobus passe l'été.",
                ("age_2_5", "families"), (TERRASSES, MOULIN), "weekly", None, 150, access="t",
                factors=("habiletes-communication", "environnement-quartier")),
    ServiceData(CUISINES, "Cuisines collectives familles", "Cuisiner ensemble à petit prix.",
                ("parents", "families"), (MOULIN, GARE), "weekly", 8, 48, "contribution", "Coût des ingrédients",
                access="hf", factors=("niveau-socioeconomique", "sante-physique-saines-habitudes")),
    ServiceData(CUISINES, "Purées pour bébés", "Ateliers de préparation de purées maison.",
                ("age_0_1", "parents"), (MOULIN,), "monthly", 8, 30, "contribution", "5 $ par atelier",
                access="f", factors=("sante-physique-saines-habitudes",)),
    ServiceData(ACCUEIL, "Accueil et orientation des familles nouvellement arrivées", "Premier contact.",
                ("families", "parents"), (GARE, TERRASSES, RIVIERE), "on_demand", None, 85,
                languages="français, anglais, arabe, espagnol", access="th",
                factors=("qualite-accessibilite-services",), partners=(CLSC, MAISON)),
    ServiceData(ACCUEIL, "Francisation avec halte-garderie", "Cours de français et garde des enfants.",
                ("parents", "age_1_2", "age_2_5"), (GARE,), "weekly", 18, 36, languages="français, arabe, espagnol",
                access="h", factors=("niveau-socioeconomique",), partners=(CPE_RIBAMBELLE,)),
    ServiceData(ACCUEIL, "Sensibilisation des intervenant·es à l'approche interculturelle", "Formation courte.",
                ("practitioners",), (RIVIERE,), "occasional", 30, 40,
                factors=("qualite-accessibilite-services",)),
    ServiceData(PEDIATRIE, "Évaluation-orientation en pédiatrie sociale", "Rencontre avec l'enfant et sa famille.",
                ("age_0_1", "age_1_2", "age_2_5", "families"), (TERRASSES, BOULEAUX, FIRMIN), "on_demand", 40, 65,
                access="t", factors=("developpement-socioaffectif", "continuite-collaboration-services")),
    ServiceData(PEDIATRIE, "Accompagnement des familles vers les services", "Soutien aux démarches.",
                ("families", "parents"), (TERRASSES, BOULEAUX), "on_demand", 25, 40, access="th",
                factors=("qualite-accessibilite-services",), partners=(CLSC,)),
]
# fmt: on
