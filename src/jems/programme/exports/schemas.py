"""Schemas of ProgrammeDataExportApi."""

from datetime import datetime

from jems.api.schemas import CamelSchema
from jems.core.languages import SystemLanguage


class ProgrammeDataExportMetadataDTO(CamelSchema):
    plugin_key: str
    file_name: str | None = None
    export_language: SystemLanguage
    input_language: SystemLanguage
    request_time: datetime | None = None
    exportation_time_in_seconds: int | None = None
    timed_out: bool
    failed: bool
    ready_to_download: bool
