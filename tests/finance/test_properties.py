"""Invariants of jems.finance (hypothesis): roundings, flat rates, the budget per period, co-financing, the
budget-per-fund table, funds per period and the A.3 overview."""

from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from jems.finance.budget import (
    CATEGORIES,
    CLOSURE,
    PREPARATION,
    BudgetOptions,
    CategorySums,
    calculate,
    period_percentages,
    split_per_period,
)
from jems.finance.cofinancing import (
    PRIVATE,
    PUBLIC,
    Contribution,
    FundTableSource,
    budget_per_fund,
    derive,
    funds_per_period,
)
from jems.finance.overview import OverviewPartner, co_financing_overview
from jems.finance.rounding import CENT, dn2, fl2, hd2, hu2, pct5, percent_of, trunc2

FAST = settings(max_examples=200, deadline=None)

MAX = D("999999999.99")
amounts = st.decimals(min_value=0, max_value=D("9999999.99"), places=2, allow_nan=False, allow_infinity=False)
any_values = st.decimals(min_value=-MAX, max_value=MAX, places=4, allow_nan=False, allow_infinity=False)
rates = st.none() | st.integers(min_value=1, max_value=100)
percentages = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def options(draw):
    """Any combination of flat rates allowed by §1.2 (at most one office type; other FR only with nothing else)."""
    if draw(st.booleans()):
        return BudgetOptions(other_costs_on_staff_costs_flat_rate=draw(st.integers(1, 100)))
    office = draw(rates)
    on_staff = draw(st.booleans())
    return BudgetOptions(
        staff_costs_flat_rate=draw(rates),
        office_and_administration_on_staff_costs_flat_rate=office if on_staff else None,
        office_and_administration_on_direct_costs_flat_rate=None if on_staff else office,
        travel_and_accommodation_on_staff_costs_flat_rate=draw(rates))


sums = st.builds(CategorySums, staff=amounts, travel=amounts, external=amounts, equipment=amounts,
                 infrastructure=amounts, lump_sums=amounts, unit_costs=amounts, spf=amounts)


@FAST
@given(any_values)
def test_roundings_bracket_the_value(x):
    assert fl2(x) <= x < fl2(x) + CENT
    assert abs(dn2(x)) <= abs(x) < abs(dn2(x)) + CENT
    assert trunc2(x) == dn2(x)
    assert dn2(-x) == -dn2(x)
    assert hu2(-x) == -hu2(x) and hd2(-x) == -hd2(x)
    assert abs(hu2(x) - x) <= CENT / 2 and abs(hd2(x) - x) <= CENT / 2
    if x >= 0:
        assert dn2(x) == fl2(x)
    if hu2(x) != hd2(x):
        assert abs(x - dn2(x)) == CENT / 2


@FAST
@given(amounts, amounts)
def test_pct5_stays_close_to_the_exact_percentage(a, b):
    if a == 0 or b == 0:
        assert pct5(a, b) == 0
    else:
        exact = a * 100 / b
        assert abs(pct5(a, b) - exact) <= max(exact * D("0.00005") + CENT, CENT)


@FAST
@given(options(), sums)
def test_budget_total_is_the_sum_of_its_categories(opts, s):
    totals = calculate(opts, s)
    assert totals.total == sum(getattr(totals, c) for c in CATEGORIES)
    assert all(getattr(totals, c) >= 0 for c in CATEGORIES)
    assert all(getattr(totals, c) == getattr(totals, c).quantize(CENT) for c in CATEGORIES)
    assert totals.lump_sums == s.lump_sums and totals.unit_costs == s.unit_costs and totals.spf == s.spf
    assert totals.management_total == totals.total - s.spf


