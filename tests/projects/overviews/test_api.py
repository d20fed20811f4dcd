"""The five overview operations: shapes and figures of the hand-checked project, versions, refusals and fixed
query counts (10 vs 50 partners)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.projects.services import create_version

from .conftest import add_partners

pytestmark = pytest.mark.django_db

PATHS = ("budget", "coFinancingOverview", "budget/perFund", "budget/perPeriod", "funds/perPeriod")


def test_project_budget(api_as, applicant, small_project):
    project, lead, _uni, _erdf, _x = small_project
    city, uni = api_as(applicant).get(f"/api/project/{project.pk}/budget").json()
    assert city == {"partner": {"id": lead.pk, "abbreviation": "CITY", "institutionName": None, "active": True,
                                "role": "LEAD_PARTNER", "sortNumber": 1, "country": None, "region": None,
                                "currencyCode": None},
                    "staffCosts": 2427.87, "travelCosts": 0, "externalCosts": 10000.0, "equipmentCosts": 2139.36,
                    "infrastructureCosts": 0, "officeAndAdministrationCosts": 364.18, "otherCosts": 0,
                    "totalSum": 20265.74, "lumpSumContribution": 3333.33, "unitCosts": 2001.0, "spfCosts": 0}
    assert uni["totalSum"] == 3472.78 and uni["partner"]["role"] == "PARTNER"


def test_per_fund(api_as, applicant, small_project):
    project, lead, _uni, erdf, fund_x = small_project
    city, uni, total = api_as(applicant).get(f"/api/project/{project.pk}/budget/perFund").json()
    assert city["partner"]["id"] == lead.pk and city["costType"] == "Management"
    assert [(f["fund"]["id"], f["fund"]["type"], f["value"], f["percentage"], f["percentageOfTotal"])
            for f in city["budgetPerFund"]] == [(erdf.pk, "ERDF", 15300.63, 75.5, 84.63),
                                                (fund_x.pk, "OTHER", 2026.57, 10.0, 100.0)]
    assert {k: city[k] for k in ("publicContribution", "autoPublicContribution", "privateContribution",
                                 "totalPartnerContribution", "totalEligibleBudget",
                                 "percentageOfTotalEligibleBudget")} == {
        "publicContribution": 2000.0, "autoPublicContribution": 938.54, "privateContribution": 0,
        "totalPartnerContribution": 2938.54, "totalEligibleBudget": 20265.74, "percentageOfTotalEligibleBudget": 85.37}
    assert uni["percentageOfTotalEligibleBudget"] == 14.63
    assert total["partner"] is None and total["costType"] is None
    assert [(f["value"], f["percentage"], f["percentageOfTotal"]) for f in total["budgetPerFund"]] == [
        (18078.85, 76.16, 0), (2026.57, 8.54, 0)]
    assert total["totalEligibleBudget"] == 23738.52 and total["percentageOfTotalEligibleBudget"] == 100


def test_per_period(api_as, applicant, small_project):
    project, _lead, _uni, _erdf, _x = small_project
    body = api_as(applicant).get(f"/api/project/{project.pk}/budget/perPeriod").json()
    city, uni = body["partnersBudgetPerPeriod"]
    assert city["costType"] == "Management" and city["totalPartnerBudget"] == 20265.74
    assert city["periodBudgets"] == [
        {"periodNumber": 0, "periodStart": 0, "periodEnd": 0, "totalBudgetPerPeriod": 0, "isLastPeriod": False},
        {"periodNumber": 1, "periodStart": 1, "periodEnd": 6, "totalBudgetPerPeriod": 11885.24,
         "isLastPeriod": False},
        {"periodNumber": 2, "periodStart": 7, "periodEnd": 12, "totalBudgetPerPeriod": 8380.5, "isLastPeriod": True},
        {"periodNumber": 255, "periodStart": 0, "periodEnd": 0, "totalBudgetPerPeriod": 0, "isLastPeriod": False}]
    assert [p["totalBudgetPerPeriod"] for p in uni["periodBudgets"]] == [0, 2722.23, 750.55, 0]
    assert body["totals"] == [0, 14607.47, 9131.05, 0, 23738.52]
    assert body["totalsPercentage"] == [0, 61.53, 38.47, 0, 100]


def test_funds_per_period(api_as, applicant, small_project):
    project, _lead, _uni, erdf, fund_x = small_project
    body = api_as(applicant).get(f"/api/project/{project.pk}/funds/perPeriod").json()
    assert body["spfFundsPerPeriod"] == []
    erdf_row, x_row = body["managementFundsPerPeriod"]
    assert erdf_row["fund"]["id"] == erdf.pk and erdf_row["costType"] == "Management"
    assert erdf_row["totalFundBudget"] == 18078.85
    assert erdf_row["periodFunds"] == [{"periodNumber": 0, "totalFundsPerPeriod": 0},
                                       {"periodNumber": 1, "totalFundsPerPeriod": 11151.13},
                                       {"periodNumber": 2, "totalFundsPerPeriod": 6927.72},
                                       {"periodNumber": 255, "totalFundsPerPeriod": 0}]
    assert (x_row["fund"]["id"], x_row["totalFundBudget"]) == (fund_x.pk, 2026.57)


def test_co_financing_overview(api_as, applicant, small_project):
    project, _lead, _uni, erdf, fund_x = small_project
    body = api_as(applicant).get(f"/api/project/{project.pk}/coFinancingOverview").json()
    management = body["projectManagementCoFinancing"]
    erdf_row, x_row = management["fundOverviews"]
    assert erdf_row == {"fundId": erdf.pk, "fundType": "ERDF",
                        "fundAbbreviation": [{"language": "EN", "translation": "ERDF"}], "fundingAmount": 18078.85,
                        "coFinancingRate": 83.27, "autoPublicContribution": 938.54, "otherPublicContribution": 2000.0,
                        "totalPublicContribution": 2938.54, "privateContribution": 694.56,
                        "totalContribution": 3633.1, "totalFundAndContribution": 21711.95}
    assert (x_row["fundId"], x_row["fundingAmount"], x_row["coFinancingRate"]) == (fund_x.pk, 2026.57, 40.82)
    assert {k: management[k] for k in ("totalFundingAmount", "totalEuFundingAmount", "averageCoFinancingRate",
                                       "averageEuFinancingRate", "totalContribution", "totalEuContribution",
                                       "totalFundAndContribution", "totalEuFundAndContribution")} == {
        "totalFundingAmount": 20105.42, "totalEuFundingAmount": 18078.85, "averageCoFinancingRate": 84.7,
        "averageEuFinancingRate": 83.27, "totalContribution": 3633.1, "totalEuContribution": 3633.1,
        "totalFundAndContribution": 23738.52, "totalEuFundAndContribution": 21711.95}
    spf = body["projectSpfCoFinancing"]
    assert spf["totalFundingAmount"] == 0 and [r["fundingAmount"] for r in spf["fundOverviews"]] == [0, 0]


def test_versions(api_as, applicant, small_project):
    project, lead, _uni, _erdf, _x = small_project
    client = api_as(applicant)
    before = {path: client.get(f"/api/project/{project.pk}/{path}").json() for path in PATHS}
    create_version(actor=applicant, project=project)
    lead.budget_rows.filter(category="EXTERNAL").delete()
    for path in PATHS:
        assert client.get(f"/api/project/{project.pk}/{path}?version=1.0").json() == before[path], path
        assert client.get(f"/api/project/{project.pk}/{path}").json() != before[path], path
        assert client.get(f"/api/project/{project.pk}/{path}?version=9.9").status_code == 404


def test_refusals(api_as, applicant, stranger, small_project):
    project = small_project[0]
    for path in PATHS:
        assert api_as(stranger).get(f"/api/project/{project.pk}/{path}").status_code == 404, path
        assert api_as(applicant).get(f"/api/project/999999/{path}").status_code == 404, path


def test_empty_project(api_as, applicant, project):
    client = api_as(applicant)
    assert client.get(f"/api/project/{project.pk}/budget").json() == []
    assert client.get(f"/api/project/{project.pk}/budget/perFund").json() == [
        {"partner": None, "costType": None, "budgetPerFund": [], "publicContribution": 0,
         "autoPublicContribution": 0, "privateContribution": 0, "totalPartnerContribution": 0,
         "totalEligibleBudget": 0, "percentageOfTotalEligibleBudget": 100}]
    assert client.get(f"/api/project/{project.pk}/budget/perPeriod").json() == {
        "partnersBudgetPerPeriod": [], "totals": [0, 0, 0], "totalsPercentage": [0, 0, 100]}


@pytest.mark.parametrize("path", PATHS)
def test_query_counts(api_as, applicant, small_project, path):
    project, _lead, _uni, erdf, _x = small_project
    client = api_as(applicant)
    counts = []
    for total in (10, 50):
        add_partners(project, erdf, total - project.partners.count(), start=project.partners.count() + 1)
        client.get(f"/api/project/{project.pk}/{path}")
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/api/project/{project.pk}/{path}").status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
