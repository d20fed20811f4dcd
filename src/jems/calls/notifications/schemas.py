"""Wire schemas of CallNotificationConfigurationApi (Jems DTO names, camelCase properties)."""

from enum import StrEnum

from jems.api.schemas import CamelSchema

from .codelists import NotificationType
from .services import ConfigurationInput

NotificationTypeDTO = StrEnum("NotificationTypeDTO", {code: code for code in NotificationType.values})
NotificationTypeDTO.__doc__ = "Jems `NotificationTypeDTO` (38 notification types)."


class ProjectNotificationConfigurationDTO(CamelSchema):
    """Jems `ProjectNotificationConfigurationDTO`: how a call notifies one notification type."""

    id: NotificationTypeDTO
    active: bool
    send_to_manager: bool
    send_to_lead_partner: bool
    send_to_project_partners: bool
    send_to_project_assigned: bool
    send_to_controllers: bool
    email_subject: str = ""
    email_body: str = ""


def configuration_dto(row) -> dict:
    return {"id": row.type, "active": row.active, "send_to_manager": row.send_to_manager,
            "send_to_lead_partner": row.send_to_lead_partner, "send_to_project_partners": row.send_to_project_partners,
            "send_to_project_assigned": row.send_to_project_assigned, "send_to_controllers": row.send_to_controllers,
            "email_subject": row.email_subject, "email_body": row.email_body}


def configuration_input(dto: ProjectNotificationConfigurationDTO) -> ConfigurationInput:
    return ConfigurationInput(type=dto.id.value, active=dto.active, send_to_manager=dto.send_to_manager,
                              send_to_lead_partner=dto.send_to_lead_partner,
                              send_to_project_partners=dto.send_to_project_partners,
                              send_to_project_assigned=dto.send_to_project_assigned,
                              send_to_controllers=dto.send_to_controllers,
                              email_subject=dto.email_subject, email_body=dto.email_body)
