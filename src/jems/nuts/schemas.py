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


def metadata_dto(metadata) -> dict:
    return {"title": metadata.title or None, "date": metadata.date}
