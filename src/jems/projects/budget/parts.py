"""The shape of a partner budget shared by the services, the API, the pages, the totals and the snapshots.

A budget is `{"options": {<five flat-rate keys>: int | None}, "costs": {<BudgetCostsDTO list keys>: [rows]}}`.
Rows use the contract's camelCase keys; translatable texts are {language: text}; amounts are Decimal (strings
inside a version snapshot, turned back into Decimal by `revive`)."""

from decimal import Decimal

from .models import BudgetCostRow, CostCategory, PartnerBudgetOptions

SNAPSHOT_KEY = "partnerBudgets"

# API key of the options -> model attribute (the model attribute names are the snake_case API names)
OPTION_KEYS = {
    "staffCostsFlatRate": "staff_costs_flat_rate",
    "officeAndAdministrationOnStaffCostsFlatRate": "office_and_administration_on_staff_costs_flat_rate",
    "officeAndAdministrationOnDirectCostsFlatRate": "office_and_administration_on_direct_costs_flat_rate",
    "travelAndAccommodationOnStaffCostsFlatRate": "travel_and_accommodation_on_staff_costs_flat_rate",
    "otherCostsOnStaffCostsFlatRate": "other_costs_on_staff_costs_flat_rate",
}

C = CostCategory
# category -> key of the list in BudgetCostsDTO
LIST_KEYS = {C.STAFF: "staffCosts", C.TRAVEL: "travelCosts", C.EXTERNAL: "externalCosts",
             C.EQUIPMENT: "equipmentCosts", C.INFRASTRUCTURE: "infrastructureCosts", C.UNIT_COST: "unitCosts",
             C.SPF: "spfCosts"}
GENERAL = (C.EXTERNAL, C.EQUIPMENT, C.INFRASTRUCTURE)
# category -> translatable texts of its rows (API key -> model attribute)
TEXTS = {
    C.STAFF: {"description": "description", "comments": "comments", "unitType": "unit_type"},
    C.TRAVEL: {"unitType": "unit_type", "description": "description", "comments": "comments"},
    C.EXTERNAL: {"unitType": "unit_type", "awardProcedures": "award_procedures", "description": "description",
                 "comments": "comments"},
    C.UNIT_COST: {},
    C.SPF: {"unitType": "unit_type", "description": "description", "comments": "comments"},
}
TEXTS[C.EQUIPMENT] = TEXTS[C.INFRASTRUCTURE] = TEXTS[C.EXTERNAL]
TEXT_MAX = 255  # Jems column length of the budget row texts
AMOUNT_KEYS = ("numberOfUnits", "pricePerUnit", "rowSum")


def options_dict(row: PartnerBudgetOptions | None) -> dict:
    """The options of a partner (all None when it has none)."""
    return {key: getattr(row, attr) if row is not None else None for key, attr in OPTION_KEYS.items()}


def row_dict(row: BudgetCostRow) -> dict:
    """One cost row in the API form of its category."""
    data = {"id": row.pk, "numberOfUnits": row.number_of_units, "rowSum": row.row_sum,
            "budgetPeriods": [{"number": p["number"], "amount": Decimal(str(p["amount"]))} for p in row.periods],
            "unitCostId": row.unit_cost_id}
    if row.category != C.UNIT_COST:
        data["pricePerUnit"] = row.price_per_unit
    if row.category in GENERAL:
        data["investmentId"] = row.investment_id
    for key, attr in TEXTS[row.category].items():
        data[key] = dict(getattr(row, attr) or {})
    return data


def empty_costs() -> dict:
    return {key: [] for key in LIST_KEYS.values()}


def empty() -> dict:
    return {"options": options_dict(None), "costs": empty_costs()}


def live_budgets(partner_ids) -> dict[int, dict]:
    """Partner id -> budget for the given partners: two queries whatever the number of rows."""
    budgets = {pid: empty() for pid in partner_ids}
    for row in PartnerBudgetOptions.objects.filter(partner_id__in=budgets):
        budgets[row.partner_id]["options"] = options_dict(row)
    for row in BudgetCostRow.objects.filter(partner_id__in=budgets).order_by("partner_id", "category",
                                                                            "sort_number", "id"):
        budgets[row.partner_id]["costs"][LIST_KEYS[row.category]].append(row_dict(row))
    return budgets


def _frozen(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _frozen(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_frozen(v) for v in value]
    return value


def _revive_row(row: dict) -> dict:
    data = {**row, **{k: Decimal(str(row[k])) for k in AMOUNT_KEYS if row.get(k) is not None}}
    data["budgetPeriods"] = [{"number": p["number"], "amount": Decimal(str(p["amount"]))}
                             for p in row.get("budgetPeriods") or []]
    return data


def revive(budget: dict | None) -> dict:
    """A budget read from a version snapshot, with Decimal amounts again (missing parts are empty)."""
    budget = budget or {}
    costs = empty_costs()
    for key in costs:
        costs[key] = [_revive_row(r) for r in (budget.get("costs") or {}).get(key) or []]
    return {"options": {**options_dict(None), **(budget.get("options") or {})}, "costs": costs}


def snapshot_part(project) -> dict:
    """SNAPSHOT_PARTS entry: every partner's budget frozen into a version (amounts as strings)."""
    from jems.projects.partners.models import ProjectPartner

    ids = list(ProjectPartner.objects.filter(project=project).values_list("pk", flat=True))
    return {SNAPSHOT_KEY: {str(pid): _frozen(budget) for pid, budget in live_budgets(ids).items()}}
