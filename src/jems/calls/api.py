"""Jems-compatible API of calls: CallApi (17 operations; see docs/api.md).

Handlers parse, call one service or query function and render.
"""

from django.utils import timezone
from ninja import Body, Query, Router

from jems.api.schemas import PageParams
from jems.core.pagination import page_request, spring_page
from jems.core.translatable import from_api

from . import queries, services
from .schemas import (
    AllowedRealCostsDTO,
    CallCostOptionDTO,
    CallDetailDTO,
    CallDTO,
    CallStatus,
    CallUpdateRequestDTO,
    FlatRateSetupDTO,
    IdNamePairDTO,
    PageCallChecklistDTO,
    PageCallDTO,
    PreSubmissionPluginsDTO,
    call_detail,
    call_dto,
    checklist_dto,
    cost_option_dto,
    real_costs_dto,
)

router = Router(tags=["call"])


def _value(item):
    return str(getattr(item, "value", item))


def _aware(value):
    """A date-time sent without an offset is taken in the server's time zone."""
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


def _settings(dto: CallUpdateRequestDTO) -> services.CallSettings:
    return services.CallSettings(
        name=dto.name, type=_value(dto.type), start_date=_aware(dto.start_date_time),
        end_date=_aware(dto.end_date_time), end_date_step1=_aware(dto.end_date_time_step1),
        length_of_period=dto.length_of_period,
        additional_fund_allowed=dto.additional_fund_allowed,
        direct_contributions_allowed=dto.direct_contributions_allowed, description=from_api(dto.description),
        priority_policies=[_value(p) for p in dto.priority_policies], strategies=[_value(s) for s in dto.strategies],
        funds=[services.FundRate(fund_id=f.programme_fund.id or 0, rate=f.rate, adjustable=f.adjustable)
               for f in dto.funds],
        state_aid_ids=list(dto.state_aid_ids))


def _detail(request, call_id: int) -> dict:
    return call_detail(queries.get_call(actor=request.user, call_id=call_id))


@router.get("/call", response={200: PageCallDTO}, by_alias=True, operation_id="getCalls",
            summary="Returns all calls")
def get_calls(request, paging: Query[PageParams]):
    page = page_request(paging.page, paging.size, paging.sort, queries.CALL_SORT_FIELDS)
    calls, total = queries.search_calls(actor=request.user, page=page)
    return spring_page([call_dto(c) for c in calls], total, page)


@router.post("/call", response={200: CallDetailDTO}, by_alias=True, operation_id="createCall",
             summary="Create a new call")
def create_call(request, call: CallUpdateRequestDTO):
    created = services.create_call(actor=request.user, data=_settings(call))
    return _detail(request, created.pk)


@router.put("/call", response={200: CallDetailDTO}, by_alias=True, operation_id="updateCall",
            summary="Update an existing call")
def update_call(request, call: CallUpdateRequestDTO):
    updated = services.update_call(actor=request.user, call_id=call.id or 0, data=_settings(call))
    return _detail(request, updated.pk)


@router.get("/call/list", response={200: list[IdNamePairDTO]}, by_alias=True, operation_id="listCalls",
            summary="Returns all calls` id name pair")
def list_calls(request, status: CallStatus | None = None):
    pairs = queries.call_names(actor=request.user, status=_value(status) if status else None)
    return [{"id": pk, "name": name} for pk, name in pairs]


@router.get("/call/published", response={200: PageCallDTO}, by_alias=True, operation_id="getPublishedCalls",
            summary="Returns all published calls")
def get_published_calls(request, paging: Query[PageParams]):
    page = page_request(paging.page, paging.size, paging.sort, queries.CALL_SORT_FIELDS)
    calls, total = queries.published_calls(actor=request.user, page=page)
    return spring_page([call_dto(c) for c in calls], total, page)


@router.get("/call/byId/{callId}", response={200: CallDetailDTO}, by_alias=True, operation_id="getCallById",
            summary="Returns a call by call id")
def get_call_by_id(request, callId: int):  # noqa: N803 - contract path variable
    return _detail(request, callId)


@router.get("/call/byId/{callId}/allowedCostOption", response={200: CallCostOptionDTO}, by_alias=True,
            operation_id="getAllowedCostOptions", summary="Returns allowed project-defined cost options")
def get_allowed_cost_options(request, callId: int):  # noqa: N803
    return cost_option_dto(queries.get_call(actor=request.user, call_id=callId))


@router.put("/call/byId/{callId}/allowedCostOption", response={200: CallCostOptionDTO}, by_alias=True,
            operation_id="updateAllowedCostOption", summary="Setup project-defined cost options")
def update_allowed_cost_option(request, callId: int, options: CallCostOptionDTO):  # noqa: N803
    call = services.update_cost_options(actor=request.user, call_id=callId, values=options.model_dump())
    return cost_option_dto(call)


