"""Project lump sums (finance-rules §3) and the AF-derived FTLS amounts (§5.1, §6 rule 12)."""

from decimal import Decimal as D

from jems.finance.budget import CLOSURE, PREPARATION
from jems.finance.lumpsums import (
    LumpSum,
    ftls_fund_amounts,
    ftls_split,
    lump_sum_errors,
    lump_sum_issues,
    partner_period_sums,
    partner_totals,
    valid_periods,
)

LP, PP = 11, 12
EXAMPLE = [
    LumpSum(PREPARATION, {LP: D("1999.99")}, cost=D("1999.99"), splitting_allowed=False),
    LumpSum(1, {LP: D("2000"), PP: D("3555.56")}, cost=D("5555.56")),
    LumpSum(CLOSURE, {LP: D("0"), PP: D("900.16")}, cost=D("900.16"), splitting_allowed=False),
]


def test_example_partner_lump_sum_totals():
    """§3 example: LP 3999.99, PP 4455.72."""
    assert partner_totals(EXAMPLE) == {LP: D("3999.99"), PP: D("4455.72")}


def test_partner_period_sums_leave_out_lump_sums_without_period():
    lump_sums = [*EXAMPLE, LumpSum(None, {PP: D("7")}), LumpSum(1, {PP: D("1")})]
    assert partner_period_sums(lump_sums) == {
        LP: {PREPARATION: D("1999.99"), 1: D("2000"), CLOSURE: D("0")},
        PP: {1: D("3556.56"), CLOSURE: D("900.16")}}
    assert partner_totals(lump_sums)[PP] == D("4463.72")


def test_valid_periods():
    assert valid_periods(3) == [0, 1, 2, 3, 255]
    assert valid_periods(0) == [0, 255]


def test_lump_sum_errors():
    assert lump_sum_errors(EXAMPLE, 8) == []
    not_split = LumpSum(1, {LP: D("1"), PP: D("2")}, splitting_allowed=False)
    assert lump_sum_errors([not_split, LumpSum(9, {}), LumpSum(None, {})], 8) == [
        (0, "splitting.not.allowed"), (1, "period.invalid")]
    assert lump_sum_errors([LumpSum(1, {LP: D("1"), PP: D("0")}, splitting_allowed=False)], 1) == []
    assert lump_sum_errors([LumpSum(1)] * 51, 1) == [(None, "max.exceeded")]


def test_lump_sum_issues_before_submission():
    assert lump_sum_issues(EXAMPLE) == []
    assert lump_sum_issues([LumpSum(None, {LP: D("1")}, cost=D("2"))]) == [
        (0, "shares.do.not.match.cost"), (0, "period.missing")]


def test_from_api():
    item = {"orderNr": 1, "programmeLumpSumId": 3, "period": 0,
            "lumpSumContributions": [{"partnerId": LP, "amount": D("1999.99")}]}
    lump_sum = LumpSum.from_api(item, {"cost": D("1999.99"), "splittingAllowed": False, "fastTrack": True})
    assert lump_sum == LumpSum(0, {LP: D("1999.99")}, D("1999.99"), False, True)
    assert LumpSum.from_api({"period": None, "lumpSumContributions": []}) == LumpSum(None)


def test_example_ftls_amounts_per_partner_and_fund():
    """§5.1 example: 1999.99 with 60 % and 14.66 % → 1199.99 and 293.19 (trunc2)."""
    amounts = ftls_fund_amounts({LP: D("1999.99"), PP: D("0")}, {LP: {1: D("60"), 2: D("14.66")},
                                                                 PP: {1: D("80")}})
    assert amounts == {1: {LP: D("1199.99")}, 2: {LP: D("293.19")}}


def test_example_ftls_total_eligible_with_the_share_of_the_partner_contribution():
    """§5.1 / §6 rule 12 example: PC 506.81; totals 1607.29 and 392.70."""
    split = ftls_split(D("1999.99"), {1: D("60"), 2: D("14.66")})
    assert (split[1].value, split[1].share, split[1].total) == (D("1199.99"), D("407.30"), D("1607.29"))
    assert (split[2].value, split[2].share, split[2].total) == (D("293.19"), D("99.51"), D("392.70"))
    assert split[1].share + split[2].share == D("506.81")


def test_ftls_split_without_fund_amounts():
    split = ftls_split(D("0.01"), {1: D("50")})
    assert (split[1].value, split[1].share, split[1].total) == (0, 0, 0)
