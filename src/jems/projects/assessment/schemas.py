"""DTOs of the ProjectStatusApi decisions, assessments and modification decisions (contract names)."""

import datetime as dt
from enum import StrEnum

from pydantic import Field

from jems.api.schemas import CamelSchema
from jems.projects.schemas import (
    ProjectAssessmentEligibilityResult,
    ProjectAssessmentQualityResult,
    ProjectStatusDTO,
)

from .services import Decision


class ApplicationActionInfoDTO(CamelSchema):
    note: str | None = None
    date: dt.date | None = None
    entry_into_force_date: dt.date | None = None


class ProjectModificationCreateDTO(CamelSchema):
    action_info: ApplicationActionInfoDTO
    correction_ids: list[int] = Field(default_factory=list, json_schema_extra={"uniqueItems": True})


class ProjectAssessmentEligibilityDTO(CamelSchema):
    result: ProjectAssessmentEligibilityResult
    note: str | None = None


class ProjectAssessmentQualityDTO(CamelSchema):
    result: ProjectAssessmentQualityResult
    note: str | None = None


class AuditStatusDTO(StrEnum):
    Ongoing = "Ongoing"
    Closed = "Closed"


class AuditControlCorrectionTypeDTO(StrEnum):
    LinkedToInvoice = "LinkedToInvoice"
    LinkedToCostOption = "LinkedToCostOption"


class AuditControlCorrectionDTO(CamelSchema):
    id: int
    order_nr: int
    status: AuditStatusDTO
    type: AuditControlCorrectionTypeDTO
    audit_control_id: int
    audit_control_number: int


class ProjectModificationDecisionDTO(CamelSchema):
    project_status: ProjectStatusDTO
    corrections: list[AuditControlCorrectionDTO]


def decision_in(info: ApplicationActionInfoDTO | None, correction_ids: list[int] | None = None) -> Decision:
    """The service's decision payload from the DTO."""
    info = info or ApplicationActionInfoDTO()
    return Decision(date=info.date, note=info.note, entry_into_force_date=info.entry_into_force_date,
                    correction_ids=list(correction_ids or []))
