"""Jems-compatible API of the programme core: ProgrammeDataApi (without the two NUTS operations, which
jems.nuts serves), ProgrammeLanguageApi, TranslationFileApi, ProgrammeFundApi, ProgrammeStrategyApi,
ProgrammeLegalStatusApi, ProgrammeStateAidApi and ProgrammeTypologyErrorsApi (see docs/api.md).

Handlers parse, call one service or query and render.
"""

from urllib.parse import quote

from django.http import HttpResponse
from ninja import Body, File, Router
from ninja.files import UploadedFile

from jems.api.schemas import json_scalar
from jems.core.languages import SystemLanguage
from jems.core.translatable import from_api

from . import queries, services
from .codelists import TranslationFileType
from .schemas import (
    ApplicationStatusDTO,
    AvailableProgrammeLanguagesDTO,
    InputProgrammeStrategy,
    OutputProgrammeStrategy,
    ProgrammeDataDTO,
    ProgrammeDataUpdateRequestDTO,
    ProgrammeFundDTO,
    ProgrammeFundIn,
    ProgrammeLanguageDTO,
    ProgrammeLegalStatusDTO,
    ProgrammeLegalStatusUpdateDTO,
    ProgrammeStateAidDTO,
    ProgrammeStateAidUpdateDTO,
    TranslationFileMetaDataDTO,
    TypologyErrorsDTO,
    TypologyErrorsUpdateDTO,
    fund_dto,
    language_dto,
    legal_status_dto,
    programme_data_dto,
    state_aid_dto,
    strategy_dto,
    translation_file_dto,
    typology_error_dto,
)

router = Router(tags=["programme"])

BOOLEAN_SCALAR = {"responses": {200: {"description": "Success; the body is a bare JSON scalar.",
                                      "content": {"application/json": {"schema": {"type": "boolean"}}}}}}
