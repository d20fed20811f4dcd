"""The decision, assessment, revert and modification operations of ProjectStatusApi (19 operations; check and
submit are in jems.projects.submission). Status actions answer the bare new status, as Jems does."""

from ninja import Router

from jems.api.schemas import json_scalar
from jems.programme.schemas import ApplicationStatusDTO
from jems.projects import access
from jems.projects.schemas import ProjectDetailDTO, project_detail, status_dto

from . import queries, services
from .schemas import (
    ApplicationActionInfoDTO,
    ProjectAssessmentEligibilityDTO,
    ProjectAssessmentQualityDTO,
    ProjectModificationCreateDTO,
    ProjectModificationDecisionDTO,
    decision_in,
)
from .transitions import Action

router = Router(tags=["project"])
STATUS = {200: ApplicationStatusDTO}


def _run(request, id, action, data=None):  # noqa: A002
    return services.transition(actor=request.user, project_id=id, action=action, data=data)


@router.put("/project/{id}/set-as-eligible", response=STATUS, operation_id="setApplicationAsEligible")
def set_as_eligible(request, id: int, actionInfo: ApplicationActionInfoDTO):  # noqa: A002, N803
    return _run(request, id, Action.SET_AS_ELIGIBLE, decision_in(actionInfo))


@router.put("/project/{id}/set-as-ineligible", response=STATUS, operation_id="setApplicationAsIneligible")
def set_as_ineligible(request, id: int, actionInfo: ApplicationActionInfoDTO):  # noqa: A002, N803
    return _run(request, id, Action.SET_AS_INELIGIBLE, decision_in(actionInfo))


@router.put("/project/{id}/approve", response=STATUS, operation_id="approveApplication")
def approve(request, id: int, actionInfo: ApplicationActionInfoDTO):  # noqa: A002, N803
    return _run(request, id, Action.APPROVE, decision_in(actionInfo))


@router.put("/project/{id}/approve-with-conditions", response=STATUS, operation_id="approveApplicationWithCondition")
def approve_with_conditions(request, id: int, actionInfo: ApplicationActionInfoDTO):  # noqa: A002, N803
    return _run(request, id, Action.APPROVE_WITH_CONDITIONS, decision_in(actionInfo))


@router.put("/project/{id}/refuse", response=STATUS, operation_id="refuseApplication")
def refuse(request, id: int, actionInfo: ApplicationActionInfoDTO):  # noqa: A002, N803
    return _run(request, id, Action.REFUSE, decision_in(actionInfo))


@router.put("/project/{id}/return-to-applicant", response=STATUS, operation_id="returnApplicationToApplicant")
def return_to_applicant(request, id: int):  # noqa: A002
    return _run(request, id, Action.RETURN_TO_APPLICANT)


@router.put("/project/{id}/hand-back-to-applicant", response=STATUS, operation_id="handBackToApplicant")
def hand_back_to_applicant(request, id: int):  # noqa: A002
    return _run(request, id, Action.HAND_BACK_TO_APPLICANT)


@router.put("/project/{id}/start-second-step", response=STATUS, operation_id="startSecondStep")
def start_second_step(request, id: int):  # noqa: A002
    return _run(request, id, Action.START_SECOND_STEP)


@router.put("/project/{id}/start-modification", response=STATUS, operation_id="startModification")
def start_modification(request, id: int):  # noqa: A002
    return _run(request, id, Action.START_MODIFICATION)


@router.put("/project/{id}/approve-modification", response=STATUS, operation_id="approveModification")
def approve_modification(request, id: int, modification: ProjectModificationCreateDTO):  # noqa: A002
    return _run(request, id, Action.APPROVE_MODIFICATION,
                decision_in(modification.action_info, modification.correction_ids))


@router.put("/project/{id}/reject", response=STATUS, operation_id="rejectModification")
def reject_modification(request, id: int, modification: ProjectModificationCreateDTO):  # noqa: A002
    return _run(request, id, Action.REJECT_MODIFICATION,
                decision_in(modification.action_info, modification.correction_ids))


@router.put("/project/{id}/set-to-contracted", response=STATUS, operation_id="setToContracted")
def set_to_contracted(request, id: int):  # noqa: A002
    return _run(request, id, Action.SET_TO_CONTRACTED)


@router.put("/project/{id}/set-to-closed", response=STATUS, operation_id="setToClosed")
def set_to_closed(request, id: int):  # noqa: A002
    return _run(request, id, Action.SET_TO_CLOSED)


@router.put("/project/{id}/revert-to-contracted", response=STATUS, operation_id="revertToContracted")
def revert_to_contracted(request, id: int):  # noqa: A002
    return _run(request, id, Action.REVERT_TO_CONTRACTED)


@router.post("/project/{id}/revert", response=STATUS, operation_id="revertApplicationDecision")
def revert(request, id: int):  # noqa: A002
    return services.revert(actor=request.user, project_id=id)


@router.get("/project/{id}/status-to-revert-to", response={200: ApplicationStatusDTO | None},
            operation_id="findPossibleDecisionRevertStatus")
def status_to_revert_to(request, id: int):  # noqa: A002
    return json_scalar(services.status_to_revert_to(actor=request.user, project_id=id))


def _detail(request, id):  # noqa: A002
    return project_detail(access.load(request.user, id).project, viewer=request.user)


@router.post("/project/{id}/assessment/eligibility", response={200: ProjectDetailDTO}, by_alias=True,
             operation_id="setEligibilityAssessment")
def set_eligibility_assessment(request, id: int, data: ProjectAssessmentEligibilityDTO):  # noqa: A002
    services.set_eligibility_assessment(actor=request.user, project_id=id, result=data.result.value, note=data.note)
    return _detail(request, id)


@router.post("/project/{id}/assessment/quality", response={200: ProjectDetailDTO}, by_alias=True,
             operation_id="setQualityAssessment")
def set_quality_assessment(request, id: int, data: ProjectAssessmentQualityDTO):  # noqa: A002
    services.set_quality_assessment(actor=request.user, project_id=id, result=data.result.value, note=data.note)
    return _detail(request, id)


@router.get("/project/{id}/modification-decisions", response={200: list[ProjectModificationDecisionDTO]},
            by_alias=True, operation_id="getModificationDecisions")
def modification_decisions(request, id: int):  # noqa: A002
    rows = queries.get_modification_decisions(actor=request.user, project_id=id)
    return [{"project_status": status_dto(row), "corrections": []} for row in rows]
