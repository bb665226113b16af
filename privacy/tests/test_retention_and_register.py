"""Retention (manage.py purge_expired) and the site administrator's register of confidentiality incidents."""

from datetime import date, timedelta

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.models import SubmittedForm
from partnerships.models import Invitation, Role
from partnerships.tests.factories import SiteAdminFactory, UserFactory
from privacy.models import ConfidentialityIncident, PrivacySettings

pytestmark = pytest.mark.django_db
PASSWORD = "mot-de-passe-test-1"


def test_purge_removes_what_outlived_its_period(cast, capsys):
    now = timezone.now()
    user = UserFactory(email="lea@exemple.test")
    browser = Client()
    browser.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    live_record = UserSession.objects.get(user=user)
    Session.objects.create(session_key="expiree", session_data="", expire_date=now - timedelta(days=1))
    UserSession.objects.create(user=user, session_key="disparue", ip="127.0.0.1", user_agent="Ancien navigateur")

    def invitation(email, **dates):
        return Invitation.objects.create(partnership=cast.partnership, email=email, role=Role.OBSERVER, **dates)

    kept = [
        invitation("attente@exemple.test"),
        invitation("recente@exemple.test", expires_at=now - timedelta(days=10)),
        invitation("acceptee@exemple.test", accepted_at=now - timedelta(days=100)),
    ]
    purged = [
        invitation("expiree@exemple.test", expires_at=now - timedelta(days=40)),
        invitation("annulee@exemple.test", revoked_at=now - timedelta(days=40)),
        invitation(
            "ancienne@exemple.test", accepted_at=now - timedelta(days=400), expires_at=now - timedelta(days=390)
        ),
    ]
    old_token = SubmittedForm.objects.create(token="ancien", user=cast.coordinator)
    SubmittedForm.objects.filter(pk=old_token.pk).update(created_at=now - timedelta(days=3))
    fresh_token = SubmittedForm.objects.create(token="recent", user=cast.coordinator)
    call_command("purge_expired")
    assert "1 sessions, 1 traces de connexion, 3 invitations, 1 jetons de formulaire" in capsys.readouterr().out
    assert list(SubmittedForm.objects.all()) == [fresh_token]
    assert not Session.objects.filter(session_key="expiree").exists()
    assert list(UserSession.objects.all()) == [live_record]  # the open session keeps its record
    assert set(Invitation.objects.all()) == set(kept)
    assert not Invitation.history.filter(id__in=[i.pk for i in purged]).exists()


def test_the_site_administrator_keeps_the_incident_register(cast, client_for):
    admin = client_for(SiteAdminFactory())
    response = admin.post(
        reverse("admin:privacy_confidentialityincident_add"),
        {
            "discovered_on": "2026-11-30",
            "nature": "Courriel envoyé à la mauvaise liste",
            "information_concerned": "Noms et courriels de 12 membres",
            "people_concerned": "Membres du regroupement Petite-Patrie",
            "people_count": "12",
            "partnerships": [cast.partnership.pk],
            "serious_injury_risk": "",
            "measures": "Rappel du courriel, liste corrigée",
            "commission_notified_on": "",
            "people_notified_on": "2026-12-01",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    incident = ConfidentialityIncident.objects.get()
    assert list(incident.partnerships.all()) == [cast.partnership] and incident.people_notified_on == date(2026, 12, 1)
    assert incident.history.earliest().history_user.is_site_admin
    # Nobody else reaches it.
    assert (
        client_for(cast.coordinator).get(reverse("admin:privacy_confidentialityincident_changelist")).status_code == 302
    )


def test_the_site_administrator_names_the_person_in_charge(client_for, client):
    admin = client_for(SiteAdminFactory())
    data = {
        "organization_name": "Réseau régional",
        "officer_name": "Josée Tremblay",
        "officer_title": "Directrice",
        "officer_email": "rp@exemple.org",
        "officer_phone": "",
        "notice_version": "1",
        "notice_updated_on": "2026-12-01",
    }
    assert admin.post(reverse("admin:privacy_privacysettings_add"), data).status_code == 302
    assert PrivacySettings.current().officer_name == "Josée Tremblay"
    assert "Josée Tremblay</strong>, Directrice" in client.get(reverse("privacy:notice")).content.decode()
    assert admin.get(reverse("admin:privacy_privacysettings_add")).status_code == 403  # one row only
