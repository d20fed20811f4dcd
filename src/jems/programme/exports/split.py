"""Real costs and unit costs per partner and cost list (finance-rules §1.7 "real cost" / "unit cost" columns):
Σ row sums of the rows without and with a unit cost, in one aggregate query for the live form or from the
frozen budgets of a version."""

from decimal import Decimal

from django.db.models import Case, DecimalField, Q, Sum, When

from jems.finance.rounding import ZERO
from jems.projects.budget import parts
from jems.projects.budget.models import BudgetCostRow, CostCategory

SPLIT = (CostCategory.STAFF, CostCategory.TRAVEL, CostCategory.EXTERNAL, CostCategory.EQUIPMENT,
         CostCategory.INFRASTRUCTURE)


def _live(partner_ids: list[int]) -> dict[int, dict[str, tuple[Decimal, Decimal]]]:
    amount = DecimalField(max_digits=17, decimal_places=2)
    rows = (BudgetCostRow.objects.filter(partner_id__in=partner_ids, category__in=SPLIT)
            .values("partner_id", "category")
            .annotate(real=Sum(Case(When(unit_cost__isnull=True, then="row_sum"), default=ZERO, output_field=amount)),
                      unit=Sum(Case(When(~Q(unit_cost__isnull=True), then="row_sum"), default=ZERO,
                                    output_field=amount))))
    out: dict[int, dict[str, tuple[Decimal, Decimal]]] = {pid: {} for pid in partner_ids}
    for row in rows:
        out[row["partner_id"]][row["category"]] = (Decimal(row["real"] or 0), Decimal(row["unit"] or 0))
    return out


def _frozen(partner_ids: list[int], snapshot: dict) -> dict[int, dict[str, tuple[Decimal, Decimal]]]:
    frozen = snapshot.get(parts.SNAPSHOT_KEY) or {}
    out: dict[int, dict[str, tuple[Decimal, Decimal]]] = {}
    for pid in partner_ids:
        costs = (frozen.get(str(pid)) or {}).get("costs") or {}
        split = {}
        for category in SPLIT:
            real = unit = ZERO
            for row in costs.get(parts.LIST_KEYS[category]) or []:
                amount = Decimal(str(row.get("rowSum") or 0))
                if row.get("unitCostId"):
                    unit += amount
                else:
                    real += amount
            split[category] = (real, unit)
        out[pid] = split
    return out


def real_and_unit(partner_ids: list[int], snapshot: dict | None) -> dict[int, dict[str, tuple[Decimal, Decimal]]]:
    """partner id → cost category → (real cost, unit cost); missing categories are (0, 0)."""
    return _frozen(partner_ids, snapshot) if snapshot is not None else _live(partner_ids)
