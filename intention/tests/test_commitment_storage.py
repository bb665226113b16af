"""Signed documents kept in an S3-compatible object store (MEDIA_STORAGE=s3), for real: moto's S3 server on a free
port, the storage options production uses (config.media), the pages as people use them."""

import socket
import uuid

import boto3
import pytest
from moto.server import ThreadedMotoServer

from config.media import s3_media_storage
from intention.models import Commitment

from .test_commitments import PDF, PNG, data, document_url, edit_url, upload

pytestmark = pytest.mark.django_db

KEYS = {"access_key": "concerto-test", "secret_key": "concerto-test-secret", "region": "us-east-1"}


@pytest.fixture(scope="module")
def s3_endpoint():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3(s3_endpoint):
    return boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=KEYS["region"],
        aws_access_key_id=KEYS["access_key"],
        aws_secret_access_key=KEYS["secret_key"],
    )


def use_bucket(settings, endpoint: str, bucket: str) -> None:
    storage = s3_media_storage(bucket=bucket, endpoint_url=endpoint, addressing_style="path", prefix="media", **KEYS)
    settings.STORAGES = {**settings.STORAGES, "default": storage}


@pytest.fixture
def bucket(s3, s3_endpoint, settings):
    name = f"concerto-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=name)
    use_bucket(settings, s3_endpoint, name)
    return name


def stored_keys(s3, bucket) -> set[str]:
    return {item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", [])}


def test_a_document_goes_to_the_store_privately_and_comes_back_through_the_access_check(
    cast, client_for, cycle, s3, s3_endpoint, bucket
):
    response = client_for(cast.partner).post(
        edit_url(cast, cycle, cast.organization), {**data(), "signed_document": upload()}
    )
    assert response.status_code == 302
    commitment = Commitment.objects.get()
    key = f"media/{commitment.document.name}"
    assert stored_keys(s3, bucket) == {key}
    assert s3.get_object(Bucket=bucket, Key=key)["Body"].read() == PDF
    grants = s3.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    assert [grant["Grantee"].get("URI") for grant in grants] == [None]  # the owner only: no public grant

    page = client_for(cast.partner).get(edit_url(cast, cycle, cast.organization)).content.decode()
    assert s3_endpoint not in page and bucket not in page  # the page links to the view, never to the store
    download = client_for(cast.observer).get(document_url(cast, commitment))
    assert download.status_code == 200  # streamed by the view, not a redirect to the store
    assert download["Content-Type"] == "application/pdf"
    assert download["Cache-Control"] == "private, no-store"
    assert b"".join(download.streaming_content) == PDF
    assert client_for(cast.outsider).get(document_url(cast, commitment)).status_code == 404


def test_the_store_keeps_two_documents_of_the_same_name_apart(cast, client_for, cycle, s3, bucket):
    client_for(cast.partner).post(edit_url(cast, cycle, cast.organization), {**data(), "signed_document": upload()})
    client_for(cast.coordinator).post(
        edit_url(cast, cycle, cast.other_organization), {**data(), "signed_document": upload(PNG, "scan.pdf")}
    )
    first, second = (commitment.document.name for commitment in Commitment.objects.order_by("pk"))
    assert first != second and stored_keys(s3, bucket) == {f"media/{first}", f"media/{second}"}


def test_replacing_and_removing_the_document_deletes_the_old_object(
    cast, client_for, cycle, s3, bucket, django_capture_on_commit_callbacks
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
    assert commitment.document.name != first
    assert stored_keys(s3, bucket) == {f"media/{commitment.document.name}"}
    download = client_for(cast.observer).get(document_url(cast, commitment))
    assert b"".join(download.streaming_content) == PNG

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(document_url(cast, commitment), {"version": 2})
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert not commitment.document and stored_keys(s3, bucket) == set()
    assert client_for(cast.observer).get(document_url(cast, commitment)).status_code == 404


def test_an_object_gone_from_the_store_is_not_found(cast, client_for, cycle, s3, bucket):
    client_for(cast.partner).post(edit_url(cast, cycle, cast.organization), {**data(), "signed_document": upload()})
    commitment = Commitment.objects.get()
    s3.delete_object(Bucket=bucket, Key=f"media/{commitment.document.name}")
    assert client_for(cast.observer).get(document_url(cast, commitment)).status_code == 404


def test_a_store_that_refuses_the_document_saves_nothing_and_says_so(cast, client_for, cycle, s3_endpoint, settings):
    use_bucket(settings, s3_endpoint, "no-such-bucket")
    typed = data(representative_name="Geneviève Roy", statement="Participer aux rencontres.")
    response = client_for(cast.partner).post(
        edit_url(cast, cycle, cast.organization), {**typed, "signed_document": upload()}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Le serveur n&#x27;a pas pu enregistrer le document" in content
    assert 'value="Geneviève Roy"' in content and "Participer aux rencontres." in content
    assert not Commitment.objects.exists()
