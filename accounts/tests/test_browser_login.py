import pytest

pytestmark = [pytest.mark.browser]


def test_login_page_is_accessible_and_signs_in(page, check_accessibility, sign_in, cast):
    page.goto("/")
    check_accessibility(page)
    page.goto("/comptes/login/")
    check_accessibility(page)
    sign_in(cast.observer)
    assert f"/p/{cast.partnership.slug}/" in page.url


def test_two_factor_authentication_pages_work_in_the_browser(page, check_accessibility, sign_in, cast):
    from accounts.tests.mfa_helpers import PASSWORD, totp_code

    sign_in(cast.observer)
    page.goto("/comptes/2fa/")
    check_accessibility(page)
    page.get_by_role("button", name="Activer").click()
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Confirmer").click()
    check_accessibility(page)
    assert page.locator("img.totp-qr").evaluate("img => img.naturalWidth") > 0  # the QR code shows under the CSP
    secret = page.locator("#authenticator-secret").input_value()
    page.get_by_label("Code de l'authentificateur").fill(totp_code(secret))
    page.get_by_role("button", name="Activer").click()
    assert page.locator(".recovery-codes li").count() == 10
    check_accessibility(page)
    page.goto("/comptes/sessions/")
    check_accessibility(page)
