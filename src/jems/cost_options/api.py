"""Jems-compatible API of simplified cost options: ProgrammeLumpSumApi and ProgrammeUnitCostApi (see
docs/api.md). Handlers parse, call one service or query and render."""

from ninja import Router

from jems.core.translatable import from_api

from . import queries, services
from .schemas import (
    ProgrammeLumpSumDTO,
    ProgrammeLumpSumListDTO,
    ProgrammeLumpSumOut,
    ProgrammeUnitCostDTO,
    ProgrammeUnitCostListDTO,
    ProgrammeUnitCostOut,
    lump_sum_dto,
    lump_sum_list_item,
    unit_cost_dto,
    unit_cost_list_item,
)

router = Router(tags=["programme"])


def _value(item):
    return None if item is None else str(getattr(item, "value", item))


# --- ProgrammeLumpSumApi ------------------------------------------------------------------------------------


def _lump_sum_args(dto: ProgrammeLumpSumDTO) -> dict:
    return {
        "name": from_api(dto.name), "description": from_api(dto.description), "cost": dto.cost,
        "splitting_allowed": dto.splitting_allowed, "fast_track": dto.fast_track, "phase": _value(dto.phase),
        "categories": [_value(c) for c in dto.categories], "payment_claim": _value(dto.payment_claim),
    }


@router.get("/costOption/lumpSum", response={200: list[ProgrammeLumpSumListDTO]}, by_alias=True,
            operation_id="getProgrammeLumpSums", summary="Retrieve all programme lump sums")
def get_lump_sums(request):
    return [lump_sum_list_item(item) for item in queries.list_lump_sums(actor=request.user)]


@router.post("/costOption/lumpSum", response={200: ProgrammeLumpSumOut}, by_alias=True,
             operation_id="createProgrammeLumpSum", summary="Create programme lump sum")
def create_lump_sum(request, lump_sum: ProgrammeLumpSumDTO):
    return lump_sum_dto(services.create_lump_sum(actor=request.user, **_lump_sum_args(lump_sum)))


@router.put("/costOption/lumpSum", response={200: ProgrammeLumpSumOut}, by_alias=True,
            operation_id="updateProgrammeLumpSum", summary="Update existing programme lump sum")
def update_lump_sum(request, lump_sum: ProgrammeLumpSumDTO):
    return lump_sum_dto(services.update_lump_sum(actor=request.user, lump_sum_id=lump_sum.id,
                                                 **_lump_sum_args(lump_sum)))


@router.get("/costOption/lumpSum/{lumpSumId}", response={200: ProgrammeLumpSumOut}, by_alias=True,
            operation_id="getProgrammeLumpSum", summary="Retrieve programme lump sum by id")
def get_lump_sum(request, lumpSumId: int):  # noqa: N803
    return lump_sum_dto(queries.get_lump_sum(actor=request.user, lump_sum_id=lumpSumId))


@router.delete("/costOption/lumpSum/{lumpSumId}", response={200: None}, operation_id="deleteProgrammeLumpSum",
               summary="Delete programme lump sum")
def delete_lump_sum(request, lumpSumId: int):  # noqa: N803
    services.delete_lump_sum(actor=request.user, lump_sum_id=lumpSumId)
    return None


# --- ProgrammeUnitCostApi -----------------------------------------------------------------------------------


def _unit_cost_args(dto: ProgrammeUnitCostDTO) -> dict:
    return {
        "name": from_api(dto.name), "description": from_api(dto.description), "type": from_api(dto.type),
        "justification": from_api(dto.justification), "cost_per_unit": dto.cost_per_unit,
        "cost_per_unit_foreign_currency": dto.cost_per_unit_foreign_currency,
        "foreign_currency_code": dto.foreign_currency_code, "one_cost_category": dto.one_cost_category,
        "categories": [_value(c) for c in dto.categories], "project_defined": dto.project_defined,
        "payment_claim": _value(dto.payment_claim),
    }


@router.get("/costOption/unitCost", response={200: list[ProgrammeUnitCostListDTO]}, by_alias=True,
            operation_id="getProgrammeUnitCosts", summary="Retrieve all programme unit costs")
def get_unit_costs(request):
    return [unit_cost_list_item(item) for item in queries.list_unit_costs(actor=request.user)]


@router.post("/costOption/unitCost", response={200: ProgrammeUnitCostOut}, by_alias=True,
             operation_id="createProgrammeUnitCost", summary="Create programme unit cost")
def create_unit_cost(request, unit_cost: ProgrammeUnitCostDTO):
    return unit_cost_dto(services.create_unit_cost(actor=request.user, **_unit_cost_args(unit_cost)))


@router.put("/costOption/unitCost", response={200: ProgrammeUnitCostOut}, by_alias=True,
            operation_id="updateProgrammeUnitCost", summary="Update existing programme unit cost")
def update_unit_cost(request, unit_cost: ProgrammeUnitCostDTO):
    return unit_cost_dto(services.update_unit_cost(actor=request.user, unit_cost_id=unit_cost.id,
                                                   **_unit_cost_args(unit_cost)))


@router.get("/costOption/unitCost/{unitCostId}", response={200: ProgrammeUnitCostOut}, by_alias=True,
            operation_id="getProgrammeUnitCost", summary="Retrieve programme unit cost by id")
def get_unit_cost(request, unitCostId: int):  # noqa: N803
    return unit_cost_dto(queries.get_unit_cost(actor=request.user, unit_cost_id=unitCostId))


@router.delete("/costOption/unitCost/{unitCostId}", response={200: None}, operation_id="deleteProgrammeUnitCost",
               summary="Delete programme unit cost")
def delete_unit_cost(request, unitCostId: int):  # noqa: N803
    services.delete_unit_cost(actor=request.user, unit_cost_id=unitCostId)
    return None
