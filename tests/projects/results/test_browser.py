"""Browser: an applicant adds a result (no JavaScript needed for the row), saves it, then sees it with an
activity (created via the ORM) on the C.6 time plan; axe on both pages and on the A.4 overview."""

import pytest

from jems.projects.results import queries
from jems.projects.workpackages.models import Activity, WorkPackage
from tests.browser_support import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_fill_results_and_see_time_plan(page, axe, applicant, project, indicators):
    base = f"/app/project/detail/{project.pk}"
    log_in(page, applicant.email, PASSWORD)
    page.goto(f"{base}/applicationFormResults")
    axe(page, "C.5 empty")
    page.get_by_role("button", name="Add result").click()
    page.locator("#id_result-0-programmeResultIndicatorId").select_option(label="R1 – Solutions taken up (solutions)")
    page.locator("#id_result-0-baseline").fill("1")
    page.locator("#id_result-0-targetValue").fill("not a number")
    page.locator("#id_result-0-periodNumber").select_option("2")
    page.locator("#id_result-0-description_1").fill("Towns take up the method")
    page.get_by_role("button", name="Save changes").click()
    assert page.locator("#id_result-0-targetValue").get_attribute("aria-invalid") == "true"
    assert page.locator("#id_result-0-description_1").input_value() == "Towns take up the method"  # kept
    axe(page, "C.5 with an error")
    page.locator("#id_result-0-targetValue").fill("5.5")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/applicationFormResults")
    saved = queries.get_results(actor=applicant, project_id=project.pk)[1]
    assert [(r["resultNumber"], str(r["targetValue"]), r["periodNumber"]) for r in saved] == [(1, "5.50", 2)]
    assert saved[0]["description"] == {"EN": "Towns take up the method"}
    axe(page, "C.5 saved")

    work_package = WorkPackage.objects.create(project=project, number=1, name={"EN": "Pilots"})
    Activity.objects.create(work_package=work_package, number=1, title={"EN": "Plan the meadows"}, start_period=1,
                            end_period=3)
    page.get_by_role("link", name="C.6 – Time plan").click()
    page.wait_for_url("**/applicationTimePlan")
    chart = page.get_by_role("region", name="Time plan over 4 periods")
    text = chart.text_content()
    assert "Activity 1.1: periods 1–3" in text and "Result 1: period 2" in text and "WP1 Pilots" in text
    assert page.get_by_role("columnheader", name="Period 3 months 13–18").is_visible()
    assert page.get_by_role("rowheader", name="A1.1 Plan the meadows").is_visible()
    chart.focus()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "region"  # keyboard reachable
    axe(page, "C.6 time plan")
    page.goto(f"{base}/applicationFormOverviewTables")
    axe(page, "A.4 overview")
