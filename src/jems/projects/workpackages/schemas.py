"""Contract schemas of the work-plan APIs (names as in the Jems contract; request variants accept what the
contract lets clients send, response variants promise only what it promises)."""

from decimal import Decimal

from jems.api.schemas import CamelSchema, DecimalNumber
from jems.core.translatable import TranslationIn, TranslationOut


class InputWorkPackageCreate(CamelSchema):
    name: list[TranslationIn] = []
    specific_objective: list[TranslationIn] = []
    objective_and_audience: list[TranslationIn] = []


class InputWorkPackageUpdate(InputWorkPackageCreate):
    id: int
    deactivated: bool | None = None


class OutputWorkPackageSimple(CamelSchema):
    id: int
    number: int | None = None
    name: list[TranslationOut] = []
    deactivated: bool


class OutputWorkPackage(OutputWorkPackageSimple):
    specific_objective: list[TranslationOut] = []
    objective_and_audience: list[TranslationOut] = []


class WorkPackageActivityDeliverableInput(CamelSchema):
    deliverable_id: int | None = None
    activity_id: int | None = None
    deliverable_number: int | None = None
    description: list[TranslationIn] = []
    title: list[TranslationIn] = []
    period: int | None = None
    deactivated: bool | None = None


class WorkPackageActivityInput(CamelSchema):
    id: int | None = None
    work_package_id: int | None = None
    activity_number: int | None = None
    title: list[TranslationIn] = []
    start_period: int | None = None
    end_period: int | None = None
    description: list[TranslationIn] = []
    deliverables: list[WorkPackageActivityDeliverableInput] = []
    partner_ids: list[int] = []
    deactivated: bool | None = None


class WorkPackageActivityDeliverableDTO(CamelSchema):
    deliverable_id: int
    activity_id: int
    deliverable_number: int | None = None
    description: list[TranslationOut] = []
    title: list[TranslationOut] = []
    period: int | None = None
    deactivated: bool


class WorkPackageActivityDTO(CamelSchema):
    id: int
    work_package_id: int
    activity_number: int | None = None
    title: list[TranslationOut] = []
    start_period: int | None = None
    end_period: int | None = None
    description: list[TranslationOut] = []
    deliverables: list[WorkPackageActivityDeliverableDTO] = []
    partner_ids: list[int] = []
    deactivated: bool


class WorkPackageActivitySummaryDTO(CamelSchema):
    activity_id: int
    work_package_number: int
    activity_number: int


class WorkPackageOutputInput(CamelSchema):
    work_package_id: int | None = None
    output_number: int | None = None
    programme_output_indicator_id: int | None = None
    programme_output_indicator_identifier: str | None = None
    target_value: DecimalNumber | str | None = None
    period_number: int | None = None
    title: list[TranslationIn] = []
    description: list[TranslationIn] = []
    deactivated: bool | None = None


class WorkPackageOutputDTO(CamelSchema):
    work_package_id: int
    output_number: int | None = None
    programme_output_indicator_id: int | None = None
    programme_output_indicator_identifier: str | None = None
    target_value: DecimalNumber | None = None
    period_number: int | None = None
    title: list[TranslationOut] = []
    description: list[TranslationOut] = []
    deactivated: bool = False


class AddressDTO(CamelSchema):
    country: str | None = None
    country_code: str | None = None
    region2: str | None = None
    region2_code: str | None = None
    region3: str | None = None
    region3_code: str | None = None
    street: str | None = None
    house_number: str | None = None
    postal_code: str | None = None
    city: str | None = None


class _InvestmentTexts(CamelSchema):
    id: int | None = None
    expected_delivery_period: int | None = None
    address: AddressDTO | None = None


class WorkPackageInvestmentInput(_InvestmentTexts):
    investment_number: int | None = None
    title: list[TranslationIn] = []
    justification_explanation: list[TranslationIn] = []
    justification_transactional_relevance: list[TranslationIn] = []
    justification_benefits: list[TranslationIn] = []
    justification_pilot: list[TranslationIn] = []
    risk: list[TranslationIn] = []
    documentation: list[TranslationIn] = []
    documentation_expected_impacts: list[TranslationIn] = []
    ownership_site_location: list[TranslationIn] = []
    ownership_retain: list[TranslationIn] = []
    ownership_maintenance: list[TranslationIn] = []
    deactivated: bool | None = False


class WorkPackageInvestmentDTO(_InvestmentTexts):
    investment_number: int
    title: list[TranslationOut] = []
    justification_explanation: list[TranslationOut] = []
    justification_transactional_relevance: list[TranslationOut] = []
    justification_benefits: list[TranslationOut] = []
    justification_pilot: list[TranslationOut] = []
    risk: list[TranslationOut] = []
    documentation: list[TranslationOut] = []
    documentation_expected_impacts: list[TranslationOut] = []
    ownership_site_location: list[TranslationOut] = []
    ownership_retain: list[TranslationOut] = []
    ownership_maintenance: list[TranslationOut] = []
    deactivated: bool = False


class InvestmentSummaryDTO(CamelSchema):
    id: int
    investment_number: int
    work_package_number: int | None = None
    deactivated: bool


class ProjectWorkPackageDTO(CamelSchema):
    id: int
    deactivated: bool
    work_package_number: int
    name: list[TranslationOut] = []
    activities: list[WorkPackageActivityDTO] = []
    outputs: list[WorkPackageOutputDTO] = []


def target_value(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)
