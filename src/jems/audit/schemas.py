"""Wire schemas of the audit API (AuditDTO, AuditSearchRequestDTO) and the row renderer."""

from datetime import datetime
from enum import Enum

from pydantic import Field

from jems.api.schemas import CamelSchema, page_schema

from .actions import CONTRACT_ACTIONS, AuditAction

# The contract's AuditAction enum (what responses may carry) ...
AuditActionDTO = Enum("AuditAction", {a: a for a in AuditAction.values if a in CONTRACT_ACTIONS}, type=str,
                      module=__name__)
# ... and what a search may ask for: the contract's values plus our own USER_LOGIN_FAILED.
AuditActionFilter = Enum("AuditActionFilter", {a: a for a in AuditAction.values}, type=str, module=__name__)


class AuditUserDTO(CamelSchema):
    id: int | None = None
    email: str | None = None


class AuditProjectDTO(CamelSchema):
    id: str | None = None
    custom_identifier: str | None = None
    name: str | None = None


class AuditDTO(CamelSchema):
    id: str | None
    timestamp: datetime | None
    action: AuditActionDTO | None
    project: AuditProjectDTO | None
    user: AuditUserDTO | None
    description: str | None


PageAuditDTO = page_schema(AuditDTO, "PageAuditDTO")


class AuditSearchRequestDTO(CamelSchema):
    user_ids: set[int | None] = Field(default_factory=set)
    user_emails: set[str | None] = Field(default_factory=set)
    actions: set[AuditActionFilter | None] = Field(default_factory=set)
    project_ids: set[str | None] = Field(default_factory=set)
    time_from: datetime | None = None
    time_to: datetime | None = None


def audit_dto(event) -> dict:
    """One audit row. Actions outside the contract (USER_LOGIN_FAILED) go out as `action: null` with
    their name leading the description, so that Jems clients can still read them."""
    in_contract = event.action in CONTRACT_ACTIONS
    description = event.description if in_contract else f"{event.action}: {event.description}"
    project = None
    if event.project_id:
        project = {"id": event.project_id, "custom_identifier": event.project_custom_identifier or None,
                   "name": event.project_name or None}
    user = None
    if event.user_id is not None or event.user_email:
        user = {"id": event.user_id, "email": event.user_email or None}
    return {"id": str(event.pk), "timestamp": event.timestamp, "action": event.action if in_contract else None,
            "project": project, "user": user, "description": description}
