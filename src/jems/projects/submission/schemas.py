"""DTOs of the check and submit operations of ProjectStatusApi (contract names)."""

from ninja import Schema
from pydantic import ConfigDict, Field

from jems.api.schemas import CamelSchema
from jems.calls.plugins import CheckMessage, MessageType, PreConditionCheckResult


class I18nMessage(Schema):
    model_config = ConfigDict(populate_by_name=True)

    i18n_key: str | None = Field(None, alias="i18nKey")
    i18n_arguments: dict[str, str] = Field(default_factory=dict, alias="i18nArguments")


class PreConditionCheckMessageDTO(CamelSchema):
    issue_count: int = 0
    message: I18nMessage
    message_type: MessageType
    sub_section_messages: list["PreConditionCheckMessageDTO"]


class PreConditionCheckResultDTO(CamelSchema):
    messages: list[PreConditionCheckMessageDTO]
    submission_allowed: bool


def message_dto(message: CheckMessage) -> dict:
    return {"issue_count": message.issue_count,
            "message": {"i18n_key": message.key, "i18n_arguments": dict(message.args)},
            "message_type": message.type,
            "sub_section_messages": [message_dto(child) for child in message.children]}


def result_dto(result: PreConditionCheckResult) -> dict:
    return {"messages": [message_dto(m) for m in result.messages], "submission_allowed": result.submission_allowed}
