"""Wire schemas of the lump-sum and unit-cost API (Jems DTO names, camelCase) and their renderers."""

from enum import Enum

from jems.api.schemas import CamelSchema, DecimalNumber
from jems.core.translatable import TranslationIn, TranslationOut, to_api

from .codes import BudgetCategory as _Category
from .codes import PaymentClaim as _Claim
from .codes import ProgrammeLumpSumPhase as _Phase

BudgetCategory = Enum("BudgetCategory", {v: v for v in _Category.values}, type=str, module=__name__)
ProgrammeLumpSumPhase = Enum("ProgrammeLumpSumPhase", {v: v for v in _Phase.values}, type=str, module=__name__)
PaymentClaimDTO = Enum("PaymentClaimDTO", {v: v for v in _Claim.values}, type=str, module=__name__)


class ProgrammeLumpSumDTO(CamelSchema):
    id: int | None = None
    name: list[TranslationIn] = []
    description: list[TranslationIn] = []
    cost: DecimalNumber | None = None
    splitting_allowed: bool
    phase: ProgrammeLumpSumPhase | None = None
    categories: list[BudgetCategory] = []
    fast_track: bool
    payment_claim: PaymentClaimDTO


class ProgrammeLumpSumOut(CamelSchema):
    id: int | None
    name: list[TranslationOut]
    description: list[TranslationOut]
    cost: DecimalNumber | None
    splitting_allowed: bool
    phase: ProgrammeLumpSumPhase | None
    categories: list[BudgetCategory]
    fast_track: bool
    payment_claim: PaymentClaimDTO


class ProgrammeLumpSumListDTO(CamelSchema):
    id: int
    name: list[TranslationOut]
    cost: DecimalNumber | None
    splitting_allowed: bool


class ProgrammeUnitCostDTO(CamelSchema):
    id: int | None = None
    name: list[TranslationIn] = []
    description: list[TranslationIn] = []
    type: list[TranslationIn] = []
    justification: list[TranslationIn] = []
    cost_per_unit: DecimalNumber | None = None
    cost_per_unit_foreign_currency: DecimalNumber | None = None
    foreign_currency_code: str | None = None
    project_defined: bool
    one_cost_category: bool
    categories: list[BudgetCategory] = []
    payment_claim: PaymentClaimDTO


class ProgrammeUnitCostOut(CamelSchema):
    id: int | None
    name: list[TranslationOut]
    description: list[TranslationOut]
    type: list[TranslationOut]
    justification: list[TranslationOut]
    cost_per_unit: DecimalNumber | None
    cost_per_unit_foreign_currency: DecimalNumber | None
    foreign_currency_code: str | None
    project_defined: bool
    one_cost_category: bool
    categories: list[BudgetCategory]
    payment_claim: PaymentClaimDTO


class ProgrammeUnitCostListDTO(CamelSchema):
    id: int
    name: list[TranslationOut]
    type: list[TranslationOut]
    cost_per_unit: DecimalNumber | None
    categories: list[BudgetCategory] | None


def lump_sum_dto(lump_sum) -> dict:
    return {
        "id": lump_sum.pk, "name": to_api(lump_sum.name), "description": to_api(lump_sum.description),
        "cost": lump_sum.cost, "splitting_allowed": lump_sum.splitting_allowed, "phase": lump_sum.phase,
        "categories": list(lump_sum.categories), "fast_track": lump_sum.fast_track,
        "payment_claim": lump_sum.payment_claim,
    }


def lump_sum_list_item(lump_sum) -> dict:
    return {"id": lump_sum.pk, "name": to_api(lump_sum.name), "cost": lump_sum.cost,
            "splitting_allowed": lump_sum.splitting_allowed}


def unit_cost_dto(unit_cost) -> dict:
    return {
        "id": unit_cost.pk, "name": to_api(unit_cost.name), "description": to_api(unit_cost.description),
        "type": to_api(unit_cost.type), "justification": to_api(unit_cost.justification),
        "cost_per_unit": unit_cost.cost_per_unit,
        "cost_per_unit_foreign_currency": unit_cost.cost_per_unit_foreign_currency,
        "foreign_currency_code": unit_cost.foreign_currency_code, "project_defined": unit_cost.project_defined,
        "one_cost_category": unit_cost.one_cost_category, "categories": list(unit_cost.categories),
        "payment_claim": unit_cost.payment_claim,
    }


def unit_cost_list_item(unit_cost) -> dict:
    return {"id": unit_cost.pk, "name": to_api(unit_cost.name), "type": to_api(unit_cost.type),
            "cost_per_unit": unit_cost.cost_per_unit, "categories": list(unit_cost.categories)}
