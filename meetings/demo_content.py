"""Partnership A's meetings to date (fictional): the standard sequence through step 2, held in the Maison de la
famille, each with its agenda, who came, its minutes (approved at the next meeting) and, from rencontre 5, the
decisions on the priorities and objectives. The first planning meeting is three weeks ahead."""

import datetime
from dataclasses import dataclass

PLACE = "Maison de la famille de Rivière-aux-Érables, 125, rue Principale"
START, END = datetime.time(9, 0), datetime.time(11, 30)
UPCOMING_IN = datetime.timedelta(weeks=3)
UPCOMING_CODE = "planification-1"
# An organization whose people take part without a Concerto account: noted present as an organization.
ORGANIZATION_PRESENT = "Cuisines collectives du Vieux-Moulin"


@dataclass(frozen=True)
class HeldMeeting:
    date: datetime.date
    agenda: tuple[tuple[str, str, int], ...]  # title, presenter, minutes
    excused: tuple[str, ...]  # e-mails of the members who sent their regrets; the others came
    minutes: str


MEETINGS = {
    "rencontre-1": HeldMeeting(
        datetime.date(2025, 5, 14),
        (
            ("Accueil et tour de table", "Geneviève Lacasse", 15),
            ("La démarche partenariale écosystémique en bref", "Geneviève Lacasse", 30),
            ("Le calendrier de la démarche et de l'état de situation", "Marc-André Bouchard", 30),
            ("Adoption des règles de fonctionnement", "Geneviève Lacasse", 45),
        ),
        ("annie.roy@riviere-aux-erables.test",),
        "<h2>Démarche</h2><p>Le groupe a revu la démarche et son calendrier : état de situation à l'automne, "
        "priorités en janvier.</p><h2>Règles de fonctionnement</h2><p>Les règles sont adoptées à l'unanimité, "
        "avec un quorum de la moitié des organismes partenaires.</p>",
    ),
    "rencontre-2": HeldMeeting(
        datetime.date(2025, 9, 17),
        (
            ("Adoption du compte rendu de la rencontre 1", "Geneviève Lacasse", 5),
            ("Les résultats de l'EQDEM pour notre territoire", "Karine Dubé", 40),
            ("Ce que les organismes observent", "Sophie Gagnon", 45),
        ),
        ("eric.bergeron@riviere-aux-erables.test",),
        "<h2>Données</h2><p>Karine Dubé présente les résultats de l'EQDEM 2022 : plus d'enfants vulnérables sur le "
        "plan du langage qu'au Québec.</p><p>Les organismes partagent leurs observations ; les parents des "
        "secteurs ruraux sont peu rejoints.</p>",
    ),
    "rencontre-3": HeldMeeting(
        datetime.date(2025, 10, 22),
        (
            ("Adoption du compte rendu de la rencontre 2", "Geneviève Lacasse", 5),
            ("Les constats tirés des données", "Marc-André Bouchard", 45),
            ("Les facteurs de protection en bref", "Geneviève Lacasse", 30),
            ("Les outils de l'offre de services et de la matrice", "Geneviève Lacasse", 20),
        ),
        ("melanie.ouellet@ribambelle.test", "annie.roy@riviere-aux-erables.test"),
        "<h2>Constats</h2><p>Le groupe formule les premiers constats sur le langage et l'isolement des "
        "familles.</p><p>Chaque organisme remplira sa fiche de services et sa ligne de la matrice d'ici la "
        "rencontre 4.</p>",
    ),
    "rencontre-4": HeldMeeting(
        datetime.date(2025, 11, 26),
        (
            ("Adoption du compte rendu de la rencontre 3", "Geneviève Lacasse", 5),
            ("L'offre de services par clientèle et par secteur", "Sophie Gagnon", 40),
            ("La carte de l'action sur les facteurs de protection", "Marc-André Bouchard", 40),
        ),
        (),
        "<h2>Analyses</h2><p>L'offre de services est concentrée au centre-ville ; peu d'organismes agissent de "
        "façon régulière sur l'éveil à la lecture.</p><p>Les constats candidats seront soumis au vote à la "
        "rencontre 5.</p>",
    ),
    "rencontre-5": HeldMeeting(
        datetime.date(2026, 1, 21),
        (
            ("Adoption du compte rendu de la rencontre 4", "Geneviève Lacasse", 5),
            ("Le vote sur les priorités", "Geneviève Lacasse", 45),
            ("Les facteurs de protection retenus", "Marc-André Bouchard", 30),
            ("Les objectifs du plan", "Geneviève Lacasse", 40),
        ),
        ("eric.bergeron@riviere-aux-erables.test",),
        "<h2>Priorités</h2><p>Le vote retient les priorités sur le langage, l'isolement des parents et l'accès aux "
        "services.</p><h2>Objectifs</h2><p>Quatre objectifs sont définis ; les rencontres de planification "
        "commencent au printemps.</p>",
    ),
}

# Decisions of rencontre 5, on the priorities (by rank) and objectives (by title), each with its follow-ups:
# (text, "priority" or "objective", rank or title, ((task, assignee e-mail, due), …)).
DECISIONS = (
    (
        "Le regroupement retient cette priorité, arrivée en tête du vote.",
        "priority",
        1,
        (
            (
                "Présenter la priorité au conseil de la Ville",
                "eric.bergeron@riviere-aux-erables.test",
                datetime.date(2026, 3, 1),
            ),
        ),
    ),
    (
        "L'objectif est adopté ; un comité de travail prépare ses transformations souhaitées.",
        "objective",
        "Enrichir l'éveil à la lecture et à l'écriture des tout-petits",
        (
            (
                "Former le comité de travail sur l'éveil à la lecture",
                "annie.roy@riviere-aux-erables.test",
                datetime.date(2026, 2, 15),
            ),
            ("Inventorier les activités de lecture déjà offertes", "chantal.beaulieu@cpe-petits-erables.test", None),
        ),
    ),
    (
        "L'objectif est adopté ; la Maison de la famille consultera les parents avant la planification.",
        "objective",
        "Renforcer le sentiment de compétence des parents",
        (("Organiser un café-rencontre de parents", "partenaire@demo.concerto.test", datetime.date(2026, 3, 20)),),
    ),
)
