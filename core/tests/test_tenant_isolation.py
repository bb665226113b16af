"""A member of one partnership can never read or change another partnership's data.

The test walks every URL of the project. A URL under /p/<slug>/ is partnership data: requested by a member of
another partnership, it must answer 404 to GET and POST, exactly as for a partnership that does not exist; and a
member of partnership A naming partnership B's objects under A's own slug must get 404 too. Each app lists the
objects its URLs need in `<app>/tests/isolation.py` (a `url_kwargs(partnership)` function that creates them).
A URL outside /p/<slug>/ must be listed in GLOBAL_URLS, with the reason it holds no partnership data.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.hooks import app_functions

GLOBAL_URLS = {
    "core:home": "lists only the signed-in person's own partnerships",
    "core:security_txt": "the installation's security contact (RFC 9116), the same for everyone",
    "core:healthz": "whether the process can serve (database, cache): no data, for the proxy and the supervisor",
    "privacy:notice": "the installation's privacy notice, the same for everyone",
    "privacy:accept": "records the signed-in person's own acceptance of the notice",
    "privacy:account": "the signed-in person's own privacy page",
    "privacy:download": "the signed-in person's own personal information, nobody else's",
    "privacy:close": "closes the signed-in person's own account",
    "cycles:guide": "Outil 1, the same guide for everyone",
    "partnerships:admin_list": "site administration, refused to everyone but site administrators",
    "partnerships:admin_create": "site administration, refused to everyone but site administrators",
    "archive:import": "site administration, refused to everyone but site administrators",
    "partnerships:invitation_accept": "reached through a secret token sent by e-mail",
    "meetings:feed_settings": "the signed-in person's own calendar address, which holds no partnership data",
    "followup:reminder_settings": "the signed-in person's own reminder settings, which hold no partnership data",
    "api:tokens": "the signed-in person's own API tokens",
    "api:token_revoke": "revokes one of the signed-in person's own API tokens (404 for anyone else's)",
    "api:partnerships": "lists only the token's person's own partnerships",
    "api:schema": "the API's OpenAPI schema, the same for everyone",
    "api:docs": "the API's documentation, the same for everyone",
    "meetings:feed": "a calendar feed reached through its owner's revocable secret token, listing only the meetings "
    "of that person's own partnerships",
}
SKIPPED_NAMESPACES = {"admin", None}
# URL kwargs that name no partnership's object: the same value means the same thing in every partnership.
SHARED_KWARGS = {
    "key": "a cycle document's key, declared in an app's documents.py",
    "document": "a partnership document's key, declared in an app's documents.py",
    "record_key": "the key of a document of one of a cycle's records, declared in an app's documents.py",
    "record_document": "the key of a document of one of a partnership's records, declared in an app's documents.py",
    "file_format": "pdf, docx or xlsx",
    "importer": "a cycle importer's key, declared in an app's imports.py",
    "partnership_importer": "a partnership importer's key, declared in an app's imports.py",
}


def _walk(resolvers, namespace=None, converters=None):
    for entry in resolvers:
        found = dict(converters or {}, **entry.pattern.converters)
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, entry.namespace or namespace, found)
        elif isinstance(entry, URLPattern) and entry.name:
            yield namespace, entry.name, set(found)


def project_urls():
    return sorted(
        {
            (f"{ns}:{name}", frozenset(kwargs))
            for ns, name, kwargs in _walk(get_resolver().url_patterns)
            if ns not in SKIPPED_NAMESPACES and not (ns or "").startswith("account")
        },
        key=lambda item: item[0],
    )


def objects_of(partnership) -> dict:
    kwargs = {"slug": partnership.slug}
    for _app, url_kwargs in app_functions("tests.isolation", "url_kwargs"):
        kwargs.update(url_kwargs(partnership))
    return kwargs


PARTNERSHIP_URLS = [(name, kwargs) for name, kwargs in project_urls() if "slug" in kwargs]
OBJECT_URLS = [(name, kwargs) for name, kwargs in PARTNERSHIP_URLS if kwargs - {"slug"} - SHARED_KWARGS.keys()]


def test_every_url_is_scoped_or_declared_global():
    undeclared = [name for name, kwargs in project_urls() if "slug" not in kwargs and name not in GLOBAL_URLS]
    assert not undeclared, f"URLs outside /p/<slug>/ must be declared in GLOBAL_URLS: {undeclared}"
    assert len(PARTNERSHIP_URLS) > 10


@pytest.mark.django_db
@pytest.mark.parametrize("name,kwarg_names", PARTNERSHIP_URLS, ids=[name for name, _ in PARTNERSHIP_URLS])
def test_outsider_gets_404(cast, client_for, name, kwarg_names):
    values = objects_of(cast.partnership)
    missing = kwarg_names - values.keys()
    assert not missing, f"add {missing} to an app's tests/isolation.py"
    url = reverse(name, kwargs={key: values[key] for key in kwarg_names})
    # The objects must really be reachable by a member, or a 404 below would prove nothing.
    assert client_for(cast.coordinator).get(url).status_code != 404, f"{url} is not reachable by its own members"
    outsider = client_for(cast.outsider)
    assert outsider.get(url).status_code == 404, url
    assert outsider.post(url, {"version": 1}).status_code == 404, url


@pytest.mark.django_db
@pytest.mark.parametrize("name,kwarg_names", OBJECT_URLS, ids=[name for name, _ in OBJECT_URLS])
def test_member_naming_another_partnerships_objects_gets_404(cast, client_for, name, kwarg_names):
    theirs = objects_of(cast.other_partnership)
    kwargs = {key: theirs[key] for key in kwarg_names}
    kwargs["slug"] = cast.partnership.slug
    url = reverse(name, kwargs=kwargs)
    coordinator = client_for(cast.coordinator)
    # 405 answers a method the address does not take (a GET to an action, a POST to a page that only reads)
    # whatever object it names, so it reveals nothing; the method it takes must answer 404.
    answers = {coordinator.get(url).status_code, coordinator.post(url, {"version": 1}).status_code}
    assert answers <= {404, 405} and 404 in answers, (url, answers)


API_URLS = [(name, kwargs) for name, kwargs in PARTNERSHIP_URLS if name.startswith("api:")]


@pytest.mark.django_db
@pytest.mark.parametrize("name,kwarg_names", API_URLS, ids=[name for name, _ in API_URLS])
def test_outsider_token_gets_404_on_the_api(cast, name, kwarg_names):
    """The API answers a program the same way: another partnership's token finds nothing, whatever the method."""
    from api.tests.support import token_client

    values = objects_of(cast.partnership)
    url = reverse(name, kwargs={key: values[key] for key in kwarg_names})
    member = token_client(cast.coordinator)
    answer = member.get(url)
    if answer.status_code == 405:  # an operation on a record (a report's submission) only takes a POST
        answer = member.post(url, {}, content_type="application/json")
        assert answer.status_code in (400, 403), (url, answer.status_code)
    else:
        assert answer.status_code == 200, url
    outsider = token_client(cast.outsider)
    assert outsider.get(url).status_code == 404, url
    for send in (outsider.post, outsider.patch, outsider.delete):
        assert send(url, {"version": 1}, content_type="application/json").status_code == 404, url
