"""Browser: an applicant creates a work package, fills its objectives, adds an activity with a deliverable and a
partner involved (no JavaScript needed), an output and an investment; axe on each tab."""

import pytest

from jems.projects.workpackages import queries
from tests.browser_support import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_work_plan_main_path(page, axe, applicant, plan_project, partners, indicator):
    log_in(page, applicant.email, PASSWORD)
    page.goto(f"/app/project/detail/{plan_project.pk}/applicationFormWorkPackage")
    axe(page, "C.4 list (empty)")
    page.get_by_role("button", name="Add new work package").click()
    page.wait_for_url("**/objectives")
    page.locator("#id_name_1").fill("Flood meadow pilots")
    page.locator("#id_specificObjective_1").fill("Test nature-based flood protection")
    axe(page, "C.4 objectives")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/objectives")

    page.get_by_role("link", name="Activities").click()
    page.get_by_role("button", name="Add activity").click()
    page.locator("#id_a0-title_1").fill("Plan the meadows")
    page.locator("#id_a0-startPeriod").select_option("1")
    page.locator("#id_a0-endPeriod").select_option("2")
    page.get_by_label("BOKU").check()
    page.get_by_role("button", name="Add deliverable to activity 1.1").click()
    assert page.locator("#id_a0-title_1").input_value() == "Plan the meadows"  # kept across the add
    page.locator("#id_a0-d0-title_1").fill("Site survey")
    page.locator("#id_a0-d0-period").select_option("2")
    axe(page, "C.4 activities with a row")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/activities")

    page.get_by_role("link", name="Outputs").click()
    page.get_by_role("button", name="Add output").click()
    page.locator("#id_o0-title_1").fill("Pilot meadows")
    page.locator("#id_o0-programmeOutputIndicatorId").select_option(str(indicator.pk))
    page.locator("#id_o0-targetValue").fill("3.5")
    page.locator("#id_o0-periodNumber").select_option("4")
    axe(page, "C.4 outputs with a row")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/outputs")

    page.get_by_role("link", name="Investments").click()
    axe(page, "C.4 investments (empty)")
    page.get_by_role("link", name="Add investment").click()
    page.locator("#id_title_1").fill("Meadow Ulm")
    page.locator("#id_city").fill("Ulm")
    axe(page, "C.4 investment form")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/investments/*")
    page.get_by_role("link", name="Back to the work plan").click()
    axe(page, "C.4 list")

    wp = queries.work_packages(actor=applicant, project_id=plan_project.pk)[2][0]
    assert wp["name"] == {"EN": "Flood meadow pilots"}
    activity = wp["activities"][0]
    assert activity["title"] == {"EN": "Plan the meadows"} and activity["partnerIds"] == [partners[1].pk]
    assert activity["deliverables"][0]["title"] == {"EN": "Site survey"} and activity["startPeriod"] == 1
    assert wp["outputs"][0]["targetValue"] == "3.50"
    assert wp["investments"][0]["address"]["city"] == "Ulm"
