import datetime

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from intention.models import Commitment
from organizations.tests.factories import OrganizationFactory
from partnerships.models import Role
from partnerships.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def step_url(cast, cycle):
    return reverse("intention:step", kwargs={"slug": cast.partnership.slug, "cycle_pk": cycle.pk})


def edit_url(cast, cycle, organization):
    kwargs = {"slug": cast.partnership.slug, "cycle_pk": cycle.pk, "organization_pk": organization.pk}
    return reverse("intention:commitment_edit", kwargs=kwargs)


def document_url(cast, commitment):
    return reverse(
        "intention:commitment_document", kwargs={"slug": cast.partnership.slug, "commitment_pk": commitment.pk}
    )


def data(**overrides):
    values = {"committed_on": "2025-05-14", "representative_name": "Line Tremblay", "statement": "Participer."}
    values.update(overrides)
    return values


def upload(content=PDF, name="engagement signé.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def record(cast, cycle, organization, **extra) -> Commitment:
    return Commitment.objects.create(cycle=cycle, organization=organization, **{**data(), **extra})


def test_every_member_sees_the_dashboard(cast, client_for, cycle):
    record(cast, cycle, cast.organization)
    for user in (cast.coordinator, cast.committee, cast.partner, cast.observer):
        content = client_for(user).get(step_url(cast, cycle)).content.decode()
        assert "1 organisme engagé sur 2" in content
        assert "Maison de la famille du Parc" in content and "CPE Les Lucioles" in content
        assert "Engagé le 14 mai 2025" in content and "Pas encore" in content
        assert "Outil 1 — Synthèse de la démarche" in content
        assert reverse("intention:rules", kwargs={"slug": cast.partnership.slug}) in content


def test_dashboard_offers_recording_only_where_allowed(cast, client_for, cycle):
    own, other = edit_url(cast, cycle, cast.organization), edit_url(cast, cycle, cast.other_organization)
    coordinator = client_for(cast.coordinator).get(step_url(cast, cycle)).content.decode()
    partner = client_for(cast.partner).get(step_url(cast, cycle)).content.decode()
    observer = client_for(cast.observer).get(step_url(cast, cycle)).content.decode()
    assert own in coordinator and other in coordinator
    assert own in partner and other not in partner
    assert own not in observer and other not in observer


def test_form_is_prefilled_with_the_representatives(cast, client_for, cycle):
    content = client_for(cast.partner).get(edit_url(cast, cycle, cast.organization)).content.decode()
    assert 'value="Partenaire"' in content


def test_coordinator_records_a_commitment_with_a_signed_pdf(cast, client_for, cycle):
    response = client_for(cast.coordinator).post(
        edit_url(cast, cycle, cast.other_organization), {**data(), "signed_document": upload()}
    )
    assert response.status_code == 302
    commitment = Commitment.objects.get(cycle=cycle, organization=cast.other_organization)
    assert commitment.document_name == "engagement signé.pdf"
    assert commitment.document_type == "application/pdf"
    assert commitment.document.name.startswith("commitments/") and commitment.document.name.endswith(".pdf")
    assert "signé" not in commitment.document.name
    with commitment.document.open("rb") as handle:
        assert handle.read() == PDF
    assert commitment.history.get().history_user == cast.coordinator


def test_png_and_jpeg_are_accepted_by_content(cast, client_for, cycle):
    client = client_for(cast.partner)
    file = upload(PNG, name="photo-sans-extension")
    assert client.post(edit_url(cast, cycle, cast.organization), {**data(), "signed_document": file}).status_code == 302
    commitment = Commitment.objects.get(cycle=cycle, organization=cast.organization)
    assert commitment.document_type == "image/png" and commitment.document.name.endswith(".png")


def test_partner_records_only_for_their_own_organization(cast, client_for, cycle):
    client = client_for(cast.partner)
    assert client.post(edit_url(cast, cycle, cast.organization), data()).status_code == 302
    assert client.get(edit_url(cast, cycle, cast.other_organization)).status_code == 403
    assert client.post(edit_url(cast, cycle, cast.other_organization), data()).status_code == 403
    assert not Commitment.objects.filter(organization=cast.other_organization).exists()


def test_committee_member_records_for_the_organization_they_represent(cast, client_for, cycle):
    member = UserFactory()
    MembershipFactory(
        partnership=cast.partnership, user=member, role=Role.COMMITTEE, organization=cast.other_organization
    )
    client = client_for(member)
    assert client.post(edit_url(cast, cycle, cast.other_organization), data()).status_code == 302
    assert client.post(edit_url(cast, cycle, cast.organization), data()).status_code == 403


@pytest.mark.parametrize("role", ["observer", "committee"])
def test_observers_and_unattached_members_never_record(cast, client_for, cycle, role):
    client = client_for(getattr(cast, role))
    assert client.get(edit_url(cast, cycle, cast.organization)).status_code == 403
    assert client.post(edit_url(cast, cycle, cast.organization), data()).status_code == 403
    assert not Commitment.objects.exists()


def test_bad_input_is_explained_and_kept(cast, client_for, cycle):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = client_for(cast.coordinator).post(
        edit_url(cast, cycle, cast.organization),
        data(committed_on=tomorrow, representative_name="", statement="Texte à garder"),
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "La date de l&#x27;engagement ne peut pas être dans le futur." in content
    assert "Ce champ est obligatoire." in content and "Texte à garder" in content
    assert not Commitment.objects.exists()


@pytest.mark.parametrize(
    "content,name",
    [(EXE, "engagement.pdf"), (b"Ceci n'est pas un PDF, seulement du texte.", "engagement.pdf"), (b"", "vide.pdf")],
)
def test_a_file_is_judged_by_its_content_not_its_name(cast, client_for, cycle, content, name):
    response = client_for(cast.coordinator).post(
        edit_url(cast, cycle, cast.organization),
        {**data(statement="À garder"), "signed_document": upload(content, name)},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ce fichier n&#x27;est ni un PDF ni une image PNG ou JPEG" in page or "Le fichier soumis est vide." in page
    assert "À garder" in page
    assert not Commitment.objects.exists()


def test_oversized_file_is_refused_with_the_limit(cast, client_for, cycle, settings):
    settings.MAX_UPLOAD_BYTES = 1024
    big = PDF + b"0" * 2048
    response = client_for(cast.coordinator).post(
        edit_url(cast, cycle, cast.organization), {**data(), "signed_document": upload(big)}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "la limite est de 1,0" in content
    assert not Commitment.objects.exists()


def test_members_download_the_document_through_the_access_check(cast, client_for, cycle):
    client_for(cast.partner).post(edit_url(cast, cycle, cast.organization), {**data(), "signed_document": upload()})
    commitment = Commitment.objects.get()
    response = client_for(cast.observer).get(document_url(cast, commitment))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "engagement" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF
    assert client_for(cast.outsider).get(document_url(cast, commitment)).status_code == 404


def test_media_files_are_not_served_by_url(cast, client_for, cycle):
    client_for(cast.partner).post(edit_url(cast, cycle, cast.organization), {**data(), "signed_document": upload()})
    commitment = Commitment.objects.get()
    assert client_for(cast.partner).get(f"/media/{commitment.document.name}").status_code == 404


def test_no_document_means_not_found(cast, client_for, cycle):
    commitment = record(cast, cycle, cast.organization)
    assert client_for(cast.coordinator).get(document_url(cast, commitment)).status_code == 404


def test_replacing_and_removing_the_document_deletes_the_old_file(
    cast, client_for, cycle, django_capture_on_commit_callbacks
):
    client = client_for(cast.partner)
    client.post(edit_url(cast, cycle, cast.organization), {**data(), "signed_document": upload()})
    first = Commitment.objects.get().document.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_url(cast, cycle, cast.organization),
            {**data(), "version": 1, "signed_document": upload(PNG, "scan.png")},
        )
    assert response.status_code == 302
    commitment = Commitment.objects.get()
    assert not default_storage.exists(first) and default_storage.exists(commitment.document.name)
    assert client_for(cast.observer).post(document_url(cast, commitment), {"version": 2}).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(document_url(cast, commitment), {"version": 2})
    assert response.status_code == 302
    second = commitment.document.name
    commitment.refresh_from_db()
    assert not commitment.document and commitment.document_name == "" and not default_storage.exists(second)


def test_concurrent_edit_is_refused_and_keeps_what_was_typed(cast, client_for, cycle):
    commitment = record(cast, cycle, cast.organization)
    first, second = client_for(cast.coordinator), client_for(cast.partner)
    address = edit_url(cast, cycle, cast.organization)
    assert first.post(address, data(statement="Version A", version=1)).status_code == 302
    response = second.post(address, data(statement="Version B", version=1))
    content = response.content.decode()
    assert response.status_code == 409
    assert "Version A" in content and "Version B" in content and 'name="version" value="2"' in content
    commitment.refresh_from_db()
    assert commitment.statement == "Version A"


def test_history_shows_who_changed_what(cast, client_for, cycle):
    client = client_for(cast.partner)
    client.post(edit_url(cast, cycle, cast.organization), data(statement="Première"))
    client.post(edit_url(cast, cycle, cast.organization), data(statement="Seconde", version=1))
    commitment = Commitment.objects.get()
    address = reverse(
        "intention:commitment_history", kwargs={"slug": cast.partnership.slug, "commitment_pk": commitment.pk}
    )
    content = client_for(cast.observer).get(address).content.decode()
    assert "Première" in content and "Seconde" in content and "Partenaire" in content


def test_dashboard_query_count_does_not_grow(cast, client_for, cycle, assert_flat_queries):
    record(cast, cycle, cast.organization, document="commitments/x.pdf", document_type="application/pdf")

    def grow():
        for organization in OrganizationFactory.create_batch(15, partnership=cast.partnership):
            record(cast, cycle, organization)

    assert_flat_queries(client_for(cast.partner), step_url(cast, cycle), grow=grow)


def test_a_document_the_server_cannot_write_saves_nothing_and_says_so(cast, client_for, cycle, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.MEDIA_ROOT = blocker / "media"  # under a file: the storage cannot create its folder (OSError), for real
    typed = data(representative_name="Geneviève Roy", statement="Participer aux rencontres.")
    response = client_for(cast.partner).post(
        edit_url(cast, cycle, cast.organization), {**typed, "signed_document": upload()}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Le serveur n&#x27;a pas pu enregistrer le document" in content
    assert 'value="Geneviève Roy"' in content and "Participer aux rencontres." in content  # nothing typed is lost
    assert not Commitment.objects.exists()  # and nothing is half-saved
