"""Wire schemas of CallApi (Jems DTO names, camelCase) and their renderers."""

from datetime import datetime
from enum import Enum

from pydantic import Field

from jems.api.schemas import CamelSchema, DecimalNumber, page_schema
from jems.checklists.schemas import ProgrammeChecklistTypeDTO
from jems.core.translatable import TranslationIn, TranslationOut, to_api
from jems.cost_options.schemas import (
    ProgrammeLumpSumListDTO,
    ProgrammeUnitCostListDTO,
    lump_sum_list_item,
    unit_cost_list_item,
)
from jems.priorities.codes import official_code
from jems.priorities.schemas import ProgrammeObjectivePolicy, ProgrammePriorityOut
from jems.programme.codelists import Strategy
from jems.programme.schemas import (
    ProgrammeFundDTO,
    ProgrammeFundIn,
    ProgrammeStateAidDTO,
    fund_dto,
    state_aid_dto,
)

from . import queries
from .models import CallStatus as _Status
from .models import CallType as _Type
from .services import FLAT_RATE_FIELDS

CallStatus = Enum("CallStatus", {v: v for v in _Status.values}, type=str, module=__name__)
CallType = Enum("CallType", {v: v for v in _Type.values}, type=str, module=__name__)
StepSelectionOptionDTO = Enum("StepSelectionOptionDTO", {v: v for v in ("NONE", "STEP_ONE_AND_TWO", "STEP_TWO_ONLY")},
                              type=str, module=__name__)


class CallFundRateIn(CamelSchema):
    """A fund rate as a client sends it (only the programme fund's id is used)."""

    programme_fund: ProgrammeFundIn
    rate: DecimalNumber
    adjustable: bool


class CallUpdateRequestDTO(CamelSchema):
    id: int | None = None
    name: str
    type: CallType
    start_date_time: datetime
    end_date_time_step1: datetime | None = Field(default=None, alias="endDateTimeStep1")
    end_date_time: datetime
    additional_fund_allowed: bool
    direct_contributions_allowed: bool
    length_of_period: int
    description: list[TranslationIn] = []
    priority_policies: list[ProgrammeObjectivePolicy] = []
    strategies: list[Strategy] = []
    funds: list[CallFundRateIn] = []
    state_aid_ids: list[int] = []


class CallFundRateDTO(CamelSchema):
    programme_fund: ProgrammeFundDTO
    rate: DecimalNumber
    adjustable: bool


class FlatRateDTO(CamelSchema):
    rate: int
    adjustable: bool = True


class FlatRateSetupDTO(CamelSchema):
    staff_cost_flat_rate_setup: FlatRateDTO | None = None
    office_and_administration_on_staff_costs_flat_rate_setup: FlatRateDTO | None = None
    office_and_administration_on_direct_costs_flat_rate_setup: FlatRateDTO | None = None
    travel_and_accommodation_on_staff_costs_flat_rate_setup: FlatRateDTO | None = None
    other_costs_on_staff_costs_flat_rate_setup: FlatRateDTO | None = None


class ApplicationFormFieldConfigurationDTO(CamelSchema):
    id: str
    visible: bool
    available_in_step: StepSelectionOptionDTO
    visibility_locked: bool
    step_selection_locked: bool


class CallDetailDTO(CamelSchema):
    id: int
    name: str
    status: CallStatus
    type: CallType
    start_date_time: datetime
    end_date_time_step1: datetime | None = Field(alias="endDateTimeStep1")
    end_date_time: datetime
    additional_fund_allowed: bool
    direct_contributions_allowed: bool
    length_of_period: int | None
    description: list[TranslationOut]
    objectives: list[ProgrammePriorityOut]
    strategies: list[Strategy]
    funds: list[CallFundRateDTO]
    state_aids: list[ProgrammeStateAidDTO]
    flat_rates: FlatRateSetupDTO
    lump_sums: list[ProgrammeLumpSumListDTO]
    unit_costs: list[ProgrammeUnitCostListDTO]
    application_form_field_configurations: list[ApplicationFormFieldConfigurationDTO]
    pre_submission_check_plugin_key: str | None
    first_step_pre_submission_check_plugin_key: str | None
    report_partner_check_plugin_key: str | None
    report_project_check_plugin_key: str | None
    control_report_partner_check_plugin_key: str | None
    control_report_sampling_check_plugin_key: str | None


class CallDTO(CamelSchema):
    id: int | None
    name: str
    status: CallStatus
    start_date_time: datetime
    end_date_time: datetime
    end_date_time_step1: datetime | None = Field(alias="endDateTimeStep1")


