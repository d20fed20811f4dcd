"""ProjectResultApi: the C.5 results (read, replace) and the A.4 outputs and results overview."""

from ninja import Body, Router

from . import queries, services
from .schemas import (
    IndicatorOverviewLineDTO,
    ProjectResultDTO,
    ProjectResultUpdateRequestDTO,
    line_out,
    result_in,
    result_out,
)

router = Router(tags=["project"])


@router.get("/project/{projectId}/result", response={200: list[ProjectResultDTO]}, by_alias=True,
            operation_id="getProjectResults")
def get_project_results(request, projectId: int, version: str | None = None):  # noqa: N803
    _data, results = queries.get_results(actor=request.user, project_id=projectId, version=version)
    return [result_out(r) for r in results]


@router.put("/project/{projectId}/result", response={200: list[ProjectResultDTO]}, by_alias=True,
            operation_id="updateProjectResults")
def update_project_results(request, projectId: int,  # noqa: N803
                           projectResults: Body[list[ProjectResultUpdateRequestDTO]]):  # noqa: N803
    saved = services.update_results(actor=request.user, project_id=projectId,
                                    results=[result_in(dto) for dto in projectResults])
    return [result_out(r) for r in saved]


@router.get("/project/{projectId}/result/indicatorsOverview", response={200: list[IndicatorOverviewLineDTO]},
            by_alias=True, operation_id="getProjectResultIndicatorOverview")
def get_project_result_indicator_overview(request, projectId: int, version: str | None = None):  # noqa: N803
    lines = queries.indicators_overview(actor=request.user, project_id=projectId, version=version)
    return [line_out(line) for line in lines]
