"""Partnership A's own additions to the shared catalogue of protective factors (fictional)."""

from core.systems import System

# Their codes are made from their French names by the service (local-securite-alimentaire-des-familles…).
LOCAL_FACTORS = [
    {
        "system": System.COMMUNITY,
        "name_fr": "Accueil et intégration des familles immigrantes",
        "name_en": "Welcoming and integrating immigrant families",
        "description_fr": "Une part importante des familles du quartier est arrivée au Québec récemment. "
        "Le regroupement suit la façon dont elles sont accueillies et orientées vers les services.",
        "key_facts_fr": "Les organismes rapportent des listes d'attente en francisation pour les parents.\n"
        "Plusieurs familles ne connaissent pas les services éducatifs à la petite enfance.",
        "ideas_fr": "Accompagner les familles lors de leur première inscription à un service.\n"
        "Offrir des activités parent-enfant pendant les cours de francisation.",
        "sources": "Consultation des parents du regroupement (printemps 2025)",
    },
    {
        "system": System.FAMILY,
        "name_fr": "Sécurité alimentaire des familles",
        "name_en": "Families' food security",
        "description_fr": "L'accès des familles à une alimentation suffisante et nutritive tout au long du mois.",
        "key_facts_fr": "Les dépannages alimentaires du quartier voient arriver de plus en plus de familles "
        "avec de jeunes enfants.",
        "ideas_fr": "Relier les cuisines collectives aux activités parent-enfant.",
        "sources": "Données de fréquentation des organismes en sécurité alimentaire",
    },
]

LOCAL_ELEMENT = {
    "factor_code": "attitudes-parentales",
    "name_fr": "Confiance envers les services",
    "name_en": "Trust in services",
    "description_fr": "Le sentiment des parents d'être bien accueillis et compris par les organismes.",
}
