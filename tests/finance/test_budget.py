"""Row sums, the flat-rate calculation B(options, S) of finance-rules §1.3 and the budget per period §1.5."""

from decimal import Decimal as D

import pytest

from jems.finance.budget import (
    CLOSURE,
    PREPARATION,
    BudgetOptions,
    BudgetTotals,
    CategorySums,
    calculate,
    period_count,
    period_months,
    period_percentages,
    replaced_categories,
    row_sum,
    split_per_period,
    split_spf_per_period,
    sum_periods,
)

LP_OPTIONS = BudgetOptions(staff_costs_flat_rate=20, office_and_administration_on_staff_costs_flat_rate=10)
LP_SUMS = CategorySums(travel=D("6433.10"), external=D("3800.95"), equipment=D("2139.36"),
                       infrastructure=D("25726.10"), lump_sums=D("3999.99"), unit_costs=D("10977.03"))
DIRECT = dict(staff=D("1000.00"), travel=D("200.00"), external=D("300.00"), equipment=D("55.55"),
              infrastructure=D("44.45"), lump_sums=D("500.00"), unit_costs=D("250.00"), spf=D("70.00"))


@pytest.mark.parametrize(("units", "price", "expected"), [
    ("1", "7619.90", "7619.90"),
    ("3", "33.33", "99.99"),
    ("0.5", "0.01", "0.00"),          # 0.005 floors to 0.00
    ("1.5", "10.01", "15.01"),        # 15.015 floors
    ("2.33", "3.33", "7.75"),         # 7.7589
    ("-1", "0.005", "-0.01"),         # FLOOR goes toward −∞
    ("999999999.99", "999999999.99", "999999999980000000.00"),
])
def test_row_sum_is_floored(units, price, expected):
    assert row_sum(D(units), D(price)) == D(expected)


def test_example_lead_partner_staff_20_and_office_on_staff_10():
    """§1.3 first example."""
    totals = calculate(LP_OPTIONS, LP_SUMS)
    assert totals.staff == D("7619.90")
    assert totals.office == D("761.99")
    assert totals.total == D("61458.42")
    assert totals.other == 0


def test_example_partner_with_other_costs_40():
    """§1.3 second example."""
    totals = calculate(BudgetOptions(other_costs_on_staff_costs_flat_rate=40),
                       CategorySums(staff=D("6995.56"), lump_sums=D("4455.72")))
    assert totals.other == D("2798.22")
    assert totals.total == D("14249.50")


def test_no_flat_rate_takes_the_entered_sums():
    totals = calculate(BudgetOptions(), CategorySums(**DIRECT))
    assert (totals.staff, totals.travel, totals.office, totals.other) == (D("1000.00"), D("200.00"), 0, 0)
    assert totals.total == D("2420.00")
    assert totals.management_total == D("2350.00")


def test_staff_flat_rate_ignores_entered_staff_and_uses_travel_as_base():
    totals = calculate(BudgetOptions(staff_costs_flat_rate=15), CategorySums(**DIRECT))
    # base = travel 200 + external 300 + equipment 55.55 + infrastructure 44.45 = 600 (no lump/unit/spf)
    assert totals.staff == D("90.00")
    assert totals.total == D("2420.00") - D("1000.00") + D("90.00")


def test_staff_flat_rate_excludes_travel_when_travel_is_on_a_flat_rate():
    options = BudgetOptions(staff_costs_flat_rate=15, travel_and_accommodation_on_staff_costs_flat_rate=7)
    totals = calculate(options, CategorySums(**DIRECT))
    assert totals.staff == D("60.00")            # 400 × 15 %
    assert totals.travel == D("4.20")            # 60 × 7 %, the entered travel is ignored


def test_travel_on_staff():
    totals = calculate(BudgetOptions(travel_and_accommodation_on_staff_costs_flat_rate=3),
                       CategorySums(staff=D("333.33"), travel=D("999.00")))
    assert totals.travel == D("9.99")            # 9.9999 truncated
    assert totals.total == D("343.32")


def test_office_on_staff_uses_staff_after_its_flat_rate():
    totals = calculate(BudgetOptions(office_and_administration_on_staff_costs_flat_rate=15),
                       CategorySums(**DIRECT))
    assert totals.office == D("150.00")


