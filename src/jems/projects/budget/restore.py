"""Restore the partner budgets (section D) from a version snapshot (RESTORE_PARTS, used when a modification is
rejected): options and cost rows of every partner are replaced by the frozen ones, the rows recreated under
their frozen ids where free, in their frozen order."""

from decimal import Decimal

from jems.cost_options.models import ProgrammeUnitCost
from jems.projects.partners.models import ProjectPartner

from . import parts
from .models import BudgetCostRow, PartnerBudgetOptions

RANK = 40  # after partners, work plan (investments) and section E (project unit costs)


def _row(partner_id: int, category: str, number: int, data: dict, ids: dict, prices: dict, taken) -> BudgetCostRow:
    unit_cost = data.get("unitCostId")
    unit_cost = ids.get("unitCosts", {}).get(unit_cost, unit_cost)
    investment = data.get("investmentId")
    price = data.get("pricePerUnit")
    return BudgetCostRow(
        pk=data.get("id") if data.get("id") not in taken else None, partner_id=partner_id, category=category,
        sort_number=number, number_of_units=Decimal(str(data["numberOfUnits"])),
        price_per_unit=Decimal(str(price)) if price is not None else prices.get(unit_cost, Decimal(0)),
        row_sum=Decimal(str(data["rowSum"])), unit_cost_id=unit_cost,
        investment_id=ids.get("investments", {}).get(investment, investment) if investment else None,
        periods=[{"number": p["number"], "amount": str(p["amount"])} for p in data.get("budgetPeriods") or []],
        **{attr: dict(data.get(key) or {}) for key, attr in parts.TEXTS[category].items()})


def restore(project, snapshot: dict, ids: dict) -> None:
    """RESTORE_PARTS entry: every partner's budget options and cost rows of the version."""
    partners = ids.get("partners", {})
    live_ids = list(ProjectPartner.objects.filter(project=project).values_list("pk", flat=True))
    BudgetCostRow.objects.filter(partner_id__in=live_ids).delete()
    PartnerBudgetOptions.objects.filter(partner_id__in=live_ids).delete()
    budgets = snapshot.get(parts.SNAPSHOT_KEY) or {}
    frozen = [row for budget in budgets.values() for rows in (budget.get("costs") or {}).values() for row in rows]
    taken = set(BudgetCostRow.objects.filter(pk__in=[row.get("id") for row in frozen]).values_list("pk", flat=True))
    unit_costs = ids.get("unitCosts", {})
    used = [unit_costs.get(row.get("unitCostId"), row.get("unitCostId")) for row in frozen]
    prices = dict(ProgrammeUnitCost.objects.filter(pk__in=used).values_list("pk", "cost_per_unit"))
    options, rows = [], []
    for partner_id, budget in budgets.items():
        live_id = partners.get(int(partner_id))
        if live_id is None:
            continue
        values = {attr: (budget.get("options") or {}).get(key) for key, attr in parts.OPTION_KEYS.items()}
        if any(v is not None for v in values.values()):
            options.append(PartnerBudgetOptions(partner_id=live_id, **values))
        for category, key in parts.LIST_KEYS.items():
            rows += [_row(live_id, category, number, data, ids, prices, taken)
                     for number, data in enumerate((budget.get("costs") or {}).get(key) or [], start=1)]
    PartnerBudgetOptions.objects.bulk_create(options)
    BudgetCostRow.objects.bulk_create(rows)
