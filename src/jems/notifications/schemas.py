"""Wire schemas of NotificationApi (NotificationDTO and its page) and the row renderer."""

from datetime import datetime

from jems.api.schemas import CamelSchema, page_schema
from jems.calls.notifications.schemas import NotificationTypeDTO
from jems.projects.partners.schemas import ProjectPartnerRoleDTO


class NotificationProjectDTO(CamelSchema):
    call_id: int
    call_name: str
    project_id: int
    project_identifier: str
    project_acronym: str


class NotificationPartnerDTO(CamelSchema):
    partner_id: int
    partner_role: ProjectPartnerRoleDTO
    partner_number: int


class NotificationDTO(CamelSchema):
    id: int
    project: NotificationProjectDTO | None = None
    partner: NotificationPartnerDTO | None = None
    time: datetime
    subject: str
    body: str
    type: NotificationTypeDTO


PageNotificationDTO = page_schema(NotificationDTO, "PageNotificationDTO")


def notification_dto(notification) -> dict:
    """One notification as NotificationDTO (project and call from the row's select_related)."""
    project = notification.project
    partner = notification.partner
    return {
        "id": notification.pk,
        "project": None if project is None else {
            "call_id": project.call_id, "call_name": project.call.name, "project_id": project.pk,
            "project_identifier": project.custom_identifier, "project_acronym": project.acronym},
        "partner": None if partner is None else {
            "partner_id": partner.pk, "partner_role": partner.role, "partner_number": partner.sort_number},
        "time": notification.created_at,
        "subject": notification.subject,
        "body": notification.body,
        "type": notification.type,
    }
