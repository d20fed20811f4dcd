"""Partner budget totals (finance-rules §1.3): `partner_budgets(project, snapshot=None)` for the whole project in a
fixed number of queries, used by the budget pages, co-financing and the overviews.

The entered sums per category come from the cost rows (row sums), the lump-sum category from the partner's
shares in the project lump sums (section E); the flat rates are applied by `jems.finance.budget.calculate`."""

from decimal import Decimal

from jems.finance.budget import BudgetOptions, BudgetTotals, CategorySums, calculate
from jems.projects.lumpsums.queries import partner_lump_sum_totals

from . import parts

# CategorySums field -> cost list key
SUM_LISTS = {"staff": "staffCosts", "travel": "travelCosts", "external": "externalCosts",
             "equipment": "equipmentCosts", "infrastructure": "infrastructureCosts", "unit_costs": "unitCosts",
             "spf": "spfCosts"}


def options_of(budget: dict) -> BudgetOptions:
    """The finance-layer options of a budget dict."""
    return BudgetOptions(**{attr: budget["options"].get(key) for key, attr in parts.OPTION_KEYS.items()})


def _sum(rows) -> Decimal:
    return sum((Decimal(r.get("rowSum") or 0) for r in rows), Decimal(0))


def category_sums(budget: dict, lump_sums: Decimal = Decimal(0)) -> CategorySums:
    """The entered sums of a budget dict: Σ row sums per list, plus the partner's lump-sum total."""
    return CategorySums(lump_sums=lump_sums, **{name: _sum(budget["costs"][key]) for name, key in SUM_LISTS.items()})


def budget_totals(budget: dict, lump_sums: Decimal = Decimal(0)) -> BudgetTotals:
    """B(options, S) of one partner budget dict (also used live by the page's recalculation)."""
    return calculate(options_of(budget), category_sums(budget, lump_sums))


def budgets_of(project, snapshot: dict | None = None) -> dict[int, dict]:
    """Partner id -> budget dict of every partner of the project (live, or frozen in the version snapshot)."""
    if snapshot is not None:
        frozen = snapshot.get(parts.SNAPSHOT_KEY) or {}
        ids = [p["id"] for p in snapshot.get("partners") or []]
        return {pid: parts.revive(frozen.get(str(pid))) for pid in ids}
    from jems.projects.partners.models import ProjectPartner

    return parts.live_budgets(ProjectPartner.objects.filter(project=project).values_list("pk", flat=True))


def partner_budgets(project, snapshot: dict | None = None) -> dict[int, BudgetTotals]:
    """Partner id -> calculated budget totals (finance-rules §1.3) for every partner (inactive ones included)."""
    lump_sums = partner_lump_sum_totals(project, snapshot)
    return {pid: budget_totals(budget, lump_sums.get(pid, Decimal(0)))
            for pid, budget in budgets_of(project, snapshot).items()}