def test_office_on_direct_costs_uses_all_direct_categories_after_flat_rates():
    options = BudgetOptions(staff_costs_flat_rate=20, travel_and_accommodation_on_staff_costs_flat_rate=15,
                            office_and_administration_on_direct_costs_flat_rate=7)
    totals = calculate(options, CategorySums(**DIRECT))
    assert totals.staff == D("80.00")            # (300 + 55.55 + 44.45) × 20 %
    assert totals.travel == D("12.00")
    # (80 + 12 + 300 + 55.55 + 44.45) × 7 % = 34.44; lump sums, unit costs and SPF are never in the base
    assert totals.office == D("34.44")
    assert totals.total == sum([D("80.00"), D("12.00"), D("34.44"), D("300.00"), D("55.55"), D("44.45"),
                                D("500.00"), D("250.00"), D("70.00")])


def test_office_on_staff_wins_if_both_office_types_are_given():
    options = BudgetOptions(office_and_administration_on_staff_costs_flat_rate=10,
                            office_and_administration_on_direct_costs_flat_rate=20)
    assert calculate(options, CategorySums(**DIRECT)).office == D("100.00")


def test_office_on_direct_truncates():
    totals = calculate(BudgetOptions(office_and_administration_on_direct_costs_flat_rate=15),
                       CategorySums(travel=D("6.23"), external=D("9.99"), infrastructure=D("16.50")))
    assert totals.office == D("4.90")            # 32.72 × 0.15 = 4.908


def test_other_costs_on_staff():
    totals = calculate(BudgetOptions(other_costs_on_staff_costs_flat_rate=40), CategorySums(staff=D("0.03")))
    assert totals.other == D("0.01")             # 0.012 truncated


def test_other_costs_are_zero_when_staff_is_on_a_flat_rate():
    options = BudgetOptions(staff_costs_flat_rate=20, other_costs_on_staff_costs_flat_rate=40)
    totals = calculate(options, CategorySums(**DIRECT))
    assert totals.other == 0
    assert totals.staff == D("120.00")


def test_flat_rates_truncate_negative_period_values_toward_zero():
    totals = calculate(BudgetOptions(staff_costs_flat_rate=20), CategorySums(external=D("-0.04")))
    assert totals.staff == D("0.00")             # -0.008 → -0.00 (DOWN), not -0.01 (FLOOR)


def test_replaced_categories():
    assert replaced_categories(BudgetOptions()) == frozenset()
    assert replaced_categories(LP_OPTIONS) == {"staff"}
    assert replaced_categories(BudgetOptions(travel_and_accommodation_on_staff_costs_flat_rate=5)) == {"travel"}
    assert replaced_categories(BudgetOptions(other_costs_on_staff_costs_flat_rate=40)) == {
        "travel", "external", "equipment", "infrastructure", "unit_costs"}
    assert replaced_categories(BudgetOptions(office_and_administration_on_direct_costs_flat_rate=5)) == frozenset()


@pytest.mark.parametrize(("duration", "length", "expected"), [(36, 6, 6), (37, 6, 7), (5, 6, 1), (0, 6, 0),
                                                              (None, 6, 0), (12, None, 0)])
def test_period_count(duration, length, expected):
    assert period_count(duration, length) == expected


def test_period_months():
    assert period_months(1, 6, 37) == (1, 6)
    assert period_months(7, 6, 37) == (37, 37)


def test_example_lead_partner_period_one_and_last_period():
    """§1.5 example: period 1 of the §1.3 lead partner, and the last of 8 periods."""
    period_1 = CategorySums(travel=D("1500"), external=D("50.59"), equipment=D("10.30"),
                            infrastructure=D("2519.77"), unit_costs=D("1666.66"), lump_sums=D("2000"))
    assert calculate(LP_OPTIONS, period_1).staff == D("816.13")
    assert calculate(LP_OPTIONS, period_1).office == D("81.61")
    assert calculate(LP_OPTIONS, period_1).total == D("8645.06")

    # periods 2..7 hold amounts that, with period 1, add up to 45342.71
    rest = D("45342.71") - D("8645.06")
    period_sums = {PREPARATION: CategorySums(lump_sums=D("1999.99")), 1: period_1,
                   2: CategorySums(unit_costs=rest)}
    split = split_per_period(LP_OPTIONS, calculate(LP_OPTIONS, LP_SUMS), period_sums, 8)
    assert list(split) == [0, 1, 2, 3, 4, 5, 6, 7, 8, 255]
    assert split[PREPARATION].total == D("1999.99") == split[PREPARATION].lump_sums
    assert sum(split[k].total for k in range(1, 8)) == D("45342.71")
    assert split[8].total == D("14115.72")
    assert split[CLOSURE].total == 0
    assert sum(s.total for s in split.values()) == D("61458.42")
    # the last period's detail is the category total minus the other periods
    assert split[8].lump_sums == D("3999.99") - D("2000") - D("1999.99")
    assert split[8].staff == D("7619.90") - D("816.13")
    assert split[8].unit_costs == D("10977.03") - D("1666.66") - rest


