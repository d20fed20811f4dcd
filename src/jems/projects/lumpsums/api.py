"""ProjectLumpSumApi (E.1), ProjectCostOptionApi (E.2.1 project-proposed unit costs and the unit costs a project
may use) and ProjectBudgetApi getProjectUnitCosts (the E.2 overview)."""

from decimal import Decimal

from ninja import Router

from jems.api.schemas import DecimalNumber
from jems.cost_options.schemas import ProgrammeUnitCostDTO, ProgrammeUnitCostListDTO, ProgrammeUnitCostOut

from . import parts, queries, services
from .schemas import (
    ProjectLumpSumDTO,
    ProjectUnitCostDTO,
    lump_sums_in,
    overview_out,
    unit_cost_list_out,
    unit_cost_out,
    unit_cost_values,
)

router = Router(tags=["project"])


@router.get("/project/{projectId}/lumpSum", response={200: list[ProjectLumpSumDTO]}, by_alias=True,
            operation_id="getProjectLumpSums", summary="Returns all project lump sums")
def get_project_lump_sums(request, projectId: int, version: str | None = None):  # noqa: N803
    return queries.get_lump_sums(actor=request.user, project_id=projectId, version=version)[3]


@router.put("/project/{projectId}/lumpSum", response={200: list[ProjectLumpSumDTO]}, by_alias=True,
            operation_id="updateProjectLumpSums", summary="Update project partner")
def update_project_lump_sums(request, projectId: int, lumpSums: list[ProjectLumpSumDTO]):  # noqa: N803
    return services.update_lump_sums(actor=request.user, project_id=projectId, rows=lump_sums_in(lumpSums))


@router.get("/project/{projectId}/lumpSum/{partnerId}", response={200: DecimalNumber}, by_alias=True,
            operation_id="getProjectLumpSumsTotalForPartner", summary="Returns project lump sums total for partner")
def get_project_lump_sums_total_for_partner(request, projectId: int, partnerId: int,  # noqa: N803
                                            version: str | None = None) -> Decimal:
    return queries.partner_total(actor=request.user, project_id=projectId, partner_id=partnerId, version=version)


@router.get("/project/{projectId}/costOption/unitCost", response={200: list[ProgrammeUnitCostListDTO]},
            by_alias=True, operation_id="getProjectUnitCostList", summary="Retrieve all programme unit costs")
def get_project_unit_cost_list(request, projectId: int, version: str | None = None):  # noqa: N803
    items = queries.get_proposed_unit_costs(actor=request.user, project_id=projectId, version=version)[3]
    return [unit_cost_list_out(item) for item in items]


@router.post("/project/{projectId}/costOption/unitCost", response={200: ProgrammeUnitCostOut}, by_alias=True,
             operation_id="createProjectUnitCost", summary="Create project-proposed unit cost")
def create_project_unit_cost(request, projectId: int, unitCost: ProgrammeUnitCostDTO):  # noqa: N803
    created = services.create_unit_cost(actor=request.user, project_id=projectId, values=unit_cost_values(unitCost))
    return unit_cost_out(parts.unit_cost_dict(created))


@router.put("/project/{projectId}/costOption/unitCost", response={200: ProgrammeUnitCostOut}, by_alias=True,
            operation_id="updateProjectUnitCost", summary="Update existing project-proposed unit cost")
def update_project_unit_cost(request, projectId: int, unitCost: ProgrammeUnitCostDTO):  # noqa: N803
    saved = services.update_unit_cost(actor=request.user, project_id=projectId, unit_cost_id=unitCost.id,
                                      values=unit_cost_values(unitCost))
    return unit_cost_out(parts.unit_cost_dict(saved))


@router.get("/project/{projectId}/costOption/unitCost/available", response={200: list[ProgrammeUnitCostOut]},
            by_alias=True, operation_id="getProjectAvailableUnitCosts", summary="Get project available unit costs")
def get_project_available_unit_costs(request, projectId: int, version: str | None = None):  # noqa: N803
    items = queries.get_available_unit_costs(actor=request.user, project_id=projectId, version=version)
    return [unit_cost_out(item) for item in items]


@router.get("/project/{projectId}/costOption/unitCost/{unitCostId}", response={200: ProgrammeUnitCostOut},
            by_alias=True, operation_id="getProjectUnitCost", summary="Retrieve project-proposed unit cost by id")
def get_project_unit_cost(request, projectId: int, unitCostId: int, version: str | None = None):  # noqa: N803
    item = queries.get_proposed_unit_cost(actor=request.user, project_id=projectId, unit_cost_id=unitCostId,
                                          version=version)[3]
    return unit_cost_out(item)


@router.delete("/project/{projectId}/costOption/unitCost/{unitCostId}", response={200: None},
               operation_id="deleteProjectUnitCost", summary="Delete project-proposed unit cost")
def delete_project_unit_cost(request, projectId: int, unitCostId: int):  # noqa: N803
    services.delete_unit_cost(actor=request.user, project_id=projectId, unit_cost_id=unitCostId)


@router.get("/project/{projectId}/budget/unitCosts", response={200: list[ProjectUnitCostDTO]}, by_alias=True,
            operation_id="getProjectUnitCosts", summary="Returns project unit costs")
def get_project_unit_costs(request, projectId: int, version: str | None = None):  # noqa: N803
    items = queries.get_unit_cost_overview(actor=request.user, project_id=projectId, version=version)
    return [overview_out(item) for item in items]
