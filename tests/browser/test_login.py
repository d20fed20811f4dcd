"""Logging in and out in a real browser."""

import re

import pytest

from tests.browser_support import log_in, log_out
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_log_in_and_out(page, admin_user, axe):
    page.goto("/app/system/user")
    page.wait_for_url(re.compile(r".*/no-auth/login\?next=.*"))
    axe(page, "login")
    page.get_by_label("E-mail").fill(admin_user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/app/system/user")  # back to where the user wanted to go
    page.goto("/app/dashboard")
    assert page.get_by_role("heading", name="Welcome, Admin Admin").is_visible()
    nav = page.get_by_role("navigation", name="Main menu")
    assert nav.get_by_role("link", name="System").is_visible()
    assert page.get_by_role("link", name="Admin Admin administrator").is_visible()
    axe(page, "dashboard")
    log_out(page)
    assert page.get_by_text("You are logged out.").is_visible()
    page.goto("/app/dashboard")
    page.wait_for_url(re.compile(r".*/no-auth/login\?next=.*"))


def test_failed_login_shows_the_reason(page, admin_user, axe):
    page.goto("/no-auth/login")
    page.get_by_label("E-mail").fill(admin_user.email)
    page.get_by_label("Password").fill("wrong-Passw0rd")
    page.get_by_role("button", name="Log in").click()
    alert = page.get_by_role("alert")
    assert "E-mail or password is not correct." in alert.inner_text()
    assert page.get_by_label("E-mail").input_value() == admin_user.email
    axe(page, "login with error")
    log_in(page, admin_user.email, PASSWORD)


def test_keyboard_skip_link_and_language_switch(page, admin_user, axe):
    log_in(page, admin_user.email, PASSWORD)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.get_by_role("button", name="DE Deutsch").click()
    page.wait_for_url("**/app/dashboard")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("button", name="Abmelden").is_visible()
    assert page.get_by_role("heading", name="Willkommen, Admin Admin").is_visible()
    axe(page, "dashboard (German)")
    page.get_by_role("button", name="EN English").click()
    assert page.get_by_role("button", name="Log out").is_visible()
