"""ProjectExportApi: the application-form export and the budget export of a project (file downloads)."""

from datetime import datetime
from urllib.parse import quote

from django.http import HttpResponse
from ninja import Router

from jems.core.languages import SystemLanguage

from . import export

router = Router(tags=["project"])

FILE_DOWNLOAD = {"responses": {200: {
    "description": "File download; the body is the raw file content.",
    "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}}


def _download(result) -> HttpResponse:
    response = HttpResponse(result.content, content_type="application/octet-stream")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(result.file_name)}"
    response["Content-Length"] = str(len(result.content))
    return response


@router.get("/project/{projectId}/export/application", operation_id="exportApplicationForm",
            summary="Export application form data to pdf file", openapi_extra=FILE_DOWNLOAD)
def export_application_form(request, projectId: int, exportLanguage: SystemLanguage,  # noqa: N803
                            inputLanguage: SystemLanguage, localDateTime: datetime,  # noqa: N803
                            version: str | None = None, pluginKey: str | None = None):  # noqa: N803
    return _download(export.export_application_form(
        actor=request.user, project_id=projectId, export_language=exportLanguage.value,
        data_language=inputLanguage.value, local_date_time=localDateTime.replace(tzinfo=None), version=version,
        plugin_key=pluginKey))


@router.get("/project/{projectId}/export/budget", operation_id="exportBudget",
            summary="Export budget data to csv file", openapi_extra=FILE_DOWNLOAD)
def export_budget(request, projectId: int, exportLanguage: SystemLanguage,  # noqa: N803
                  inputLanguage: SystemLanguage, version: str | None = None,  # noqa: N803
                  pluginKey: str | None = None):  # noqa: N803
    return _download(export.export_budget(actor=request.user, project_id=projectId,
                                          export_language=exportLanguage.value, data_language=inputLanguage.value,
                                          version=version, plugin_key=pluginKey))
