"""Co-financing arithmetic (finance-rules.md §1.6 and §2.1–§2.5, §6 rule 3).

* ``fund_amount(total, pct)`` – ``dn2(total × pct/100)``; ``derive(total, fund_percentages, contributions)`` – the
  §2.3 derived amounts: truncated fund amounts, the partner contribution as the remainder (the stored
  partner-contribution % is ignored), public / automatic public / private sums (``contribution_sums``).
* ``cofinancing_issues(...)`` – the §2.2 pre-submission rules of one partner (or SPF) co-financing, as issue codes;
  ``spf_management_share_ok`` – the SPF-call rule "management ≤ 20 % of management + SPF".
* ``management_eligible_budget`` / ``spf_eligible_budget`` and ``budget_per_fund(fund_ids, sources)`` – the §2.4
  budget-per-fund table (D.1) with ``pct5`` percentages and its total row.
* ``share_percentage(amount, total)`` – §2.5 "% of total partner budget" of the AF export (rounded down).
* ``funds_per_period(fund_ids, partners, periods)`` – §1.6 fund amounts per period, the last real period taking the
  remainder of the fund total.

Contributions may be ``Contribution`` objects or API-shaped dicts with ``status`` and ``amount``.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jems.finance.budget import CLOSURE, PREPARATION
from jems.finance.rounding import HUNDRED, ZERO, dec, dn2, fl2, pct5, percent_of, ratio

PUBLIC = "Public"
AUTOMATIC_PUBLIC = "AutomaticPublic"
PRIVATE = "Private"
SPF_MANAGEMENT_MAX_PERCENT = Decimal(20)


@dataclass(frozen=True)
class Contribution:
    """An origin of the partner contribution (§2.1): legal status (Public, AutomaticPublic, Private) and amount."""

    status: str | None
    amount: Decimal | None
    name: str = ""
    partner: bool = False


def _get(item: Any, key: str):
    return item.get(key) if isinstance(item, Mapping) else getattr(item, key)


@dataclass(frozen=True)
class ContributionSums:
    """The contributions summed by legal status (§2.3)."""

    public: Decimal = ZERO
    automatic_public: Decimal = ZERO
    private: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        """Σ of all contribution amounts."""
        return self.public + self.automatic_public + self.private

    @property
    def total_public(self) -> Decimal:
        """Public plus automatic public."""
        return self.public + self.automatic_public

    def __add__(self, other: "ContributionSums") -> "ContributionSums":
        return ContributionSums(self.public + other.public, self.automatic_public + other.automatic_public,
                                self.private + other.private)


def contribution_sums(contributions: Iterable[Any]) -> ContributionSums:
    """Σ amounts of the contributions with status Public, AutomaticPublic and Private (§2.3)."""
    by_status = {PUBLIC: ZERO, AUTOMATIC_PUBLIC: ZERO, PRIVATE: ZERO}
    for item in contributions:
        status, amount = _get(item, "status"), _get(item, "amount")
        status = getattr(status, "value", status)
        if status in by_status and amount is not None:
            by_status[status] += dec(amount)
    return ContributionSums(by_status[PUBLIC], by_status[AUTOMATIC_PUBLIC], by_status[PRIVATE])


def fund_amount(total: Decimal, pct: Decimal) -> Decimal:
    """The amount of a fund: ``dn2(total × pct / 100)`` (§2.3, truncated; §6 rule 3)."""
    return dn2(percent_of(total, pct))


@dataclass(frozen=True)
class PartnerCofinancing:
    """The §2.3 derived amounts of one partner: fund amounts, the partner contribution and the contributions."""

    total: Decimal
    fund_amounts: Mapping[int, Decimal]
    partner_percentage: Decimal
    partner_contribution: Decimal
    contributions: ContributionSums = field(default_factory=ContributionSums)
    contribution_total: Decimal = ZERO

    @property
    def contributions_match(self) -> bool:
        """Whether Σ contribution amounts (whatever their status) equals the partner contribution (§2.2)."""
        return self.contribution_total == self.partner_contribution


def derive(total: Decimal, fund_percentages: Mapping[int, Decimal],
           contributions: Iterable[Any] = ()) -> PartnerCofinancing:
    """§2.3 for a (management or SPF) total: ``fundAmount_f = dn2(total × pct_f/100)``, ``partnerPercentage =
    100 − Σ fund %`` and ``partnerContribution = total − Σ fundAmount_f``, plus the contribution sums by status
    and their total whatever the status.

    Example: 5123.12 at 23.26 % → fund 1191.63, partner contribution 3931.49 (76.74 %).
    """
    total, contributions = dec(total), list(contributions)
    amounts = {fund_id: fund_amount(total, pct) for fund_id, pct in fund_percentages.items()}
    return PartnerCofinancing(
        total=total, fund_amounts=amounts,
        partner_percentage=HUNDRED - sum((dec(p) for p in fund_percentages.values()), ZERO),
        partner_contribution=total - sum(amounts.values(), ZERO),
        contributions=contribution_sums(contributions),
        contribution_total=sum((dec(_get(c, "amount")) for c in contributions if _get(c, "amount") is not None),
                               ZERO))


def cofinancing_issues(total: Decimal, fund_percentages: Mapping[int, Decimal],
                       contribution_percentage: Decimal | None, contributions: Sequence[Any]) -> list[str]:
    """The §2.2 pre-submission rules of one co-financing set, as issue codes (empty when it passes).

    * ``no.cofinancing`` – no line at all;
    * ``percentage.not.positive`` – a fund or the partner-contribution line at 0 % (or missing that line);
    * ``contribution.status.missing`` / ``contribution.amount.not.positive`` – per contribution;
    * ``contributions.do.not.match`` – Σ contribution amounts ≠ ``total − Σ_f dn2(total × pct_f/100)``.
    """
    issues: list[str] = []
    if not fund_percentages and contribution_percentage is None:
        return ["no.cofinancing"]
    percentages = [*fund_percentages.values(), contribution_percentage]
    if any(p is None or dec(p) <= 0 for p in percentages):
        issues.append("percentage.not.positive")
    if any(not _get(c, "status") for c in contributions):
        issues.append("contribution.status.missing")
    if any(_get(c, "amount") is None or dec(_get(c, "amount")) <= 0 for c in contributions):
        issues.append("contribution.amount.not.positive")
    if not derive(total, fund_percentages, contributions).contributions_match:
        issues.append("contributions.do.not.match")
    return issues


def spf_management_share_ok(management_total: Decimal, spf_total: Decimal) -> bool:
    """SPF calls (§2.2 pre-submission): the management total is at most 20 % of management + SPF (exactly)."""
    management_total = dec(management_total)
    return management_total * HUNDRED <= SPF_MANAGEMENT_MAX_PERCENT * (management_total + dec(spf_total))


def share_percentage(amount: Decimal, total: Decimal) -> Decimal:
    """§2.5 "% of total partner budget" of the AF export: ``amount × 100 / total`` rounded DOWN to 2 decimals,
    0 when ``total ≤ 0``. Examples: 3261.01 / 61458.42 → 5.30; 666.66 / 14249.50 → 4.67."""
    total = dec(total)
    if total <= 0:
        return dn2(ZERO)
    return dn2(ratio(dec(amount) * HUNDRED, total))


def management_eligible_budget(total: Decimal, spf: Decimal) -> Decimal:
    """``totalEligibleBudget`` of a management row of the D.1 table: ``dn2(total) − spf`` (§2.4)."""
    return dn2(total) - dec(spf)


def spf_eligible_budget(spf: Decimal) -> Decimal:
    """``totalEligibleBudget`` of the SPF row of an SPF beneficiary in the D.1 table: ``dn2(spf)`` (§2.4)."""
    return dn2(spf)


@dataclass(frozen=True)
class FundTableSource:
    """One row of the D.1 table to compute: its eligible budget, its fund rates and its contributions."""

    key: Any
    eligible_budget: Decimal
    fund_percentages: Mapping[int, Decimal]
    contributions: Sequence[Any] = ()


@dataclass(frozen=True)
class FundCell:
    """One fund in a D.1 row: ``value``, the partner's rate ``percentage`` and ``percentage_of_total`` (pct5)."""

    fund_id: int
    value: Decimal
    percentage: Decimal
    percentage_of_total: Decimal


