"""Jems-compatible API of priorities and indicators: ProgrammePriorityApi, OutputIndicatorApi and
ResultIndicatorApi (see docs/api.md). Handlers parse, call one service or query and render."""

from ninja import Query, Router

from jems.api.schemas import PageParams
from jems.core.pagination import page_request, spring_page
from jems.core.translatable import from_api

from . import queries, services
from .schemas import (
    OutputIndicatorCreateRequestDTO,
    OutputIndicatorDetailDTO,
    OutputIndicatorSummaryDTO,
    OutputIndicatorUpdateRequestDTO,
    PageOutputIndicatorDetailDTO,
    PageResultIndicatorDetailDTO,
    ProgrammeObjectivePolicy,
    ProgrammePriorityAvailableSetupDTO,
    ProgrammePriorityDTO,
    ProgrammePriorityOut,
    ResultIndicatorCreateRequestDTO,
    ResultIndicatorDetailDTO,
    ResultIndicatorSummaryDTO,
    ResultIndicatorUpdateRequestDTO,
    available_setup_dto,
    output_detail,
    output_summary,
    priority_dto,
    result_detail,
    result_summary,
)

router = Router(tags=["programme"])


def _value(item):
    return None if item is None else str(getattr(item, "value", item))


# --- ProgrammePriorityApi --------------------------------------------------------------------------------


def _objectives(dto: ProgrammePriorityDTO) -> list[services.SpecificObjectiveInput]:
    return [
        services.SpecificObjectiveInput(
            programme_objective_policy=_value(so.programme_objective_policy), code=so.code,
            dimension_codes={_value(dimension): codes for dimension, codes in so.dimension_codes.items()})
        for so in dto.specific_objectives
    ]


@router.get("/programmePriority", response={200: list[ProgrammePriorityOut]}, by_alias=True,
            operation_id="ProgrammePriorityApi_get", summary="Get programme priorities")
def get_priorities(request):
    return [priority_dto(p) for p in queries.list_priorities(actor=request.user)]


@router.post("/programmePriority", response={200: ProgrammePriorityOut}, by_alias=True, operation_id="create",
             summary="Create programme priority")
def create_priority(request, priority: ProgrammePriorityDTO):
    created = services.create_priority(actor=request.user, code=priority.code, title=from_api(priority.title),
                                       objective=_value(priority.objective), specific_objectives=_objectives(priority))
    return priority_dto(queries.get_priority(actor=request.user, priority_id=created.pk))


@router.get("/programmePriority/availableSetup", response={200: ProgrammePriorityAvailableSetupDTO}, by_alias=True,
            operation_id="getAvailableSetup", summary="Get free possibilities for priorities and objectives")
def get_available_setup(request):
    return available_setup_dto(queries.available_setup(actor=request.user))


@router.get("/programmePriority/{id}", response={200: ProgrammePriorityOut}, by_alias=True,
            operation_id="ProgrammePriorityApi_getById", summary="Get programme priority")
def get_priority(request, id: int):
    return priority_dto(queries.get_priority(actor=request.user, priority_id=id))


@router.put("/programmePriority/{id}", response={200: ProgrammePriorityOut}, by_alias=True,
            operation_id="ProgrammePriorityApi_update", summary="Update programme priority")
def update_priority(request, id: int, priority: ProgrammePriorityDTO):
    services.update_priority(actor=request.user, priority_id=id, code=priority.code, title=from_api(priority.title),
                             objective=_value(priority.objective), specific_objectives=_objectives(priority))
    return priority_dto(queries.get_priority(actor=request.user, priority_id=id))


@router.delete("/programmePriority/{id}", response={200: None}, operation_id="ProgrammePriorityApi_delete",
               summary="Delete programme priority")
def delete_priority(request, id: int):
    services.delete_priority(actor=request.user, priority_id=id)
    return None


# --- OutputIndicatorApi -----------------------------------------------------------------------------------


@router.get("/programmeindicator/output", response={200: PageOutputIndicatorDetailDTO}, by_alias=True,
            operation_id="getOutputIndicatorDetails", summary="Get output indicators (paged)")
def get_output_indicators(request, paging: Query[PageParams]):
    page = page_request(paging.page, paging.size, paging.sort, queries.OUTPUT_SORT_FIELDS, default=("id",))
    indicators, total = queries.page_output_indicators(actor=request.user, page=page)
    return spring_page([output_detail(i) for i in indicators], total, page)


def _output_args(dto: OutputIndicatorCreateRequestDTO) -> dict:
    return {
        "identifier": dto.identifier, "code": dto.code, "name": from_api(dto.name),
        "measurement_unit": from_api(dto.measurement_unit),
        "programme_objective_policy": _value(dto.programme_objective_policy),
        "milestone": dto.milestone, "final_target": dto.final_target, "result_indicator_id": dto.result_indicator_id,
    }


@router.post("/programmeindicator/output", response={200: OutputIndicatorDetailDTO}, by_alias=True,
             operation_id="createOutputIndicator", summary="Create output indicator")
def create_output_indicator(request, indicator: OutputIndicatorCreateRequestDTO):
    created = services.create_output_indicator(actor=request.user, **_output_args(indicator))
    return output_detail(queries.get_output_indicator(actor=request.user, indicator_id=created.pk))


@router.put("/programmeindicator/output", response={200: OutputIndicatorDetailDTO}, by_alias=True,
            operation_id="updateOutputIndicator", summary="Update output indicator")
