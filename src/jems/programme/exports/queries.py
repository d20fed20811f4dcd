"""Reads of programme data export runs shaped for the API and the page."""

from .models import ProgrammeDataExport
from .services import is_running, is_timed_out


def metadata(run: ProgrammeDataExport) -> dict:
    """ProgrammeDataExportMetadataDTO of a run (plus `id` and `running` for the page)."""
    seconds = int((run.end_time - run.request_time).total_seconds()) if run.end_time else None
    return {"id": run.pk, "plugin_key": run.plugin_key, "file_name": run.file_name or None,
            "export_language": run.export_language, "input_language": run.input_language,
            "request_time": run.request_time, "exportation_time_in_seconds": seconds,
            "timed_out": is_timed_out(run), "failed": run.failed,
            "ready_to_download": run.end_time is not None and not run.failed, "running": is_running(run)}
