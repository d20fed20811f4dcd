"""The D page and the A.3 tables on the overview-tables page: the numbers shown are the API numbers, past
versions read-only, refusals and fixed query counts (10 vs 50 partners)."""

import re
from decimal import Decimal
from html import unescape

import pytest
from django.db import connection
from django.template.defaultfilters import floatformat
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.projects.models import Project
from jems.projects.services import create_version
from tests.conftest import PASSWORD
from tests.projects.conftest import show_fields

from .conftest import add_partners

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def url(project, page="applicationFormBudgetPerPartner"):
    return f"/app/project/detail/{project.pk}/{page}"


def table_rows(html: str, table_id: str) -> list[list[str]]:
    """The cell texts of every row of the table with that id (header cells included)."""
    table = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, re.S).group(0)
    return [[unescape(re.sub(r"<[^>]+>", "", cell)).strip()
             for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)]


def shown(value) -> str:
    return floatformat(Decimal(str(value)), "2g")


def test_d_page_shows_the_api_numbers(applicant, small_project, api_as):
    project = small_project[0]
    html = login(applicant).get(url(project)).content.decode()
    api = api_as(applicant)
    assert "<h1>D – Project budget</h1>" in html

    per_fund = api.get(f"/api/project/{project.pk}/budget/perFund").json()
    rows = table_rows(html, "d1")
    assert rows[0][:5] == ["Partner", "Country", "ERDF (EUR)", "ERDF rate (%)", "% of total ERDF"]
    for cells, item in zip(rows[1:], per_fund, strict=True):
        funds = [shown(f[k]) for f in item["budgetPerFund"] for k in ("value", "percentage", "percentageOfTotal")]
        if item["partner"] is None:  # the total row leaves "% of total <fund>" empty
            funds = [v if (i % 3) != 2 else "" for i, v in enumerate(funds)]
        assert cells[2:] == funds + [shown(item[k]) for k in (
            "publicContribution", "autoPublicContribution", "privateContribution", "totalPartnerContribution",
            "totalEligibleBudget", "percentageOfTotalEligibleBudget")]
    assert [r[0] for r in rows[1:]] == ["LP1 CITY", "PP2 UNI", "Total"]

    budget = api.get(f"/api/project/{project.pk}/budget").json()
    rows = table_rows(html, "d2")
    keys = ["staffCosts", "officeAndAdministrationCosts", "travelCosts", "externalCosts", "equipmentCosts",
            "infrastructureCosts", "otherCosts", "lumpSumContribution", "unitCosts", "totalSum"]
    for cells, item in zip(rows[1:3], budget, strict=True):
        assert cells[1:] == [shown(item[k]) for k in keys]
    assert rows[3] == ["Total", *[shown(sum(Decimal(str(i[k])) for i in budget)) for k in keys]]

    per_period = api.get(f"/api/project/{project.pk}/budget/perPeriod").json()
    rows = table_rows(html, "d31")
    assert rows[0] == ["Partner", "Preparation", "Period 1", "Period 2", "Closure", "Total"]
    for cells, item in zip(rows[1:3], per_period["partnersBudgetPerPeriod"], strict=True):
        assert cells[1:] == [shown(p["totalBudgetPerPeriod"]) for p in item["periodBudgets"]] + [
            shown(item["totalPartnerBudget"])]
    assert rows[3][1:] == [shown(v) for v in per_period["totals"]]
    assert rows[4][1:] == [shown(v) for v in per_period["totalsPercentage"]]
    assert rows[3][1:] == ["0.00", "14,607.47", "9,131.05", "0.00", "23,738.52"]

    funds = api.get(f"/api/project/{project.pk}/funds/perPeriod").json()["managementFundsPerPeriod"]
    rows = table_rows(html, "d32-management")
    assert [r[0] for r in rows[1:]] == ["ERDF", "Fund X"]
    for cells, item in zip(rows[1:], funds, strict=True):
        assert cells[1:] == [shown(p["totalFundsPerPeriod"]) for p in item["periodFunds"]] + [
            shown(item["totalFundBudget"])]


