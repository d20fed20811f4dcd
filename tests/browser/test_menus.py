"""Browser: the System and Programme menus lead users with a single privilege to the pages they may open (a
programme-setup reader to System → Plugins, a data-export reader to Programme → Data export); axe on both."""

import pytest

from jems.accounts.models import Role
from tests.browser_support import log_in
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser


def user_with(email: str, *privileges: str):
    return make_user(email, Role.objects.create(name=email, permissions=list(privileges)).pk)


def test_programme_setup_reader_reaches_plugins_through_system(page, axe):
    user = user_with("setup-reader@example.org", "ProgrammeSetupRetrieve")
    log_in(page, user.email, PASSWORD)
    page.get_by_role("link", name="System", exact=True).click()
    page.wait_for_url("**/app/system/plugins")
    side = page.get_by_role("navigation", name="System")
    assert side.get_by_role("link").all_inner_texts() == ["Plugins"]
    axe(page, "System → Plugins for a programme-setup reader")
    page.get_by_role("link", name="Programme", exact=True).click()
    page.wait_for_url("**/app/programme")
    assert page.get_by_role("navigation", name="Programme").get_by_role("link", name="Data export").count() == 0


def test_data_export_reader_reaches_data_export_through_programme(page, axe):
    user = user_with("export-reader@example.org", "ProgrammeDataExportRetrieve")
    log_in(page, user.email, PASSWORD)
    assert page.get_by_role("link", name="System", exact=True).count() == 0
    page.get_by_role("link", name="Programme", exact=True).click()
    page.wait_for_url("**/app/programme/export")
    side = page.get_by_role("navigation", name="Programme")
    assert side.get_by_role("link").all_inner_texts() == ["Data export"]
    axe(page, "Programme → Data export for a data-export reader")
