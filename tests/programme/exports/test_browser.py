"""Browser: a programme user opens Programme → Data export, exports the partners, sees the run listed as ready
and downloads the XLSX (axe on the page before and after)."""

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
