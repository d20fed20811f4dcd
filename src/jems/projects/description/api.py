"""ProjectDescriptionApi: the whole-description GET and the C.1, C.2, C.3, C.7 and C.8 updates."""

from ninja import Router

from . import parts, queries, services
from .schemas import (
    InputProjectLongTermPlans,
    InputProjectManagement,
    InputProjectOverallObjective,
    InputProjectPartnership,
    InputProjectRelevance,
    OutputProjectDescription,
    OutputProjectLongTermPlans,
    OutputProjectManagement,
    OverallObjectiveOut,
    PartnershipOut,
    RelevanceOut,
    c1_out,
    c2_out,
    c3_out,
    c7_out,
    c8_out,
    description_out,
    management_in,
    relevance_in,
    texts_in,
)

router = Router(tags=["project"])


@router.get("/project/{projectId}/description", response={200: OutputProjectDescription}, by_alias=True,
            operation_id="getProjectDescription")
def get_project_description(request, projectId: int, version: str | None = None):  # noqa: N803
    _acc, _row, _snapshot, description = queries.get_description(actor=request.user, project_id=projectId,
                                                                 version=version)
    return description_out(description)


@router.put("/project/{projectId}/description/c1", response={200: OverallObjectiveOut | None}, by_alias=True,
            operation_id="updateProjectOverallObjective")
def update_project_overall_objective(request, projectId: int, body: InputProjectOverallObjective):  # noqa: N803
    data = services.update_overall_objective(actor=request.user, project_id=projectId,
                                             data=texts_in(body, parts.C1_TEXTS))
    return c1_out(data)


@router.put("/project/{projectId}/description/c2", response={200: RelevanceOut}, by_alias=True,
            operation_id="updateProjectRelevance")
def update_project_relevance(request, projectId: int, body: InputProjectRelevance):  # noqa: N803
    return c2_out(services.update_relevance(actor=request.user, project_id=projectId, data=relevance_in(body)))


@router.put("/project/{projectId}/description/c3", response={200: PartnershipOut | None}, by_alias=True,
            operation_id="updateProjectPartnership")
def update_project_partnership(request, projectId: int, body: InputProjectPartnership):  # noqa: N803
    data = services.update_partnership(actor=request.user, project_id=projectId, data=texts_in(body, parts.C3_TEXTS))
    return c3_out(data)


@router.put("/project/{projectId}/description/c7", response={200: OutputProjectManagement}, by_alias=True,
            operation_id="updateProjectManagement")
def update_project_management(request, projectId: int, body: InputProjectManagement):  # noqa: N803
    return c7_out(services.update_management(actor=request.user, project_id=projectId, data=management_in(body)))


@router.put("/project/{projectId}/description/c8", response={200: OutputProjectLongTermPlans}, by_alias=True,
            operation_id="updateProjectLongTermPlans")
def update_project_long_term_plans(request, projectId: int, body: InputProjectLongTermPlans):  # noqa: N803
    data = services.update_long_term_plans(actor=request.user, project_id=projectId,
                                           data=texts_in(body, parts.C8_TEXTS))
    return c8_out(data)