FILE_DOWNLOAD = {"responses": {200: {
    "description": "File download; the body is the raw file content.",
    "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}}


def _download(name: str, content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type="application/octet-stream")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    response["Content-Length"] = str(len(content))
    return response


# --- ProgrammeDataApi ------------------------------------------------------------------------------------------


@router.get("/programmedata", response={200: ProgrammeDataDTO}, by_alias=True, operation_id="ProgrammeDataApi_get",
            summary="Retrieve programme setup")
def get_programme_data(request):
    return programme_data_dto(queries.programme_data(actor=request.user), queries.programme_area())


@router.put("/programmedata", response={200: ProgrammeDataDTO}, by_alias=True, operation_id="ProgrammeDataApi_update",
            summary="Specify base data for this programme")
def update_programme_data(request, data: ProgrammeDataUpdateRequestDTO):
    saved = services.update_programme_data(actor=request.user, values=data.model_dump())
    return programme_data_dto(saved, queries.programme_area())


@router.get("/programmedata/isLocked", response={200: bool}, operation_id="isProgrammeSetupLocked",
            summary="Check if programme setup is still open for changes or not yet", openapi_extra=BOOLEAN_SCALAR)
def is_programme_setup_locked(request):
    return json_scalar(queries.is_locked(actor=request.user))


@router.get("/programmedata/hasProjectsInStatus/{projectStatus}", response={200: bool}, operation_id="hasProjectsInStatus",
            summary="Check if programme has projects in status", openapi_extra=BOOLEAN_SCALAR)
def has_projects_in_status(request, projectStatus: ApplicationStatusDTO):  # noqa: N803 (the contract's name)
    return json_scalar(queries.has_projects_in_status(actor=request.user, status=projectStatus.value))


@router.get("/programmedata/isFastTrackLocked", response={200: bool}, operation_id="isAnyReportCreated",
            summary="Check if Fast Track Lump Sums are still open for changes or not yet", openapi_extra=BOOLEAN_SCALAR)
def is_any_report_created(request):
    return json_scalar(queries.is_fast_track_locked(actor=request.user))


@router.get("/programmedata/isFastTrackLumpSumReadyForPayment/{programmeLumpSumId}", response={200: bool},
            operation_id="isFastTrackLumpSumReadyForPayment",
            summary="Check if a Fast Track Lump Sum is set to ready for payment", openapi_extra=BOOLEAN_SCALAR)
def is_fast_track_lump_sum_ready_for_payment(request, programmeLumpSumId: int):  # noqa: N803
    return json_scalar(queries.is_fast_track_lump_sum_ready_for_payment(actor=request.user,
                                                                        lump_sum_id=programmeLumpSumId))


# --- ProgrammeLanguageApi --------------------------------------------------------------------------------------


@router.get("/programmeLanguage", response={200: list[ProgrammeLanguageDTO]}, by_alias=True,
            operation_id="ProgrammeLanguageApi_get", summary="Retrieve programme languages")
def get_languages(request):
    return [language_dto(row) for row in queries.languages(actor=request.user)]


@router.put("/programmeLanguage", response={200: list[ProgrammeLanguageDTO]}, by_alias=True,
            operation_id="ProgrammeLanguageApi_update", summary="Specify languages for this programme")
def update_languages(request, languages: Body[list[ProgrammeLanguageDTO]]):
    rows = services.update_languages(actor=request.user, languages=[
        services.LanguageInput(code=item.code.value, ui=item.ui, input=item.input, fallback=item.fallback)
        for item in languages])
    return [language_dto(row) for row in rows]


@router.get("/programmeLanguage/available", auth=None, response={200: AvailableProgrammeLanguagesDTO}, by_alias=True,
            operation_id="getAvailableProgrammeLanguages", summary="Retrieve programme languages")
def get_available_languages(request):
    return queries.available_languages()


# --- TranslationFileApi ----------------------------------------------------------------------------------------


@router.get("/translationFile", response={200: list[TranslationFileMetaDataDTO]}, by_alias=True,
            operation_id="TranslationFileApi_get", summary="Retrieve list of translation files")
def list_translation_files(request):
    return [translation_file_dto(file) for file in queries.translation_files(actor=request.user)]


@router.get("/translationFile/{fileType}", operation_id="downloadDefaultEnTranslationFile",
            summary="Download default en translation file", openapi_extra=FILE_DOWNLOAD)
def download_default_translation_file(request, fileType: TranslationFileType):  # noqa: N803
    return _download(*queries.default_translation_file(actor=request.user, file_type=fileType.value))


@router.get("/translationFile/{fileType}/{language}", operation_id="TranslationFileApi_download",
            summary="Download translation file", openapi_extra=FILE_DOWNLOAD)
def download_translation_file(request, fileType: TranslationFileType, language: SystemLanguage):  # noqa: N803
    return _download(*queries.translation_file(actor=request.user, file_type=fileType.value, language=language.value))


@router.post("/translationFile/{fileType}/{language}", response={200: TranslationFileMetaDataDTO}, by_alias=True,
             operation_id="TranslationFileApi_upload", summary="Upload translation file")
def upload_translation_file(request, fileType: TranslationFileType, language: SystemLanguage,  # noqa: N803
                            file: File[UploadedFile]):
    saved = services.upload_translation_file(actor=request.user, file_type=fileType.value, language=language.value,
                                             upload=file)
    return translation_file_dto(saved)


# --- ProgrammeFundApi ------------------------------------------------------------------------------------------


@router.get("/programmeFund", response={200: list[ProgrammeFundDTO]}, by_alias=True,
            operation_id="getProgrammeFundList", summary="Retrieve all programme funds")
def get_funds(request):
    return [fund_dto(fund) for fund in queries.funds(actor=request.user)]


@router.put("/programmeFund", response={200: list[ProgrammeFundDTO]}, by_alias=True,
            operation_id="updateProgrammeFundList", summary="Specify available Funds for this programme")
def update_funds(request, funds: Body[list[ProgrammeFundIn]]):
    saved = services.update_funds(actor=request.user, funds=[
        services.FundInput(id=fund.id, selected=fund.selected,
                           type=fund.type.value if "type" in fund.model_fields_set else None,
                           abbreviation=from_api(fund.abbreviation), description=from_api(fund.description))
        for fund in funds])
    return [fund_dto(fund) for fund in saved]


# --- ProgrammeStrategyApi --------------------------------------------------------------------------------------


@router.get("/programmestrategy", response={200: list[OutputProgrammeStrategy]}, by_alias=True,
            operation_id="getProgrammeStrategies", summary="Returns all strategies")
def get_strategies(request):
    return [strategy_dto(row) for row in queries.strategies(actor=request.user)]


@router.put("/programmestrategy", response={200: list[OutputProgrammeStrategy]}, by_alias=True,
            operation_id="updateProgrammeStrategies", summary="Update selected strategies")
def update_strategies(request, strategies: Body[list[InputProgrammeStrategy]]):
    rows = services.update_strategies(actor=request.user,
                                      strategies=[(item.strategy.value, item.active) for item in strategies])
    return [strategy_dto(row) for row in rows]


# --- ProgrammeLegalStatusApi -----------------------------------------------------------------------------------


@router.get("/programmeLegalStatus", response={200: list[ProgrammeLegalStatusDTO]}, by_alias=True,
            operation_id="getProgrammeLegalStatusList", summary="Retrieve all programme legal statuses")
def get_legal_statuses(request):
    return [legal_status_dto(row) for row in queries.legal_statuses(actor=request.user)]


@router.put("/programmeLegalStatus", response={200: list[ProgrammeLegalStatusDTO]}, by_alias=True,
            operation_id="updateProgrammeLegalStatuses", summary="Specify available legal statuses for this programme")
def update_legal_statuses(request, update: ProgrammeLegalStatusUpdateDTO):
    rows = services.update_legal_statuses(actor=request.user, to_delete=update.to_delete_ids, to_persist=[
        services.LegalStatusInput(id=item.id, type=item.type.value, description=from_api(item.description))
        for item in update.to_persist])
    return [legal_status_dto(row) for row in rows]


# --- ProgrammeStateAidApi --------------------------------------------------------------------------------------


@router.get("/programmeStateAid", response={200: list[ProgrammeStateAidDTO]}, by_alias=True,
            operation_id="getProgrammeStateAidList", summary="Retrieve all programme state aids")
def get_state_aids(request):
    return [state_aid_dto(row) for row in queries.state_aids(actor=request.user)]


@router.post("/programmeStateAid", response={200: list[ProgrammeStateAidDTO]}, by_alias=True,
             operation_id="updateProgrammeStateAids", summary="Specify available state aids for this programme")
def update_state_aids(request, update: ProgrammeStateAidUpdateDTO):
    rows = services.update_state_aids(actor=request.user, to_delete=update.to_delete_ids, to_persist=[
        services.StateAidInput(id=item.id, measure=item.measure.value, name=from_api(item.name),
                               abbreviated_name=from_api(item.abbreviated_name), scheme_number=item.scheme_number,
                               max_intensity=item.max_intensity, threshold=item.threshold,
                               comments=from_api(item.comments))
        for item in update.to_persist])
    return [state_aid_dto(row) for row in rows]


# --- ProgrammeTypologyErrorsApi --------------------------------------------------------------------------------


@router.get("/programmeTypologyErrors", response={200: list[TypologyErrorsDTO]}, by_alias=True,
            operation_id="getTypologyErrors", summary="Retrieve all programme typology errors")
def get_typology_errors(request):
    return [typology_error_dto(row) for row in queries.typology_errors(actor=request.user)]


@router.put("/programmeTypologyErrors", response={200: list[TypologyErrorsDTO]}, by_alias=True,
            operation_id="updateTypologyErrors", summary="Specify typology errors for this programme")
def update_typology_errors(request, update: TypologyErrorsUpdateDTO):
    rows = services.update_typology_errors(actor=request.user, to_delete=update.to_delete_ids, to_persist=[
        services.TypologyErrorInput(id=item.id, description=item.description) for item in update.to_persist])
    return [typology_error_dto(row) for row in rows]
