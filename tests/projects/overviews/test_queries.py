"""The overviews of the hand-checked project (see conftest): every figure computed by hand with the rounding of
finance-rules §1.3, §1.5, §1.6, §2.4 and §2.6, and the same as the jems.finance functions give."""

from decimal import Decimal

import pytest

from jems.finance import budget as finance_budget
from jems.finance.budget import BudgetOptions, CategorySums
from jems.projects.overviews import queries
from jems.projects.services import create_version

pytestmark = pytest.mark.django_db
D = Decimal


def load(user, project, version=None):
    return queries.load(actor=user, project_id=project.pk, version=version)


def test_partner_totals(applicant, small_project):
    project, lead, uni, _erdf, _x = small_project
    ov = load(applicant, project)
    city, partner = ov.partner_totals[lead.pk], ov.partner_totals[uni.pk]
    assert (city.staff, city.office, city.external, city.equipment, city.unit_costs, city.lump_sums, city.total) == (
        D("2427.87"), D("364.18"), D("10000.00"), D("2139.36"), D("2001.00"), D("3333.33"), D("20265.74"))
    assert city == finance_budget.calculate(
        BudgetOptions(staff_costs_flat_rate=20, office_and_administration_on_staff_costs_flat_rate=15),
        CategorySums(external=D("10000.00"), equipment=D("2139.36"), unit_costs=D("2001.00"),
                     lump_sums=D("3333.33")))
    assert (partner.staff, partner.travel, partner.lump_sums, partner.total) == (
        D("1000.00"), D("250.55"), D("2222.23"), D("3472.78"))
    assert ov.category_totals["total"] == D("23738.52") and ov.category_totals["staff"] == D("3427.87")


def test_per_period(applicant, small_project):
    project, lead, uni, _erdf, _x = small_project
    table = load(applicant, project).per_period
    assert [(r.partner["abbreviation"], r.cost_type, r.periods, r.total) for r in table.rows] == [
        ("CITY", "Management", {0: D(0), 1: D("11885.24"), 2: D("8380.50"), 255: D(0)}, D("20265.74")),
        ("UNI", "Management", {0: D(0), 1: D("2722.23"), 2: D("750.55"), 255: D(0)}, D("3472.78"))]
    assert table.totals == {0: D(0), 1: D("14607.47"), 2: D("9131.05"), 255: D(0)}
    assert table.grand_total == D("23738.52")
    assert table.percentages == {0: D("0.00"), 1: D("61.53"), 2: D("38.47"), 255: D("0.00")}


def test_per_fund(applicant, small_project):
    project, lead, uni, erdf, fund_x = small_project
    rows, total = load(applicant, project).per_fund
    city, partner = (item.row for item in rows)
    assert [(c.fund_id, c.value, c.percentage, c.percentage_of_total) for c in city.funds] == [
        (erdf.pk, D("15300.63"), D("75.50"), D("84.63")), (fund_x.pk, D("2026.57"), D("10.00"), D("100.00"))]
    assert [(c.value, c.percentage, c.percentage_of_total) for c in partner.funds] == [
        (D("2778.22"), D("80.00"), D("15.37")), (D("0.00"), D(0), D("0.00"))]
    assert (city.public_contribution, city.auto_public_contribution, city.private_contribution,
            city.total_partner_contribution, city.total_eligible_budget, city.percentage_of_total_eligible_budget) == (
        D("2000.00"), D("938.54"), D(0), D("2938.54"), D("20265.74"), D("85.37"))
    assert partner.percentage_of_total_eligible_budget == D("14.63")
    assert [(c.value, c.percentage) for c in total.row.funds] == [(D("18078.85"), D("76.16")),
                                                                  (D("2026.57"), D("8.54"))]
    assert total.row.total_eligible_budget == D("23738.52") and total.partner is None


def test_funds_per_period(applicant, small_project):
    project, _lead, _uni, erdf, fund_x = small_project
    funds = load(applicant, project).funds_per_period
    assert [(f.fund_id, f.periods, f.total) for f in funds["Management"]] == [
        (erdf.pk, {0: D(0), 1: D("11151.13"), 2: D("6927.72"), 255: D(0)}, D("18078.85")),
        (fund_x.pk, {0: D(0), 1: D("1188.52"), 2: D("838.05"), 255: D(0)}, D("2026.57"))]
    assert funds["Spf"] == []


def test_co_financing_overview(applicant, small_project):
    project, _lead, _uni, erdf, fund_x = small_project
    management = load(applicant, project).co_financing["Management"]
    by_fund = {row.fund_id: row for row in management.fund_overviews}
    assert (by_fund[erdf.pk].funding_amount, by_fund[erdf.pk].total_contribution,
            by_fund[erdf.pk].total_fund_and_contribution, by_fund[erdf.pk].co_financing_rate) == (
        D("18078.85"), D("3633.10"), D("21711.95"), D("83.27"))
    assert (by_fund[fund_x.pk].funding_amount, by_fund[fund_x.pk].total_contribution,
            by_fund[fund_x.pk].co_financing_rate) == (D("2026.57"), D("2938.54"), D("40.82"))
    # each partner's contributions count once in the totals (docs/deviations.md)
    assert (management.total_funding_amount, management.total_eu_funding_amount, management.total_contribution,
            management.total_fund_and_contribution, management.average_co_financing_rate,
            management.total_eu_fund_and_contribution, management.average_eu_financing_rate) == (
        D("20105.42"), D("18078.85"), D("3633.10"), D("23738.52"), D("84.70"), D("21711.95"), D("83.27"))


def test_version_reads_the_frozen_parts(applicant, small_project):
    project, lead, _uni, _erdf, _x = small_project
    create_version(actor=applicant, project=project)
    lead.budget_rows.filter(category="EXTERNAL").update(row_sum=D("0.00"), periods=[])
    assert load(applicant, project).partner_totals[lead.pk].total == D("7965.74")
    old = load(applicant, project, "1.0")
    assert old.is_past_version and old.partner_totals[lead.pk].total == D("20265.74")
    assert old.per_period.totals[1] == D("14607.47")


def test_totals_equal_the_budget_app(applicant, small_project):
    """The lean read of the overviews gives the same totals as jems.projects.budget.totals.partner_budgets."""
    from jems.projects.budget.totals import partner_budgets
    from jems.projects.queries import version_snapshot

    project = small_project[0]
    assert load(applicant, project).partner_totals == partner_budgets(project)
    create_version(actor=applicant, project=project)
    snapshot = version_snapshot(project, "1.0")[1]
    assert load(applicant, project, "1.0").partner_totals == partner_budgets(project, snapshot)
