"""Fills the load stack's database: the bench's province-scale data, then the people the simulated users play.

Run by `python -m bench.load` with the stack's settings in the environment; writes the cast (who signs in, in which
partnership, with which pages) as JSON for the locustfile. The people chosen get one known password; everybody
else keeps the bench's unusable one.
"""

import json
import sys
from pathlib import Path

import django


def main(cast_path: str, partnerships: int, sample: int) -> None:
    django.setup()
    from django.contrib.auth.hashers import make_password

    from accounts.models import User
    from bench import generate, measure
    from partnerships.models import Membership, Role
    from privacy.notice import notice_accept

    from .ledger import PASSWORD

    generate.generate(generate.Size(partnerships=partnerships))
    from django.urls import reverse

    sign_in = reverse("account_login")
    cast = []
    password = make_password(PASSWORD)
    for partnership in measure.sample_partnerships(sample):
        pages, _skipped = measure.pages_for(partnership)
        memberships = Membership.objects.filter(partnership=partnership).select_related("user").order_by("id")
        people = _people_by_role(memberships, Role)
        for membership in people:
            User.objects.filter(pk=membership.user_id).update(password=password)
            notice_accept(user=membership.user)
            cast.append(
                {
                    "email": membership.user.email,
                    "sign_in": sign_in,
                    "role": membership.role,
                    "partnership": partnership.slug,
                    "organization": membership.organization_id,
                    "pages": _pages_of_role(pages, membership.role),
                    "writes": _writes(membership.role, partnership),
                    **_upload_pages(partnership),
                }
            )
    Path(cast_path).write_text(json.dumps(cast, indent=1))


# What each role fills in during the run: (kind, URL name, whether the URL is the cycle's).
WRITES = {
    "coordinator": [("finding", "analysis:finding_create", True), ("statistic", "analysis:statistic_create", False)],
    "committee": [("observation", "analysis:observation_create", False)],
    "partner": [("service", "offer:service_create", False)],
    "observer": [],
}


def _pages_of_role(pages: list[tuple[str, str]], role: str) -> list[tuple[str, str]]:
    """The bench's pages that this role may open (each view names the permission it asks: `required_perm`); the
    bench times them as the coordinator, who may open them all."""
    from urllib.parse import urlsplit

    from django.urls import resolve

    from partnerships.permissions import ROLE_PERMISSIONS, Perm

    allowed = ROLE_PERMISSIONS[role]
    return [
        (label, path)
        for label, path in pages
        if getattr(resolve(urlsplit(path).path).func, "required_perm", Perm.VIEW) in allowed
    ]


def _writes(role: str, partnership) -> list[tuple[str, str]]:
    from django.urls import NoReverseMatch, reverse

    from cycles.models import Cycle

    cycle = Cycle.objects.filter(partnership=partnership).order_by("-starts_on").first()
    writes = []
    for kind, name, of_cycle in WRITES[role]:
        kwargs = {"slug": partnership.slug, **({"cycle_pk": cycle.pk} if of_cycle else {})}
        try:
            writes.append((kind, reverse(name, kwargs=kwargs)))
        except NoReverseMatch:
            continue
    return writes


def _upload_pages(partnership) -> dict[str, str]:
    """Step 1 and one organization's commitment form, where a signed document is uploaded."""
    from django.urls import reverse

    from cycles.models import Cycle
    from organizations.models import Organization

    cycle = Cycle.objects.filter(partnership=partnership).order_by("-starts_on").first()
    organization = Organization.objects.filter(partnership=partnership).order_by("id").first()
    kwargs = {"slug": partnership.slug, "cycle_pk": cycle.pk}
    return {
        "step": reverse("intention:step", kwargs=kwargs),
        "commitment": reverse("intention:commitment_edit", kwargs={**kwargs, "organization_pk": organization.pk}),
    }


def _people_by_role(memberships, Role) -> list:
    """Per partnership: the coordinator, two committee members, six partners and two observers."""
    wanted = {Role.COORDINATOR: 1, Role.COMMITTEE: 2, Role.PARTNER: 6, Role.OBSERVER: 2}
    chosen = []
    for membership in memberships:
        if wanted.get(membership.role, 0) > 0:
            wanted[membership.role] -= 1
            chosen.append(membership)
    return chosen


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
