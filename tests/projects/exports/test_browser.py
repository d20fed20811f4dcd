"""Browser: the applicant opens "Export" from the side navigation and downloads the application-form PDF of
version 1.0 and of the current version; each PDF holds the acronym, every partner and the budget total of
GET /api/project/{id}/budget (axe on the page)."""

from pathlib import Path

import pytest
from django.template.defaultfilters import floatformat
from django.utils import translation

from jems.projects.partners.models import ProjectPartner
from jems.projects.services import create_version
from tests.browser_support import log_in
from tests.conftest import PASSWORD

from .conftest import pdf_text

pytestmark = pytest.mark.browser


def download(page, version: str) -> str:
    page.locator("#export_plugin_key").select_option("standard-application-form-export-plugin")
    page.locator("#export_export_language").select_option("EN")
    page.locator("#export_input_language").select_option("EN")
    page.locator("#export_version").select_option(version)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download").click()
    assert info.value.suggested_filename.endswith(".pdf")
    return pdf_text(Path(info.value.path()).read_bytes())


def budget_total(api_as, applicant, project, version=None) -> str:
    query = f"?version={version}" if version else ""
    rows = api_as(applicant).get(f"/api/project/{project.pk}/budget{query}").json()
    with translation.override("en"):
        return floatformat(str(round(sum(row["totalSum"] for row in rows), 2)), "2g")


def test_download_pdfs(page, axe, api_as, applicant, texts_project):
    project, lead, *_rest = texts_project
    create_version(actor=applicant, project=project)  # 1.0 frozen, 2.0 current
    ProjectPartner.objects.create(project=project, abbreviation="NEWCO", role="PARTNER", sort_number=3)
    log_in(page, applicant.email, PASSWORD)
    page.goto(f"/app/project/detail/{project.pk}")
    page.get_by_role("link", name="Export", exact=True).click()
    page.wait_for_url("**/export")
    assert page.get_by_role("heading", level=1).inner_text() == "Export"
    axe(page, "project export page")

    old = download(page, "1.0")
    assert "GREEN" in old and "LP1 CITY" in old and "PP2 UNI" in old and "NEWCO" not in old
    assert budget_total(api_as, applicant, project, "1.0") in old
    current = download(page, "2.0")
    assert "GREEN" in current and all(f" {abbr}" in current for abbr in ("CITY", "UNI", "NEWCO"))
    assert budget_total(api_as, applicant, project) in current
