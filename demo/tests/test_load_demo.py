import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import User
from cycles.models import Step, StepStatus
from intention.models import Commitment, OperatingRules
from partnerships.models import Membership, Partnership, Role

pytestmark = pytest.mark.django_db

SLUG_A = "riviere-aux-erables"
PROJECT_MODELS = [
    model
    for model in apps.get_models()
    if model._meta.app_label not in {"admin", "sessions", "contenttypes"}  # sessions grow with every log-in
]


def load(capsys=None) -> str:
    call_command("load_demo")
    return capsys.readouterr().out if capsys else ""


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in PROJECT_MODELS}


def test_loads_both_partnerships_with_every_role(capsys):
    out = load(capsys)
    a = Partnership.objects.get(slug=SLUG_A)
    assert Partnership.objects.filter(slug="baie-des-brumes").exists()
    assert a.organizations.count() >= 10
    assert {m.role for m in a.memberships.all()} == set(Role.values)
    partner = Membership.objects.get(partnership=a, user__email="partenaire@demo.concerto.test")
    assert partner.role == Role.PARTNER and partner.organization is not None
    assert "coordination@autre.concerto.test" in out and "concerto-demo" in out


def test_cycle_of_a_is_at_step_two_with_commitments_and_rules():
    load()
    a = Partnership.objects.get(slug=SLUG_A)
    steps = dict(Step.objects.filter(cycle__partnership=a).values_list("number", "status"))
    assert steps == {
        1: StepStatus.COMPLETED,
        2: StepStatus.IN_PROGRESS,
        3: StepStatus.NOT_STARTED,
        4: StepStatus.NOT_STARTED,
        5: StepStatus.NOT_STARTED,
    }
    committed = Commitment.objects.filter(cycle__partnership=a).count()
    assert a.organizations.count() > committed > a.organizations.count() / 2
    rules = {r.number: r for r in OperatingRules.objects.filter(partnership=a)}
    assert rules[1].is_adopted and not rules[2].is_adopted
    assert "<h2>" in rules[1].content and "<script" not in rules[1].content


def test_site_admin_has_no_membership_and_emails_are_verified():
    load()
    admin = User.objects.get(email="admin@demo.concerto.test")
    assert admin.is_superuser and admin.is_staff and not admin.memberships.exists()
    assert EmailAddress.objects.filter(user=admin, verified=True, primary=True).exists()
    extra = User.objects.get(email="karine.dube@clsc-ve.test")
    assert not extra.has_usable_password()


def test_second_run_changes_nothing():
    load()
    before = row_counts()
    load()
    assert row_counts() == before


def test_refused_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo")
    assert not Partnership.objects.exists()


def test_demo_coordinator_signs_in_and_sees_the_dashboard(client):
    load()
    response = client.post(
        reverse("account_login"), {"login": "coordination@demo.concerto.test", "password": "concerto-demo"}
    )
    assert response.status_code == 302
    home = reverse("partnerships:home", kwargs={"slug": SLUG_A})
    # The first time, the privacy notice comes first.
    assert client.get(home)["Location"].startswith(reverse("privacy:notice"))
    client.post(reverse("privacy:accept"))
    response = client.get(home)
    assert response.status_code == 200
    assert "Rivière-aux-Érables" in response.content.decode()
