"""Wire schemas of the priority and indicator API (Jems DTO names, camelCase) and their renderers."""

from enum import Enum

from jems.api.schemas import CamelSchema, DecimalNumber, page_schema
from jems.core.translatable import TranslationIn, TranslationOut, to_api

from .codes import ProgrammeObjective as _Objective
from .codes import ProgrammeObjectiveDimension as _Dimension
from .codes import ProgrammeObjectivePolicy as _Policy
from .codes import official_code
from .queries import sorted_objectives

# The Jems enums on the wire (same constants, same order as the code lists).
ProgrammeObjective = Enum("ProgrammeObjective", {v: v for v in _Objective.values}, type=str, module=__name__)
ProgrammeObjectivePolicy = Enum("ProgrammeObjectivePolicy", {v: v for v in _Policy.values}, type=str,
                                module=__name__)
ProgrammeObjectiveDimensionDTO = Enum("ProgrammeObjectiveDimensionDTO", {v: v for v in _Dimension.values},
                                      type=str, module=__name__)


# --- priorities --------------------------------------------------------------------------------------


class ProgrammeSpecificObjectiveDTO(CamelSchema):
    programme_objective_policy: ProgrammeObjectivePolicy
    code: str
    official_code: str | None = None
    dimension_codes: dict[ProgrammeObjectiveDimensionDTO, list[str]] = {}


class ProgrammePriorityDTO(CamelSchema):
    id: int | None = None
    code: str
    title: list[TranslationIn] = []
    objective: ProgrammeObjective
    specific_objectives: list[ProgrammeSpecificObjectiveDTO] = []


class ProgrammeSpecificObjectiveOut(CamelSchema):
    programme_objective_policy: ProgrammeObjectivePolicy
    code: str
    official_code: str | None
    dimension_codes: dict[ProgrammeObjectiveDimensionDTO, list[str]]


class ProgrammePriorityOut(CamelSchema):
    id: int | None
    code: str
    title: list[TranslationOut]
    objective: ProgrammeObjective
    specific_objectives: list[ProgrammeSpecificObjectiveOut]


class ProgrammePriorityAvailableSetupDTO(CamelSchema):
    free_priorities_with_policies: dict[ProgrammeObjective, list[ProgrammeSpecificObjectiveOut]]
    objective_policies_already_in_use: list[ProgrammeObjectivePolicy]


def priority_dto(priority) -> dict:
    return {
        "id": priority.pk,
        "code": priority.code,
        "title": to_api(priority.title),
        "objective": priority.objective,
        "specific_objectives": [
            {"programme_objective_policy": so.programme_objective_policy, "code": so.code,
             "official_code": official_code(so.programme_objective_policy), "dimension_codes": so.dimension_codes}
            for so in sorted_objectives(priority)
        ],
    }


def available_setup_dto(setup: dict) -> dict:
    return {
        "free_priorities_with_policies": {
            objective: [{"programme_objective_policy": policy, "code": "", "official_code": official_code(policy),
                         "dimension_codes": {}} for policy in policies]
            for objective, policies in setup["free"].items()
        },
        "objective_policies_already_in_use": setup["in_use"],
    }


# --- indicators ----------------------------------------------------------------------------------------


class OutputIndicatorCreateRequestDTO(CamelSchema):
    identifier: str | None = None
    code: str | None = None
    name: list[TranslationIn] = []
    programme_objective_policy: ProgrammeObjectivePolicy | None = None
    measurement_unit: list[TranslationIn] = []
    milestone: DecimalNumber | None = None
    final_target: DecimalNumber | None = None
    result_indicator_id: int | None = None


class OutputIndicatorUpdateRequestDTO(OutputIndicatorCreateRequestDTO):
    id: int


class OutputIndicatorDetailDTO(CamelSchema):
    id: int | None
    identifier: str
    code: str | None
    name: list[TranslationOut]
    programme_priority_policy_specific_objective: ProgrammeObjectivePolicy | None
    programme_priority_policy_code: str | None
    programme_priority_code: str | None
    measurement_unit: list[TranslationOut]
    milestone: DecimalNumber | None
    final_target: DecimalNumber | None
    result_indicator_id: int | None
    result_indicator_identifier: str | None


