"""Wire schemas of ChecklistInstanceApi (Jems DTO names, camelCase properties) and their renderers.

The answer of a component is polymorphic: its `type` selects OptionsToggleInstanceMetadataDTO,
HeadlineInstanceMetadataDTO, TextInputInstanceMetadataDTO or ScoreInstanceMetadataDTO. A component without
an answer is written with `instanceMetadata: null`.
"""

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field

from jems.api.schemas import CamelSchema, DecimalNumber
from jems.checklists.models import ComponentType
from jems.checklists.schemas import (
    Int32,
    Int64,
    ProgrammeChecklistComponentTypeDTO,
    ProgrammeChecklistMetadataDTO,
    ProgrammeChecklistTypeDTO,
    metadata_out,
)

from .answers import AnswerInput
from .models import ChecklistInstanceStatus

ChecklistInstanceStatusDTO = StrEnum("ChecklistInstanceStatusDTO",
                                     {v: v for v in ChecklistInstanceStatus.values}, module=__name__)


class OptionsToggleInstanceMetadataDTO(CamelSchema):
    type: Literal["OPTIONS_TOGGLE"]
    answer: str | None = None
    justification: str | None = None


class HeadlineInstanceMetadataDTO(CamelSchema):
    type: Literal["HEADLINE"]


class TextInputInstanceMetadataDTO(CamelSchema):
    type: Literal["TEXT_INPUT"]
    explanation: str | None = None


class ScoreInstanceMetadataDTO(CamelSchema):
    type: Literal["SCORE"]
    score: DecimalNumber | None = None
    justification: str | None = None


ChecklistInstanceMetadataDTO = Annotated[
    OptionsToggleInstanceMetadataDTO | HeadlineInstanceMetadataDTO | TextInputInstanceMetadataDTO
    | ScoreInstanceMetadataDTO,
    Field(discriminator="type"),
]


class ChecklistComponentInstanceDTO(CamelSchema):
    id: Int64
    type: ProgrammeChecklistComponentTypeDTO
    position: Int32
    programme_metadata: ProgrammeChecklistMetadataDTO | None = None
    instance_metadata: ChecklistInstanceMetadataDTO | None = None


class ChecklistInstanceDetailDTO(CamelSchema):
    id: Int64 | None = None
    status: ChecklistInstanceStatusDTO
    finished_date: date | None = None
    name: str | None = None
    creator_email: str | None = None
    consolidated: bool | None = None
    related_to_id: Int64 | None = None
    created_at: datetime | None = None
    min_score: DecimalNumber | None = None
    max_score: DecimalNumber | None = None
    allows_decimal_score: bool | None = False
    components: list[ChecklistComponentInstanceDTO] = Field(default_factory=list)


class CreateChecklistInstanceDTO(CamelSchema):
    related_to_id: Int64
    programme_checklist_id: Int64


class ChecklistConsolidatorOptionsDTO(CamelSchema):
    consolidated: bool


class ChecklistInstanceDTO(CamelSchema):
    id: Int64 | None = None
    status: ChecklistInstanceStatusDTO
    type: ProgrammeChecklistTypeDTO
    name: str | None = None
    creator_email: str | None = None
    created_at: datetime | None = None
    finished_date: date | None = None
    related_to_id: Int64
    programme_checklist_id: Int64 | None = None
    consolidated: bool = False
    visible: bool = False
    description: str | None = None


class ChecklistInstanceSelectionDTO(CamelSchema):
    id: Int64 | None = None
    consolidated: bool
    status: ChecklistInstanceStatusDTO
    type: ProgrammeChecklistTypeDTO
    name: str | None = None
    finished_date: date | None = None
    related_to_id: Int64
    programme_checklist_id: Int64 | None = None
    visible: bool
    description: str | None = None


# --- input ------------------------------------------------------------------------------------------------


def answer_inputs(dto: ChecklistInstanceDetailDTO) -> list[AnswerInput]:
    """The answers of a request body as service input (components without instanceMetadata are skipped)."""
    inputs = []
    for index, component in enumerate(dto.components or []):
        if component.instance_metadata is None:
            continue
        metadata = component.instance_metadata.model_dump(by_alias=True)
        metadata_type = metadata.pop("type")
        inputs.append(AnswerInput(component_id=component.id, metadata=metadata, metadata_type=metadata_type,
                                  path=f"components[{index}].instanceMetadata"))
    return inputs


# --- output -----------------------------------------------------------------------------------------------


def instance_out(instance) -> dict:
    return {
        "id": instance.pk,
        "status": instance.status,
        "type": instance.type,
        "name": instance.template.name,
        "creator_email": instance.creator.email,
        "created_at": instance.created_at,
        "finished_date": instance.finished_date,
        "related_to_id": instance.related_to_id,
        "programme_checklist_id": instance.template_id,
        "consolidated": instance.consolidated,
        "visible": instance.visible,
        "description": instance.description or None,
    }


def selection_out(instance) -> dict:
    data = instance_out(instance)
    del data["creator_email"], data["created_at"]
    return data


def _answer_out(component, answer: dict) -> dict | None:
    if component.type == ComponentType.HEADLINE:
        return {"type": component.type}
    if not answer:
        return None
    data = {"type": component.type, **answer}
    if component.type == ComponentType.SCORE and data.get("score") is not None:
        data["score"] = Decimal(data["score"])
    return data


def instance_detail_out(instance, components) -> dict:
    template = instance.template
    return {
        "id": instance.pk,
        "status": instance.status,
        "finished_date": instance.finished_date,
        "name": template.name,
        "creator_email": instance.creator.email,
        "consolidated": instance.consolidated,
        "related_to_id": instance.related_to_id,
        "created_at": instance.created_at,
        "min_score": template.min_score,
        "max_score": template.max_score,
        "allows_decimal_score": template.allows_decimal_score,
        "components": [
            {"id": c.pk, "type": c.type, "position": c.position, "programme_metadata": metadata_out(c),
             "instance_metadata": _answer_out(c, instance.answer(c.pk))}
            for c in components
        ],
    }
