"""Jems-compatible API of the call's application-form configuration (ApplicationFormConfigurationApi) and
call translation files (CallTranslationConfigurationApi); see docs/api.md. Handlers parse, call one
service or query and render."""

from urllib.parse import quote

from django.http import HttpResponse
from ninja import Body, File, Router
from ninja.files import UploadedFile

from jems.calls import queries as call_queries
from jems.calls.schemas import CallDetailDTO, call_detail
from jems.core.languages import SystemLanguage

from . import queries, services
from .schemas import (
    ApplicationFormFieldConfigurationDTO,
    CallTranslationFileDTO,
    UpdateApplicationFormFieldConfigurationRequestDTO,
    field_configuration_dtos,
    file_metadata_dto,
    translation_file_dto,
)

router = Router(tags=["call"])

FILE_DOWNLOAD = {"responses": {200: {
    "description": "File download; the body is the raw file content.",
    "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}}


# --- ApplicationFormConfigurationApi ------------------------------------------------------------------------


@router.get("/call/{callId}/applicationFormFieldConfigurations",
            response={200: list[ApplicationFormFieldConfigurationDTO]}, by_alias=True, operation_id="getByCallId",
            summary="Returns set of application form field configurations by call id")
def get_configuration(request, callId: int):  # noqa: N803 (the contract's name)
    _call, states = queries.field_configuration(actor=request.user, call_id=callId)
    return field_configuration_dtos(states)


@router.post("/call/{callId}/applicationFormFieldConfigurations", response={200: CallDetailDTO}, by_alias=True,
             operation_id="ApplicationFormConfigurationApi_update",
             summary="Update application form field configurations")
def update_configuration(request, callId: int,  # noqa: N803
                         configurations: Body[list[UpdateApplicationFormFieldConfigurationRequestDTO]]):
    services.update_field_configuration(actor=request.user, call_id=callId, fields=[
        services.FieldInput(id=item.id, visible=item.visible, available_in_step=item.available_in_step.value)
        for item in configurations])
    return call_detail(call_queries.get_call(actor=request.user, call_id=callId))


# --- CallTranslationConfigurationApi ------------------------------------------------------------------------


@router.get("/call/translation/{callId}", response={200: list[CallTranslationFileDTO]}, by_alias=True,
            operation_id="getTranslation", summary="Returns list of all translation files")
def list_translations(request, callId: int):  # noqa: N803
    _call, rows = queries.translations(actor=request.user, call_id=callId)
    return [translation_file_dto(row) for row in rows]


@router.delete("/call/translation/{callId}/delete/{language}", operation_id="deleteTranslationFile",
               summary="Delete translation file")
def delete_translation(request, callId: int, language: SystemLanguage):  # noqa: N803
    services.delete_translation_file(actor=request.user, call_id=callId, language=language.value)
    return HttpResponse(status=200)


@router.get("/call/translation/{callId}/download/{fileId}", operation_id="downloadTranslationFile",
            summary="Download translation file", openapi_extra=FILE_DOWNLOAD)
def download_translation(request, callId: int, fileId: int):  # noqa: N803
    name, content = queries.translation_file(actor=request.user, call_id=callId, file_id=fileId)
    response = HttpResponse(content, content_type="application/octet-stream")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    response["Content-Length"] = str(len(content))
    return response


@router.post("/call/translation/{callId}/upload/{language}", response={200: CallTranslationFileDTO}, by_alias=True,
             operation_id="uploadTranslationFile", summary="Upload translation file")
def upload_translation(request, callId: int, language: SystemLanguage, file: File[UploadedFile]):  # noqa: N803
    saved = services.upload_translation_file(actor=request.user, call_id=callId, language=language.value, upload=file)
    return {"language": saved.language, "file": file_metadata_dto(saved), "defaultFromProgramme": queries.programme_default(saved.language)}