def test_a3_on_the_overview_tables_page(applicant, small_project, api_as):
    project = small_project[0]
    html = login(applicant).get(url(project, "applicationFormOverviewTables")).content.decode()
    assert "A.3 – Project budget overview" in html and "A.4 – Project outputs and results overview" in html
    overview = api_as(applicant).get(f"/api/project/{project.pk}/coFinancingOverview").json()
    management = overview["projectManagementCoFinancing"]
    rows = table_rows(html, "a3-management")
    keys = ["fundingAmount", "coFinancingRate", "autoPublicContribution", "otherPublicContribution",
            "totalPublicContribution", "privateContribution", "totalContribution", "totalFundAndContribution"]
    for cells, item in zip(rows[1:3], management["fundOverviews"], strict=True):
        assert cells[1:] == [shown(item[k]) for k in keys]
    eu = ["totalEuFundingAmount", "averageEuFinancingRate", "totalEuAutoPublicContribution",
          "totalEuOtherPublicContribution", "totalEuPublicContribution", "totalEuPrivateContribution",
          "totalEuContribution", "totalEuFundAndContribution"]
    assert rows[3] == ["Total EU funds", *[shown(management[k]) for k in eu]]
    total = ["totalFundingAmount", "averageCoFinancingRate", "totalAutoPublicContribution",
             "totalOtherPublicContribution", "totalPublicContribution", "totalPrivateContribution",
             "totalContribution", "totalFundAndContribution"]
    assert rows[4] == ["Total", *[shown(management[k]) for k in total]]
    assert rows[4][1:3] == ["20,105.42", "84.70"]
    assert 'id="a3-spf"' not in html  # SPF part only in SPF calls


def test_a3_hidden_with_the_budget(applicant, project, open_call):
    """In step 1 of a two-step call the budget (and so A.3) is hidden by default."""
    show_fields(open_call, "PARTNER_BUDGET_AND_CO_FINANCING", visibility="STEP_TWO_ONLY")
    Project.objects.filter(pk=project.pk).update(status="STEP1_DRAFT")
    html = login(applicant).get(url(project, "applicationFormOverviewTables")).content.decode()
    assert "A.3 – Project budget overview" not in html


def test_navigation_and_versions(applicant, small_project):
    project, lead, _uni, _erdf, _x = small_project
    client = login(applicant)
    html = client.get(url(project)).content.decode()
    assert f'href="{url(project)}" aria-current="page"' in html
    create_version(actor=applicant, project=project)
    lead.budget_rows.filter(category="EXTERNAL").delete()
    old = client.get(url(project) + "?version=1.0").content.decode()
    assert "You are viewing version 1.0" in old and "23,738.52" in old
    assert f'{url(project)}?version=1.0"' in old  # the side navigation keeps the version
    assert "23,738.52" not in client.get(url(project)).content.decode()
    a3 = client.get(url(project, "applicationFormOverviewTables") + "?version=1.0").content.decode()
    assert table_rows(a3, "a3-management")[4][-1] == "23,738.52"
    assert client.get(url(project) + "?version=9.9").status_code == 404
    assert client.post(url(project)).status_code == 405


def test_empty_project(applicant, project):
    html = login(applicant).get(url(project)).content.decode()
    assert table_rows(html, "d2")[1] == ["Total", *["0.00"] * 10]
    assert table_rows(html, "d31")[1][1:] == ["0.00"] * 3  # no duration: preparation, closure, grand total
    assert "The call offers no fund." in html


def test_refusals(stranger, small_project, client):
    project = small_project[0]
    assert login(stranger).get(url(project)).status_code == 404
    assert login(stranger).get(url(project, "applicationFormOverviewTables")).status_code == 404
    assert client.get(url(project)).status_code == 302  # anonymous: to the login page


@pytest.mark.parametrize("page", ["applicationFormBudgetPerPartner", "applicationFormOverviewTables"])
def test_query_counts(applicant, small_project, page):
    project, _lead, _uni, erdf, _x = small_project
    client = login(applicant)
    counts = []
    for total in (10, 50):
        add_partners(project, erdf, total - project.partners.count(), start=project.partners.count() + 1)
        client.get(url(project, page))
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(project, page)).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
