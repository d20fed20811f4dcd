"""ProjectPartnerBudgetApi: budget costs, the cost lists, the options and the totals of a partner (the
co-financing operations of the same interface are served by jems.projects.cofinancing)."""

from ninja import Body, Router
from ninja.responses import Status

from jems.api.schemas import DecimalNumber, json_scalar

from . import queries, services
from .models import CostCategory
from .schemas import (
    BudgetCostsDTO,
    BudgetGeneralCostEntryDTO,
    BudgetGeneralCostEntryOut,
    BudgetSpfCostEntryDTO,
    BudgetSpfCostEntryOut,
    BudgetStaffCostEntryDTO,
    BudgetStaffCostEntryOut,
    BudgetTravelAndAccommodationCostEntryDTO,
    BudgetTravelAndAccommodationCostEntryOut,
    BudgetUnitCostEntryDTO,
    BudgetUnitCostEntryOut,
    ProjectPartnerBudgetOptionsDto,
    costs_out,
    rows_in,
    rows_out,
)

router = Router(tags=["project"])
BASE = "/project/partner/{partnerId}/budget"
C = CostCategory


@router.get(f"{BASE}/costs", response={200: BudgetCostsDTO}, by_alias=True, operation_id="getBudgetCosts",
            summary="Get project partner budget costs")
def get_budget_costs(request, partnerId: int, version: str | None = None):  # noqa: N803
    return costs_out(queries.partner_budget(actor=request.user, partner_id=partnerId, version=version).budget["costs"])


def _update(request, partner_id, category, entries):
    return rows_out(services.update_costs(actor=request.user, partner_id=partner_id, category=category,
                                          rows=rows_in(entries, category)))


@router.put(f"{BASE}/staffcosts", response={200: list[BudgetStaffCostEntryOut]}, by_alias=True,
            operation_id="updateBudgetStaffCosts", summary="Update project partner Budget: Staff Costs")
def update_budget_staff_costs(request, partnerId: int, body: Body[list[BudgetStaffCostEntryDTO]]):  # noqa: N803
    return _update(request, partnerId, C.STAFF, body)


@router.put(f"{BASE}/travel", response={200: list[BudgetTravelAndAccommodationCostEntryOut]}, by_alias=True,
            operation_id="updateBudgetTravel", summary="Update project partner Budget: Travel")
def update_budget_travel(request, partnerId: int,  # noqa: N803
                         body: Body[list[BudgetTravelAndAccommodationCostEntryDTO]]):
    return _update(request, partnerId, C.TRAVEL, body)


@router.put(f"{BASE}/external", response={200: list[BudgetGeneralCostEntryOut]}, by_alias=True,
            operation_id="updateBudgetExternal", summary="Update project partner Budget: External")
def update_budget_external(request, partnerId: int, body: Body[list[BudgetGeneralCostEntryDTO]]):  # noqa: N803
    return _update(request, partnerId, C.EXTERNAL, body)


@router.put(f"{BASE}/equipment", response={200: list[BudgetGeneralCostEntryOut]}, by_alias=True,
            operation_id="updateBudgetEquipment", summary="Update project partner Budget: Equipment")
def update_budget_equipment(request, partnerId: int, body: Body[list[BudgetGeneralCostEntryDTO]]):  # noqa: N803
    return _update(request, partnerId, C.EQUIPMENT, body)


@router.put(f"{BASE}/infrastructure", response={200: list[BudgetGeneralCostEntryOut]}, by_alias=True,
            operation_id="updateBudgetInfrastructure", summary="Update project partner Budget: Infrastructure")
def update_budget_infrastructure(request, partnerId: int,  # noqa: N803
                                 body: Body[list[BudgetGeneralCostEntryDTO]]):
    return _update(request, partnerId, C.INFRASTRUCTURE, body)


@router.put(f"{BASE}/unitcosts", response={200: list[BudgetUnitCostEntryOut]}, by_alias=True,
            operation_id="updateBudgetUnitCosts", summary="Update project partner Budget: Unit Costs")
def update_budget_unit_costs(request, partnerId: int, body: Body[list[BudgetUnitCostEntryDTO]]):  # noqa: N803
    return _update(request, partnerId, C.UNIT_COST, body)


@router.put(f"{BASE}/spf", response={200: list[BudgetSpfCostEntryOut]}, by_alias=True,
            operation_id="updateBudgetSpfCosts", summary="Update project partner Budget: SPF Costs")
def update_budget_spf_costs(request, partnerId: int, body: Body[list[BudgetSpfCostEntryDTO]]):  # noqa: N803
    return _update(request, partnerId, C.SPF, body)


@router.get(f"{BASE}/options", response={200: ProjectPartnerBudgetOptionsDto | None}, by_alias=True,
            operation_id="getBudgetOptions", summary="Get project partner Budget Options")
def get_budget_options(request, partnerId: int, version: str | None = None):  # noqa: N803
    """The options, or an empty body when the partner uses no flat rate (Jems answers null then)."""
    options = queries.partner_budget(actor=request.user, partner_id=partnerId, version=version).budget["options"]
    if all(value is None for value in options.values()):
        return json_scalar(None)
    return options


@router.put(f"{BASE}/options", response={200: None}, operation_id="updateBudgetOptions",
            summary="Update project partner Budget Options")
def update_budget_options(request, partnerId: int, body: ProjectPartnerBudgetOptionsDto):  # noqa: N803
    services.update_options(actor=request.user, partner_id=partnerId, data=body.model_dump(by_alias=True))
    return Status(200, None)


@router.get(f"{BASE}/total", response={200: DecimalNumber}, by_alias=True, operation_id="getTotal",
            summary="Get project partner Budget: total")
def get_total(request, partnerId: int, version: str | None = None):  # noqa: N803
    """The partner's total budget including SPF costs (finance-rules §1.3)."""
    return queries.partner_budget(actor=request.user, partner_id=partnerId, version=version).totals.total


@router.get(f"{BASE}/spf/total", response={200: DecimalNumber}, by_alias=True, operation_id="getSpfTotal",
            summary="Get project partner Budget: total SPF")
def get_spf_total(request, partnerId: int, version: str | None = None):  # noqa: N803
    return queries.partner_budget(actor=request.user, partner_id=partnerId, version=version).totals.spf
