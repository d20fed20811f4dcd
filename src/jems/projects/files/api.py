"""Jems-compatible API of project files (ProjectFileApi: the annex, assessment and modification categories and
ALL for listing; see docs/api.md)."""

from urllib.parse import quote

from django.http import HttpResponse
from ninja import File, Query, Router
from ninja.files import UploadedFile

from jems.api.schemas import PageParams
from jems.core.pagination import page_request, spring_page

from . import queries, services
from .schemas import PageProjectFileMetadataDTO, ProjectFileCategoryTypeDTO, ProjectFileMetadataDTO, file_dto

router = Router(tags=["project"])

SORT_FIELDS = {"id": "id", "name": "name", "size": "size", "uploaded": "uploaded_at", "uploadedAt": "uploaded_at",
               "description": "description"}
FILE_DOWNLOAD = {"responses": {200: {
    "description": "File download; the body is the raw file content.",
    "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}}
TEXT_BODY = {"requestBody": {"required": False, "content": {"text/plain": {"schema": {"type": "string"}}}}}


@router.get("/project/{projectId}/file/download/{fileId}", operation_id="downloadFile",
            summary="Download file from project", openapi_extra=FILE_DOWNLOAD)
def download_file(request, projectId: int, fileId: int):  # noqa: N803 (the contract's names)
    item, content = services.download(actor=request.user, project_id=projectId, file_id=fileId)
    response = HttpResponse(content, content_type="application/octet-stream")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(item.name)}"
    response["Content-Length"] = str(len(content))
    return response


@router.get("/project/{projectId}/file/list", response={200: PageProjectFileMetadataDTO}, by_alias=True,
            operation_id="listProjectFiles", summary="list project files")
def list_files(request, projectId: int, type: ProjectFileCategoryTypeDTO,  # noqa: A002, N803
               params: Query[PageParams], id: int | None = None):  # noqa: A002
    page = page_request(params.page, params.size, params.sort, SORT_FIELDS, default=("-uploaded_at", "-id"))
    _project, items, total = queries.list_files(actor=request.user, project_id=projectId, category=type.value,
                                                partner_id=id, page=page)
    return spring_page([file_dto(item) for item in items], total, page)


@router.post("/project/{projectId}/file/upload", response={200: ProjectFileMetadataDTO}, by_alias=True,
             operation_id="uploadFile", summary="Upload file to project")
def upload_file(request, projectId: int, type: ProjectFileCategoryTypeDTO,  # noqa: A002, N803
                file: File[UploadedFile], id: int | None = None):  # noqa: A002
    item = services.upload(actor=request.user, project_id=projectId, category=type.value, partner_id=id,
                           upload=file)
    return file_dto(item)


@router.delete("/project/{projectId}/file/{fileId}", operation_id="deleteProjectFile",
               summary="Delete existing file")
def delete_file(request, projectId: int, fileId: int):  # noqa: N803
    services.delete(actor=request.user, project_id=projectId, file_id=fileId)
    return HttpResponse(status=200)


@router.put("/project/{projectId}/file/{fileId}/description", response={200: ProjectFileMetadataDTO},
            by_alias=True, operation_id="setProjectFileDescription",
            summary="Specify description for project file", openapi_extra=TEXT_BODY)
def set_description(request, projectId: int, fileId: int):  # noqa: N803
    text = request.body.decode(request.encoding or "utf-8", errors="replace") if request.body else None
    item = services.set_description(actor=request.user, project_id=projectId, file_id=fileId, description=text)
    return file_dto(item)
