"""DTOs of ProjectResultApi (contract names) and converters from/to the `parts` dict form."""

from ninja import Field

from jems.api.schemas import CamelSchema, DecimalNumber
from jems.core.translatable import TranslationIn, TranslationOut, from_api, to_api


class ProjectResultDTO(CamelSchema):
    result_number: int = 0
    programme_result_indicator_id: int | None = None
    programme_result_indicator_identifier: str | None = None
    baseline: DecimalNumber
    target_value: DecimalNumber | None = None
    period_number: int | None = None
    description: list[TranslationOut] = []
    deactivated: bool


class ProjectResultUpdateRequestDTO(CamelSchema):
    programme_result_indicator_id: int | None = None
    baseline: DecimalNumber
    target_value: DecimalNumber | None = None
    period_number: int | None = None
    description: list[TranslationIn] = []
    deactivated: bool
    result_number: int


class IndicatorOverviewLineDTO(CamelSchema):
    output_indicator_id: int | None = None
    output_indicator_code: str | None = None
    output_indicator_identifier: str | None = None
    output_indicator_name: list[TranslationOut] | None = None
    output_indicator_measurement_unit: list[TranslationOut] | None = None
    output_indicator_target_value_sum_up: DecimalNumber | None = None
    project_output_number: str | None = None
    project_output_title: list[TranslationOut] | None = None
    project_output_target_value: DecimalNumber | None = None
    result_indicator_id: int | None = None
    result_indicator_code: str | None = None
    result_indicator_identifier: str | None = None
    result_indicator_name: list[TranslationOut] | None = None
    result_indicator_measurement_unit: list[TranslationOut] | None = None
    result_indicator_baseline: list[DecimalNumber] | None = Field(None, json_schema_extra={"uniqueItems": True})
    result_indicator_target_value_sum_up: DecimalNumber | None = None
    only_result_without_outputs: bool


def result_in(dto: ProjectResultUpdateRequestDTO) -> dict:
    """The service's dict form of one request item."""
    return {"resultNumber": dto.result_number, "programmeResultIndicatorId": dto.programme_result_indicator_id,
            "baseline": dto.baseline, "targetValue": dto.target_value, "periodNumber": dto.period_number,
            "description": from_api(dto.description), "deactivated": dto.deactivated}


def result_out(data: dict) -> dict:
    return {**data, "description": to_api(data["description"])}


TRANSLATED_LINE_KEYS = ("outputIndicatorName", "outputIndicatorMeasurementUnit", "projectOutputTitle",
                        "resultIndicatorName", "resultIndicatorMeasurementUnit")


def line_out(line: dict) -> dict:
    return {**line, **{key: None if line[key] is None else to_api(line[key]) for key in TRANSLATED_LINE_KEYS}}
