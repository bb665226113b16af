"""Outil 11's demo: a year of follow-up on partnership A's plan (September 2025 to August 2026), and its
communication plan. Invented texts, in the words partners use."""

import datetime

# Reports cover the periods that ended by this date; the last one of every LATE_EVERY-th action is left unwritten
# (late), the rest of the latest periods stay drafts, and one report was sent back.
REPORTED_UNTIL = datetime.date(2026, 8, 31)
LATE_EVERY = 4
SENT_BACK_COMMENT = "Merci ! Pouvez-vous préciser le nombre de parents rejoints et ce qui a nui à la participation ?"

PROGRESS = ("on_track", "on_track", "late", "on_track", "at_risk", "on_track")
DONE = (
    "Les ateliers prévus ont eu lieu, avec une séance de plus en fin de période.",
    "Deux rencontres ont été reportées faute de local ; les autres ont eu lieu comme prévu.",
    "Le recrutement des familles a pris plus de temps que prévu ; les activités ont commencé en fin de période.",
)
HELPED = (
    "La collaboration avec les éducatrices, qui ont relayé l'invitation aux familles.",
    "Le transport offert par la municipalité.",
    "Une animatrice qui parle l'arabe et l'espagnol.",
)
HINDERED = (
    "Les absences liées aux virus de l'hiver.",
    "Le changement d'horaire de l'autobus scolaire.",
    "La rotation du personnel dans un des CPE.",
)
ADJUSTMENTS = (
    "Offrir une séance le samedi matin pour les parents qui travaillent.",
    "Ajouter une collation pour les enfants et leurs frères et sœurs.",
    "",
)
BETTER_OFF = (
    "Des parents disent lire plus souvent avec leur enfant à la maison.",
    "Les éducatrices remarquent que les enfants nomment mieux leurs émotions.",
    "Des familles nouvellement arrivées connaissent maintenant la bibliothèque.",
)

COMMUNICATION = (
    (
        "Parents des enfants de 0 à 5 ans",
        "Ce que le plan d'action change pour vos enfants, et où trouver les activités près de chez vous.",
        "Affiches dans les CPE et dépliant remis aux familles",
        datetime.date(2025, 10, 15),
        "Maison de la famille de Rivière-aux-Érables",
        "done",
    ),
    (
        "Conseil municipal",
        "Les priorités du regroupement pour la petite enfance et le soutien attendu de la Ville.",
        "Présentation à une séance du conseil",
        datetime.date(2025, 11, 3),
        "",
        "done",
    ),
    (
        "Intervenantes et éducatrices des organismes",
        "Les actions du plan auxquelles elles peuvent orienter les familles.",
        "Infolettre du regroupement",
        datetime.date(2026, 2, 1),
        "",
        "done",
    ),
    (
        "Bailleurs de fonds",
        "Le bilan de la première année : activités, personnes rejointes, apprentissages.",
        "Rapport annuel et rencontre",
        datetime.date(2026, 9, 30),
        "",
        "planned",
    ),
    (
        "Grand public",
        "La fête de la famille et le lancement du croque-livres du parc.",
        "Journal local et page Facebook",
        datetime.date(2026, 6, 7),
        "",
        "cancelled",
    ),
)
