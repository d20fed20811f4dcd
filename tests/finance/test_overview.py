"""The A.3 project co-financing overview (finance-rules §2.6) with the §6 rule 5 deviation and rule 13 (hd2)."""

from decimal import Decimal as D

from jems.finance.cofinancing import AUTOMATIC_PUBLIC, PRIVATE, PUBLIC, Contribution
from jems.finance.overview import CategoryOverview, OverviewPartner, co_financing_overview

ERDF, OTHER = 1, 2
FUNDS = [(ERDF, "ERDF"), (OTHER, "OTHER")]
LP = OverviewPartner(D("61458.42"), {ERDF: D("60"), OTHER: D("14.66")},
                     [Contribution(PUBLIC, D("10000.00")), Contribution(PRIVATE, D("5573.57"))])
PP = OverviewPartner(D("14249.50"), {OTHER: D("15")}, [{"status": AUTOMATIC_PUBLIC, "amount": D("12112.08")}])


def test_fund_rows_are_as_in_jems():
    erdf, other = co_financing_overview(FUNDS, [LP, PP]).fund_overviews
    assert (erdf.fund_id, erdf.fund_type, erdf.funding_amount) == (ERDF, "ERDF", D("36875.05"))
    assert (erdf.other_public_contribution, erdf.private_contribution, erdf.auto_public_contribution) == (
        D("10000.00"), D("5573.57"), 0)
    assert erdf.total_contribution == D("15573.57")
    assert erdf.total_public_contribution == D("10000.00")
    assert erdf.total_fund_and_contribution == D("52448.62")
    assert erdf.co_financing_rate == D("70.31")
    # the LP (two funds) appears in both rows with all of its contributions
    assert other.funding_amount == D("11147.22")
    assert other.total_contribution == D("27685.65")
    assert other.auto_public_contribution == D("12112.08")
    assert other.total_fund_and_contribution == D("38832.87")
    assert other.co_financing_rate == D("28.71")


def test_totals_count_each_partner_contribution_once():
    """§6 rule 5 deviation: Jems would show 15573.57 + 27685.65 = 43259.22 as total contribution."""
    overview = co_financing_overview(FUNDS, [LP, PP])
    assert overview.total_funding_amount == D("48022.27")
    assert overview.total_eu_funding_amount == D("36875.05")
    assert overview.total_contribution == D("27685.65")
    assert overview.total_other_public_contribution == D("10000.00")
    assert overview.total_auto_public_contribution == D("12112.08")
    assert overview.total_public_contribution == D("22112.08")
    assert overview.total_private_contribution == D("5573.57")
    # EU totals: only the LP has an EU fund
    assert overview.total_eu_contribution == D("15573.57")
    assert overview.total_eu_other_public_contribution == D("10000.00")
    assert overview.total_eu_auto_public_contribution == 0
    assert overview.total_eu_public_contribution == D("10000.00")
    assert overview.total_eu_private_contribution == D("5573.57")
    assert overview.total_fund_and_contribution == D("75707.92")
    assert overview.total_funding_amount + overview.total_contribution == overview.total_fund_and_contribution
    assert overview.total_eu_fund_and_contribution == D("52448.62")
    assert overview.average_co_financing_rate == D("63.43")
    assert overview.average_eu_financing_rate == D("70.31")


def test_rates_round_half_down():
    """§6 rule 13: 1.00 × 100 / 32 = 3.125 → 3.12 (HALF_UP would give 3.13)."""
    partner = OverviewPartner(D("100.00"), {ERDF: D("1")}, [Contribution(PUBLIC, D("31.00"))])
    overview = co_financing_overview([(ERDF, "ERDF")], [partner])
    assert overview.fund_overviews[0].co_financing_rate == D("3.12")
    assert overview.average_eu_financing_rate == D("3.12")
    assert overview.average_co_financing_rate == D("1.00")


def test_partners_without_a_fund_of_the_call_and_empty_overview():
    stranger = OverviewPartner(D("50.00"), {}, [Contribution(PUBLIC, D("50.00"))])
    overview = co_financing_overview(FUNDS, [PP, stranger])
    assert overview.total_contribution == D("12112.08")
    assert overview.total_fund_and_contribution == D("14299.50")
    assert overview.total_eu_funding_amount == 0
    assert overview.average_eu_financing_rate == 0
    empty = co_financing_overview(FUNDS, [])
    assert empty.fund_overviews[0].co_financing_rate == 0
    assert empty.average_co_financing_rate == 0
    assert co_financing_overview([], []) == CategoryOverview()
