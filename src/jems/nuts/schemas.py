"""API schemas of NUTS (NutsApi, the NUTS operations of ProgrammeDataApi)."""

import datetime

from pydantic import Field

from jems.api.schemas import CamelSchema


class OutputNuts(CamelSchema):
    """A region with its sub-regions (areas)."""

    code: str
    title: str
    areas: list["OutputNuts"] = Field(default_factory=list)


OutputNuts.model_rebuild()


class OutputNutsMetadata(CamelSchema):
    title: str | None = None
    date: datetime.date | None = None


class ProgrammeDataDTO(CamelSchema):
    """The basic programme data with the programme area (answer of PUT /api/programmedata/nuts)."""

    cci: str | None = None
    title: str | None = None
    version: str | None = None
    first_year: int | None = None
    last_year: int | None = None
    eligible_from: datetime.date | None = None
    eligible_until: datetime.date | None = None
    commission_decision_number: str | None = None
    commission_decision_date: datetime.date | None = None
    programme_amending_decision_number: str | None = None
    programme_amending_decision_date: datetime.date | None = None
    technical_assistance_flat_rate: float | None = None
    project_id_programme_abbreviation: str | None = None
    project_id_use_call_id: bool
    programme_nuts: list[OutputNuts]


def metadata_dto(metadata) -> dict:
    return {"title": metadata.title or None, "date": metadata.date}
