"""Browser: the applicant follows "D – Budget" in the side navigation, reads the D.1–D.3 tables, opens a past
version, and sees A.3 on the overview-tables page (axe on each page)."""

import pytest

from jems.projects.services import create_version
from tests.browser_support import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def row(table, header):
    """The row of a table whose row header is `header`."""
    return table.get_by_role("row").filter(has=table.page.get_by_role("rowheader", name=header, exact=True))


def test_d_page_and_a3(page, axe, applicant, small_project):
    project, lead, _uni, _erdf, _x = small_project
    log_in(page, applicant.email, PASSWORD)
    page.goto(f"/app/project/detail/{project.pk}/applicationFormOverviewTables")
    a3 = page.get_by_role("table", name="Project budget overview: Project management")
    total = row(a3, "Total")
    assert total.get_by_role("cell").nth(0).inner_text() == "20,105.42"
    assert total.get_by_role("cell").nth(1).inner_text() == "84.70"
    axe(page, "A.3 and A.4 overview tables")

    page.get_by_role("link", name="D – Budget").click()
    page.wait_for_url("**/applicationFormBudgetPerPartner")
    assert page.get_by_role("heading", level=1).inner_text() == "D – Project budget"
    d1 = page.get_by_role("table", name="Budget per fund and partner contributions of each partner")
    city = row(d1, "LP1 CITY")
    assert city.get_by_role("cell").nth(1).inner_text() == "15,300.63"  # after the country cell
    assert city.get_by_role("cell").last.inner_text() == "85.37"
    d31 = page.get_by_role("table", name="Budget of each partner per period")
    assert row(d31, "PP2 UNI").get_by_role("cell").nth(1).inner_text() == "2,722.23"
    cell = row(d31, "LP1 CITY").get_by_role("cell").nth(1)
    assert cell.evaluate("e => getComputedStyle(e).textAlign") == "right"
    axe(page, "D project budget")

    create_version(actor=applicant, project=project)
    lead.budget_rows.filter(category="EXTERNAL").delete()
    page.reload()
    assert "14,607.47" not in page.locator("#d31").inner_text()
    page.get_by_label("Version").select_option("1.0")
    page.get_by_role("button", name="Show").click()
    page.get_by_role("link", name="D – Budget").click()
    page.wait_for_url("**/applicationFormBudgetPerPartner?version=1.0")
    assert page.get_by_text("You are viewing version 1.0").is_visible()
    assert "14,607.47" in page.locator("#d31").inner_text()
    axe(page, "D project budget of a past version")
