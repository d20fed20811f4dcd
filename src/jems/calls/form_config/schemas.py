"""Schemas of ApplicationFormConfigurationApi and CallTranslationConfigurationApi (Jems DTO names). The field
configuration row and the step enum are CallApi's (jems.calls.schemas), which CallDetailDTO embeds too."""

from datetime import datetime

from jems.api.schemas import CamelSchema
from jems.calls.schemas import ApplicationFormFieldConfigurationDTO, StepSelectionOptionDTO  # noqa: F401 (shared)
from jems.core.languages import SystemLanguage


class UpdateApplicationFormFieldConfigurationRequestDTO(CamelSchema):
    id: str
    visible: bool
    available_in_step: StepSelectionOptionDTO


class JemsFileMetadataDTO(CamelSchema):
    id: int
    name: str
    uploaded: datetime


class CallTranslationFileDTO(CamelSchema):
    language: SystemLanguage
    file: JemsFileMetadataDTO | None = None
    default_from_programme: str | None = None


def field_configuration_dtos(states) -> list[dict]:
    """The DTO rows of queries.states(...): visible = status is not NONE, availableInStep = the status."""
    return [{"id": state.id, "visible": state.visible, "availableInStep": state.visibility,
             "visibilityLocked": state.visibility_locked, "stepSelectionLocked": state.step_selection_locked}
            for state in states]


def translation_file_dto(row) -> dict:
    file = row.file
    return {"language": row.language,
            "file": {"id": file.pk, "name": file.file_name, "uploaded": file.uploaded_at} if file else None,
            "defaultFromProgramme": row.default_from_programme}


def file_metadata_dto(file) -> dict:
    return {"id": file.pk, "name": file.file_name, "uploaded": file.uploaded_at}