@FAST
@given(options(), sums, amounts, amounts, amounts)
def test_flat_rates_are_truncated_percentages_of_bases_without_lump_sums_unit_costs_or_spf(opts, s, ls, uc, spf):
    totals = calculate(opts, s)
    other_totals = calculate(opts, CategorySums(
        staff=s.staff, travel=s.travel, external=s.external, equipment=s.equipment,
        infrastructure=s.infrastructure, lump_sums=ls, unit_costs=uc, spf=spf))
    for name in ("staff", "travel", "office", "other"):
        assert getattr(totals, name) == getattr(other_totals, name)
    if opts.staff_costs_flat_rate is not None:
        travel = 0 if opts.travel_and_accommodation_on_staff_costs_flat_rate is not None else s.travel
        exact = percent_of(travel + s.external + s.equipment + s.infrastructure, opts.staff_costs_flat_rate)
        assert exact - CENT < totals.staff <= exact
    if opts.travel_and_accommodation_on_staff_costs_flat_rate is not None:
        assert totals.travel <= totals.staff * opts.travel_and_accommodation_on_staff_costs_flat_rate / 100
    if opts.office_and_administration_on_staff_costs_flat_rate is not None:
        assert totals.office <= totals.staff
    direct = totals.staff + totals.travel + totals.external + totals.equipment + totals.infrastructure
    assert totals.office <= direct
    assert totals.other <= totals.staff


@st.composite
def partner_budget(draw):
    """A partner: options, entered rows split partly over n periods, lump sums in 0, 1..n, 255 or no period."""
    opts = draw(options())
    n = draw(st.integers(min_value=0, max_value=6))
    entered = {name: draw(st.lists(amounts, max_size=3)) for name in
               ("staff", "travel", "external", "equipment", "infrastructure", "unit_costs", "spf")}
    period_amounts: dict[int, dict[str, D]] = {}
    for name, rows in entered.items():
        for row in rows:
            left = row
            for k in range(1, n + 1):
                part = draw(st.decimals(min_value=0, max_value=left, places=2))
                left -= part
                period_amounts.setdefault(k, {}).setdefault(name, D(0))
                period_amounts[k][name] += part
    lump_sums = draw(st.lists(st.tuples(st.sampled_from([None, PREPARATION, *range(1, n + 1), CLOSURE]),
                                        amounts), max_size=4))
    for period, amount in lump_sums:
        if period is not None:
            period_amounts.setdefault(period, {}).setdefault("lump_sums", D(0))
            period_amounts[period]["lump_sums"] += amount
    total_sums = CategorySums(**{name: sum(rows, D(0)) for name, rows in entered.items()},
                              lump_sums=sum((a for _, a in lump_sums), D(0)))
    period_sums = {k: CategorySums(**values) for k, values in period_amounts.items()}
    return opts, n, total_sums, period_sums


@FAST
@given(partner_budget())
def test_periods_add_up_to_the_total_and_nothing_is_negative(budget):
    opts, n, total_sums, period_sums = budget
    total = calculate(opts, total_sums)
    split = split_per_period(opts, total, period_sums, n)
    assert list(split) == [PREPARATION, *range(1, n + 1), CLOSURE]
    if n == 0:
        return
    assert sum(p.total for p in split.values()) == total.total
    for name in CATEGORIES:
        assert sum(getattr(p, name) for p in split.values()) == getattr(total, name)
        assert all(getattr(p, name) >= 0 for p in split.values()), name
    for number in (PREPARATION, CLOSURE):
        assert split[number].total == split[number].lump_sums


@FAST
@given(partner_budget())
def test_management_split_leaves_spf_out(budget):
    opts, n, total_sums, period_sums = budget
    total = calculate(opts, total_sums)
    split = split_per_period(opts, total.management(), period_sums, max(n, 1))
    assert sum(p.total for p in split.values()) == total.total - total.spf


@FAST
@given(st.lists(amounts, min_size=4, max_size=9))
def test_period_percentages_add_up_to_100_with_two_real_periods_or_more(values):
    keys = [PREPARATION, *range(1, len(values) - 1), CLOSURE]
    result = period_percentages(dict(zip(keys, values, strict=True)))
    assert sum(result.values()) == 100
    assert all(v == v.quantize(CENT) for v in result.values())


