"""Contract schemas of ProjectPartnerApi and PartnerUserCollaboratorApi (names as in the Jems contract)."""

from datetime import datetime
from enum import Enum

from pydantic import Field

from jems.api.schemas import CamelSchema, DecimalNumber, page_schema
from jems.core.translatable import TranslationIn, TranslationOut
from jems.programme.codelists import StateAidMeasure
from jems.programme.schemas import ProgrammeStateAidDTO
from jems.projects.workpackages.schemas import WorkPackageActivitySummaryDTO

from .models import (
    AddressType,
    ContactType,
    PartnerCollaboratorLevel,
    PartnerRole,
    PartnerSubType,
    PartnerType,
    VatRecovery,
)
from .nace import NACE_CODES


def _enum(name, choices):
    return Enum(name, {value: value for value in choices.values}, type=str, module=__name__)


ProjectPartnerRoleDTO = _enum("ProjectPartnerRoleDTO", PartnerRole)
ProjectTargetGroupDTO = _enum("ProjectTargetGroupDTO", PartnerType)
PartnerSubTypeDTO = _enum("PartnerSubTypeDTO", PartnerSubType)
ProjectPartnerVatRecoveryDTO = _enum("ProjectPartnerVatRecoveryDTO", VatRecovery)
ProjectPartnerAddressTypeDTO = _enum("ProjectPartnerAddressTypeDTO", AddressType)
ProjectContactTypeDTO = _enum("ProjectContactTypeDTO", ContactType)
NaceGroupLevelDTO = Enum("NaceGroupLevelDTO", {code: code for code in NACE_CODES}, type=str, module=__name__)


class ProjectPartnerDTO(CamelSchema):
    id: int | None = None
    abbreviation: str | None = None
    role: ProjectPartnerRoleDTO | None = None
    name_in_original_language: str | None = None
    name_in_english: str | None = None
    department: list[TranslationIn] = []
    partner_type: ProjectTargetGroupDTO | None = None
    partner_sub_type: PartnerSubTypeDTO | None = None
    nace: NaceGroupLevelDTO | None = None
    other_identifier_number: str | None = None
    other_identifier_description: list[TranslationIn] = []
    pic: str | None = None
    legal_status_id: int | None = None
    vat: str | None = None
    vat_recovery: ProjectPartnerVatRecoveryDTO | None = None


class ProjectPartnerAddressDTO(CamelSchema):
    type: ProjectPartnerAddressTypeDTO
    country: str | None = None
    country_code: str | None = None
    nuts_region2: str | None = None
    nuts_region2_code: str | None = None
    nuts_region3: str | None = None
    nuts_region3_code: str | None = None
    street: str | None = None
    house_number: str | None = None
    postal_code: str | None = None
    city: str | None = None
    homepage: str | None = None


class ProjectContactDTO(CamelSchema):
    type: ProjectContactTypeDTO
    title: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    telephone: str | None = None


class ProjectPartnerContactDTO(CamelSchema):
    type: ProjectContactTypeDTO
    title: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    telephone: str | None = None


class ProjectPartnerMotivationDTO(CamelSchema):
    organization_relevance: list[TranslationIn] = []
    organization_role: list[TranslationIn] = []
    organization_experience: list[TranslationIn] = []


class ProjectPartnerMotivationOut(CamelSchema):
    organization_relevance: list[TranslationOut] = []
    organization_role: list[TranslationOut] = []
    organization_experience: list[TranslationOut] = []


class ProjectPartnerDetailDTO(CamelSchema):
    id: int
    abbreviation: str
    active: bool
    role: ProjectPartnerRoleDTO
    created_at: datetime
    sort_number: int | None = None
    name_in_original_language: str | None
    name_in_english: str | None
    department: list[TranslationOut] = []
    partner_type: ProjectTargetGroupDTO | None
    partner_sub_type: PartnerSubTypeDTO | None
    nace: NaceGroupLevelDTO | None
    other_identifier_number: str | None
    other_identifier_description: list[TranslationOut] = []
    pic: str | None
    legal_status_id: int | None
    vat: str | None
    vat_recovery: ProjectPartnerVatRecoveryDTO | None
    addresses: list[ProjectPartnerAddressDTO] = []
    contacts: list[ProjectPartnerContactDTO] = []
    motivation: ProjectPartnerMotivationOut | None = None


class ProjectPartnerSummaryDTO(CamelSchema):
    id: int | None
    abbreviation: str
    institution_name: str | None
    active: bool
    role: ProjectPartnerRoleDTO
    sort_number: int | None = None
    country: str | None = None
    region: str | None = None
    currency_code: str | None = None


class ProjectBudgetPartnerSummaryDTO(CamelSchema):
    partner_summary: ProjectPartnerSummaryDTO
    total_budget: DecimalNumber | None = Field(default=0)


PageProjectBudgetPartnerSummaryDTO = page_schema(ProjectBudgetPartnerSummaryDTO,
                                                 "PageProjectBudgetPartnerSummaryDTO")


# --- state-aid self-check -------------------------------------------------------------------------------------


class ProgrammeStateAidRef(CamelSchema):
    """The scheme as clients send it inside ProjectPartnerStateAidDTO: only its id is used."""

    id: int
    measure: StateAidMeasure | None = None
    name: list[TranslationIn] = []
    abbreviated_name: list[TranslationIn] = []
    scheme_number: str | None = None
    max_intensity: DecimalNumber | None = None
    threshold: DecimalNumber | None = None
    comments: list[TranslationIn] = []


class ProjectPartnerStateAidDTO(CamelSchema):
    answer1: bool | None = None
    justification1: list[TranslationIn] = []
    answer2: bool | None = None
    justification2: list[TranslationIn] = []
    answer3: bool | None = None
    justification3: list[TranslationIn] = []
    answer4: bool | None = None
    justification4: list[TranslationIn] = []
    activities: list[WorkPackageActivitySummaryDTO] | None = []
    state_aid_scheme: ProgrammeStateAidRef | None = None


class ProjectPartnerStateAidOut(CamelSchema):
    answer1: bool | None
    justification1: list[TranslationOut] = []
    answer2: bool | None
    justification2: list[TranslationOut] = []
    answer3: bool | None
    justification3: list[TranslationOut] = []
    answer4: bool | None
    justification4: list[TranslationOut] = []
    activities: list[WorkPackageActivitySummaryDTO] = []
    state_aid_scheme: ProgrammeStateAidDTO | None = None


# --- partner teams --------------------------------------------------------------------------------------------

PartnerCollaboratorLevelDTO = _enum("PartnerCollaboratorLevelDTO", PartnerCollaboratorLevel)


class UpdatePartnerUserCollaboratorDTO(CamelSchema):
    user_email: str
    level: PartnerCollaboratorLevelDTO
    gdpr: bool


class PartnerUserCollaboratorDTO(CamelSchema):
    partner_id: int
    user_id: int
    user_email: str
    level: PartnerCollaboratorLevelDTO
    gdpr: bool
