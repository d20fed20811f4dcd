"""DTOs of ProjectPartnerBudgetApi (contract names) and converters from/to the `parts` dict form."""

from jems.api.schemas import CamelSchema, DecimalNumber
from jems.core.translatable import TranslationIn, TranslationOut, from_api, to_api

from . import parts
from .models import CostCategory


class BudgetPeriodDTO(CamelSchema):
    number: int
    amount: DecimalNumber | None = 0


class _Entry(CamelSchema):
    id: int | None = None
    number_of_units: DecimalNumber
    row_sum: DecimalNumber | None = None
    budget_periods: list[BudgetPeriodDTO] = []


class _Priced(_Entry):
    price_per_unit: DecimalNumber
    unit_cost_id: int | None = None


class BudgetStaffCostEntryDTO(_Priced):
    description: list[TranslationIn] = []
    comments: list[TranslationIn] = []
    unit_type: list[TranslationIn] = []


class BudgetTravelAndAccommodationCostEntryDTO(_Priced):
    unit_type: list[TranslationIn] = []
    description: list[TranslationIn] = []
    comments: list[TranslationIn] = []


class BudgetGeneralCostEntryDTO(_Priced):
    investment_id: int | None = None
    unit_type: list[TranslationIn] = []
    award_procedures: list[TranslationIn] = []
    description: list[TranslationIn] = []
    comments: list[TranslationIn] = []


class BudgetSpfCostEntryDTO(_Priced):
    unit_type: list[TranslationIn] = []
    description: list[TranslationIn] = []
    comments: list[TranslationIn] = []


class BudgetUnitCostEntryDTO(_Entry):
    unit_cost_id: int


class _PricedOut(CamelSchema):
    id: int | None
    number_of_units: DecimalNumber
    row_sum: DecimalNumber | None
    budget_periods: list[BudgetPeriodDTO]
    price_per_unit: DecimalNumber
    unit_cost_id: int | None


class BudgetStaffCostEntryOut(_PricedOut):
    description: list[TranslationOut]
    comments: list[TranslationOut]
    unit_type: list[TranslationOut]


class BudgetTravelAndAccommodationCostEntryOut(_PricedOut):
    unit_type: list[TranslationOut]
    description: list[TranslationOut]
    comments: list[TranslationOut]


class BudgetGeneralCostEntryOut(_PricedOut):
    investment_id: int | None
    unit_type: list[TranslationOut]
    award_procedures: list[TranslationOut]
    description: list[TranslationOut]
    comments: list[TranslationOut]


class BudgetSpfCostEntryOut(BudgetTravelAndAccommodationCostEntryOut):
    pass


class BudgetUnitCostEntryOut(CamelSchema):
    id: int | None
    number_of_units: DecimalNumber
    row_sum: DecimalNumber | None
    budget_periods: list[BudgetPeriodDTO]
    unit_cost_id: int


class BudgetCostsDTO(CamelSchema):
    staff_costs: list[BudgetStaffCostEntryOut]
    travel_costs: list[BudgetTravelAndAccommodationCostEntryOut]
    external_costs: list[BudgetGeneralCostEntryOut]
    equipment_costs: list[BudgetGeneralCostEntryOut]
    infrastructure_costs: list[BudgetGeneralCostEntryOut]
    unit_costs: list[BudgetUnitCostEntryOut]
    spf_costs: list[BudgetSpfCostEntryOut]


class ProjectPartnerBudgetOptionsDto(CamelSchema):
    office_and_administration_on_staff_costs_flat_rate: int | None = None
    office_and_administration_on_direct_costs_flat_rate: int | None = None
    travel_and_accommodation_on_staff_costs_flat_rate: int | None = None
    staff_costs_flat_rate: int | None = None
    other_costs_on_staff_costs_flat_rate: int | None = None


# --- converters -------------------------------------------------------------------------------------------------

TEXT_KEYS = {"description", "comments", "unitType", "awardProcedures"}


def row_out(row: dict) -> dict:
    """A parts row with its translations in API form."""
    return {k: to_api(v) if k in TEXT_KEYS else v for k, v in row.items()}


def rows_out(rows: list[dict]) -> list[dict]:
    return [row_out(r) for r in rows]


def costs_out(costs: dict) -> dict:
    return {key: rows_out(rows) for key, rows in costs.items()}


def rows_in(entries, category: str) -> list[dict]:
    """The API entries of a list as parts rows (translations {language: text}); the row sum is ignored."""
    rows = []
    for entry in entries:
        data = entry.model_dump()
        row = {"id": data.get("id"), "numberOfUnits": data["number_of_units"], "unitCostId": data.get("unit_cost_id"),
               "budgetPeriods": [{"number": p["number"], "amount": p["amount"]} for p in data["budget_periods"]]}
        if "price_per_unit" in data:
            row["pricePerUnit"] = data["price_per_unit"]
        if "investment_id" in data:
            row["investmentId"] = data["investment_id"]
        for key in parts.TEXTS[CostCategory(category)]:
            row[key] = from_api(getattr(entry, _snake(key)))
        rows.append(row)
    return rows


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name)
