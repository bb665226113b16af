"""Demo data: partnership A has added two local factors and one local element to the shared catalogue."""

from core.systems import System
from demo.context import DemoContext

from .models import FactorElement, ProtectiveFactor

LOCAL_FACTORS = [
    {
        "code": "local-integration-familles-immigrantes",
        "system": System.COMMUNITY,
        "position": 10,
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
        "code": "local-securite-alimentaire",
        "system": System.FAMILY,
        "position": 10,
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
    "code": "local-confiance-envers-les-services",
    "name_fr": "Confiance envers les services",
    "name_en": "Trust in services",
    "description_fr": "Le sentiment des parents d'être bien accueillis et compris par les organismes.",
}


def load(ctx: DemoContext) -> None:
    partnership = ctx.partnership_a
    for values in LOCAL_FACTORS:
        values = dict(values)
        ProtectiveFactor.objects.get_or_create(partnership=partnership, code=values.pop("code"), defaults=values)
    factor = ProtectiveFactor.objects.filter(partnership__isnull=True, code=LOCAL_ELEMENT["factor_code"]).first()
    if factor is not None:
        values = {k: v for k, v in LOCAL_ELEMENT.items() if k not in {"factor_code", "code"}}
        FactorElement.objects.get_or_create(
            factor=factor, code=LOCAL_ELEMENT["code"], defaults={**values, "partnership": partnership, "position": 10}
        )
