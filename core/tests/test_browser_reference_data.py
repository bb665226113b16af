"""The reference data the migrations load (the protective factors catalogue, the Outil 13 questionnaire) is in the
database when a browser test starts, even right after a transactional test emptied it.

The order is the point: the second test is the first browser test of the file, run after a flush. Run alone, the
file fails if the serialized contents reach the browser tests' connection too late (conftest.py,
`_give_serialized_contents`); in any order, the autouse `_reference_data_restored` checks every such test.
"""

import pytest

from diagnostic.models import Questionnaire
from factors.models import ProtectiveFactor


@pytest.fixture
def migrated(request) -> None:
    if request.config.getoption("nomigrations"):
        pytest.skip("without migrations there is no reference data to put back")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_transactional_test_finds_the_reference_data_and_empties_the_database_after_it(migrated):
    assert Questionnaire.objects.filter(partnership=None).exists()
    assert ProtectiveFactor.objects.filter(partnership=None).exists()


@pytest.mark.browser
def test_the_first_browser_test_after_it_finds_the_reference_data_too(migrated, page):
    assert Questionnaire.objects.filter(partnership=None).exists()
    assert ProtectiveFactor.objects.filter(partnership=None).exists()