@st.composite
def fund_rates(draw, funds=(1, 2, 3)):
    """Fund id → rate for a random subset of the funds, Σ ≤ 100."""
    chosen = draw(st.lists(st.sampled_from(funds), unique=True, max_size=len(funds)))
    result, room = {}, D(100)
    for fund_id in chosen:
        pct = draw(st.decimals(min_value=0, max_value=room, places=2))
        result[fund_id] = pct
        room -= pct
    return result


@FAST
@given(amounts, fund_rates())
def test_funds_plus_partner_contribution_equal_the_total(total, funds):
    result = derive(total, funds)
    assert sum(result.fund_amounts.values()) + result.partner_contribution == total
    assert result.partner_contribution >= percent_of(total, result.partner_percentage) >= 0
    for fund_id, amount in result.fund_amounts.items():
        assert amount <= percent_of(total, funds[fund_id]) < amount + CENT


@st.composite
def partners(draw):
    """Partners with a total, fund rates and contributions that match their partner contribution."""
    result = []
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        total = draw(amounts)
        funds = draw(fund_rates())
        pc = derive(total, funds).partner_contribution
        public = draw(st.decimals(min_value=0, max_value=pc, places=2))
        result.append(OverviewPartner(total, funds, [Contribution(PUBLIC, public), Contribution(PRIVATE, pc - public)]))
    return result


@FAST
@given(partners())
def test_budget_per_fund_columns_add_up(rows):
    table = budget_per_fund([1, 2, 3], [FundTableSource(i, p.total, p.fund_percentages, p.contributions)
                                        for i, p in enumerate(rows)])
    for index, fund in enumerate(table.total.funds):
        assert fund.value == sum(r.funds[index].value for r in table.rows)
        shares = [r.funds[index].percentage_of_total for r in table.rows]
        if fund.value:
            assert abs(sum(shares) - 100) <= CENT * len(rows)
    assert table.total.total_eligible_budget == sum(p.total for p in rows)
    for row in table.rows:
        funds = sum(c.value for c in row.funds)
        assert funds + row.total_partner_contribution == row.total_eligible_budget


@FAST
@given(partners())
def test_overview_counts_each_contribution_once(rows):
    """§6 rule 5: with every partner using a fund, funding + contributions = Σ partner totals."""
    overview = co_financing_overview([(1, "ERDF"), (2, "IPA"), (3, "OTHER")], rows)
    assert overview.total_funding_amount == sum(f.funding_amount for f in overview.fund_overviews)
    if all(p.fund_percentages for p in rows):
        assert overview.total_funding_amount + overview.total_contribution == overview.total_fund_and_contribution
    if all(set(p.fund_percentages) & {1, 2} for p in rows):
        eu_totals = sum(p.total for p in rows if set(p.fund_percentages) & {1, 2})
        assert overview.total_eu_fund_and_contribution + sum(
            f.funding_amount for f in overview.fund_overviews if f.fund_id == 3) == eu_totals
    for fund in overview.fund_overviews:
        assert 0 <= fund.co_financing_rate <= 100


@FAST
@given(st.integers(min_value=0, max_value=5), st.lists(st.tuples(st.lists(amounts, min_size=7, max_size=7),
                                                                 fund_rates()), max_size=4))
def test_funds_per_period_add_up_to_the_fund_total(n, rows):
    keys = [PREPARATION, *range(1, n + 1), CLOSURE]
    partner_rows = [(dict(zip(keys, values, strict=False)), funds) for values, funds in rows]
    for fund in funds_per_period([1, 2, 3], partner_rows, n):
        assert all(v >= 0 for v in fund.periods.values())
        if n:
            assert sum(fund.periods.values()) == fund.total
        else:
            assert sum(fund.periods.values()) <= fund.total
