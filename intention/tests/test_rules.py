import datetime

import pytest
from django.utils import timezone

from core.tests.support import url
from intention.models import OperatingRules

pytestmark = pytest.mark.django_db


def draft(cast, **fields) -> OperatingRules:
    values = {"partnership": cast.partnership, "number": 1, "content": "<p>Texte</p>", **fields}
    return OperatingRules.objects.create(**values)


def test_first_draft_starts_from_the_outline(cast, client_for):
    response = client_for(cast.committee).post(url("intention:rules_create", cast))
    rules = OperatingRules.objects.get(partnership=cast.partnership)
    assert response.status_code == 302 and response["Location"] == url("intention:rules_edit", cast, rules_pk=rules.pk)
    assert rules.number == 1 and not rules.is_adopted and rules.created_by == cast.committee
    for heading in ("Mission et intention commune", "Quorum", "Conflits d'intérêts", "Révision des règles"):
        assert f"<h2>{heading}</h2>" in rules.content.replace("&#x27;", "'").replace("&#39;", "'")


def test_only_one_draft_at_a_time(cast, client_for):
    existing = draft(cast)
    response = client_for(cast.coordinator).post(url("intention:rules_create", cast), follow=True)
    assert "Une version est déjà en préparation" in response.content.decode()
    assert response.redirect_chain[-1][0] == url("intention:rules_edit", cast, rules_pk=existing.pk)
    assert OperatingRules.objects.count() == 1


def test_new_draft_copies_the_latest_adopted_version(cast, client_for):
    draft(cast, number=1, content="<p>Ancienne</p>", adopted_on=datetime.date(2024, 5, 1))
    draft(cast, number=2, content="<p>En vigueur</p>", adopted_on=datetime.date(2025, 5, 1))
    client_for(cast.coordinator).post(url("intention:rules_create", cast))
    new = OperatingRules.objects.get(partnership=cast.partnership, number=3)
    assert new.content == "<p>En vigueur</p>" and not new.is_adopted


@pytest.mark.parametrize("role", ["partner", "observer"])
def test_partners_and_observers_do_not_draft(cast, client_for, role):
    rules = draft(cast)
    client = client_for(getattr(cast, role))
    assert client.post(url("intention:rules_create", cast)).status_code == 403
    assert client.get(url("intention:rules_edit", cast, rules_pk=rules.pk)).status_code == 403
    assert (
        client.post(url("intention:rules_edit", cast, rules_pk=rules.pk), {"content": "x", "version": 1}).status_code
        == 403
    )
    assert (
        client.post(
            url("intention:rules_adopt", cast, rules_pk=rules.pk), {"adopted_on": "2025-05-01", "version": 1}
        ).status_code
        == 403
    )
    rules.refresh_from_db()
    assert rules.content == "<p>Texte</p>" and not rules.is_adopted


def test_committee_drafts_but_only_coordination_adopts(cast, client_for):
    rules = draft(cast)
    client = client_for(cast.committee)
    assert (
        client.post(
            url("intention:rules_edit", cast, rules_pk=rules.pk), {"content": "<p>Nouveau</p>", "version": 1}
        ).status_code
        == 302
    )
    assert (
        client.post(
            url("intention:rules_adopt", cast, rules_pk=rules.pk), {"adopted_on": "2025-05-01", "version": 2}
        ).status_code
        == 403
    )
    assert (
        "Adopter cette version"
        not in client.get(url("intention:rules_version", cast, rules_pk=rules.pk)).content.decode()
    )


def test_saved_text_is_sanitized(cast, client_for):
    rules = draft(cast)
    content = (
        '<h2>Quorum</h2><p onclick="steal()">La moitié<script>alert(1)</script></p>'
        '<p><a href="javascript:alert(1)">piège</a> <a href="https://exemple.org">site</a></p>'
    )
    response = client_for(cast.coordinator).post(
        url("intention:rules_edit", cast, rules_pk=rules.pk), {"content": content, "version": 1}
    )
    assert response.status_code == 302
    rules.refresh_from_db()
    assert rules.content == (
        '<h2>Quorum</h2><p>La moitié</p><p><a rel="noopener">piège</a> '
        '<a href="https://exemple.org" rel="noopener">site</a></p>'
    )
    page = client_for(cast.observer).get(url("intention:rules_version", cast, rules_pk=rules.pk)).content.decode()
    assert "<h2>Quorum</h2>" in page and "steal()" not in page


def test_plain_text_without_the_editor_becomes_paragraphs(cast, client_for):
    rules = draft(cast)
    text = "Premier paragraphe.\n\nSecond paragraphe & fin."
    client_for(cast.coordinator).post(
        url("intention:rules_edit", cast, rules_pk=rules.pk), {"content": text, "version": 1}
    )
    rules.refresh_from_db()
    assert rules.content == "<p>Premier paragraphe.</p>\n\n<p>Second paragraphe &amp; fin.</p>"


def test_edit_page_offers_the_rich_text_editor(cast, client_for):
    rules = draft(cast)
    content = client_for(cast.coordinator).get(url("intention:rules_edit", cast, rules_pk=rules.pk)).content.decode()
    assert "vendor/trix/trix.umd.min.js" in content and "data-rich-text" in content


