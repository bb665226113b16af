import pytest


@pytest.fixture(autouse=True)
def _private_media_root(settings, tmp_path):
    """Uploaded documents of these tests go to a temporary folder, never to the project's media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
