"""The A.3 project co-financing overview (finance-rules.md §2.6, §6 rules 5 and 13).

``co_financing_overview(funds, partners)`` computes one category of the overview: call it once for management
(partner totals without SPF with the normal co-financing) and once for SPF (SPF totals with the SPF co-financing).
Field names follow ProjectCoFinancingCategoryOverviewDTO / ProjectCoFinancingByFundOverviewDTO.

Documented deviation (§6 rule 5): Jems sums the contributions of the totals over the fund rows, so a partner with
two funds is counted twice; here each partner's contributions are counted once in the totals, and once in the EU
totals when the partner has at least one EU fund (type ≠ ``OTHER``). The fund rows are as in Jems.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jems.finance.cofinancing import ContributionSums, contribution_sums
from jems.finance.rounding import HUNDRED, ZERO, dec, dn2, hd2, percent_of, ratio

OTHER_FUND_TYPE = "OTHER"


@dataclass(frozen=True)
class OverviewPartner:
    """A partner as the overview sees it: its total (management or SPF), fund id → rate, and contributions."""

    total: Decimal
    fund_percentages: Mapping[int, Decimal]
    contributions: Sequence[Any] = ()


@dataclass(frozen=True)
class FundOverview:
    """One fund row of the A.3 overview (ProjectCoFinancingByFundOverviewDTO)."""

    fund_id: int
    fund_type: str | None
    funding_amount: Decimal
    co_financing_rate: Decimal
    auto_public_contribution: Decimal
    other_public_contribution: Decimal
    total_public_contribution: Decimal
    private_contribution: Decimal
    total_contribution: Decimal
    total_fund_and_contribution: Decimal


@dataclass(frozen=True)
class CategoryOverview:
    """One category (management or SPF) of the A.3 overview (ProjectCoFinancingCategoryOverviewDTO)."""

    fund_overviews: tuple[FundOverview, ...] = ()
    total_funding_amount: Decimal = ZERO
    total_eu_funding_amount: Decimal = ZERO
    average_co_financing_rate: Decimal = ZERO
    average_eu_financing_rate: Decimal = ZERO
    total_auto_public_contribution: Decimal = ZERO
    total_eu_auto_public_contribution: Decimal = ZERO
    total_other_public_contribution: Decimal = ZERO
    total_eu_other_public_contribution: Decimal = ZERO
    total_public_contribution: Decimal = ZERO
    total_eu_public_contribution: Decimal = ZERO
    total_private_contribution: Decimal = ZERO
    total_eu_private_contribution: Decimal = ZERO
    total_contribution: Decimal = ZERO
    total_eu_contribution: Decimal = ZERO
    total_fund_and_contribution: Decimal = ZERO
    total_eu_fund_and_contribution: Decimal = ZERO


def _rate(amount: Decimal, divisor: Decimal) -> Decimal:
    """``hd2(amount × 100 / divisor)``, 0 when the divisor is 0 (§2.6, §6 rule 13)."""
    return hd2(ratio(amount * HUNDRED, divisor)) if divisor != 0 else hd2(ZERO)


def co_financing_overview(funds: Sequence[tuple[int, str | None]],
                          partners: Sequence[OverviewPartner]) -> CategoryOverview:
    """One category of the A.3 overview for the call's programme funds ``funds`` = (fund id, fund type) in order.

    Fund row f over the partners P_f that use f: ``fundingAmount = Σ dn2(total_p / 100 × pct_{p,f})``;
    contributions = Σ of all contributions of P_f by status; ``totalFundAndContribution = funding +
    contributions``; ``coFinancingRate = hd2(funding × 100 / totalFundAndContribution)``. Totals: funding sums
    over the rows (EU rows: type ≠ OTHER); contributions count each partner of any row once (§6 rule 5);
    ``totalFundAndContribution = Σ partner totals``; ``averageCoFinancingRate = hd2(totalFunding × 100 /
    Σ partner totals)``; ``totalEuFundAndContribution = EU funding + EU contributions`` and
    ``averageEuFinancingRate = hd2(EU funding × 100 / totalEuFundAndContribution)``.
    """
    sums = [contribution_sums(p.contributions) for p in partners]
    rows = []
    for fund_id, fund_type in funds:
        users = [i for i, p in enumerate(partners) if fund_id in p.fund_percentages]
        funding = sum((dn2(percent_of(partners[i].total, partners[i].fund_percentages[fund_id])) for i in users),
                      ZERO)
        contributions = sum((sums[i] for i in users), ContributionSums())
        fund_and_contribution = funding + contributions.total
        rows.append(FundOverview(
            fund_id=fund_id, fund_type=fund_type, funding_amount=funding,
            co_financing_rate=_rate(funding, fund_and_contribution),
            auto_public_contribution=contributions.automatic_public, other_public_contribution=contributions.public,
            total_public_contribution=contributions.total_public, private_contribution=contributions.private,
            total_contribution=contributions.total, total_fund_and_contribution=fund_and_contribution))

    fund_ids = [fund_id for fund_id, _ in funds]
    eu_ids = {fund_id for fund_id, fund_type in funds if fund_type != OTHER_FUND_TYPE}
    counted = [i for i, p in enumerate(partners) if any(f in p.fund_percentages for f in fund_ids)]
    eu_counted = [i for i, p in enumerate(partners) if any(f in p.fund_percentages for f in eu_ids)]
    all_contributions = sum((sums[i] for i in counted), ContributionSums())
    eu_contributions = sum((sums[i] for i in eu_counted), ContributionSums())
    total_funding = sum((r.funding_amount for r in rows), ZERO)
    eu_funding = sum((r.funding_amount for r in rows if r.fund_id in eu_ids), ZERO)
    partner_totals = sum((dec(p.total) for p in partners), ZERO)
    eu_fund_and_contribution = eu_funding + eu_contributions.total
    return CategoryOverview(
        fund_overviews=tuple(rows),
        total_funding_amount=total_funding,
        total_eu_funding_amount=eu_funding,
        average_co_financing_rate=_rate(total_funding, partner_totals),
        average_eu_financing_rate=_rate(eu_funding, eu_fund_and_contribution),
        total_auto_public_contribution=all_contributions.automatic_public,
        total_eu_auto_public_contribution=eu_contributions.automatic_public,
        total_other_public_contribution=all_contributions.public,
        total_eu_other_public_contribution=eu_contributions.public,
        total_public_contribution=all_contributions.total_public,
        total_eu_public_contribution=eu_contributions.total_public,
        total_private_contribution=all_contributions.private,
        total_eu_private_contribution=eu_contributions.private,
        total_contribution=all_contributions.total,
        total_eu_contribution=eu_contributions.total,
        total_fund_and_contribution=partner_totals,
        total_eu_fund_and_contribution=eu_fund_and_contribution)
