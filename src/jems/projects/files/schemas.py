"""API schemas of application annexes (ProjectFileApi)."""

from datetime import datetime
from enum import StrEnum

from jems.api.schemas import CamelSchema, page_schema
from jems.projects.schemas import OutputUser

from . import queries


class ProjectFileCategoryTypeDTO(StrEnum):
    ALL = "ALL"
    ASSESSMENT = "ASSESSMENT"
    APPLICATION = "APPLICATION"
    PARTNER = "PARTNER"
    INVESTMENT = "INVESTMENT"
    MODIFICATION = "MODIFICATION"


class ProjectFileMetadataDTO(CamelSchema):
    id: int
    project_id: int
    name: str
    size: int
    size_string: str
    uploaded_at: datetime
    uploaded_by: OutputUser
    description: str | None
    category: ProjectFileCategoryTypeDTO | None


PageProjectFileMetadataDTO = page_schema(ProjectFileMetadataDTO, "PageProjectFileMetadataDTO")


def file_dto(item) -> dict:
    user = item.uploaded_by
    return {"id": item.pk, "projectId": item.project_id, "name": item.name, "size": item.size,
            "sizeString": queries.size_string(item.size), "uploadedAt": item.uploaded_at,
            "uploadedBy": {"id": user.pk, "email": user.email, "name": user.name, "surname": user.surname},
            "description": item.description, "category": item.category}
