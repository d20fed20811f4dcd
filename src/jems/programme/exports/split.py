"""The partner budget rows as the budget export reads them, live (one query for every partner, texts picked in
the data language by the database) or from the frozen budgets of a version, and what the workbook derives from
them without any rounding:

* `cost_rows` – partner id → its rows (`CostRow`: texts in the data language, units, price, row sum, unit cost,
  the row's period amounts), each partner's rows in list order (category, then row order);
* `real_and_unit` – the finance-rules §1.7 "real cost" / "unit cost" columns of D.2: Σ row sums of the rows
  without and with a unit cost per partner and category;
* `unit_costs` – the unit costs the budget may use (name, unit type, cost per unit), the project-proposed ones of
  a version as frozen in it; `lump_sum_names` – programme lump sum id → name (both with the queries of section E,
  which run whatever the data, so the export's number of queries is fixed).
"""

import json
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import TextField
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from jems.core.translatable import in_language
from jems.finance.rounding import ZERO
from jems.projects.budget import parts
from jems.projects.budget.models import BudgetCostRow, CostCategory
from jems.projects.lumpsums.queries import available_unit_costs, programme_lump_sums

SPLIT = (CostCategory.STAFF, CostCategory.TRAVEL, CostCategory.EXTERNAL, CostCategory.EQUIPMENT,
         CostCategory.INFRASTRUCTURE)
ORDER = {category: index for index, category in enumerate(parts.LIST_KEYS)}  # list order of the API and the form
TEXT_FIELDS = ("description", "comments", "unit_type", "award_procedures")


@dataclass(frozen=True)
class CostRow:
    """One budget row of a partner: its category, texts in the data language ('' when the row has none), number of
    units, price per unit (None for multi-category unit-cost rows, whose price is the unit cost's), row sum,
    unit cost id and period number → amount of its `budgetPeriods`."""

    category: str
    description: str
    comments: str
    unit_type: str
    award_procedures: str
    number_of_units: Decimal
    price_per_unit: Decimal | None
    row_sum: Decimal
    unit_cost_id: int | None
    periods: dict[int, Decimal]


def _periods(items) -> dict[int, Decimal]:
    return {item["number"]: Decimal(item["amount"]) for item in items or ()}  # amounts are stored as text


def _live(partner_ids: list[int], language: str) -> dict[int, list[CostRow]]:
    texts = {f"text_{name}": KeyTextTransform(language, name) for name in TEXT_FIELDS}
    rows = (BudgetCostRow.objects.filter(partner_id__in=partner_ids)
            .annotate(**texts, periods_text=Cast("periods", TextField()))
            .order_by("partner_id", "sort_number", "id")
            .values_list("partner_id", "category", *texts, "number_of_units", "price_per_unit", "row_sum",
                         "unit_cost_id", "periods_text"))
    out: dict[int, list[CostRow]] = {pid: [] for pid in partner_ids}
    for pid, category, description, comments, unit_type, award, units, price, amount, unit_cost, periods in rows:
        out[pid].append(CostRow(category, description or "", comments or "", unit_type or "", award or "", units,
                                None if category == CostCategory.UNIT_COST else price, amount, unit_cost,
                                _periods(json.loads(periods) if periods else ())))
    for items in out.values():
        items.sort(key=lambda row: ORDER[row.category])  # stable: keeps the row order within a category
    return out


def _frozen(partner_ids: list[int], snapshot: dict, language: str) -> dict[int, list[CostRow]]:
    frozen = snapshot.get(parts.SNAPSHOT_KEY) or {}
    out: dict[int, list[CostRow]] = {}
    for pid in partner_ids:
        costs = (frozen.get(str(pid)) or {}).get("costs") or {}
        out[pid] = [
            CostRow(category, in_language(row.get("description"), language),
                    in_language(row.get("comments"), language), in_language(row.get("unitType"), language),
                    in_language(row.get("awardProcedures"), language),
                    Decimal(str(row.get("numberOfUnits") or 0)),
                    None if row.get("pricePerUnit") is None else Decimal(str(row["pricePerUnit"])),
                    Decimal(str(row.get("rowSum") or 0)), row.get("unitCostId"), _periods(row.get("budgetPeriods")))
            for category, key in parts.LIST_KEYS.items() for row in costs.get(key) or ()]
    return out


def cost_rows(partner_ids: list[int], snapshot: dict | None, language: str) -> dict[int, list[CostRow]]:
    """partner id → its budget rows in list order (staff, travel, external, equipment, infrastructure, unit
    costs, SPF; within a list the row order), texts in the data language."""
    return _frozen(partner_ids, snapshot, language) if snapshot is not None else _live(partner_ids, language)


def real_and_unit(rows: dict[int, list[CostRow]]) -> dict[int, dict[str, tuple[Decimal, Decimal]]]:
    """partner id → cost category → (real cost, unit cost) for the five split categories (finance-rules §1.7)."""
    out: dict[int, dict[str, tuple[Decimal, Decimal]]] = {}
    for pid, items in rows.items():
        sums = {category: [ZERO, ZERO] for category in SPLIT}
        for row in items:
            if row.category in sums:
                sums[row.category][row.unit_cost_id is not None] += row.row_sum
        out[pid] = {category: (real, unit) for category, (real, unit) in sums.items()}
    return out


@dataclass(frozen=True)
class UnitCost:
    """What the export shows of a unit cost: its name and unit type (translatable) and its cost per unit."""

    name: dict
    type: dict
    cost_per_unit: Decimal


def unit_costs(project, snapshot: dict | None) -> dict[int, UnitCost]:
    """unit cost id → UnitCost for every unit cost the project's budget may use (the call's and the project's
    proposed ones, those of a version as frozen in it; two queries for the live form, one for a version)."""
    return {item["id"]: UnitCost(dict(item.get("name") or {}), dict(item.get("type") or {}),
                                 item.get("costPerUnit") or ZERO)
            for item in available_unit_costs(project, snapshot)}


def lump_sum_names(project) -> dict[int, dict]:
    """programme lump sum id → translatable name of every lump sum the call offers (one query)."""
    return {pk: item["name"] for pk, item in programme_lump_sums(project).items()}