PageCallDTO = page_schema(CallDTO, "PageCallDTO")


class IdNamePairDTO(CamelSchema):
    id: int
    name: str


class CallCostOptionDTO(CamelSchema):
    project_defined_unit_cost_allowed: bool
    project_defined_lump_sum_allowed: bool


class AllowedRealCostsDTO(CamelSchema):
    allow_real_staff_costs: bool
    allow_real_travel_and_accommodation_costs: bool
    allow_real_external_expertise_and_services_costs: bool
    allow_real_equipment_costs: bool
    allow_real_infrastructure_costs: bool


class CallChecklistDTO(CamelSchema):
    id: int | None
    type: ProgrammeChecklistTypeDTO
    name: str | None
    last_modification_date: datetime | None
    selected: bool


PageCallChecklistDTO = page_schema(CallChecklistDTO, "PageCallChecklistDTO")


class PreSubmissionPluginsDTO(CamelSchema):
    plugin_key: str
    first_step_plugin_key: str | None = None
    report_partner_check_plugin_key: str
    report_project_check_plugin_key: str
    control_report_partner_check_plugin_key: str
    control_report_sampling_check_plugin_key: str


# --- renderers -----------------------------------------------------------------------------------------


def _objectives(call) -> list[dict]:
    """The selected specific objectives grouped under their priorities (ProgrammePriorityDTO tree)."""
    priorities: dict[int, dict] = {}
    for so in call.specific_objectives.all():
        priority = so.priority
        entry = priorities.setdefault(priority.pk, {
            "id": priority.pk, "code": priority.code, "title": to_api(priority.title),
            "objective": priority.objective, "specific_objectives": []})
        entry["specific_objectives"].append({
            "programme_objective_policy": so.programme_objective_policy, "code": so.code,
            "official_code": official_code(so.programme_objective_policy), "dimension_codes": so.dimension_codes})
    return sorted(priorities.values(), key=lambda p: (p["code"], p["id"]))


def flat_rates_dto(call) -> dict:
    rows = {row.type: row for row in call.flat_rates.all()}
    out = {}
    for rate_type, api_name in FLAT_RATE_FIELDS:
        row = rows.get(rate_type)
        out[_snake(api_name)] = {"rate": row.rate, "adjustable": row.adjustable} if row else None
    return out


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


def call_detail(call) -> dict:
    return {
        "id": call.pk, "name": call.name, "status": call.status, "type": call.type,
        "start_date_time": call.start_date, "end_date_time_step1": call.end_date_step1,
        "end_date_time": call.end_date, "additional_fund_allowed": call.additional_fund_allowed,
        "direct_contributions_allowed": call.direct_contributions_allowed,
        "length_of_period": call.length_of_period, "description": to_api(call.description),
        "objectives": _objectives(call), "strategies": list(call.strategies),
        "funds": [{"programme_fund": fund_dto(row.fund), "rate": row.rate, "adjustable": row.adjustable}
                  for row in call.funds.all()],
        "state_aids": [state_aid_dto(aid) for aid in call.state_aids.all()],
        "flat_rates": flat_rates_dto(call),
        "lump_sums": [lump_sum_list_item(item) for item in call.lump_sums.all()],
        "unit_costs": [unit_cost_list_item(item) for item in call.unit_costs.all()],
        "application_form_field_configurations": queries.form_field_configurations(call),
        "pre_submission_check_plugin_key": call.pre_submission_check_plugin_key,
        "first_step_pre_submission_check_plugin_key": call.first_step_pre_submission_check_plugin_key,
        "report_partner_check_plugin_key": call.report_partner_check_plugin_key,
        "report_project_check_plugin_key": call.report_project_check_plugin_key,
        "control_report_partner_check_plugin_key": call.control_report_partner_check_plugin_key,
        "control_report_sampling_check_plugin_key": call.control_report_sampling_check_plugin_key,
    }


def call_dto(call) -> dict:
    return {"id": call.pk, "name": call.name, "status": call.status, "start_date_time": call.start_date,
            "end_date_time": call.end_date, "end_date_time_step1": call.end_date_step1}


def cost_option_dto(call) -> dict:
    return {"project_defined_unit_cost_allowed": call.project_defined_unit_cost_allowed,
            "project_defined_lump_sum_allowed": call.project_defined_lump_sum_allowed}


def real_costs_dto(call) -> dict:
    return {name: getattr(call, name) for name in AllowedRealCostsDTO.model_fields}


def checklist_dto(checklist, selected: bool) -> dict:
    return {"id": checklist.pk, "type": checklist.type, "name": checklist.name,
            "last_modification_date": checklist.last_modification_date, "selected": selected}