def test_concurrent_edit_is_refused_and_keeps_what_was_typed(cast, client_for):
    rules = draft(cast)
    first, second = client_for(cast.coordinator), client_for(cast.committee)
    address = url("intention:rules_edit", cast, rules_pk=rules.pk)
    assert first.post(address, {"content": "<p>Version A</p>", "version": 1}).status_code == 302
    response = second.post(address, {"content": "<p>Version B</p>", "version": 1})
    content = response.content.decode()
    assert response.status_code == 409 and "Version A" in content and "Version B" in content
    rules.refresh_from_db()
    assert rules.content == "<p>Version A</p>"


def test_adoption_freezes_the_version(cast, client_for):
    rules = draft(cast)
    client = client_for(cast.coordinator)
    response = client.post(
        url("intention:rules_adopt", cast, rules_pk=rules.pk), {"adopted_on": "2025-06-02", "version": 1}
    )
    assert response.status_code == 302
    rules.refresh_from_db()
    assert rules.adopted_on == datetime.date(2025, 6, 2)
    refused = client.post(
        url("intention:rules_edit", cast, rules_pk=rules.pk), {"content": "<p>Changé</p>", "version": 2}, follow=True
    )
    assert "elle ne peut plus être modifiée" in refused.content.decode()
    again = client.post(
        url("intention:rules_adopt", cast, rules_pk=rules.pk), {"adopted_on": "2025-07-01", "version": 2}
    )
    assert again.status_code == 302
    rules.refresh_from_db()
    assert rules.content == "<p>Texte</p>" and rules.adopted_on == datetime.date(2025, 6, 2)
    page = client_for(cast.observer).get(url("intention:rules", cast)).content.decode()
    assert "Version 1, adoptée le 2 juin 2025" in page and "<p>Texte</p>" in page


def test_adoption_date_must_be_given_and_not_in_the_future(cast, client_for):
    rules = draft(cast)
    client = client_for(cast.coordinator)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client.post(
        url("intention:rules_adopt", cast, rules_pk=rules.pk), {"adopted_on": tomorrow, "version": 1}
    )
    assert response.status_code == 200
    assert "La date d&#x27;adoption ne peut pas être dans le futur." in response.content.decode()
    response = client.post(url("intention:rules_adopt", cast, rules_pk=rules.pk), {"adopted_on": "", "version": 1})
    assert "Ce champ est obligatoire." in response.content.decode()
    rules.refresh_from_db()
    assert not rules.is_adopted


def test_empty_text_cannot_be_adopted(cast, client_for):
    rules = draft(cast, content="<p> </p>")
    response = client_for(cast.coordinator).post(
        url("intention:rules_adopt", cast, rules_pk=rules.pk), {"adopted_on": "2025-06-02", "version": 1}
    )
    assert "Cette version est vide" in response.content.decode()
    rules.refresh_from_db()
    assert not rules.is_adopted


def test_adopting_a_text_changed_since_it_was_read_is_refused(cast, client_for):
    rules = draft(cast)
    client_for(cast.committee).post(
        url("intention:rules_edit", cast, rules_pk=rules.pk), {"content": "<p>Changé</p>", "version": 1}
    )
    response = client_for(cast.coordinator).post(
        url("intention:rules_adopt", cast, rules_pk=rules.pk), {"adopted_on": "2025-06-02", "version": 1}, follow=True
    )
    assert "relisez cette version avant de l&#x27;adopter" in response.content.decode()
    rules.refresh_from_db()
    assert not rules.is_adopted


def test_rules_page_shows_current_draft_and_all_versions(cast, client_for):
    draft(cast, number=1, content="<p>Première</p>", adopted_on=datetime.date(2024, 5, 1))
    draft(cast, number=2, content="<p>En vigueur</p>", adopted_on=datetime.date(2025, 5, 1))
    draft(cast, number=3, content="<p>Brouillon</p>")
    content = client_for(cast.partner).get(url("intention:rules", cast)).content.decode()
    assert "Version 2, adoptée le 1er mai 2025" in content
    assert "<p>En vigueur</p>" in content and "<p>Première</p>" not in content
    assert "Version 3 en préparation" in content
    assert content.count('href="/p/petite-patrie/regles/') >= 3
    assert "Proposer une nouvelle version" not in content


def test_history_of_a_version(cast, client_for):
    rules = draft(cast)
    client_for(cast.coordinator).post(
        url("intention:rules_edit", cast, rules_pk=rules.pk), {"content": "<p>Révisé</p>", "version": 1}
    )
    content = client_for(cast.observer).get(url("intention:rules_history", cast, rules_pk=rules.pk)).content.decode()
    assert "Révisé" in content and "Coordination" in content


def test_the_rules_state_their_quorum_for_the_meetings(cast, client_for):
    from intention.models import QuorumRule

    rules = OperatingRules.objects.create(partnership=cast.partnership, number=1, content="<p>Règles</p>")
    edit = url("intention:rules_edit", cast, rules_pk=rules.pk)
    client = client_for(cast.coordinator)
    response = client.post(edit, {"content": "<p>Règles</p>", "quorum_rule": "share", "quorum_value": "", "version": 1})
    assert "Indiquez le nombre d&#x27;organismes ou le pourcentage du quorum." in response.content.decode()
    client.post(edit, {"content": "<p>Règles</p>", "quorum_rule": "share", "quorum_value": "60", "version": 1})
    rules.refresh_from_db()
    assert (rules.quorum_rule, rules.quorum_value, rules.quorum_for(7)) == (QuorumRule.SHARE, 60, 5)
    rules.quorum_rule = QuorumRule.MAJORITY
    assert rules.quorum_for(12) == 7 and rules.quorum_for(7) == 4
