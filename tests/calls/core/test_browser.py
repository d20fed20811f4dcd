"""A programme user with CallUpdate creates a two-step SPF call through the call pages (general settings,
budget settings, pre-submission check, checklists) and publishes it; afterwards the pages offer only the
allowed changes, and an applicant sees the call on the dashboard and can open "Apply". axe on every page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from jems.accounts.models import Role
from jems.accounts.privileges import PROGRAMME_USER_ROLE_ID
from jems.calls.models import Call
from jems.calls.plugins import NO_CHECK
from tests.browser_support import log_in, log_out
from tests.conftest import PASSWORD, make_user

from .conftest import Setup

pytestmark = pytest.mark.browser

FMT = "%Y-%m-%dT%H:%M"


def test_two_step_spf_call_from_creation_to_dashboard(page, axe, applicant, transactional_db):
    setup = Setup()
    base = Role.objects.get(pk=PROGRAMME_USER_ROLE_ID)
    editor_role = Role.objects.create(name="call editor", permissions=sorted({*base.permissions, "CallUpdate"}))
    editor = make_user("calls.editor@example.org", editor_role.pk)

    log_in(page, editor.email, PASSWORD)
    page.goto("/app/call")
    axe(page, "call list")
    page.get_by_role("link", name="Add SPF call").click()
    page.wait_for_url("**/app/call/create?type=SPF")
    axe(page, "new call")

    # Without dates: inline errors, the name typed is kept.
    page.get_by_label("Call name").fill("Small projects 2027")
    page.get_by_role("button", name="Create call").click()
    assert page.get_by_label("Start date and time").get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Call name").input_value() == "Small projects 2027"

    now = timezone.localtime()
    page.get_by_role("group", name="Description").get_by_label("English").fill("Small projects across the border")
    page.get_by_label("Start date and time").fill((now - timedelta(hours=1)).strftime(FMT))
    page.get_by_label("End date and time of step 1").fill((now + timedelta(days=20)).strftime(FMT))
    page.locator("#id_end_date").fill((now + timedelta(days=60)).strftime(FMT))
    page.get_by_label("Period length (months)").fill("6")
    page.get_by_role("group", name="Specific objectives").get_by_role("checkbox").first.check()
    page.get_by_role("group", name="Strategies").get_by_role("checkbox").first.check()
    fund = page.get_by_role("region", name="Funds and co-financing rates")
    fund.get_by_role("checkbox").first.check()
    fund.get_by_role("spinbutton").first.fill("80")
    page.get_by_role("button", name="Create call").click()
    page.wait_for_url(re.compile(r".*/app/call/detail/\d+$"))
    call = Call.objects.get(name="Small projects 2027")
    assert call.type == "SPF" and call.is_two_step and call.funds.get().fund_id == setup.funds[0].pk
    axe(page, "general call settings")

    side = page.get_by_role("navigation", name="Call")
    side.get_by_role("link", name="Budget settings").click()
    page.wait_for_url("**/budgetSettings")
    axe(page, "budget settings")
    page.get_by_role("checkbox", name="Staff cost flat rate based on direct cost", exact=True).check()
    page.get_by_role("group", name="Lump sums").get_by_role("checkbox").first.check()
    page.get_by_role("group", name="Unit costs").get_by_role("checkbox").first.check()
    page.get_by_role("checkbox", name="Equipment").uncheck()
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("The budget settings are saved.").is_visible()
    assert call.flat_rates.get().rate == 20 and call.lump_sums.count() == 1

    side.get_by_role("link", name="Pre-submission check settings").click()
    page.wait_for_url("**/preSubmissionCheckSettings")
    axe(page, "pre-submission check settings")
    page.get_by_label("Application form pre-submission check (step 2 or single step)").select_option(NO_CHECK)
    page.get_by_label("Application form pre-submission check (step 1)").select_option(NO_CHECK)
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("The pre-submission check settings are saved.").is_visible()

    side.get_by_role("link", name="Checklists").click()
    page.wait_for_url("**/checklists")
    axe(page, "checklists")
    page.get_by_label("Select CL 0").check()
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("The checklist selection is saved.").is_visible()

    # The other call pages (their own browser tests go through them) open from the side navigation.
    for link, url, label in (("Application form configuration", "**/applicationFormConfiguration",
                              "application form configuration"),
                             ("Notifications", "**/notificationSettings/project", "notifications"),
                             ("Translations", "**/translationSettings", "translations")):
        side.get_by_role("link", name=link).click()
        page.wait_for_url(url)
        axe(page, label)

    side.get_by_role("link", name="General call settings").click()
    page.get_by_role("link", name="Publish call").click()
    page.wait_for_url("**/publish")
    axe(page, "publish confirmation")
    page.get_by_role("button", name="Yes, publish the call").click()
    page.wait_for_url(re.compile(r".*/app/call/detail/\d+$"))
    assert page.get_by_text("The call is published.").is_visible()
    call.refresh_from_db()
    assert call.is_published

    # After publication only extensions are offered.
    assert page.get_by_label("Start date and time").is_disabled()
    assert page.get_by_label("Period length (months)").is_disabled()
    assert not page.locator("#id_end_date").is_disabled()
    assert page.get_by_role("group", name="Specific objectives").get_by_text("Kept").is_visible()
    assert page.get_by_role("link", name="Publish call").count() == 0
    axe(page, "general settings of a published call")
    side.get_by_role("link", name="Budget settings").click()
    assert page.get_by_role("checkbox", name="Staff cost flat rate based on direct cost", exact=True).is_disabled()
    assert not page.get_by_role("checkbox", name="Equipment").is_disabled()
    axe(page, "budget settings of a published call")
    log_out(page)

    log_in(page, applicant.email, PASSWORD)
    open_calls = page.locator("section", has=page.get_by_role("heading", name="Open calls"))
    assert open_calls.get_by_role("cell", name="Small projects 2027", exact=True).is_visible()
    axe(page, "dashboard with open calls")
    open_calls.get_by_role("link", name=re.compile("Apply")).click()
    page.wait_for_url(f"**/app/call/{call.pk}/apply")
    assert page.get_by_role("heading", name="Small projects 2027").is_visible()
    axe(page, "apply")
