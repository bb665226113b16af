"""An observer reads, comments where invited, and never edits: every POST of the project is refused to them.

Like the tenant-isolation walk, the test walks every URL of the partnership (with the objects each app's
tests/isolation.py provides) and posts to it as the partnership's observer: the answer must be 403 (or 405 for
an address that only reads), and nothing may change in the database.
"""

import pytest
from django.apps import apps
from django.urls import reverse

from core.tests.test_tenant_isolation import PARTNERSHIP_URLS, objects_of

# The only POSTs an observer may make: none changes partnership data.
ALLOWED = {
    "partnerships:invitation_accept": "accepting one's own invitation",
}


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label not in {"sessions", "admin", "contenttypes", "auth"}
    }


@pytest.mark.django_db
@pytest.mark.parametrize("name,kwarg_names", PARTNERSHIP_URLS, ids=[name for name, _ in PARTNERSHIP_URLS])
def test_observer_cannot_post_anywhere(cast, client_for, name, kwarg_names):
    values = objects_of(cast.partnership)
    url = reverse(name, kwargs={key: values[key] for key in kwarg_names})
    observer = client_for(cast.observer)
    before = _row_counts()
    response = observer.post(url, {"version": 1, "fingerprint": "x", "name": "Nouveau", "title": "Nouveau"})
    assert response.status_code in (403, 405), f"{url} answered {response.status_code} to an observer's POST"
    assert _row_counts() == before, f"{url}: an observer's POST changed the database"
