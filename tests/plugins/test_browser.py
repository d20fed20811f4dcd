"""Browser: an administrator opens System → Plugins, disables a plugin with the keyboard and enables it again."""

import pytest
from playwright.sync_api import expect

from jems.plugins.builtin import BLOCKED
from jems.plugins.models import PluginState
from tests.browser_support import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_disable_and_enable_a_plugin(page, axe, admin_user):
    log_in(page, admin_user.email, PASSWORD)
    page.goto("/app/system")
    page.get_by_role("link", name="Plugins").click()
    page.wait_for_url("**/app/system/plugins")
    axe(page, "plugins")
    row = page.get_by_role("row").filter(has_text=BLOCKED)
    row.get_by_role("button", name="Disable").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="disabled")).to_be_visible()
    expect(row.get_by_text("Disabled")).to_be_visible()
    assert PluginState.objects.get(key=BLOCKED).enabled is False
    axe(page, "plugins after disabling")
    row.get_by_role("button", name="Enable").click()
    expect(row.get_by_text("Enabled")).to_be_visible()
