import pytest
from django.utils import translation

from core.text import de_name


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Accueil Pluriel", "d'Accueil Pluriel"),
        ("École primaire du Vieux-Moulin", "d'École primaire du Vieux-Moulin"),
        ("Le Phare", "du Phare"),
        ("Les Petits Bonheurs", "des Petits Bonheurs"),
        ("CPE Les Lucioles", "de CPE Les Lucioles"),
        ("Halte-garderie du Parc", "de Halte-garderie du Parc"),  # an h is not elided: "la halte"
        ("La Ribambelle", "de La Ribambelle"),
    ],
)
def test_de_follows_french_grammar(name, expected):
    with translation.override("fr"):
        assert de_name(name) == expected


def test_in_english_the_name_stands_alone():
    with translation.override("en"):
        assert de_name("Accueil Pluriel") == "Accueil Pluriel"


def test_dates_and_times_are_written_the_quebec_way():
    import datetime

    from django.utils import timezone

    from core.text import long_date, long_datetime

    first = datetime.date(2025, 4, 1)
    afternoon = timezone.make_aware(datetime.datetime(2025, 4, 1, 13, 45))
    with translation.override("fr"):
        assert long_date(first) == "1er avril 2025"
        assert long_date(datetime.date(2025, 4, 2)) == "2 avril 2025"
        assert long_datetime(afternoon) == "1er avril 2025, 13 h 45"
    with translation.override("en"):
        assert long_date(first) == "April 1, 2025"
        assert long_datetime(afternoon) == "April 1, 2025, 1:45 p.m."
    assert long_date(None) == ""
