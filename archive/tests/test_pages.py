import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse

from analysis.tests.factories import FindingFactory
from archive.importer import import_partnership
from cycles.tests.factories import CycleFactory
from partnerships.models import Membership, Partnership
from partnerships.tests.factories import SiteAdminFactory

from .support import archive_bytes, entries

pytestmark = pytest.mark.django_db


def page_url(cast) -> str:
    return reverse("archive:page", kwargs={"slug": cast.partnership.slug})


def download_url(cast) -> str:
    return reverse("archive:download", kwargs={"slug": cast.partnership.slug})


def test_the_coordinator_sees_what_the_archive_holds(cast, client_for):
    FindingFactory.create_batch(3, cycle=CycleFactory(partnership=cast.partnership))
    content = " ".join(client_for(cast.coordinator).get(page_url(cast)).content.decode().split())
    assert "Ce que contient l'archive" in content
    assert '<th scope="row">Constats</th><td class="number">3</td>' in content
    assert '<th scope="row">Membres</th><td class="number">4</td>' in content
    assert "Inclure l&#x27;historique des modifications" in content


def test_the_page_reads_in_english(cast, client_for):
    client = client_for(cast.coordinator)
    client.cookies["django_language"] = "en"
    content = client.get(page_url(cast)).content.decode()
    assert "What the archive holds" in content and "Download the archive" in content


def test_the_coordinator_downloads_the_archive_with_or_without_history(cast, client_for):
    client = client_for(cast.coordinator)
    for history in (False, True):
        response = client.get(download_url(cast), {"history": "on"} if history else {})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/zip"
        assert response["Cache-Control"] == "private, no-store"
        assert "attachment" in response["Content-Disposition"]
        with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
            manifest = json.loads(archive.read("manifest.json"))
        assert manifest["history"] is history
        assert manifest["partnership"]["slug"] == cast.partnership.slug


@pytest.mark.parametrize("role", ["committee", "partner", "observer"])
def test_other_members_are_refused(cast, client_for, role):
    client = client_for(getattr(cast, role))
    assert client.get(page_url(cast)).status_code == 403
    assert client.get(download_url(cast)).status_code == 403


def test_an_outsider_gets_404(cast, client_for):
    client = client_for(cast.outsider)
    assert client.get(page_url(cast)).status_code == 404
    assert client.get(download_url(cast)).status_code == 404


def test_the_page_costs_the_same_whatever_the_data(cast, client_for, assert_flat_queries):
    cycle = CycleFactory(partnership=cast.partnership)
    assert_flat_queries(
        client_for(cast.coordinator), page_url(cast), grow=lambda: FindingFactory.create_batch(20, cycle=cycle)
    )


def test_a_site_admin_imports_an_archive_as_a_new_partnership(cast, client_for):
    FindingFactory.create_batch(2, cycle=CycleFactory(partnership=cast.partnership))
    data = archive_bytes(cast.partnership, history=False)
    admin = SiteAdminFactory()
    response = client_for(admin).post(
        reverse("archive:import"), {"archive": ContentFile(data, name="archive.zip"), "slug": "nouvelle-adresse"}
    )
    assert response.status_code == 302 and response.url == reverse("partnerships:admin_list")
    imported = Partnership.objects.get(slug="nouvelle-adresse")
    assert imported.name == cast.partnership.name
    assert imported.cycles.get().findings.count() == 2
    assert Membership.objects.filter(partnership=imported).count() == 4
    # The site administrator who imported it does not become a member: its data stays its members'.
    assert not Membership.objects.filter(partnership=imported, user=admin).exists()


def test_only_site_admins_reach_the_import_page(cast, client_for):
    for user in (cast.coordinator, cast.outsider):
        assert client_for(user).get(reverse("archive:import")).status_code == 403
    assert client_for(SiteAdminFactory()).get(reverse("archive:import")).status_code == 200


def test_the_commands_export_and_import(cast, tmp_path, capsys):
    FindingFactory.create_batch(2, cycle=CycleFactory(partnership=cast.partnership))
    path = tmp_path / "archive.zip"
    call_command("export_partnership", cast.partnership.slug, str(path), "--history")
    assert "history: True" in capsys.readouterr().out
    call_command("import_partnership", str(path), "--slug", "copie")
    assert "/p/copie/" in capsys.readouterr().out
    assert Partnership.objects.get(slug="copie").cycles.get().findings.count() == 2


def test_invitation_tokens_stay_with_their_installation(cast, client_for):
    from partnerships.models import Invitation

    invitation = Invitation.objects.create(partnership=cast.partnership, email="invitee@exemple.org", role="partner")
    data = archive_bytes(cast.partnership, history=True)
    assert invitation.token.encode() not in b"".join(entries(data).values())
    result = import_partnership(source=io.BytesIO(data))
    copy = Invitation.objects.get(partnership=result.partnership)
    assert copy.email == invitation.email and copy.token and copy.token != invitation.token
