"""Step 1 content of demo partnership A: the organizations' commitments and two versions of the rules.

The rules are written as the sanitized HTML the rich-text editor stores (headings, paragraphs, lists only).
"""

import datetime

from demo.foundation_content import FONDATION, MAISON_FAMILLE

# Organization name -> (date, signed by, what it commits to). Two organizations have not committed yet, so the
# commitments dashboard has something to show.
COMMITMENTS_A: dict[str, tuple[datetime.date, str, str]] = {
    "CPE Les Petits Érables": (
        datetime.date(2025, 5, 14),
        "Chantal Beaulieu, directrice générale",
        "Participer aux six rencontres annuelles, partager les données de fréquentation et libérer une "
        "éducatrice pour le comité sur l'éveil à la lecture.",
    ),
    "CPE La Ribambelle": (
        datetime.date(2025, 5, 14),
        "Mélanie Ouellet, directrice",
        "Participer aux rencontres et accueillir deux ateliers parents-enfants par année dans nos locaux.",
    ),
    MAISON_FAMILLE: (
        datetime.date(2025, 5, 14),
        "Sophie Gagnon, coordonnatrice",
        "Co-animer la consultation des parents de l'état de situation, prêter la salle communautaire pour les "
        "rencontres du regroupement et porter au moins une action du plan.",
    ),
    "Centre de services scolaire de la Vallée-des-Érables": (
        datetime.date(2025, 5, 20),
        "Patrick Lévesque, directeur des services éducatifs",
        "Transmettre les résultats de l'EQDEM et les données d'inscription en maternelle 4 ans, et soutenir la "
        "transition vers l'école dans toutes les écoles primaires du territoire.",
    ),
    "École primaire du Vieux-Moulin": (
        datetime.date(2025, 5, 20),
        "Nathalie Caron, directrice",
        "Accueillir les familles avant la rentrée en maternelle et participer au comité sur les transitions.",
    ),
    "Ville de Rivière-aux-Érables": (
        datetime.date(2025, 6, 2),
        "Éric Bergeron, directeur des loisirs et de la vie communautaire",
        "Mettre à la disposition du regroupement les parcs et les locaux municipaux, et arrimer la politique "
        "familiale municipale au plan d'action.",
    ),
    "CLSC de la Vallée-des-Érables (CISSS)": (
        datetime.date(2025, 5, 14),
        "Karine Dubé, cheffe de service famille-enfance-jeunesse",
        "Déléguer une professionnelle au comité de coordination et partager les portraits de santé publique du "
        "territoire.",
    ),
    "Bibliothèque Hélène-Dupré": (
        datetime.date(2025, 5, 27),
        "Annie Roy, responsable de la bibliothèque",
        "Offrir l'heure du conte dans les CPE et à la Maison de la famille, et prêter des trousses d'éveil à "
        "la lecture.",
    ),
    "Cuisines collectives du Vieux-Moulin": (
        datetime.date(2025, 6, 2),
        "Louise Pelletier, coordonnatrice",
        "Relayer les invitations du regroupement auprès des familles des cuisines collectives et participer "
        "aux rencontres.",
    ),
    FONDATION: (
        datetime.date(2025, 6, 10),
        "Robert Girard, directeur général",
        "Réserver une enveloppe annuelle aux actions du plan d'action concerté et siéger comme observatrice.",
    ),
}

RULES_V1_ADOPTED_ON = datetime.date(2025, 5, 14)
RULES_QUORUM = ("majority", None)  # half of the member organizations plus one, as the text says

RULES_V1 = """<h2>1. Mission du regroupement</h2>
<p>Le Regroupement Petite enfance de Rivière-aux-Érables réunit les organisations qui agissent auprès des enfants
de 0 à 5 ans et de leur famille. Il planifie, réalise et évalue ensemble un plan d'action concerté selon la
démarche partenariale écosystémique.</p>
<h2>2. Membres</h2>
<p>Est membre toute organisation qui a signé l'engagement du cycle en cours. Chaque organisation désigne une
personne représentante et, si elle le souhaite, une personne substitut.</p>
<ul>
<li>Les membres partenaires participent aux rencontres et aux décisions.</li>
<li>Les observateurs et observatrices (bailleurs de fonds, agent·es d'accompagnement) assistent aux rencontres
sans droit de vote.</li>
</ul>
<h2>3. Comité de coordination</h2>
<p>Le comité de coordination compte cinq personnes élues pour deux ans; la coordonnatrice en fait partie d'office.
Il prépare les rencontres, suit le plan d'action et rend compte de ses travaux à chaque rencontre.</p>
<h2>4. Prise de décision</h2>
<p>Les décisions se prennent par consensus. Lorsque le consensus n'est pas possible après deux discussions, la
décision est prise à la majorité des deux tiers des membres présents, une voix par organisation.</p>
<h3>Quorum</h3>
<p>Le quorum est atteint lorsque la moitié des organisations membres plus une sont présentes.</p>
<h2>5. Conflits d'intérêts</h2>
<p>Une personne dont l'organisation est directement visée par une décision financière le déclare et se retire
de la décision. La déclaration est consignée au compte rendu.</p>
<h2>6. Confidentialité</h2>
<p>Les données transmises par les organisations pour l'état de situation servent uniquement aux travaux du
regroupement. Aucune information permettant d'identifier une famille n'est partagée.</p>
<h2>7. Rencontres</h2>
<p>Le regroupement se rencontre au moins six fois par année. L'ordre du jour est envoyé une semaine avant chaque
rencontre et le compte rendu dans les deux semaines qui suivent.</p>
"""

# Version 2, still a draft: adds a substitute's voting right and a section on the chair of meetings.
RULES_V2 = (
    RULES_V1.replace(
        "une personne substitut.</p>",
        "une personne substitut, qui a droit de vote en l'absence de la personne représentante.</p>",
    )
    + """<h2>8. Animation des rencontres</h2>
<p>Les rencontres sont animées à tour de rôle par un membre du comité de coordination. La coordonnatrice
assure le secrétariat et la tenue du compte rendu.</p>
"""
)
