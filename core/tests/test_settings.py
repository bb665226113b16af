import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "CONCERTO_ENV": "production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-deploy-check-0123456789abcdef",
    "ALLOWED_HOSTS": "concerto.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
    "SECURITY_CONTACT": "mailto:securite@example.org",
}


def run_manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "CONCERTO_ENV", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "SECURITY_CONTACT"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_a_misspelt_boolean_stops_start_up():
    result = run_manage("check", env={"DEBUG": "peut-être"})
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_an_object_store_for_uploaded_files_is_private_and_never_overwrites():
    show = (
        "from django.core.files.storage import default_storage as s; "
        "print(s.bucket_name, s.endpoint_url, s.default_acl, s.querystring_auth, s.file_overwrite)"
    )
    env = {
        "MEDIA_STORAGE": "s3",
        "MEDIA_S3_BUCKET": "concerto-documents",
        "MEDIA_S3_ENDPOINT_URL": "https://objets.example.org",
        "MEDIA_S3_ACCESS_KEY_ID": "key",
        "MEDIA_S3_SECRET_ACCESS_KEY": "secret",
    }
    result = run_manage("shell", "-c", show, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == [
        "concerto-documents",
        "https://objets.example.org",
        "private",
        "False",
        "False",
    ]


def test_an_object_store_without_its_bucket_or_half_its_keys_stops_start_up():
    result = run_manage("check", env={"MEDIA_STORAGE": "s3"})
    assert result.returncode != 0 and "MEDIA_S3_BUCKET is required" in result.stderr
    env = {"MEDIA_STORAGE": "s3", "MEDIA_S3_BUCKET": "documents", "MEDIA_S3_ACCESS_KEY_ID": "key"}
    result = run_manage("check", env=env)
    assert result.returncode != 0 and "go together" in result.stderr
    result = run_manage("check", env={"MEDIA_STORAGE": "nuage"})
    assert result.returncode != 0 and "MEDIA_STORAGE must be filesystem or s3" in result.stderr
