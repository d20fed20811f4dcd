"""Wire schemas of ProgrammeChecklistApi (Jems DTO names, camelCase properties) and their renderers.

Component metadata is polymorphic: the `type` property selects OptionsToggleMetadataDTO,
HeadlineMetadataDTO, TextInputMetadataDTO or ScoreMetadataDTO (CONVENTIONS.md §3); an unknown `type`
is unreadable input (400).
"""

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from jems.api.schemas import CamelSchema, DecimalNumber

from .components import ComponentInput
from .models import ChecklistType, ComponentType

Int32 = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]
Int64 = Annotated[int, Field(ge=-(2**63), le=2**63 - 1)]

ProgrammeChecklistTypeDTO = StrEnum("ProgrammeChecklistTypeDTO", {v: v for v in ChecklistType.values},
                                    module=__name__)
ProgrammeChecklistComponentTypeDTO = StrEnum("ProgrammeChecklistComponentTypeDTO",
                                             {v: v for v in ComponentType.values}, module=__name__)


class OptionsToggleMetadataDTO(CamelSchema):
    type: Literal["OPTIONS_TOGGLE"]
    question: str = ""
    first_option: str
    second_option: str
    third_option: str | None = None
    justification: str | None = None


class HeadlineMetadataDTO(CamelSchema):
    type: Literal["HEADLINE"]
    value: str | None = None


class TextInputMetadataDTO(CamelSchema):
    type: Literal["TEXT_INPUT"]
    question: str = ""
    explanation_label: str = ""
    explanation_max_length: Int32 = 5000


class ScoreMetadataDTO(CamelSchema):
    type: Literal["SCORE"]
    question: str = ""
    weight: DecimalNumber = Decimal("1")


ProgrammeChecklistMetadataDTO = Annotated[
    OptionsToggleMetadataDTO | HeadlineMetadataDTO | TextInputMetadataDTO | ScoreMetadataDTO,
    Field(discriminator="type"),
]


class ProgrammeChecklistComponentDTO(CamelSchema):
    id: Int64 | None = None
    type: ProgrammeChecklistComponentTypeDTO
    position: Int32
    metadata: ProgrammeChecklistMetadataDTO | None = None


class ProgrammeChecklistDTO(CamelSchema):
    id: Int64 | None = None
    type: ProgrammeChecklistTypeDTO
    min_score: DecimalNumber | None = None
    max_score: DecimalNumber | None = None
    allows_decimal_score: bool | None = False
    name: str | None = None
    last_modification_date: datetime | None = None
    locked: bool | None = False


class ProgrammeChecklistDetailDTO(ProgrammeChecklistDTO):
    components: list[ProgrammeChecklistComponentDTO] = Field(default_factory=list)


class IdNamePairDTO(CamelSchema):
    id: int
    name: str


# --- input ------------------------------------------------------------------------------------------------


def component_inputs(dto: ProgrammeChecklistDetailDTO) -> list[ComponentInput]:
    """The components of a request body as service input (metadata with the Jems property names)."""
    inputs = []
    for component in dto.components or []:
        metadata = None
        metadata_type = None
        if component.metadata is not None:
            metadata = component.metadata.model_dump(by_alias=True)
            metadata_type = metadata.pop("type")
        inputs.append(ComponentInput(type=component.type.value, position=component.position, metadata=metadata,
                                     id=component.id, metadata_type=metadata_type))
    return inputs


def template_fields(dto: ProgrammeChecklistDetailDTO) -> dict:
    """The keyword arguments of create_checklist / update_checklist for a request body."""
    return {"type": dto.type.value, "name": dto.name, "min_score": dto.min_score, "max_score": dto.max_score,
            "allows_decimal_score": bool(dto.allows_decimal_score), "components": component_inputs(dto)}


# --- output -----------------------------------------------------------------------------------------------


def metadata_out(component) -> dict:
    """The metadata of a stored component as the API writes it (every property, nulls included)."""
    data = {"type": component.type, **component.metadata}
    if component.type == ComponentType.SCORE:
        data["weight"] = Decimal(str(data.get("weight", "1")))
    return data


def checklist_out(checklist) -> dict:
    return {
        "id": checklist.pk,
        "type": checklist.type,
        "min_score": checklist.min_score,
        "max_score": checklist.max_score,
        "allows_decimal_score": checklist.allows_decimal_score,
        "name": checklist.name,
        "last_modification_date": checklist.last_modification_date,
        "locked": checklist.locked,
    }


def checklist_detail_out(checklist) -> dict:
    return {
        **checklist_out(checklist),
        "components": [
            {"id": c.pk, "type": c.type, "position": c.position, "metadata": metadata_out(c)}
            for c in checklist.components.all()
        ],
    }
