"""Notification settings of a call in a real browser: activate a type with recipients and a subject,
save, reload; the three tabs pass the accessibility check."""

import pytest

from tests.browser_support import log_in
from tests.calls.notifications.conftest import make_call
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_configure_a_notification(page, admin_user, axe):
    call = make_call()
    log_in(page, admin_user.email, PASSWORD)
    page.goto(f"/app/call/detail/{call.pk}/notificationSettings/project")
    axe(page, "project notifications")
    page.get_by_role("link", name="Partner report", exact=True).click()
    page.wait_for_url("**/notificationSettings/partnerReport")
    axe(page, "partner report notifications")

    certified = page.get_by_role("group", name="Certified", exact=True)
    certified.get_by_label("Active").check()
    certified.get_by_label("Project: Manager").check()
    certified.get_by_label("Programme: Controllers").check()
    certified.get_by_label("Subject").fill("Report [partnerReportNumber] of [projectAcronym] certified")
    certified.get_by_label("Message").fill("Dear [userName],\nthe report is certified.")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/notificationSettings/partnerReport")
    assert page.get_by_text("The notification settings are saved.").is_visible()

    page.reload()
    certified = page.get_by_role("group", name="Certified", exact=True)
    assert certified.get_by_label("Active").is_checked()
    assert certified.get_by_label("Project: Manager").is_checked()
    assert certified.get_by_label("Programme: Controllers").is_checked()
    assert not certified.get_by_label("Project: LP").is_checked()
    assert certified.get_by_label("Subject").input_value() == "Report [partnerReportNumber] of [projectAcronym] certified"
    assert "the report is certified." in certified.get_by_label("Message").input_value()

    page.get_by_role("link", name="Project report", exact=True).click()
    page.wait_for_url("**/notificationSettings/projectReport")
    axe(page, "project report notifications")
