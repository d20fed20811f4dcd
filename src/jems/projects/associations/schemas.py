"""Contract schemas of ProjectAssociatedOrganizationApi (names as in the Jems contract)."""

from jems.api.schemas import CamelSchema, page_schema
from jems.core.translatable import TranslationIn, TranslationOut
from jems.projects.partners.schemas import (
    ProjectContactDTO,
    ProjectPartnerContactDTO,
    ProjectPartnerSummaryDTO,
)


class _Address(CamelSchema):
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


class InputProjectAssociatedOrganizationAddress(_Address):
    pass


class OutputProjectAssociatedOrganizationAddress(_Address):
    pass


class InputProjectAssociatedOrganization(CamelSchema):
    id: int | None = None
    partner_id: int
    name_in_original_language: str | None = None
    name_in_english: str | None = None
    address: InputProjectAssociatedOrganizationAddress | None = None
    contacts: list[ProjectContactDTO] = []
    role_description: list[TranslationIn] = []


class OutputProjectAssociatedOrganizationDetail(CamelSchema):
    id: int
    active: bool
    partner: ProjectPartnerSummaryDTO
    name_in_original_language: str | None = None
    name_in_english: str | None = None
    sort_number: int | None = None
    address: OutputProjectAssociatedOrganizationAddress | None = None
    contacts: list[ProjectPartnerContactDTO] = []
    role_description: list[TranslationOut] = []


class OutputProjectAssociatedOrganization(CamelSchema):
    id: int
    active: bool
    partner_abbreviation: str
    name_in_original_language: str | None = None
    name_in_english: str | None = None
    sort_number: int | None = None


PageOutputProjectAssociatedOrganization = page_schema(OutputProjectAssociatedOrganization,
                                                      "PageOutputProjectAssociatedOrganization")
