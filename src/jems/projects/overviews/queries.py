"""The project budget overviews (features §4.2 A.3 and §4.7 D.1–D.3) of the live form or of a version.

`load(actor, project_id, version)` reads everything of a project in one pass with a fixed number of queries
(access, partners, partner budget options and row sums, lump sums, co-financing sets, the call's funds; the
rows' period amounts only when a per-period overview is asked for, unless the caller hands over rows it has
read, `use_row_periods`) and `ProjectOverviews` computes each
overview once, on first use, with jems.finance only:

* `partner_totals` – B(options, S) per partner (finance-rules §1.3 `calculate`, as `budget.totals`);
* `per_period` – D.3.1 (§1.5 `split_per_period` / `split_spf_per_period`, `sum_periods`, `period_percentages`);
* `per_fund` – D.1 (§2.4 `budget_per_fund`);
* `funds_per_period` – D.3.2 (§1.6 `funds_per_period`), management and SPF;
* `co_financing` – A.3 (§2.6 `co_financing_overview`), management and SPF.

Inactive partners are included everywhere (§6 rule 6). SPF rows (cost type "Spf") exist only in SPF calls.
"""

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from jems.calls.models import CallFund, CallType
from jems.finance import budget as finance_budget
from jems.finance import cofinancing as finance_cofinancing
from jems.finance import lumpsums as finance_lumpsums
from jems.finance.budget import CLOSURE, PREPARATION, BudgetTotals, CategorySums
from jems.finance.overview import CategoryOverview, OverviewPartner, co_financing_overview
from jems.finance.rounding import ZERO
from jems.programme.schemas import fund_dto
from jems.projects.cofinancing.queries import partner_cofinancing, partner_spf_cofinancing
from jems.projects.lumpsums.queries import lump_sums_of
from jems.projects.partners import queries as partner_queries
from jems.projects.queries import version_snapshot

from .inputs import partner_inputs, period_amounts, row_period_sums

MANAGEMENT = "Management"
SPF = "Spf"
MAIN_FUND = "MainFund"


@dataclass(frozen=True)
class PeriodRow:
    """One row of D.3.1: a partner's management (or SPF) budget per period keyed 0, 1..n, 255, and its total."""

    partner: dict
    cost_type: str
    periods: dict[int, Decimal]
    total: Decimal


@dataclass(frozen=True)
class PerPeriod:
    """D.3.1: the rows (SPF rows first), the project totals per period and their percentages."""

    rows: tuple[PeriodRow, ...]
    totals: dict[int, Decimal]
    grand_total: Decimal
    percentages: dict[int, Decimal]


@dataclass(frozen=True)
class FundRow:
    """A row of D.1 with its partner (None for the total row) and cost type (None for the total row)."""

    partner: dict | None
    cost_type: str | None
    row: finance_cofinancing.FundTableRow


def _fund_rates(data: dict | None) -> dict[int, Decimal]:
    """fund id → percentage of the MainFund lines of a co-financing set."""
    return {f["fundId"]: f["percentage"] for f in (data or {}).get("funds") or [] if f["fundType"] == MAIN_FUND}


def _contributions(data: dict | None) -> list[dict]:
    """The contributions (origins) of a co-financing set."""
    return list((data or {}).get("contributions") or [])