@dataclass(frozen=True)
class FundTableRow:
    """A row of the D.1 budget-per-fund table (a partner, an SPF row, or the total row with ``key`` None)."""

    key: Any
    funds: tuple[FundCell, ...]
    public_contribution: Decimal
    auto_public_contribution: Decimal
    private_contribution: Decimal
    total_partner_contribution: Decimal
    total_eligible_budget: Decimal
    percentage_of_total_eligible_budget: Decimal


@dataclass(frozen=True)
class FundTable:
    """The D.1 table: the rows in the given order and the total row."""

    rows: tuple[FundTableRow, ...]
    total: FundTableRow


def budget_per_fund(fund_ids: Sequence[int], sources: Sequence[FundTableSource]) -> FundTable:
    """The §2.4 budget-per-fund table (D.1) for the call funds ``fund_ids`` (in column order).

    Per row: fund ``value = dn2(eligible × pct/100)`` (0 and 0 % when the row does not use the fund),
    ``% of total <fund> = pct5(value, Σ rows of that fund)``, contributions by status,
    ``% of total eligible budget = pct5(eligible, Σ eligible budgets)``. Total row: Σ of each column, fund
    percentage ``pct5(fund total, Σ eligible budgets)``, 100 % of the eligible budget, "% of total fund" 0.
    Pass management rows (``management_eligible_budget``) and, in the web API of SPF calls, SPF rows
    (``spf_eligible_budget``); the export plugins pass management rows only (§2.4 SPF difference).
    """
    values = {
        index: {f: fund_amount(source.eligible_budget, source.fund_percentages[f]) if f in source.fund_percentages
                else dn2(ZERO) for f in fund_ids}
        for index, source in enumerate(sources)}
    fund_totals = {f: sum((values[i][f] for i in values), ZERO) for f in fund_ids}
    grand = sum((dec(s.eligible_budget) for s in sources), ZERO)
    rows = []
    for index, source in enumerate(sources):
        sums = contribution_sums(source.contributions)
        cells = tuple(FundCell(f, values[index][f], dec(source.fund_percentages.get(f, ZERO)),
                               pct5(values[index][f], dn2(fund_totals[f]))) for f in fund_ids)
        rows.append(FundTableRow(source.key, cells, sums.public, sums.automatic_public, sums.private, sums.total,
                                 dec(source.eligible_budget), pct5(source.eligible_budget, grand)))
    all_sums = sum((contribution_sums(s.contributions) for s in sources), ContributionSums())
    total = FundTableRow(
        None, tuple(FundCell(f, fund_totals[f], pct5(fund_totals[f], grand), dn2(ZERO)) for f in fund_ids),
        all_sums.public, all_sums.automatic_public, all_sums.private, all_sums.total, grand,
        HUNDRED.quantize(Decimal("0.01")))
    return FundTable(tuple(rows), total)


