"""DTOs of ProjectLumpSumApi, ProjectCostOptionApi and the E.2 unit-cost overview (contract names), with the
converters from the `parts` dict form."""

from datetime import datetime

from jems.api.schemas import CamelSchema, DecimalNumber
from jems.core.translatable import TranslationOut, from_api, to_api
from jems.cost_options.schemas import ProgrammeUnitCostDTO

from . import services


class ProjectPartnerLumpSumDTO(CamelSchema):
    partner_id: int
    amount: DecimalNumber = 0


class ProjectLumpSumDTO(CamelSchema):
    order_nr: int
    programme_lump_sum_id: int
    period: int | None = None
    lump_sum_contributions: list[ProjectPartnerLumpSumDTO] = []
    fast_track: bool
    ready_for_payment: bool
    comment: str | None = None
    payment_enabled_date: datetime | None = None
    last_approved_version_before_ready_for_payment: str | None = None
    installments_already_created: bool | None = None
    linked_to_ec_payment_id: int | None = None


class ProjectUnitCostDTO(CamelSchema):
    cost_id: int
    name: list[TranslationOut] = []
    description: list[TranslationOut] = []
    unit_type: list[TranslationOut] = []
    price_per_unit: DecimalNumber | None = None
    number_of_units: DecimalNumber | None = None
    total: DecimalNumber | None = None


def lump_sums_in(body: list[ProjectLumpSumDTO]) -> list[services.LumpSumData]:
    """The PUT body as service rows (orderNr and the contracting flags are not taken from the client)."""
    return [services.LumpSumData(
        programme_lump_sum_id=item.programme_lump_sum_id, period=item.period,
        shares=tuple(services.ShareData(partner_id=share.partner_id, amount=share.amount)
                     for share in item.lump_sum_contributions))
        for item in body]


def unit_cost_values(dto: ProgrammeUnitCostDTO) -> dict:
    """The service values of a unit cost sent by a client."""
    return {"name": from_api(dto.name), "description": from_api(dto.description), "type": from_api(dto.type),
            "justification": from_api(dto.justification), "cost_per_unit": dto.cost_per_unit,
            "cost_per_unit_foreign_currency": dto.cost_per_unit_foreign_currency,
            "foreign_currency_code": dto.foreign_currency_code, "one_cost_category": dto.one_cost_category,
            "categories": dto.categories, "payment_claim": dto.payment_claim}


def unit_cost_out(item: dict) -> dict:
    """A unit cost of the `parts` form as ProgrammeUnitCostDTO."""
    return {**item, "name": to_api(item["name"]), "description": to_api(item["description"]),
            "type": to_api(item["type"]), "justification": to_api(item["justification"])}


def unit_cost_list_out(item: dict) -> dict:
    """A unit cost of the `parts` form as ProgrammeUnitCostListDTO."""
    return {"id": item["id"], "name": to_api(item["name"]), "type": to_api(item["type"]),
            "costPerUnit": item["costPerUnit"], "categories": item["categories"]}


def overview_out(item: dict) -> dict:
    """An E.2 overview line as ProjectUnitCostDTO."""
    return {**item, "name": to_api(item["name"]), "description": to_api(item["description"]),
            "unitType": to_api(item["unitType"])}