class ProjectOverviews:
    """Everything the overviews of one project need, loaded once; each overview is computed on first use."""

    def __init__(self, acc, version_row, snapshot: dict | None, partners: list[dict]):
        self.access = acc
        self.project = acc.project
        self.version_row = version_row
        self.snapshot = snapshot
        self.partners = partners
        self.summaries = {p["id"]: partner_queries.summary(p) for p in partners}
        call = self.project.call
        self.spf_call = call.type == CallType.SPF
        self.funds = [cf.fund for cf in CallFund.objects.filter(call_id=call.pk).select_related("fund")
                      .order_by("fund_id")]
        self.fund_dtos = {fund.pk: fund_dto(fund) for fund in self.funds}
        self.inputs = partner_inputs([p["id"] for p in partners], snapshot)
        self.lump_sum_rows = lump_sums_of(self.project, snapshot)  # E.1 rows (ProjectLumpSumDTO shape), in order
        self.lump_sums = [finance_lumpsums.LumpSum.from_api(row) for row in self.lump_sum_rows]
        self.cofinancing = partner_cofinancing(self.project, snapshot)
        self.spf_cofinancing = partner_spf_cofinancing(self.project, snapshot) if self.spf_call else {}
        self.duration = snapshot.get("duration") if snapshot is not None else self.project.duration
        self.period_length = call.length_of_period
        self.period_count = finance_budget.period_count(self.duration, self.period_length)

    @property
    def fund_ids(self) -> list[int]:
        """The call's funds in column order (by id)."""
        return [fund.pk for fund in self.funds]

    @property
    def is_past_version(self) -> bool:
        """True when a past version (its frozen parts) is shown."""
        return self.snapshot is not None

    # --- partner totals (getProjectBudget, D.2) -------------------------------------------------------------

    @cached_property
    def partner_totals(self) -> dict[int, BudgetTotals]:
        """partner id → calculated budget (finance-rules §1.3), in partner order."""
        lump_sums = finance_lumpsums.partner_totals(self.lump_sums)
        return {pid: finance_budget.calculate(inputs.options,
                                              CategorySums(lump_sums=lump_sums.get(pid, ZERO), **inputs.sums))
                for pid, inputs in self.inputs.items()}

    @cached_property
    def category_totals(self) -> dict[str, Decimal]:
        """The D.2 total row: every category of BudgetTotals summed over the partners."""
        names = (*finance_budget.CATEGORIES, "total")
        return finance_budget.sum_periods([dict.fromkeys(names, ZERO), *(
            {name: getattr(t, name) for name in names} for t in self.partner_totals.values())])

    # --- D.3.1 budget per period ----------------------------------------------------------------------------

    @property
    def period_numbers(self) -> list[int]:
        """0 (preparation), 1..n and 255 (closure)."""
        return [PREPARATION, *range(1, self.period_count + 1), CLOSURE]

    def period_bounds(self, number: int) -> tuple[int, int]:
        """(first month, last month) of a real period; (0, 0) for preparation and closure."""
        if number in (PREPARATION, CLOSURE):
            return 0, 0
        return finance_budget.period_months(number, self.period_length, self.duration)

    @cached_property
    def period_amounts(self) -> dict[int, dict[str, dict[int, Decimal]]]:
        """partner id → category → period → Σ of the rows' period amounts (read on first use)."""
        return period_amounts(list(self.inputs), self.snapshot)

    def use_row_periods(self, rows: dict[int, list[tuple[str, dict[int, Decimal]]]]) -> None:
        """Take `period_amounts` from budget rows the caller has already read (partner id → [(cost category,
        period → amount)]) instead of reading them again; call it before the first per-period overview."""
        self.__dict__["period_amounts"] = row_period_sums(rows)

    def _period_sums(self, partner_id: int, lump_sums: dict[int, Decimal]) -> dict[int, CategorySums]:
        """period → entered sums of the partner's row period amounts and lump-sum shares (SPF left out)."""
        by_period: dict[int, dict[str, Decimal]] = {}
        for name, amounts in self.period_amounts[partner_id].items():
            if name != "spf":
                for number, amount in amounts.items():
                    by_period.setdefault(number, {})[name] = amount
        for number, amount in lump_sums.items():
            by_period.setdefault(number, {})["lump_sums"] = amount
        return {number: CategorySums(**values) for number, values in by_period.items()}

    @cached_property
    def management_periods(self) -> dict[int, dict[int, BudgetTotals]]:
        """partner id → period → management budget of that period (finance-rules §1.5)."""
        lump_sums = finance_lumpsums.partner_period_sums(self.lump_sums)
        return {pid: finance_budget.split_per_period(inputs.options, self.partner_totals[pid].management(),
                                                     self._period_sums(pid, lump_sums.get(pid, {})),
                                                     self.period_count)
                for pid, inputs in self.inputs.items()}

    @cached_property
    def spf_periods(self) -> dict[int, dict[int, Decimal]]:
        """partner id → period → SPF amount (SPF calls only, finance-rules §1.5)."""
        if not self.spf_call:
            return {}
        return {pid: finance_budget.split_spf_per_period(self.partner_totals[pid].spf,
                                                         self.period_amounts[pid].get("spf", {}), self.period_count)
                for pid in self.inputs}

    @cached_property
    def per_period(self) -> PerPeriod:
        """D.3.1 with the SPF rows first, the project totals per period, the grand total and the percentages."""
        rows = [PeriodRow(self.summaries[pid], SPF, periods, self.partner_totals[pid].spf)
                for pid, periods in self.spf_periods.items()]
        rows += [PeriodRow(self.summaries[pid], MANAGEMENT, {k: t.total for k, t in periods.items()},
                           self.partner_totals[pid].management_total)
                 for pid, periods in self.management_periods.items()]
        totals = finance_budget.sum_periods([{k: ZERO for k in self.period_numbers}, *(r.periods for r in rows)])
        totals = {k: totals[k] for k in self.period_numbers}
        grand = sum(totals.values(), ZERO)
        return PerPeriod(tuple(rows), totals, grand, finance_budget.period_percentages(totals))

    # --- D.1 budget per fund --------------------------------------------------------------------------------

    @cached_property
    def per_fund(self) -> tuple[list[FundRow], FundRow]:
        """D.1 (finance-rules §2.4): a management row per partner (and its SPF row in SPF calls), and the total."""
        sources, keys = [], []
        for partner in self.partners:
            pid, totals = partner["id"], self.partner_totals[partner["id"]]
            data = self.cofinancing.get(pid)
            sources.append(finance_cofinancing.FundTableSource(
                len(keys), finance_cofinancing.management_eligible_budget(totals.total, totals.spf),
                _fund_rates(data), _contributions(data)))
            keys.append((self.summaries[pid], MANAGEMENT))
            if self.spf_call:
                spf_data = self.spf_cofinancing.get(pid)
                sources.append(finance_cofinancing.FundTableSource(
                    len(keys), finance_cofinancing.spf_eligible_budget(totals.spf), _fund_rates(spf_data),
                    _contributions(spf_data)))
                keys.append((self.summaries[pid], SPF))
        table = finance_cofinancing.budget_per_fund(self.fund_ids, sources)
        rows = [FundRow(*keys[row.key], row) for row in table.rows]
        return rows, FundRow(None, None, table.total)

    # --- D.3.2 funds per period -----------------------------------------------------------------------------

    def _funds_per_period(self, period_rows: dict[int, dict[int, Decimal]], sets: dict[int, dict]):
        partners = [(periods, _fund_rates(sets.get(pid))) for pid, periods in period_rows.items()]
        return finance_cofinancing.funds_per_period(self.fund_ids, partners, self.period_count)

    @cached_property
    def funds_per_period(self) -> dict[str, list[finance_cofinancing.FundPeriods]]:
        """D.3.2 (finance-rules §1.6): cost type → one FundPeriods per call fund (SPF: empty outside SPF calls)."""
        management = {pid: {k: t.total for k, t in periods.items()}
                      for pid, periods in self.management_periods.items()}
        return {MANAGEMENT: self._funds_per_period(management, self.cofinancing),
                SPF: self._funds_per_period(self.spf_periods, self.spf_cofinancing) if self.spf_call else []}

    # --- A.3 co-financing overview --------------------------------------------------------------------------

    def _overview(self, totals: dict[int, Decimal], sets: dict[int, dict]) -> CategoryOverview:
        funds = [(fund.pk, fund.type) for fund in self.funds]
        partners = [OverviewPartner(totals[pid], _fund_rates(sets.get(pid)), _contributions(sets.get(pid)))
                    for pid in totals]
        return co_financing_overview(funds, partners)

    @cached_property
    def co_financing(self) -> dict[str, CategoryOverview]:
        """A.3 (finance-rules §2.6, §6 rule 5): cost type → category overview, management on the management
        totals with the co-financing, SPF on the SPF totals with the SPF co-financing."""
        management = {pid: t.management_total for pid, t in self.partner_totals.items()}
        spf = {pid: t.spf for pid, t in self.partner_totals.items()}
        return {MANAGEMENT: self._overview(management, self.cofinancing),
                SPF: self._overview(spf, self.spf_cofinancing)}


def load(*, actor, project_id, version: str | None = None) -> ProjectOverviews:
    """The overviews of a project the actor may see (404 otherwise), live or of the given version (404 for an
    unknown version)."""
    acc, partners = partner_queries.project_partners(actor=actor, project_id=project_id, version=version)
    row, snapshot = version_snapshot(acc.project, version)
    return ProjectOverviews(acc, row, snapshot, partners)
