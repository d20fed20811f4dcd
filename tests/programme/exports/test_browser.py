"""Browser: a programme user opens Programme → Data export, exports the partners, sees the run listed as ready
and downloads the XLSX (axe on the page before and after); an applicant downloads the budget XLSX of a project
from its Export page."""

import io

import pytest
from openpyxl import load_workbook

from tests.browser_support import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_data_export_page(page, axe, programme_user, small_project):
    log_in(page, programme_user.email, PASSWORD)
    page.goto("/app/programme")
    page.get_by_role("link", name="Data export", exact=True).click()
    page.wait_for_url("**/app/programme/export")
    assert page.get_by_role("heading", level=1).inner_text() == "Data export"
    assert page.get_by_text("No exports yet.").is_visible()
    axe(page, "Programme data export")

    page.get_by_label("Export plugin").select_option(label="Standard partners export")
    page.get_by_label("Export language").select_option("EN")
    page.get_by_label("Data language").select_option("EN")
    page.get_by_role("button", name="Export").click()
    runs = page.get_by_role("table", name="Past exports")
    ready = runs.get_by_role("row").filter(has_text="standard-programme-partners-export-plugin")
    assert "Ready" in ready.inner_text()
    axe(page, "Programme data export with a finished run")

    with page.expect_download() as info:
        ready.get_by_role("link").click()
    content = open(info.value.path(), "rb").read()
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    abbreviations = [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert abbreviations == ["CITY", "UNI"]


def test_budget_xlsx_from_the_project_export_page(page, axe, applicant, small_project):
    """The applicant downloads the budget XLSX of the project from its Export page: four sheets, the per-row
    sheet with a line per row, flat rate and lump sum, its total equal to D.3's."""
    project = small_project[0]
    log_in(page, applicant.email, PASSWORD)
    page.goto(f"/app/project/detail/{project.pk}/export")
    axe(page, "project export page")
    page.locator("#export_plugin_key").select_option("standard-budget-export-plugin")
    page.locator("#export_export_language").select_option("EN")
    page.locator("#export_input_language").select_option("EN")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download").click()
    assert info.value.suggested_filename.endswith(".xlsx")
    book = load_workbook(io.BytesIO(open(info.value.path(), "rb").read()), read_only=True)
    assert book.sheetnames[-1] == "Budget lines per partner"
    lines = list(book["Budget lines per partner"].iter_rows(min_row=2, values_only=True))
    assert [line[3] for line in lines[:2]] == ["Staff costs flat rate", "External expertise – real cost"]
    per_period = list(book["D.3 Budget per period"].iter_rows(values_only=True))
    assert lines[-1][0] == "Total" and lines[-1][-1] == per_period[-1][-1] == 23738.52