def update_output_indicator(request, indicator: OutputIndicatorUpdateRequestDTO):
    services.update_output_indicator(actor=request.user, indicator_id=indicator.id, **_output_args(indicator))
    return output_detail(queries.get_output_indicator(actor=request.user, indicator_id=indicator.id))


@router.get("/programmeindicator/output/summary", response={200: list[OutputIndicatorSummaryDTO]}, by_alias=True,
            operation_id="getOutputIndicatorSummaries", summary="Get output indicator summaries")
def get_output_indicator_summaries(request):
    return [output_summary(i) for i in queries.output_indicator_summaries(actor=request.user)]


@router.get("/programmeindicator/output/summary/{programmeObjectivePolicy}",
            response={200: list[OutputIndicatorSummaryDTO]}, by_alias=True,
            operation_id="getOutputIndicatorSummariesForSpecificObjective",
            summary="Get output indicator summaries of a specific objective")
def get_output_indicator_summaries_for_objective(request, programmeObjectivePolicy: ProgrammeObjectivePolicy):  # noqa: N803
    indicators = queries.output_indicator_summaries(actor=request.user, policy=_value(programmeObjectivePolicy))
    return [output_summary(i) for i in indicators]


@router.get("/programmeindicator/output/{id}", response={200: OutputIndicatorDetailDTO}, by_alias=True,
            operation_id="getOutputIndicatorDetail", summary="Get output indicator")
def get_output_indicator(request, id: int):
    return output_detail(queries.get_output_indicator(actor=request.user, indicator_id=id))


@router.delete("/programmeindicator/output/{id}", response={200: None}, operation_id="deleteOutputIndicator",
               summary="Delete output indicator")
def delete_output_indicator(request, id: int):
    services.delete_output_indicator(actor=request.user, indicator_id=id)
    return None


# --- ResultIndicatorApi -----------------------------------------------------------------------------------


@router.get("/programmeindicator/result", response={200: PageResultIndicatorDetailDTO}, by_alias=True,
            operation_id="getResultIndicatorDetails", summary="Get result indicators (paged)")
def get_result_indicators(request, paging: Query[PageParams]):
    page = page_request(paging.page, paging.size, paging.sort, queries.RESULT_SORT_FIELDS, default=("id",))
    indicators, total = queries.page_result_indicators(actor=request.user, page=page)
    return spring_page([result_detail(i) for i in indicators], total, page)


def _result_args(dto: ResultIndicatorCreateRequestDTO) -> dict:
    return {
        "identifier": dto.identifier, "code": dto.code, "name": from_api(dto.name),
        "measurement_unit": from_api(dto.measurement_unit),
        "programme_objective_policy": _value(dto.programme_objective_policy),
        "baseline": dto.baseline, "reference_year": dto.reference_year, "final_target": dto.final_target,
        "source_of_data": from_api(dto.source_of_data), "comment": from_api(dto.comment),
    }


@router.post("/programmeindicator/result", response={200: ResultIndicatorDetailDTO}, by_alias=True,
             operation_id="createResultIndicator", summary="Create result indicator")
def create_result_indicator(request, indicator: ResultIndicatorCreateRequestDTO):
    created = services.create_result_indicator(actor=request.user, **_result_args(indicator))
    return result_detail(queries.get_result_indicator(actor=request.user, indicator_id=created.pk))


@router.put("/programmeindicator/result", response={200: ResultIndicatorDetailDTO}, by_alias=True,
            operation_id="updateResultIndicator", summary="Update result indicator")
def update_result_indicator(request, indicator: ResultIndicatorUpdateRequestDTO):
    services.update_result_indicator(actor=request.user, indicator_id=indicator.id, **_result_args(indicator))
    return result_detail(queries.get_result_indicator(actor=request.user, indicator_id=indicator.id))


@router.get("/programmeindicator/result/summary", response={200: list[ResultIndicatorSummaryDTO]}, by_alias=True,
            operation_id="getResultIndicatorSummaries", summary="Get result indicator summaries")
def get_result_indicator_summaries(request):
    return [result_summary(i) for i in queries.result_indicator_summaries(actor=request.user)]


@router.get("/programmeindicator/result/summary/{programmeObjectivePolicy}",
            response={200: list[ResultIndicatorSummaryDTO]}, by_alias=True,
            operation_id="getResultIndicatorSummariesForSpecificObjective",
            summary="Get result indicator summaries of a specific objective")
def get_result_indicator_summaries_for_objective(request, programmeObjectivePolicy: ProgrammeObjectivePolicy):  # noqa: N803
    indicators = queries.result_indicator_summaries(actor=request.user, policy=_value(programmeObjectivePolicy))
    return [result_summary(i) for i in indicators]


@router.get("/programmeindicator/result/{id}", response={200: ResultIndicatorDetailDTO}, by_alias=True,
            operation_id="getResultIndicatorDetail", summary="Get result indicator")
def get_result_indicator(request, id: int):
    return result_detail(queries.get_result_indicator(actor=request.user, indicator_id=id))


@router.delete("/programmeindicator/result/{id}", response={200: None}, operation_id="deleteResultIndicator",
               summary="Delete result indicator")
def delete_result_indicator(request, id: int):
    services.delete_result_indicator(actor=request.user, indicator_id=id)
    return None
