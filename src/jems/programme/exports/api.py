"""ProgrammeDataExportApi: start a programme data export, list the runs, download the newest file of a plugin."""

from urllib.parse import quote

from django.http import HttpResponse
from ninja import Router

from jems.core.languages import SystemLanguage

from . import services
from .queries import metadata
from .schemas import ProgrammeDataExportMetadataDTO

router = Router(tags=["programme"])

FILE_DOWNLOAD = {"responses": {200: {
    "description": "File download; the body is the raw file content.",
    "headers": {"Content-Disposition": {"schema": {"type": "string"},
                                        "description": "attachment; filename*=UTF-8''<url-encoded name>"},
                "Content-Length": {"schema": {"type": "integer"}}},
    "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}}


def file_response(run) -> HttpResponse:
    """The file of a finished run as an attachment."""
    content = bytes(run.content)
    response = HttpResponse(content, content_type="application/octet-stream")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(run.file_name)}"
    response["Content-Length"] = str(len(content))
    return response


@router.post("/programme/export", response={200: None}, operation_id="ProgrammeDataExportApi_export",
             summary="Trigger programme data exportation")
def export(request, exportLanguage: SystemLanguage, inputLanguage: SystemLanguage,  # noqa: N803
           pluginKey: str | None = None, pluginOptions: str = ""):  # noqa: N803
    services.start_export(actor=request.user, plugin_key=pluginKey, export_language=exportLanguage.value,
                          input_language=inputLanguage.value, plugin_options=pluginOptions)
    return HttpResponse(status=200)


@router.get("/programme/export/download", operation_id="ProgrammeDataExportApi_download",
            summary="download programme data exported file", openapi_extra=FILE_DOWNLOAD)
def download(request, pluginKey: str | None = None):  # noqa: N803
    return file_response(services.download(actor=request.user, plugin_key=pluginKey))


@router.get("/programme/export/list", response={200: list[ProgrammeDataExportMetadataDTO]}, by_alias=True,
            operation_id="ProgrammeDataExportApi_list",
            summary="Get list of programme data exported files metadata")
def list_exports(request):
    return [metadata(run) for run in services.list_exports(actor=request.user)]
