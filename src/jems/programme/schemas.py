"""Wire schemas of the programme-core API (Jems DTO names, camelCase properties) and their renderers.

Renderers turn models into dicts keyed by schema field names; operations serialise `by_alias=True`, so
every property (null included) goes out under its Jems name.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from pydantic import Field

from jems.api.schemas import CamelSchema, DecimalNumber
from jems.core.languages import SystemLanguage
from jems.core.translatable import TranslationIn, TranslationOut, to_api
from jems.projects.models import ApplicationStatus

from .codelists import FundType, LegalStatusType, StateAidMeasure, Strategy, TranslationFileType

# Jems `ApplicationStatusDTO`: the 24 project statuses, the same values as the model's ApplicationStatus.
ApplicationStatusDTO = StrEnum("ApplicationStatusDTO", [(status, status) for status in ApplicationStatus.values])


# --- basic data ----------------------------------------------------------------------------------------------


class OutputNuts(CamelSchema):
    code: str
    title: str
    areas: list[OutputNuts] = []


class ProgrammeDataUpdateRequestDTO(CamelSchema):
    cci: str | None = None
    title: str | None = None
    version: str | None = None
    first_year: int | None = None
    last_year: int | None = None
    eligible_from: date | None = None
    eligible_until: date | None = None
    commission_decision_number: str | None = None
    commission_decision_date: date | None = None
    programme_amending_decision_number: str | None = None
    programme_amending_decision_date: date | None = None
    technical_assistance_flat_rate: DecimalNumber | None = None
    project_id_programme_abbreviation: str | None = None
    project_id_use_call_id: bool


class ProgrammeDataDTO(CamelSchema):
    cci: str | None
    title: str | None
    version: str | None
    first_year: int | None
    last_year: int | None
    eligible_from: date | None
    eligible_until: date | None
    commission_decision_number: str | None
    commission_decision_date: date | None
    programme_amending_decision_number: str | None
    programme_amending_decision_date: date | None
    technical_assistance_flat_rate: float | None
    project_id_programme_abbreviation: str | None
    project_id_use_call_id: bool
    programme_nuts: list[OutputNuts]


DATA_FIELDS = ("cci", "title", "version", "first_year", "last_year", "eligible_from", "eligible_until",
               "commission_decision_number", "commission_decision_date", "programme_amending_decision_number",
               "programme_amending_decision_date", "project_id_programme_abbreviation", "project_id_use_call_id")


def programme_data_dto(data, nuts: list[dict]) -> dict:
    out = {name: getattr(data, name) for name in DATA_FIELDS}
    rate = data.technical_assistance_flat_rate
    out["technical_assistance_flat_rate"] = float(rate) if rate is not None else None
    out["project_id_use_call_id"] = bool(data.project_id_use_call_id)
    out["programme_nuts"] = nuts
    return out


# --- languages -----------------------------------------------------------------------------------------------


class ProgrammeLanguageDTO(CamelSchema):
    code: SystemLanguage
    ui: bool
    fallback: bool
    input: bool


class AvailableProgrammeLanguagesDTO(CamelSchema):
    input_languages: list[str]
    system_languages: list[str]
    fallback_language: str


def language_dto(row) -> dict:
    return {"code": row.code, "ui": row.ui, "fallback": row.fallback, "input": row.input}


# --- translation files ---------------------------------------------------------------------------------------


class TranslationFileMetaDataDTO(CamelSchema):
    language: SystemLanguage
    file_type: TranslationFileType
    last_modified: datetime


def translation_file_dto(file) -> dict:
    return {"language": file.language, "file_type": file.file_type, "last_modified": file.last_modified}


# --- funds ---------------------------------------------------------------------------------------------------


class ProgrammeFundIn(CamelSchema):
    id: int | None = None
    selected: bool
    type: FundType = FundType.OTHER
    abbreviation: list[TranslationIn] = []
    description: list[TranslationIn] = []


class ProgrammeFundDTO(CamelSchema):
    id: int | None
    selected: bool
    type: FundType
    abbreviation: list[TranslationOut]
    description: list[TranslationOut]


def fund_dto(fund) -> dict:
    return {"id": fund.pk, "selected": fund.selected, "type": fund.type, "abbreviation": to_api(fund.abbreviation),
            "description": to_api(fund.description)}


# --- strategies ----------------------------------------------------------------------------------------------


class InputProgrammeStrategy(CamelSchema):
    strategy: Strategy
    active: bool


class OutputProgrammeStrategy(CamelSchema):
    strategy: Strategy
    active: bool


def strategy_dto(row) -> dict:
    return {"strategy": row.strategy, "active": row.active}


# --- legal statuses ------------------------------------------------------------------------------------------


class ProgrammeLegalStatusIn(CamelSchema):
    id: int | None = None
    type: LegalStatusType
    description: list[TranslationIn] = []


class ProgrammeLegalStatusUpdateDTO(CamelSchema):
    to_delete_ids: list[int] = []
    to_persist: list[ProgrammeLegalStatusIn]


class ProgrammeLegalStatusDTO(CamelSchema):
    id: int | None
    type: LegalStatusType
    description: list[TranslationOut]


def legal_status_dto(row) -> dict:
    return {"id": row.pk, "type": row.type, "description": to_api(row.description)}


# --- state aid -----------------------------------------------------------------------------------------------


class ProgrammeStateAidIn(CamelSchema):
    id: int
    measure: StateAidMeasure
    name: list[TranslationIn] = []
    abbreviated_name: list[TranslationIn] = []
    scheme_number: str | None = None
    max_intensity: DecimalNumber | None = Field(default=Decimal(0))
    threshold: DecimalNumber | None = Field(default=Decimal(0))
    comments: list[TranslationIn] = []


class ProgrammeStateAidUpdateDTO(CamelSchema):
    to_delete_ids: list[int] = []
    to_persist: list[ProgrammeStateAidIn]


class ProgrammeStateAidDTO(CamelSchema):
    id: int
    measure: StateAidMeasure
    name: list[TranslationOut]
    abbreviated_name: list[TranslationOut]
    scheme_number: str | None
    max_intensity: DecimalNumber | None
    threshold: DecimalNumber | None
    comments: list[TranslationOut]


def state_aid_dto(row) -> dict:
    return {"id": row.pk, "measure": row.measure, "name": to_api(row.name),
            "abbreviated_name": to_api(row.abbreviated_name), "scheme_number": row.scheme_number,
            "max_intensity": row.max_intensity, "threshold": row.threshold, "comments": to_api(row.comments)}


# --- typology of errors --------------------------------------------------------------------------------------


class TypologyErrorsIn(CamelSchema):
    id: int | None = None
    description: str = ""


class TypologyErrorsUpdateDTO(CamelSchema):
    to_delete_ids: list[int]
    to_persist: list[TypologyErrorsIn]


class TypologyErrorsDTO(CamelSchema):
    id: int | None
    description: str


def typology_error_dto(row) -> dict:
    return {"id": row.pk, "description": row.description}