@dataclass(frozen=True)
class FundPeriods:
    """One fund per period (§1.6): amounts keyed 0, 1..n, 255 and the fund total."""

    fund_id: int
    periods: Mapping[int, Decimal]
    total: Decimal


def funds_per_period(fund_ids: Sequence[int],
                     partners: Iterable[tuple[Mapping[int, Decimal], Mapping[int, Decimal]]],
                     periods: int) -> list[FundPeriods]:
    """§1.6 funds per period. ``partners`` = (period totals keyed 0, 1..n, 255 as from ``split_per_period``,
    fund percentages) per partner; ``periods`` = n.

    Period k of fund f = ``Σ_partners fl2(periodTotal_{p,k} × pct_{p,f}/100)`` (periods 0 and 255 included);
    fund total = ``Σ_partners fl2(Σ_k periodTotal_{p,k} × pct_{p,f}/100)``; the last real period n is the fund total
    minus every other period.
    """
    partners = list(partners)
    numbers = [PREPARATION, *range(1, periods + 1), CLOSURE]
    result = []
    for fund_id in fund_ids:
        amounts = {k: ZERO for k in numbers}
        total = ZERO
        for period_totals, percentages in partners:
            if fund_id not in percentages:
                continue
            pct = percentages[fund_id]
            for k in numbers:
                amounts[k] += fl2(percent_of(dec(period_totals.get(k, ZERO)), pct))
            total += fl2(percent_of(sum((dec(v) for v in period_totals.values()), ZERO), pct))
        if periods >= 1:
            amounts[periods] = total - sum((v for k, v in amounts.items() if k != periods), ZERO)
        result.append(FundPeriods(fund_id, amounts, total))
    return result
