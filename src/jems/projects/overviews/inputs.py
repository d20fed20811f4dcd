"""The partner budget inputs of the overviews, read lean for a whole project (live rows or a version's frozen
budgets, in the shape of `jems.projects.budget.parts`): per partner the flat-rate options, the entered sums per
category (Σ row sums) and, only when a per-period overview needs them, the Σ period amounts per category and
period. One query each for the live form whatever the number of partners, rows and periods.

Summing here is exact Decimal addition of entered amounts; every calculation with a rounding is jems.finance."""

import json
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import TextField
from django.db.models.functions import Cast

from jems.finance.budget import BudgetOptions
from jems.finance.rounding import ZERO
from jems.projects.budget import parts
from jems.projects.budget.models import BudgetCostRow, PartnerBudgetOptions
from jems.projects.budget.totals import SUM_LISTS, options_of

# cost category (model value) and list key (API / snapshot) -> CategorySums field
LIST_FIELDS = {key: name for name, key in SUM_LISTS.items()}
CATEGORY_FIELDS = {category: LIST_FIELDS[key] for category, key in parts.LIST_KEYS.items()}


@dataclass
class PartnerInputs:
    """A partner's options and its entered sums: CategorySums field → Σ row sums (lump sums not included)."""

    options: BudgetOptions = field(default_factory=BudgetOptions)
    sums: dict[str, Decimal] = field(default_factory=dict)


def _add(target: dict[str, Decimal], name: str, amount) -> None:
    target[name] = target.get(name, ZERO) + Decimal(str(amount))


def _add_periods(target: dict[int, Decimal], periods) -> None:
    """Add a row's period amounts ([{number, amount}], amounts stored as text) to ``target`` (period → Σ).
    The hot loop of a large budget (up to 300 rows × n periods per partner), hence no helper calls."""
    get = target.get
    for period in periods or ():
        number = period["number"]
        target[number] = get(number, ZERO) + Decimal(period["amount"])


def _frozen(snapshot: dict, partner_id: int) -> dict:
    return (snapshot.get(parts.SNAPSHOT_KEY) or {}).get(str(partner_id)) or {}


def partner_inputs(partner_ids: list[int], snapshot: dict | None) -> dict[int, PartnerInputs]:
    """partner id → PartnerInputs for the given partners (two queries for the live form)."""
    result = {pid: PartnerInputs() for pid in partner_ids}
    if snapshot is not None:
        for pid, inputs in result.items():
            budget = _frozen(snapshot, pid)
            inputs.options = options_of({"options": {**parts.options_dict(None), **(budget.get("options") or {})}})
            for key, rows in (budget.get("costs") or {}).items():
                for row in rows if key in LIST_FIELDS else ():
                    _add(inputs.sums, LIST_FIELDS[key], row.get("rowSum") or 0)
        return result
    for row in PartnerBudgetOptions.objects.filter(partner_id__in=result):
        result[row.partner_id].options = options_of({"options": parts.options_dict(row)})
    for pid, category, row_sum in BudgetCostRow.objects.filter(partner_id__in=result).values_list(
            "partner_id", "category", "row_sum"):
        _add(result[pid].sums, CATEGORY_FIELDS[category], row_sum)
    return result


def period_amounts(partner_ids: list[int], snapshot: dict | None) -> dict[int, dict[str, dict[int, Decimal]]]:
    """partner id → CategorySums field → period → Σ of the rows' period amounts (one query for the live form)."""
    result: dict[int, dict[str, dict[int, Decimal]]] = {pid: {} for pid in partner_ids}
    if snapshot is not None:
        for pid, amounts in result.items():
            for key, rows in (_frozen(snapshot, pid).get("costs") or {}).items():
                for row in rows if key in LIST_FIELDS else ():
                    _add_periods(amounts.setdefault(LIST_FIELDS[key], {}), row.get("budgetPeriods"))
        return result
    # the JSON as text, decoded here: much faster than the JSONField conversion for 10^5–10^6 period amounts
    rows = (BudgetCostRow.objects.filter(partner_id__in=result).annotate(periods_text=Cast("periods", TextField()))
            .values_list("partner_id", "category", "periods_text"))
    for pid, category, text in rows:
        _add_periods(result[pid].setdefault(CATEGORY_FIELDS[category], {}), json.loads(text) if text else ())
    return result


def row_period_sums(rows: dict[int, list[tuple[str, dict[int, Decimal]]]]) -> dict[int, dict[str, dict[int, Decimal]]]:
    """The result of `period_amounts` from rows a caller has already read with their period amounts as Decimal:
    partner id → [(cost category, period → amount)] (the budget export reads every row with its texts once)."""
    result: dict[int, dict[str, dict[int, Decimal]]] = {}
    for pid, items in rows.items():
        amounts = result[pid] = {}
        for category, periods in items:
            target = amounts.setdefault(CATEGORY_FIELDS[category], {})
            get = target.get
            for number, amount in periods.items():
                target[number] = get(number, ZERO) + amount
    return result
