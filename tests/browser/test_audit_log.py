"""The audit log page in a real browser: newest first, filtered by action."""

import re

import pytest

from tests.browser_support import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_audit_log_filters_by_action(page, admin_user, applicant, axe):
    log_in(page, applicant.email, PASSWORD)
    page.get_by_role("button", name="Log out").click()
    log_in(page, admin_user.email, PASSWORD)
    page.goto("/app/system/audit")
    rows = page.locator("#results tbody tr")
    assert rows.first.locator("td").nth(1).inner_text() == "USER_LOGGED_IN"  # newest first
    assert "admin@jems.eu" in rows.first.inner_text()
    axe(page, "audit log")
    page.get_by_label("Action").select_option("USER_LOGGED_OUT")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r".*action=USER_LOGGED_OUT.*"))
    page.wait_for_function("() => [...document.querySelectorAll('#results tbody tr td:nth-child(2)')]"
                           ".every(td => td.innerText === 'USER_LOGGED_OUT')")
    assert rows.count() == 1
    assert applicant.email in rows.first.inner_text()
    page.get_by_label("User e-mail").fill(admin_user.email)
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r".*user_email=admin.*"))
    assert page.get_by_text("No entry matches the filters.").is_visible()
    axe(page, "audit log filtered")
