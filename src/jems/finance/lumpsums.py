"""Project lump sums in the application form (finance-rules.md §3) and the AF-derived fast-track amounts
(§5.1, §6 rule 12).

* ``LumpSum`` – a project lump sum: its period (0 preparation, 1..n, 255 closure or None), partner shares and the
  programme lump sum's cost, splitting flag and fast-track flag; ``LumpSum.from_api`` reads ProjectLumpSumDTO dicts.
* ``valid_periods(n)`` – 0, 1..n, 255.
* ``partner_totals`` – the partner "lump sums" category (§1.4: Σ shares whatever the period);
  ``partner_period_sums`` – shares per partner and period for the budget per period (§1.5; no period → the last
  period through the remainder).
* ``lump_sum_errors`` (save) and ``lump_sum_issues`` (pre-submission) – the §3 validation as (index, code) pairs.
* ``ftls_fund_amounts`` – FTLS ``amountApprovedPerPartner = trunc2(share × pct_f/100)`` per fund and partner, and
  ``ftls_split`` – per share and fund: value, its share of the partner contribution (``hu2``) and total eligible.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jems.finance.budget import CLOSURE, PREPARATION
from jems.finance.rounding import ZERO, dec, div17_down, fl2, hu2, percent_of, trunc2

MAX_LUMP_SUMS = 50


@dataclass(frozen=True)
class LumpSum:
    """A project lump sum (§3): ``period`` (None when not set) and ``shares`` partner id → amount, plus the
    programme lump sum's ``cost``, ``splitting_allowed`` and ``fast_track``."""

    period: int | None
    shares: Mapping[Any, Decimal] = field(default_factory=dict)
    cost: Decimal = ZERO
    splitting_allowed: bool = True
    fast_track: bool = False

    @classmethod
    def from_api(cls, item: Mapping[str, Any], programme: Mapping[str, Any] | None = None) -> "LumpSum":
        """From a ProjectLumpSumDTO-shaped dict (``period``, ``lumpSumContributions``) and, optionally, the
        ProgrammeLumpSumDTO-shaped programme lump sum (``cost``, ``splittingAllowed``, ``fastTrack``)."""
        programme = programme or {}
        shares = {c["partnerId"]: dec(c["amount"]) for c in item.get("lumpSumContributions") or ()}
        return cls(period=item.get("period"), shares=shares, cost=dec(programme.get("cost", ZERO)),
                   splitting_allowed=programme.get("splittingAllowed", True),
                   fast_track=programme.get("fastTrack", False))


def valid_periods(periods: int) -> list[int]:
    """The periods a lump sum may use: 0 (preparation), 1..n and 255 (closure) (§3)."""
    return [PREPARATION, *range(1, periods + 1), CLOSURE]


def partner_totals(lump_sums: Iterable[LumpSum]) -> dict[Any, Decimal]:
    """Partner id → Σ of its shares over all lump sums, whatever the period: the "lump sums" category (§1.4)."""
    totals: dict[Any, Decimal] = {}
    for lump_sum in lump_sums:
        for partner, amount in lump_sum.shares.items():
            totals[partner] = totals.get(partner, ZERO) + dec(amount)
    return totals


def partner_period_sums(lump_sums: Iterable[LumpSum]) -> dict[Any, dict[int, Decimal]]:
    """Partner id → period → Σ shares of the lump sums in that period (§1.5); lump sums without a period are
    left out, so they reach the last period through its remainder."""
    result: dict[Any, dict[int, Decimal]] = {}
    for lump_sum in lump_sums:
        if lump_sum.period is None:
            continue
        for partner, amount in lump_sum.shares.items():
            periods = result.setdefault(partner, {})
            periods[lump_sum.period] = periods.get(lump_sum.period, ZERO) + dec(amount)
    return result


def lump_sum_errors(lump_sums: Sequence[LumpSum], periods: int) -> list[tuple[int | None, str]]:
    """The save-time rules of §3 as (index or None, code): ``max.exceeded`` (more than 50),
    ``splitting.not.allowed`` (more than one partner with an amount > 0 when splitting is not allowed),
    ``period.invalid`` (a period other than 0, 1..n, 255)."""
    errors: list[tuple[int | None, str]] = []
    if len(lump_sums) > MAX_LUMP_SUMS:
        errors.append((None, "max.exceeded"))
    allowed = set(valid_periods(periods))
    for index, lump_sum in enumerate(lump_sums):
        if not lump_sum.splitting_allowed and sum(1 for a in lump_sum.shares.values() if dec(a) > 0) > 1:
            errors.append((index, "splitting.not.allowed"))
        if lump_sum.period is not None and lump_sum.period not in allowed:
            errors.append((index, "period.invalid"))
    return errors


def lump_sum_issues(lump_sums: Sequence[LumpSum]) -> list[tuple[int, str]]:
    """The pre-submission rules of §3 as (index, code): ``shares.do.not.match.cost`` (Σ shares ≠ the programme
    cost) and ``period.missing``."""
    issues: list[tuple[int, str]] = []
    for index, lump_sum in enumerate(lump_sums):
        if sum((dec(a) for a in lump_sum.shares.values()), ZERO) != dec(lump_sum.cost):
            issues.append((index, "shares.do.not.match.cost"))
        if lump_sum.period is None:
            issues.append((index, "period.missing"))
    return issues


def ftls_fund_amounts(shares: Mapping[Any, Decimal],
                      partner_fund_percentages: Mapping[Any, Mapping[int, Decimal]]) -> dict[int, dict[Any, Decimal]]:
    """Fund id → partner id → ``amountApprovedPerPartner = trunc2(share × pct_f/100)`` for every partner share
    ≠ 0 and every fund of that partner (§5.1); ``amountApprovedPerFund`` is the sum over the partners."""
    result: dict[int, dict[Any, Decimal]] = {}
    for partner, amount in shares.items():
        if dec(amount) == 0:
            continue
        for fund_id, pct in partner_fund_percentages.get(partner, {}).items():
            result.setdefault(fund_id, {})[partner] = trunc2(percent_of(amount, pct))
    return result


@dataclass(frozen=True)
class FtlsFundShare:
    """One fund of one FTLS partner share: the fund ``value``, its ``share`` of the partner contribution and
    ``total`` = value + share (the payment list's total eligible amount, §6 rule 12)."""

    value: Decimal
    share: Decimal
    total: Decimal


def ftls_split(amount: Decimal, fund_percentages: Mapping[int, Decimal]) -> dict[int, FtlsFundShare]:
    """The per-fund split of a partner's FTLS share (§5.1 through §4.3): ``fund_f = fl2(amount × pct_f/100)``,
    ``PC = amount − Σ fund_f``, ``share_f = hu2(PC × div17↓(fund_f, Σ fund))`` (0 if Σ fund = 0).

    Example: 1999.99 with 60 % and 14.66 % → values 1199.99 and 293.19, PC 506.81, totals 1607.29 and 392.70.
    """
    amount = dec(amount)
    values = {fund_id: fl2(percent_of(amount, pct)) for fund_id, pct in fund_percentages.items()}
    fund_sum = sum(values.values(), ZERO)
    contribution = amount - fund_sum
    result = {}
    for fund_id, value in values.items():
        share = hu2(contribution * div17_down(value, fund_sum)) if fund_sum != 0 else hu2(ZERO)
        result[fund_id] = FtlsFundShare(value, share, value + share)
    return result
