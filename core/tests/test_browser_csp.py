"""The Content-Security-Policy holds in a real browser, and a violation fails the test that causes it."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.database_independent]


def test_a_violation_is_caught(page, csp_violations):
    page.goto("/comptes/login/")
    assert not csp_violations
    page.evaluate("document.head.insertAdjacentHTML('beforeend', '<style>body { color: red; }</style>')")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=\"https://example.invalid/x.png\">')")
    page.wait_for_timeout(200)
    assert any("style-src" in violation for violation in csp_violations)
    assert any("img-src" in violation for violation in csp_violations)
    csp_violations.clear()  # seen and expected: the fixture must not fail this test
