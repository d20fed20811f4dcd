"""API schemas of controller institutions (ControllerInstitutionApi)."""

import datetime
from enum import StrEnum

from pydantic import Field

from jems.api.schemas import CamelSchema, page_schema
from jems.nuts.schemas import OutputNuts


class UserInstitutionAccessLevelDTO(StrEnum):
    View = "View"
    Edit = "Edit"


class ControllerInstitutionUserDTO(CamelSchema):
    institution_id: int
    user_email: str
    user_id: int
    access_level: UserInstitutionAccessLevelDTO


class ControllerInstitutionListDTO(CamelSchema):
    id: int | None = None
    name: str
    description: str | None = None
    institution_nuts: list[OutputNuts] = Field(default_factory=list)
    created_at: datetime.datetime | None = None


class ControllerInstitutionDTO(ControllerInstitutionListDTO):
    institution_users: list[ControllerInstitutionUserDTO] = Field(default_factory=list)


class UpdateControllerInstitutionDTO(CamelSchema):
    id: int | None = None
    name: str
    description: str | None = None
    institution_nuts: list[str] = Field(default_factory=list)
    institution_users: list[ControllerInstitutionUserDTO] = Field(default_factory=list)
    created_at: datetime.datetime | None = None


class InstitutionPartnerAssignmentDTO(CamelSchema):
    partner_id: int
    institution_id: int


class ControllerInstitutionAssignmentDTO(CamelSchema):
    assignments_to_add: list[InstitutionPartnerAssignmentDTO]
    assignments_to_remove: list[InstitutionPartnerAssignmentDTO]


class InstitutionPartnerSearchRequestDTO(CamelSchema):
    call_id: int | None = None
    project_id: str | None = None
    acronym: str | None = None
    partner_name: str | None = None
    partner_nuts: set[str] = Field(default_factory=set)


class ProjectPartnerRoleDTO(StrEnum):
    PARTNER = "PARTNER"
    LEAD_PARTNER = "LEAD_PARTNER"


class IdNamePairDTO(CamelSchema):
    id: int
    name: str


class InstitutionPartnerDetailsDTO(CamelSchema):
    institution_id: int | None = None
    partner_id: int
    partner_name: str
    partner_status: bool
    partner_role: ProjectPartnerRoleDTO
    partner_sort_number: int
    partner_nuts3: str | None = None
    partner_address: str | None = None
    call_id: int
    project_id: int
    project_custom_identifier: str
    project_acronym: str
    partner_nuts_compatible_institutions: set[IdNamePairDTO] | None = None


class UserSimpleDTO(CamelSchema):
    id: int
    email: str
    name: str
    surname: str


PageControllerInstitutionListDTO = page_schema(ControllerInstitutionListDTO, "PageControllerInstitutionListDTO")
PageInstitutionPartnerDetailsDTO = page_schema(InstitutionPartnerDetailsDTO, "PageInstitutionPartnerDetailsDTO")


def list_dto(institution, nuts_tree) -> dict:
    return {"id": institution.pk, "name": institution.name, "description": institution.description,
            "institution_nuts": nuts_tree, "created_at": institution.created_at}


def institution_dto(institution, nuts_tree, members) -> dict:
    return {**list_dto(institution, nuts_tree),
            "institution_users": [{"institution_id": institution.pk, "user_email": m.user.email,
                                   "user_id": m.user_id, "access_level": m.access_level} for m in members]}