class OutputIndicatorSummaryDTO(CamelSchema):
    id: int | None
    identifier: str
    code: str | None
    name: list[TranslationOut]
    programme_priority_code: str | None
    measurement_unit: list[TranslationOut]


class ResultIndicatorCreateRequestDTO(CamelSchema):
    identifier: str | None = None
    code: str | None = None
    name: list[TranslationIn] = []
    programme_objective_policy: ProgrammeObjectivePolicy | None = None
    measurement_unit: list[TranslationIn] = []
    baseline: DecimalNumber | None = None
    reference_year: str | None = None
    final_target: DecimalNumber | None = None
    source_of_data: list[TranslationIn] = []
    comment: list[TranslationIn] = []


class ResultIndicatorUpdateRequestDTO(ResultIndicatorCreateRequestDTO):
    id: int


class ResultIndicatorDetailDTO(CamelSchema):
    id: int | None
    identifier: str
    code: str | None
    name: list[TranslationOut]
    programme_priority_policy_specific_objective: ProgrammeObjectivePolicy | None
    programme_priority_policy_code: str | None
    programme_priority_code: str | None
    measurement_unit: list[TranslationOut]
    baseline: DecimalNumber | None
    reference_year: str | None
    final_target: DecimalNumber | None
    source_of_data: list[TranslationOut]
    comment: list[TranslationOut]


class ResultIndicatorSummaryDTO(CamelSchema):
    id: int | None
    identifier: str
    code: str | None
    name: list[TranslationOut]
    programme_priority_code: str | None
    measurement_unit: list[TranslationOut]
    baseline: DecimalNumber | None


PageOutputIndicatorDetailDTO = page_schema(OutputIndicatorDetailDTO, "PageOutputIndicatorDetailDTO")
PageResultIndicatorDetailDTO = page_schema(ResultIndicatorDetailDTO, "PageResultIndicatorDetailDTO")


def _placement(indicator) -> dict:
    so = indicator.specific_objective
    return {
        "programme_priority_policy_specific_objective": so.programme_objective_policy if so else None,
        "programme_priority_policy_code": so.code if so else None,
        "programme_priority_code": so.priority.code if so else None,
    }


def output_detail(indicator) -> dict:
    result = indicator.result_indicator
    return {
        "id": indicator.pk, "identifier": indicator.identifier, "code": indicator.code,
        "name": to_api(indicator.name), **_placement(indicator),
        "measurement_unit": to_api(indicator.measurement_unit),
        "milestone": indicator.milestone, "final_target": indicator.final_target,
        "result_indicator_id": result.pk if result else None,
        "result_indicator_identifier": result.identifier if result else None,
    }


def output_summary(indicator) -> dict:
    so = indicator.specific_objective
    return {
        "id": indicator.pk, "identifier": indicator.identifier, "code": indicator.code,
        "name": to_api(indicator.name), "programme_priority_code": so.priority.code if so else None,
        "measurement_unit": to_api(indicator.measurement_unit),
    }


def result_detail(indicator) -> dict:
    return {
        "id": indicator.pk, "identifier": indicator.identifier, "code": indicator.code,
        "name": to_api(indicator.name), **_placement(indicator),
        "measurement_unit": to_api(indicator.measurement_unit), "baseline": indicator.baseline,
        "reference_year": indicator.reference_year, "final_target": indicator.final_target,
        "source_of_data": to_api(indicator.source_of_data), "comment": to_api(indicator.comment),
    }


def result_summary(indicator) -> dict:
    so = indicator.specific_objective
    return {
        "id": indicator.pk, "identifier": indicator.identifier, "code": indicator.code,
        "name": to_api(indicator.name), "programme_priority_code": so.priority.code if so else None,
        "measurement_unit": to_api(indicator.measurement_unit), "baseline": indicator.baseline,
    }
