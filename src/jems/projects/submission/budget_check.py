"""The budget rules of the standard pre-submission check (features §4.12, finance-rules §1.1, §2.2, §3), applied
only when the call shows form field 45 (budget & co-financing, sections D and E) in the project's current step.

Per partner (active or not, finance-rules §2.2), as leaves of its node in section B:
* the budget total is above 0; rows split over the periods to the cent when the periods are shown;
* the co-financing is complete (a fund chosen, the partner-contribution line, every percentage above 0, every
  contribution with a status and an amount) and its contributions add up to the partner contribution
  (`jems.finance.cofinancing.cofinancing_issues`); SPF calls: the same for the SPF co-financing on the SPF total
  and the management share of at most 20 % (`spf_management_share_ok`);
* "a budget that no longer fits the call": the call may have changed after the budget was entered, so flat rates,
  unit costs, real-cost rows and funds are compared with the call as it is now and reported, never changed.

Section E: lump sums the call no longer offers, lump sums not fully split or without a period
(`jems.projects.lumpsums.queries.lump_sum_issues`)."""

from decimal import Decimal

from jems.calls.models import FlatRateType
from jems.calls.plugins import CheckMessage
from jems.finance.cofinancing import cofinancing_issues, derive, spf_management_share_ok
from jems.projects.budget.models import CostCategory
from jems.projects.budget.parts import LIST_KEYS
from jems.projects.budget.rules import FLAT_RATE_TYPES

from .data import BudgetData
from .tree import error

CATEGORIES = {key: category for category, key in LIST_KEYS.items()}  # cost list key -> category
MAIN_FUND, PARTNER_LINE = "MainFund", "PartnerContribution"


def _rows(budget: dict):
    """(category, its label, row number, row) of every cost row of a budget dict, list by list."""
    for key, rows in budget["costs"].items():
        category = CostCategory(CATEGORIES[key])
        for number, row in enumerate(rows, start=1):
            yield category, str(category.label), number, row


def _flat_rates(data: BudgetData, budget: dict) -> list[CheckMessage]:
    """Flat rates the call no longer offers, or at a rate its current setting does not allow."""
    messages = []
    for key, rate in budget["options"].items():
        if rate is None:
            continue
        name = str(FlatRateType(FLAT_RATE_TYPES[key]).label)
        if key not in data.rules.flat_rates:
            messages.append(error("b.budget.flat.rate.not.offered", name=name, rate=rate))
            continue
        maximum, adjustable = data.rules.flat_rates[key]
        if rate > maximum:
            messages.append(error("b.budget.flat.rate.above.maximum", name=name, rate=rate, max=maximum))
        elif not adjustable and rate != maximum:
            messages.append(error("b.budget.flat.rate.not.fixed.rate", name=name, rate=rate, fixed=maximum))
    return messages


def _cost_rows(data: BudgetData, budget: dict) -> list[CheckMessage]:
    """Per row: unit costs the call no longer offers, real costs the call no longer allows for the category, and
    (periods shown) Σ period amounts equal to the row sum (finance-rules §1.1)."""
    rules, messages = data.rules, []
    for category, label, number, row in _rows(budget):
        unit_cost_id = row.get("unitCostId")
        if unit_cost_id is not None and unit_cost_id not in rules.unit_costs:
            messages.append(error("b.budget.unit.cost.not.offered", category=label, number=number))
        elif unit_cost_id is None and rules.real_costs.get(category, True) is False:
            messages.append(error("b.budget.real.costs.not.allowed", category=label, number=number))
        if rules.periods_shown:
            split = sum((p["amount"] for p in row.get("budgetPeriods") or []), Decimal("0.00"))
            if split != row["rowSum"]:
                messages.append(error("b.budget.periods.not.split", category=label, number=number, split=split,
                                      sum=row["rowSum"]))
    return messages


def _cofinancing(data: BudgetData, prefix: str, cofinancing: dict | None, total) -> list[CheckMessage]:
    """One co-financing set on its base total: completeness, contributions (finance-rules §2.2) and the funds
    compared with the call's current funds and rates."""
    cofinancing = cofinancing or {"funds": [], "contributions": []}
    lines, contributions = cofinancing["funds"], cofinancing["contributions"]
    rates = {line["fundId"]: line["percentage"] for line in lines if line["fundType"] == MAIN_FUND}
    own = next((line["percentage"] for line in lines if line["fundType"] == PARTNER_LINE), None)
    issues = cofinancing_issues(total, rates, own, contributions)
    if "no.cofinancing" in issues:
        return [error(f"{prefix}.missing")]
    messages = []
    if not rates:
        messages.append(error(f"{prefix}.fund.missing"))
    if own is None:
        messages.append(error(f"{prefix}.partner.line.missing"))
        if all(rate > 0 for rate in rates.values()):
            issues.remove("percentage.not.positive")
    for code in ("percentage.not.positive", "contribution.status.missing", "contribution.amount.not.positive"):
        if code in issues:
            messages.append(error(f"{prefix}.{code}"))
    if "contributions.do.not.match" in issues:
        amounts = derive(total, rates, contributions)
        messages.append(error(f"{prefix}.contributions.do.not.match", sum=amounts.contribution_total,
                              expected=amounts.partner_contribution))
    for fund_id, rate in rates.items():
        name, offered = data.fund_names.get(fund_id, fund_id), data.call_funds.get(fund_id)
        if offered is None:
            messages.append(error(f"{prefix}.fund.not.offered", fund=name))
        elif rate > offered.rate:
            messages.append(error(f"{prefix}.fund.rate.above.maximum", fund=name, rate=rate, max=offered.rate))
        elif not offered.adjustable and rate != offered.rate:
            messages.append(error(f"{prefix}.fund.rate.not.fixed.rate", fund=name, rate=rate, fixed=offered.rate))
    return messages


def partner_messages(data: BudgetData, partner_id: int) -> list[CheckMessage]:
    """The budget and co-financing leaves of one partner."""
    budget, totals = data.budgets[partner_id], data.totals[partner_id]
    messages = []
    if totals.total <= 0:
        messages.append(error("b.budget.total.not.positive"))
    messages += _flat_rates(data, budget) + _cost_rows(data, budget)
    messages += _cofinancing(data, "b.cofinancing", data.cofinancing.get(partner_id), totals.management_total)
    if data.rules.spf:
        messages += _cofinancing(data, "b.spf.cofinancing", data.spf_cofinancing.get(partner_id), totals.spf)
        if not spf_management_share_ok(totals.management_total, totals.spf):
            messages.append(error("b.budget.spf.management.share"))
    return messages


def lump_sum_messages(data: BudgetData) -> list[CheckMessage]:
    """Section E leaves: lump sums the call no longer offers, not fully split, or without a period."""
    not_offered = {row["orderNr"] for row in data.lump_sums if row["programmeLumpSumId"] not in data.offered_lump_sums}
    messages = [error("e.lump.sum.not.offered", number=number) for number in sorted(not_offered)]
    for issue in data.lump_sum_issues:
        if issue["notFullySplit"] and issue["orderNr"] not in not_offered:  # its cost is no longer known
            messages.append(error("e.lump.sum.not.fully.split", number=issue["orderNr"]))
        if issue["periodMissing"]:
            messages.append(error("e.lump.sum.period.missing", number=issue["orderNr"]))
    return messages
