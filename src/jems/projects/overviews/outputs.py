"""The overviews of `queries.ProjectOverviews` as the contract's dicts (ProjectPartnerBudgetDTO,
ProjectPartnerBudgetPerFundDTO, ProjectBudgetOverviewPerPartnerPerPeriodDTO, ProjectFundsPerPeriodDTO,
ProjectCoFinancingOverviewDTO). The API answers them and the page tests compare the page with them."""

from dataclasses import asdict

from jems.core.translatable import to_api
from jems.finance.rounding import HUNDRED

from .queries import MANAGEMENT, SPF, FundRow, ProjectOverviews

# BudgetTotals field -> ProjectPartnerBudgetDTO key
BUDGET_KEYS = {"staff": "staffCosts", "travel": "travelCosts", "external": "externalCosts",
               "equipment": "equipmentCosts", "infrastructure": "infrastructureCosts",
               "office": "officeAndAdministrationCosts", "other": "otherCosts", "total": "totalSum",
               "lump_sums": "lumpSumContribution", "unit_costs": "unitCosts", "spf": "spfCosts"}


def budget_out(ov: ProjectOverviews) -> list[dict]:
    """getProjectBudget: every partner's calculated categories (finance-rules §1.3)."""
    return [{"partner": ov.summaries[pid], **{key: getattr(totals, name) for name, key in BUDGET_KEYS.items()}}
            for pid, totals in ov.partner_totals.items()]


def _fund_row_out(ov: ProjectOverviews, item: FundRow) -> dict:
    row = item.row
    return {"partner": item.partner, "costType": item.cost_type,
            "budgetPerFund": [{"fund": ov.fund_dtos[cell.fund_id], "percentage": cell.percentage,
                               "percentageOfTotal": cell.percentage_of_total, "value": cell.value}
                              for cell in row.funds],
            "publicContribution": row.public_contribution, "autoPublicContribution": row.auto_public_contribution,
            "privateContribution": row.private_contribution,
            "totalPartnerContribution": row.total_partner_contribution,
            "totalEligibleBudget": row.total_eligible_budget,
            "percentageOfTotalEligibleBudget": row.percentage_of_total_eligible_budget}


def per_fund_out(ov: ProjectOverviews) -> list[dict]:
    """getProjectPartnerBudgetPerFund: the D.1 rows followed by the total row (partner and cost type null)."""
    rows, total = ov.per_fund
    return [_fund_row_out(ov, item) for item in [*rows, total]]


def per_period_out(ov: ProjectOverviews) -> dict:
    """getProjectPartnerBudgetPerPeriod: D.3.1 rows (periods 0, 1..n, 255), then the project totals per period
    followed by the grand total, and their percentages followed by 100."""
    table = ov.per_period
    last = ov.period_count
    rows = [{"partner": row.partner, "costType": row.cost_type, "totalPartnerBudget": row.total,
             "periodBudgets": [{"periodNumber": k, "periodStart": ov.period_bounds(k)[0],
                                "periodEnd": ov.period_bounds(k)[1], "totalBudgetPerPeriod": amount,
                                "isLastPeriod": k == last} for k, amount in row.periods.items()]}
            for row in table.rows]
    return {"partnersBudgetPerPeriod": rows, "totals": [*table.totals.values(), table.grand_total],
            "totalsPercentage": [*table.percentages.values(), HUNDRED]}


def funds_per_period_out(ov: ProjectOverviews) -> dict:
    """getProjectBudgetFundsPerPeriod: D.3.2 per call fund, management and SPF."""
    def out(cost_type):
        return [{"fund": ov.fund_dtos[item.fund_id], "costType": cost_type, "totalFundBudget": item.total,
                 "periodFunds": [{"periodNumber": k, "totalFundsPerPeriod": v} for k, v in item.periods.items()]}
                for item in ov.funds_per_period[cost_type]]

    return {"managementFundsPerPeriod": out(MANAGEMENT), "spfFundsPerPeriod": out(SPF)}


def _category_out(ov: ProjectOverviews, category) -> dict:
    data = asdict(category)
    abbreviations = {fund.pk: to_api(fund.abbreviation) for fund in ov.funds}
    data["fund_overviews"] = [{**asdict(row), "fund_abbreviation": abbreviations[row.fund_id]}
                              for row in category.fund_overviews]
    return data


def co_financing_out(ov: ProjectOverviews) -> dict:
    """getProjectCoFinancingOverview: A.3 management and SPF categories (snake_case keys, the schema camelises)."""
    return {"project_management_co_financing": _category_out(ov, ov.co_financing[MANAGEMENT]),
            "project_spf_co_financing": _category_out(ov, ov.co_financing[SPF])}
