import pytest

pytestmark = [pytest.mark.browser]


def test_login_page_is_accessible_and_signs_in(page, check_accessibility, sign_in, cast):
    page.goto("/")
    check_accessibility(page)
    page.goto("/comptes/login/")
    check_accessibility(page)
    sign_in(cast.observer)
    assert f"/p/{cast.partnership.slug}/" in page.url