def test_periods_zero_and_closure_hold_only_lump_sums():
    sums = CategorySums(staff=D("100"), lump_sums=D("50"))
    split = split_per_period(BudgetOptions(), calculate(BudgetOptions(), CategorySums(staff=D("300"),
                                                                                      lump_sums=D("120"))),
                             {PREPARATION: sums, CLOSURE: CategorySums(lump_sums=D("70"))}, 2)
    assert split[PREPARATION] == BudgetTotals(lump_sums=D("50"), total=D("50"))
    assert split[CLOSURE] == BudgetTotals(lump_sums=D("70"), total=D("70"))
    assert split[1].total == 0
    assert split[2].total == D("300")
    assert split[2].lump_sums == 0


def test_flat_rates_are_computed_per_period_and_dust_goes_to_the_last():
    options = BudgetOptions(staff_costs_flat_rate=15)
    total = calculate(options, CategorySums(external=D("0.30")))      # staff 0.04
    split = split_per_period(options, total, {1: CategorySums(external=D("0.10")),
                                              2: CategorySums(external=D("0.10")),
                                              3: CategorySums(external=D("0.10"))}, 3)
    assert split[1].staff == split[2].staff == D("0.01")               # 0.015 truncated
    assert split[3].staff == D("0.02")
    assert split[3].total == D("0.12")


def test_single_period_takes_everything_and_no_period_keeps_only_pseudo_periods():
    total = calculate(BudgetOptions(), CategorySums(**DIRECT))
    assert split_per_period(BudgetOptions(), total, {}, 1)[1] == total
    assert list(split_per_period(BudgetOptions(), total, {}, 0)) == [PREPARATION, CLOSURE]


def test_management_row_leaves_spf_out():
    total = calculate(BudgetOptions(), CategorySums(**DIRECT)).management()
    assert total.spf == 0 and total.total == D("2350.00")
    split = split_per_period(BudgetOptions(), total, {1: CategorySums(staff=D("10"))}, 2)
    assert split[2].total == D("2340.00") and split[2].spf == 0


def test_spf_row():
    assert split_spf_per_period(D("1000.00"), {1: D("100"), 2: D("250.50")}, 3) == {
        0: 0, 1: D("100"), 2: D("250.50"), 3: D("649.50"), 255: 0}
    assert split_spf_per_period(D("5"), {}, 0) == {0: 0, 255: 0}


def test_project_totals_per_period_put_together_rows():
    spf = {0: D(0), 1: D("1"), 2: D("2"), 255: D(0)}
    partner = {0: D("10"), 1: D("20"), 2: D("30"), 255: D("40")}
    assert sum_periods([spf, partner, partner]) == {0: D("20"), 1: D("41"), 2: D("62"), 255: D("80")}
    assert list(sum_periods([{255: D(1)}, {0: D(1)}])) == [0, 255]


def test_period_percentages_last_real_period_is_the_remainder():
    result = period_percentages({0: D("1"), 1: D("1"), 2: D("1"), 255: D(0)})
    assert result == {0: D("33.33"), 1: D("33.33"), 2: D("33.34"), 255: D("0.00")}


def test_period_percentages_with_one_real_period_and_zero_total():
    assert period_percentages({0: D("1"), 1: D("2"), 255: D(0)}) == {0: D("33.33"), 1: D("66.67"), 255: 0}
    assert period_percentages({0: D(0), 1: D(0), 2: D(0), 255: D(0)}) == {0: 0, 1: 0, 2: D("100"), 255: 0}
