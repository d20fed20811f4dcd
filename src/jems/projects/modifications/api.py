"""API of modification requests (our addition under /api/project/{projectId}/modificationRequest, not in the
Jems contract; docs/api.md "Our additions"). Attachments are uploaded first as MODIFICATION files
(ProjectFileApi) and named by `fileIds`."""

from ninja import Router

from . import queries, services
from .schemas import (
    ModificationAnswerDTO,
    ModificationCommentCreateDTO,
    ModificationCommentDTO,
    ModificationRequestCreateDTO,
    ModificationRequestDTO,
    comment_dto,
    request_dto,
)

router = Router(tags=["project"])
BASE = "/project/{projectId}/modificationRequest"


def _one(project_id, request_id) -> dict:
    return request_dto(queries.one(project_id, request_id))


@router.get(BASE, response={200: list[ModificationRequestDTO]}, by_alias=True,
            operation_id="listModificationRequests", summary="The project's modification requests, newest first")
def list_requests(request, projectId: int):  # noqa: N803
    acc = services.load(request.user, projectId)
    return [request_dto(item) for item in queries.thread(acc.project)]


@router.post(BASE, response={200: ModificationRequestDTO}, by_alias=True, operation_id="createModificationRequest",
             summary="File a modification request")
def create_request(request, projectId: int, data: ModificationRequestCreateDTO):  # noqa: N803
    item = services.file_request(actor=request.user, project_id=projectId, reason=data.reason or "",
                                 sections=data.sections, file_ids=data.file_ids)
    return _one(projectId, item.pk)


@router.put(f"{BASE}/{{requestId}}/accept", response={200: ModificationRequestDTO}, by_alias=True,
            operation_id="acceptModificationRequest", summary="Accept a request: the modification is opened")
def accept(request, projectId: int, requestId: int, data: ModificationAnswerDTO):  # noqa: N803
    services.accept(actor=request.user, project_id=projectId, request_id=requestId, note=data.note or "")
    return _one(projectId, requestId)


@router.put(f"{BASE}/{{requestId}}/decline", response={200: ModificationRequestDTO}, by_alias=True,
            operation_id="declineModificationRequest", summary="Decline a request with a note")
def decline(request, projectId: int, requestId: int, data: ModificationAnswerDTO):  # noqa: N803
    services.decline(actor=request.user, project_id=projectId, request_id=requestId, note=data.note or "")
    return _one(projectId, requestId)


@router.post(f"{BASE}/{{requestId}}/comment", response={200: ModificationCommentDTO}, by_alias=True,
             operation_id="commentModificationRequest", summary="Comment on a request")
def comment(request, projectId: int, requestId: int, data: ModificationCommentCreateDTO):  # noqa: N803
    return comment_dto(services.comment(actor=request.user, project_id=projectId, request_id=requestId,
                                        text=data.text or ""))
