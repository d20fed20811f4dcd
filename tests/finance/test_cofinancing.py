"""Co-financing arithmetic of finance-rules §2.2–§2.5 and the funds per period of §1.6."""

from decimal import Decimal as D

from jems.finance.cofinancing import (
    AUTOMATIC_PUBLIC,
    PRIVATE,
    PUBLIC,
    Contribution,
    FundTableSource,
    budget_per_fund,
    cofinancing_issues,
    contribution_sums,
    derive,
    fund_amount,
    funds_per_period,
    management_eligible_budget,
    share_percentage,
    spf_eligible_budget,
    spf_management_share_ok,
)

ERDF, OTHER = 1, 2
LP_TOTAL, PP_TOTAL = D("61458.42"), D("14249.50")
LP_FUNDS = {ERDF: D("60"), OTHER: D("14.66")}
PP_FUNDS = {OTHER: D("15")}
LP_CONTRIBUTIONS = [Contribution(PUBLIC, D("10000.00"), "LP", partner=True),
                    Contribution(PRIVATE, D("5573.57"), "Bank")]
PP_CONTRIBUTIONS = [{"status": AUTOMATIC_PUBLIC, "amount": D("12112.08"), "partner": True}]


def test_example_fund_amount_is_truncated_and_the_partner_contribution_takes_the_rest():
    """§2.3 example."""
    result = derive(D("5123.12"), {ERDF: D("23.26")})
    assert result.fund_amounts == {ERDF: D("1191.63")}
    assert result.partner_contribution == D("3931.49")
    assert result.partner_percentage == D("76.74")


def test_fund_amount_rounds_down():
    assert fund_amount(D("0.99"), D("50")) == D("0.49")
    assert fund_amount(D("100"), D("0")) == 0


def test_derive_sums_contributions_by_status_and_ignores_the_stored_percentage():
    result = derive(LP_TOTAL, LP_FUNDS, LP_CONTRIBUTIONS)
    assert result.fund_amounts == {ERDF: D("36875.05"), OTHER: D("9009.80")}
    assert result.partner_contribution == D("15573.57")
    assert result.contributions.public == D("10000.00")
    assert result.contributions.private == D("5573.57")
    assert result.contributions.automatic_public == 0
    assert result.contributions.total_public == D("10000.00")
    assert result.contributions_match


def test_contribution_sums_read_dicts_enum_like_statuses_and_skip_missing_values():
    class Status:
        value = PUBLIC

    sums = contribution_sums([{"status": Status(), "amount": D("1")}, {"status": None, "amount": D("5")},
                              {"status": PRIVATE, "amount": None}, {"status": AUTOMATIC_PUBLIC, "amount": 2}])
    assert (sums.public, sums.automatic_public, sums.private, sums.total) == (D(1), D(2), D(0), D(3))


def test_cofinancing_issues_pass_for_a_complete_set():
    assert cofinancing_issues(LP_TOTAL, LP_FUNDS, D("25.34"), LP_CONTRIBUTIONS) == []


def test_cofinancing_issues():
    assert cofinancing_issues(D("100"), {}, None, []) == ["no.cofinancing"]
    assert cofinancing_issues(D("100"), {ERDF: D("100")}, D("0"), []) == ["percentage.not.positive"]
    issues = cofinancing_issues(D("100"), {ERDF: D("50")}, D("50"),
                                [Contribution(None, D("50")), Contribution(PUBLIC, D("0"))])
    assert issues == ["contribution.status.missing", "contribution.amount.not.positive"]
    assert cofinancing_issues(D("100"), {ERDF: D("50")}, D("50"),
                              [Contribution(PUBLIC, D("49.99"))]) == ["contributions.do.not.match"]


def test_spf_management_share():
    assert spf_management_share_ok(D("20"), D("80"))
    assert not spf_management_share_ok(D("20.01"), D("79.99"))
    assert spf_management_share_ok(D("0"), D("0"))


def test_example_share_percentage_of_the_af_export():
    """§2.5 examples."""
    assert share_percentage(D("3261.01"), LP_TOTAL) == D("5.30")
    assert share_percentage(D("666.66"), PP_TOTAL) == D("4.67")
    assert share_percentage(D("1"), D("0")) == 0
    assert share_percentage(D("1"), D("-5")) == 0
    assert share_percentage(D("2"), D("3")) == D("66.66")


