"""The check and submit operations of ProjectStatusApi."""

from ninja import Router

from jems.programme.schemas import ApplicationStatusDTO

from . import services
from .schemas import PreConditionCheckResultDTO, result_dto

router = Router(tags=["project"])


@router.get("/project/{id}/preCheck", response={200: PreConditionCheckResultDTO}, by_alias=True,
            operation_id="preConditionCheck")
def pre_condition_check(request, id: int):  # noqa: A002 (the contract's name)
    return result_dto(services.check(actor=request.user, project_id=id))


@router.put("/project/{id}/submit", response={200: ApplicationStatusDTO}, operation_id="submitApplication")
def submit_application(request, id: int):  # noqa: A002
    return services.submit(actor=request.user, project_id=id)