@router.get("/call/byId/{callId}/allowedRealCosts", response={200: AllowedRealCostsDTO}, by_alias=True,
            operation_id="getAllowedRealCosts", summary="Returns allowed real costs for partner budget")
def get_allowed_real_costs(request, callId: int):  # noqa: N803
    return real_costs_dto(queries.get_call(actor=request.user, call_id=callId))


@router.put("/call/byId/{callId}/allowedRealCosts", response={200: AllowedRealCostsDTO}, by_alias=True,
            operation_id="updateAllowedRealCosts", summary="Update allowed real costs for partner budget")
def update_allowed_real_costs(request, callId: int, realCosts: AllowedRealCostsDTO):  # noqa: N803
    call = services.update_allowed_real_costs(actor=request.user, call_id=callId, values=realCosts.model_dump())
    return real_costs_dto(call)


@router.get("/call/byId/{callId}/checklists", response={200: PageCallChecklistDTO}, by_alias=True,
            operation_id="getChecklists", summary="Return all available checklists for a call")
def get_checklists(request, callId: int, paging: Query[PageParams]):  # noqa: N803
    page = page_request(paging.page, paging.size, paging.sort, queries.CHECKLIST_SORT_FIELDS, default=("id",))
    _call, rows, total = queries.checklists_page(actor=request.user, call_id=callId, page=page)
    return spring_page([checklist_dto(c, selected) for c, selected in rows], total, page)


@router.put("/call/byId/{callId}/checklists", response={200: None}, operation_id="updateSelectedChecklists",
            summary="Update selected checklists for a call")
def update_selected_checklists(request, callId: int, checklistIds: Body[list[int]]):  # noqa: N803
    services.update_checklists(actor=request.user, call_id=callId, checklist_ids=checklistIds)
    return None


@router.put("/call/byId/{callId}/flatRate", response={200: CallDetailDTO}, by_alias=True,
            operation_id="updateCallFlatRateSetup", summary="Setup Call FlatRates for partner budget")
def update_call_flat_rate_setup(request, callId: int, flatRates: FlatRateSetupDTO):  # noqa: N803
    rates = {}
    for rate_type, api_name in services.FLAT_RATE_FIELDS:
        setup = getattr(flatRates, _snake(api_name))
        if setup is not None:
            rates[rate_type.value] = services.FlatRate(rate=setup.rate, adjustable=setup.adjustable)
    services.update_flat_rates(actor=request.user, call_id=callId, flat_rates=rates)
    return _detail(request, callId)


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


@router.put("/call/byId/{callId}/lumpSum", response={200: CallDetailDTO}, by_alias=True,
            operation_id="updateCallLumpSums", summary="Setup LumpSums available for Call")
def update_call_lump_sums(request, callId: int, lumpSumIds: Body[list[int]]):  # noqa: N803
    services.update_lump_sums(actor=request.user, call_id=callId, lump_sum_ids=lumpSumIds)
    return _detail(request, callId)


@router.put("/call/byId/{callId}/unitCost", response={200: CallDetailDTO}, by_alias=True,
            operation_id="updateCallUnitCosts", summary="Setup UnitCosts available for Call")
def update_call_unit_costs(request, callId: int, unitCostIds: Body[list[int]]):  # noqa: N803
    services.update_unit_costs(actor=request.user, call_id=callId, unit_cost_ids=unitCostIds)
    return _detail(request, callId)


@router.put("/call/byId/{callId}/preSubmissionCheck", response={200: CallDetailDTO}, by_alias=True,
            operation_id="updatePreSubmissionCheckSettings", summary="Update pre-submission check settings for Call")
def update_pre_submission_check_settings(request, callId: int, pluginKeys: PreSubmissionPluginsDTO):  # noqa: N803
    keys = {
        "pre_submission_check_plugin_key": pluginKeys.plugin_key,
        "first_step_pre_submission_check_plugin_key": pluginKeys.first_step_plugin_key,
        "report_partner_check_plugin_key": pluginKeys.report_partner_check_plugin_key,
        "report_project_check_plugin_key": pluginKeys.report_project_check_plugin_key,
        "control_report_partner_check_plugin_key": pluginKeys.control_report_partner_check_plugin_key,
        "control_report_sampling_check_plugin_key": pluginKeys.control_report_sampling_check_plugin_key,
    }
    services.update_plugins(actor=request.user, call_id=callId, keys=keys)
    return _detail(request, callId)


@router.put("/call/byId/{callId}/publish", response={200: CallDTO}, by_alias=True, operation_id="publishCall",
            summary="Publish existing call (which is now DRAFT)")
def publish_call(request, callId: int):  # noqa: N803
    return call_dto(services.publish_call(actor=request.user, call_id=callId))
