"""Browser, on the demo data (`jems load_demo`): the demo applicant exports DANUBE-ADAPT from its Export page —
the application-form PDF and the budget XLSX of version 1.0 and of the current version 2.0 (a partner added
after 1.0 was frozen). Each file holds the acronym, every partner of its version and the budget total of
GET /api/project/{id}/budget for that version."""

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.template.defaultfilters import floatformat
from django.utils import translation
from openpyxl import load_workbook

from jems.accounts.models import User
from jems.projects.models import Project
from jems.projects.partners.models import PartnerRole, ProjectPartner
from jems.projects.services import create_version
from tests.browser_support import log_in

from .conftest import pdf_text

pytestmark = pytest.mark.browser

APPLICANT, PASSWORD = "applicant@jems.eu", "Applicant-Demo-2025"  # the demo login (load_demo)


@pytest.fixture
def demo_project(live_server):
    call_command("load_demo", force=True, stdout=io.StringIO())
    project = Project.objects.get(acronym="DANUBE-ADAPT")
    applicant = User.objects.get(email=APPLICANT)
    create_version(actor=applicant, project=project)  # 1.0 frozen, 2.0 current
    ProjectPartner.objects.create(project=project, abbreviation="NEWCO", role=PartnerRole.PARTNER,
                                  sort_number=project.partners.count() + 1)
    return project, applicant


def download(page, plugin: str, version: str) -> bytes:
    page.locator("#export_plugin_key").select_option(plugin)
    page.locator("#export_export_language").select_option("EN")
    page.locator("#export_input_language").select_option("EN")
    page.locator("#export_version").select_option(version)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download").click()
    return Path(info.value.path()).read_bytes()


def test_demo_project_pdf_and_xlsx_of_two_versions(page, axe, api_as, demo_project):
    project, applicant = demo_project
    api = api_as(applicant, password=PASSWORD)
    log_in(page, APPLICANT, PASSWORD)
    page.goto(f"/app/project/detail/{project.pk}")
    page.get_by_role("link", name="Export", exact=True).click()
    page.wait_for_url("**/export")
    axe(page, "Export page of the demo project")

    for version, query in (("1.0", "?version=1.0"), ("2.0", "")):
        partners = api.get(f"/api/project/partner/byProjectId/{project.pk}?size=100{query.replace('?', '&')}").json()
        abbreviations = {p["partnerSummary"]["abbreviation"] for p in partners["content"]}
        assert ("NEWCO" in abbreviations) == (version == "2.0") and len(abbreviations) >= 3
        rows = api.get(f"/api/project/{project.pk}/budget{query}").json()
        total = sum(Decimal(str(row["totalSum"])) for row in rows)
        assert total > 0

        text = pdf_text(download(page, "standard-application-form-export-plugin", version))
        assert "DANUBE-ADAPT" in text and f"version {version}" in text
        assert all(abbreviation in text for abbreviation in abbreviations)
        with translation.override("en"):
            assert floatformat(str(total), "2g") in text

        book = load_workbook(io.BytesIO(download(page, "standard-budget-export-plugin", version)))
        per_fund = [row for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
        assert {row[1] for row in per_fund[:-1]} == abbreviations
        assert per_fund[-1][0] == "Total" and Decimal(str(per_fund[-1][-2])) == total
        per_period = list(book["D.3 Budget per period"].iter_rows(values_only=True))
        assert Decimal(str(per_period[-1][-1])) == total
