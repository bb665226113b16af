"""Shared test fixtures: one partnership seen by each role, and an outsider from another partnership."""

from dataclasses import dataclass

import pytest
from django.test import Client

from organizations.tests.factories import OrganizationFactory
from partnerships.models import Role
from partnerships.tests.factories import MembershipFactory, PartnershipFactory, UserFactory


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class Cast:
    partnership: object
    organization: object
    other_organization: object
    coordinator: object
    committee: object
    partner: object
    observer: object
    outsider: object
    other_partnership: object


@pytest.fixture
def cast(db) -> Cast:
    partnership = PartnershipFactory(name="Regroupement Petite-Patrie", slug="petite-patrie")
    organization = OrganizationFactory(partnership=partnership, name="Maison de la famille du Parc")
    other_organization = OrganizationFactory(partnership=partnership, name="CPE Les Lucioles")
    other_partnership = PartnershipFactory(name="Regroupement Rive-Nord", slug="rive-nord")

    def member(role, email, organization=None, partnership=partnership):
        user = UserFactory(email=email, full_name=email.split("@")[0].title())
        MembershipFactory(partnership=partnership, user=user, role=role, organization=organization)
        return user

    return Cast(
        partnership=partnership,
        organization=organization,
        other_organization=other_organization,
        coordinator=member(Role.COORDINATOR, "coordination@exemple.test"),
        committee=member(Role.COMMITTEE, "comite@exemple.test"),
        partner=member(Role.PARTNER, "partenaire@exemple.test", organization=organization),
        observer=member(Role.OBSERVER, "observateur@exemple.test"),
        outsider=member(Role.COORDINATOR, "ailleurs@exemple.test", partnership=other_partnership),
        other_partnership=other_partnership,
    )


@pytest.fixture
def client_for(db):
    """client_for(user) returns a test client signed in as that user."""

    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make
