"""An SPF call: the SPF beneficiary's SPF costs are separate everywhere (finance-rules §1.5, §2.4, §2.6, §6 rule
10): an SPF row first in D.3.1, an SPF row in D.1, SPF funds per period and the SPF part of A.3.

The beneficiary: external 1000.00 (period 1: 400.00) and SPF costs 5000.00 (period 1: 2000.00), management
co-financing ERDF 80 % with a Public own contribution of 200.00, SPF co-financing ERDF 80 % with a Public source
of 1000.00; 12 months in 6-month periods."""

from decimal import Decimal

import pytest
from django.test import Client

from jems.projects.cofinancing.models import PartnerSpfCoFinancing, PartnerSpfContribution
from jems.projects.models import Project
from jems.projects.partners.models import PartnerRole, ProjectPartner
from tests.conftest import PASSWORD

from .conftest import cofinance, row

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def spf_project(project, open_call, funds, budget_fields):
    erdf, _x = funds
    open_call.type = "SPF"
    open_call.save(update_fields=["type"])
    Project.objects.filter(pk=project.pk).update(duration=12)
    beneficiary = ProjectPartner.objects.create(project=project, abbreviation="SPF", role=PartnerRole.LEAD_PARTNER,
                                                sort_number=1)
    row(beneficiary, "EXTERNAL", "1", "1000.00", [(1, "400.00")])
    row(beneficiary, "SPF", "1", "5000.00", [(1, "2000.00")])
    cofinance(beneficiary, [(erdf, "80.00"), (None, "20.00")], [("SPF", "Public", "200.00", True)])
    PartnerSpfCoFinancing.objects.create(project_partner=beneficiary, fund=erdf, fund_type="MainFund",
                                         percentage=D(80))
    PartnerSpfCoFinancing.objects.create(project_partner=beneficiary, fund_type="PartnerContribution",
                                         percentage=D(20), order_nr=1)
    PartnerSpfContribution.objects.create(project_partner=beneficiary, name="Small projects", status="Public",
                                          amount=D("1000.00"))
    return project, erdf


def test_spf_api(api_as, applicant, spf_project):
    project, erdf = spf_project
    client = api_as(applicant)
    (budget,) = client.get(f"/api/project/{project.pk}/budget").json()
    assert (budget["externalCosts"], budget["spfCosts"], budget["totalSum"]) == (1000.0, 5000.0, 6000.0)

    per_period = client.get(f"/api/project/{project.pk}/budget/perPeriod").json()
    assert [(r["costType"], r["totalPartnerBudget"], [p["totalBudgetPerPeriod"] for p in r["periodBudgets"]])
            for r in per_period["partnersBudgetPerPeriod"]] == [("Spf", 5000.0, [0, 2000.0, 3000.0, 0]),
                                                                ("Management", 1000.0, [0, 400.0, 600.0, 0])]
    assert per_period["totals"] == [0, 2400.0, 3600.0, 0, 6000.0]
    assert per_period["totalsPercentage"] == [0, 40.0, 60.0, 0, 100]

    management, spf, total = client.get(f"/api/project/{project.pk}/budget/perFund").json()
    assert [(r["costType"], r["totalEligibleBudget"], r["percentageOfTotalEligibleBudget"],
             r["budgetPerFund"][0]["value"], r["budgetPerFund"][0]["percentageOfTotal"], r["publicContribution"])
            for r in (management, spf)] == [("Management", 1000.0, 16.67, 800.0, 16.67, 200.0),
                                            ("Spf", 5000.0, 83.33, 4000.0, 83.33, 1000.0)]
    assert (total["budgetPerFund"][0]["value"], total["budgetPerFund"][0]["percentage"]) == (4800.0, 80.0)

    funds = client.get(f"/api/project/{project.pk}/funds/perPeriod").json()
    assert [[p["totalFundsPerPeriod"] for p in f["periodFunds"]] for f in funds["managementFundsPerPeriod"]] == [
        [0, 320.0, 480.0, 0], [0, 0, 0, 0]]
    assert [(f["costType"], f["totalFundBudget"], [p["totalFundsPerPeriod"] for p in f["periodFunds"]])
            for f in funds["spfFundsPerPeriod"]][0] == ("Spf", 4000.0, [0, 1600.0, 2400.0, 0])

    overview = client.get(f"/api/project/{project.pk}/coFinancingOverview").json()
    for key, funding, contribution in (("projectManagementCoFinancing", 800.0, 200.0),
                                       ("projectSpfCoFinancing", 4000.0, 1000.0)):
        erdf_row = overview[key]["fundOverviews"][0]
        assert (erdf_row["fundId"], erdf_row["fundingAmount"], erdf_row["totalContribution"],
                erdf_row["coFinancingRate"]) == (erdf.pk, funding, contribution, 80.0), key


def test_spf_pages(applicant, spf_project):
    project, _erdf = spf_project
    client = Client()
    assert client.login(email=applicant.email, password=PASSWORD)
    html = client.get(f"/app/project/detail/{project.pk}/applicationFormBudgetPerPartner").content.decode()
    assert "LP1 SPF – SPF" in html and "LP1 SPF – Management" in html
    assert 'id="d32-spf"' in html and "SPF costs" in html
    a3 = client.get(f"/app/project/detail/{project.pk}/applicationFormOverviewTables").content.decode()
    assert 'id="a3-spf"' in a3 and 'id="a3-management"' in a3
