"""Outil 12's demo data: for each indicator of partnership A's plan that has a baseline and a target, three
measurements on the way from the one to the other. The fractions say how far along each one is; one indicator in
three goes the wrong way, so that the dashboard shows both."""

# (date of the measurement, fraction of the way from the baseline to the first target, imprecise)
MEASUREMENTS = (
    ("2025-06-30", "0.2", False),
    ("2025-12-31", "0.35", True),
    ("2026-06-30", "0.55", False),
)
WRONG_WAY_EVERY = 3
SOURCE = "Sondage annuel du regroupement"

# One review of partnership A's transformation that has the most actions: its first action abandoned (and the
# decision applied), its second adapted, the others maintained.
REVIEW = {
    "period_start": "2025-09-01",
    "period_end": "2026-06-30",
    "curve": (
        "L'indicateur monte depuis la valeur de départ, mais reste loin de la cible ; la mesure de décembre est "
        "imprécise (sondage incomplet)."
    ),
    "helps": "Les CPE invitent les parents aux activités ; la halte-répit libère du temps aux parents épuisés.",
    "hinders": "Le transport vers les activités ; les horaires de travail atypiques des parents.",
    "what_works": "Les rencontres en petits groupes et les visites à domicile.",
    "lessons": "Aller là où les familles sont déjà, plutôt que de les inviter ailleurs.",
}
ABANDON_REASON = "Peu de familles y viennent malgré deux changements d'horaire ; l'argent ira aux visites à domicile."
ADAPT_REASON = "Les parents la demandent en soirée : la déplacer en semaine après 17 h et l'annoncer dans les CPE."
MAINTAIN_REASON = "Elle rejoint les familles visées et les partenaires veulent la poursuivre."