def test_eligible_budgets_of_the_fund_table():
    assert management_eligible_budget(D("1100.00"), D("100.00")) == D("1000.00")
    assert spf_eligible_budget(D("100.009")) == D("100.00")


def test_example_budget_per_fund_table():
    """§2.4 examples: 9009.80 of 11147.22 → 80.83; 61458.42 of 75707.92 → 81.18; ERDF 36875.05 → 48.71."""
    table = budget_per_fund([ERDF, OTHER], [
        FundTableSource("LP", management_eligible_budget(LP_TOTAL, 0), LP_FUNDS, LP_CONTRIBUTIONS),
        FundTableSource("PP", management_eligible_budget(PP_TOTAL, 0), PP_FUNDS, PP_CONTRIBUTIONS)])
    lp, pp = table.rows
    assert [(c.fund_id, c.value, c.percentage, c.percentage_of_total) for c in lp.funds] == [
        (ERDF, D("36875.05"), D("60"), D("100.00")), (OTHER, D("9009.80"), D("14.66"), D("80.83"))]
    assert [(c.value, c.percentage, c.percentage_of_total) for c in pp.funds] == [
        (0, 0, 0), (D("2137.42"), D("15"), D("19.17"))]
    assert lp.percentage_of_total_eligible_budget == D("81.18")
    assert pp.percentage_of_total_eligible_budget == D("18.82")
    assert (lp.public_contribution, lp.private_contribution, lp.total_partner_contribution) == (
        D("10000.00"), D("5573.57"), D("15573.57"))
    assert pp.auto_public_contribution == D("12112.08")

    total = table.total
    assert total.key is None
    assert [(c.value, c.percentage, c.percentage_of_total) for c in total.funds] == [
        (D("36875.05"), D("48.71"), 0), (D("11147.22"), D("14.72"), 0)]
    assert total.total_eligible_budget == D("75707.92")
    assert total.percentage_of_total_eligible_budget == D("100")
    assert total.total_partner_contribution == D("27685.65")


def test_budget_per_fund_with_an_spf_row_and_zero_budgets():
    spf = D("500.00")
    table = budget_per_fund([ERDF], [
        FundTableSource(("P", "Management"), management_eligible_budget(D("600.00"), spf), {ERDF: D("80")}),
        FundTableSource(("P", "Spf"), spf_eligible_budget(spf), {ERDF: D("50")}),
        FundTableSource(("Q", "Management"), D("0"), {ERDF: D("80")})])
    assert [r.total_eligible_budget for r in table.rows] == [D("100.00"), D("500.00"), D("0")]
    assert [r.funds[0].value for r in table.rows] == [D("80.00"), D("250.00"), D("0.00")]
    assert [r.percentage_of_total_eligible_budget for r in table.rows] == [D("16.67"), D("83.33"), 0]
    assert table.total.funds[0].percentage == D("55.00")
    empty = budget_per_fund([ERDF], [])
    assert empty.rows == () and empty.total.funds[0].percentage == 0


def test_funds_per_period_last_period_takes_the_remainder():
    """§1.6: per period Σ fl2(periodTotal × pct), the fund total on the partner totals, remainder last."""
    p1 = ({0: D("10.01"), 1: D("10.01"), 2: D("10.01"), 3: D("10.01"), 255: D("10.01")}, {ERDF: D("50")})
    p2 = ({0: D(0), 1: D("0.03"), 2: D("0.03"), 3: D("0.03"), 255: D(0)}, {ERDF: D("50"), OTHER: D("10")})
    erdf, other = funds_per_period([ERDF, OTHER], [p1, p2], 3)
    assert erdf.total == D("25.02") + D("0.04")          # fl2(50.05 × 0.5) + fl2(0.09 × 0.5)
    assert erdf.periods == {0: D("5.00"), 1: D("5.01"), 2: D("5.01"), 3: D("5.04"), 255: D("5.00")}
    assert sum(erdf.periods.values()) == erdf.total
    assert other.total == D("0.00")
    assert other.periods[3] == 0
    assert list(erdf.periods) == [0, 1, 2, 3, 255]


def test_funds_per_period_without_real_periods():
    (fund,) = funds_per_period([ERDF], [({0: D("10"), 255: D("10")}, {ERDF: D("50")})], 0)
    assert fund.periods == {0: D("5.00"), 255: D("5.00")}
    assert fund.total == D("10.00")
