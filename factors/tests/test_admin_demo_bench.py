import random

import pytest
from django.urls import reverse

from factors.models import FactorElement, ProtectiveFactor
from factors.tests.factories import LocalFactorFactory
from partnerships.tests.factories import SiteAdminFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_admin(db):
    return SiteAdminFactory(email="admin@exemple.test")


def test_site_administrator_edits_the_reference_catalogue(client_for, site_admin):
    client = client_for(site_admin)
    factor = ProtectiveFactor.objects.get(partnership__isnull=True, code="pratiques-parentales")
    listing = client.get(reverse("admin:factors_protectivefactor_changelist"))
    assert listing.status_code == 200 and "Pratiques parentales" in listing.content.decode()
    page = client.get(reverse("admin:factors_protectivefactor_change", args=[factor.pk]))
    assert page.status_code == 200 and "Habitudes de lecture parent-enfant" in page.content.decode()
    history = client.get(reverse("admin:factors_protectivefactor_history", args=[factor.pk]))
    assert history.status_code == 200


def test_local_factors_are_not_shown_in_the_admin(cast, client_for, site_admin):
    local = LocalFactorFactory(partnership=cast.partnership, name_fr="Transport")
    element = FactorElement.objects.create(
        factor=local, partnership=cast.partnership, code="navette", position=1, name_fr="Navette locale"
    )
    local.name_fr = "Transport collectif"
    local.save()
    client = client_for(site_admin)
    factors = client.get(reverse("admin:factors_protectivefactor_changelist")).content.decode()
    assert "Pratiques parentales" in factors and "Transport" not in factors
    elements = client.get(reverse("admin:factors_factorelement_changelist"), {"q": "Navette"}).content.decode()
    assert "Navette locale" not in elements
    for name, pk in (("protectivefactor", local.pk), ("factorelement", element.pk)):
        for view in ("change", "delete"):
            url = reverse(f"admin:factors_{name}_{view}", args=[pk])
            assert client.get(url).status_code == 302, url  # Django's admin: "does not exist", back to the index
        history = client.get(reverse(f"admin:factors_{name}_history", args=[pk]))
        assert history.status_code == 404 and "Transport" not in history.content.decode()
    url = reverse("admin:factors_protectivefactor_change", args=[local.pk])
    client.post(url, {"system": "famille", "code": local.code, "name_fr": "Changé", "position": 1})
    local.refresh_from_db()
    assert local.name_fr == "Transport collectif"


def test_demo_adds_local_factors_once(cast):
    from cycles.tests.factories import CycleFactory
    from demo.context import DemoContext
    from factors import demo

    ctx = DemoContext(
        partnership_a=cast.partnership,
        partnership_b=cast.other_partnership,
        cycle_a=CycleFactory(partnership=cast.partnership),
        coordinator_a=cast.coordinator,
    )
    demo.load(ctx)
    demo.load(ctx)
    assert ProtectiveFactor.objects.filter(partnership=cast.partnership).count() == 2
    assert FactorElement.objects.filter(partnership=cast.partnership).count() == 1
    assert not ProtectiveFactor.objects.filter(partnership=cast.other_partnership).exists()


def test_bench_generates_local_factors_and_lists_working_pages(cast, client_for):
    from cycles.tests.factories import CycleFactory
    from factors import bench

    cycle = CycleFactory(partnership=cast.partnership)
    for partnership in (cast.partnership, cast.other_partnership):
        bench.generate(partnership, cycle, [cast.organization], random.Random(1))
    assert ProtectiveFactor.objects.filter(partnership=cast.partnership).count() == 2
    pages = bench.pages(cast.partnership, cycle)
    assert [label for label, _url in pages] == ["Outil 3", "Outil 4 index", "Outil 4 fiche"]
    client = client_for(cast.observer)
    for _label, url in pages:
        assert client.get(url).status_code == 200


def test_admin_save_moves_versions_and_keeps_history(client_for, site_admin):
    factor = ProtectiveFactor.objects.get(partnership__isnull=True, code="pratiques-parentales")
    elements = list(factor.elements.order_by("position"))
    fields = ["system", "code", "position", "name_fr", "name_en", "description_fr", "description_en"]
    fields += ["key_facts_fr", "key_facts_en", "ideas_fr", "ideas_en", "sources"]
    data = {name: getattr(factor, name) for name in fields}
    data.update(name_fr="Pratiques parentales (révisé)", to_validate="")
    data.update({"elements-TOTAL_FORMS": len(elements), "elements-INITIAL_FORMS": len(elements)})
    for i, element in enumerate(elements):
        for name in ["code", "position", "name_fr", "name_en", "description_fr", "description_en"]:
            data[f"elements-{i}-{name}"] = getattr(element, name)
        data.update({f"elements-{i}-id": element.pk, f"elements-{i}-factor": factor.pk})
    data["elements-0-name_fr"] = "Interactions parent-enfant"
    url = reverse("admin:factors_protectivefactor_change", args=[factor.pk])
    response = client_for(site_admin).post(url, data)
    assert response.status_code == 302
    factor.refresh_from_db()
    elements[0].refresh_from_db()
    elements[1].refresh_from_db()
    assert factor.name_fr == "Pratiques parentales (révisé)" and factor.version == 2
    assert elements[0].name_fr == "Interactions parent-enfant" and elements[0].version == 2
    assert elements[1].version == 1
    assert factor.history.first().history_user == site_admin
