"""An administrator creates a role and a user in a real browser; the user sees only what the role allows."""

import re

import pytest

from jems.accounts.models import Role, User
from tests.browser_support import log_in, log_out
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

USER_PASSWORD = "Reader-Passw0rd"


def test_role_and_user_administration(page, admin_user, axe):
    log_in(page, admin_user.email, PASSWORD)
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="System").click()
    page.wait_for_url("**/app/system/user")
    axe(page, "users list")

    # Roles: list, then a new role with Calls "view" and the user list.
    page.get_by_role("navigation", name="System").get_by_role("link", name="Roles").click()
    page.wait_for_url("**/app/system/role")
    axe(page, "roles list")
    page.get_by_role("link", name="Add role").click()
    page.wait_for_url("**/app/system/role/create")
    axe(page, "role editor (new)")
    page.get_by_role("button", name="Create role").click()  # without a name: inline error
    assert page.get_by_label("Role name").get_attribute("aria-invalid") == "true"
    page.get_by_label("Role name").fill("call reader")
    calls = page.get_by_role("group", name="Calls", exact=True)
    calls.get_by_label("View").check()
    page.get_by_role("checkbox", name="User list").check()
    page.get_by_role("button", name="Create role").click()
    page.wait_for_url(re.compile(r".*/app/system/role/detail/\d+$"))
    assert page.get_by_text("The role is saved.").is_visible()
    role = Role.objects.get(name="call reader")
    assert sorted(role.permissions) == ["CallRetrieve", "UserRetrieve"]
    assert page.get_by_role("group", name="Calls", exact=True).get_by_label("View").is_checked()
    axe(page, "role editor")

    # Users: a new user with that role.
    page.get_by_role("navigation", name="System").get_by_role("link", name="Users").click()
    page.get_by_role("link", name="Add user").click()
    page.wait_for_url("**/app/system/user/detail/create")
    page.get_by_label("E-mail").fill("reader@example.org")
    page.get_by_label("First name").fill("Rita")
    page.get_by_label("Last name").fill("Reader")
    page.get_by_label("Role").select_option(label="call reader")
    page.get_by_label("Status").select_option("ACTIVE")
    page.get_by_role("button", name="Create user").click()
    page.wait_for_url(re.compile(r".*/app/system/user/detail/\d+$"))
    assert page.get_by_text("The user is created.").is_visible()
    axe(page, "user detail")
    page.locator("#id_pw-password").fill(USER_PASSWORD)
    page.locator("#id_pw-password2").fill(USER_PASSWORD)
    page.get_by_role("button", name="Set password").click()
    assert page.get_by_text("The password is set.").is_visible()
    assert User.objects.get(email="reader@example.org").role_id == role.pk

    # The list finds her by filter.
    page.goto("/app/system/user")
    page.get_by_label("Last name").fill("Read")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r".*surname=Read.*"))
    rows = page.locator("#results tbody tr")
    assert rows.count() == 1 and "reader@example.org" in rows.inner_text()
    log_out(page)

    # The new user sees Dashboard, Calls and System only.
    log_in(page, "reader@example.org", USER_PASSWORD)
    menu = page.get_by_role("navigation", name="Main menu").get_by_role("link").all_inner_texts()
    assert menu == ["Dashboard", "Calls", "System"]
    page.get_by_role("link", name="Rita Reader call reader").click()
    page.wait_for_url("**/app/profile")
    axe(page, "profile")
    page.get_by_label("Preferred language").select_option("DE")
    page.get_by_role("button", name="Save language").click()
    assert page.locator("html").get_attribute("lang") == "de"
    page.goto("/app/system/role")
    assert page.get_by_role("heading", name=re.compile("403|Access denied|Zugriff")).is_visible()
