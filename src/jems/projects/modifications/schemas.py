"""API schemas of modification requests (our addition, not in the Jems contract; docs/api.md)."""

from datetime import datetime

from jems.api.schemas import CamelSchema
from jems.projects.files.schemas import ProjectFileMetadataDTO, file_dto
from jems.projects.schemas import OutputUser


class ModificationRequestCreateDTO(CamelSchema):
    reason: str | None = None
    sections: list[str] = []
    file_ids: list[int] = []


class ModificationAnswerDTO(CamelSchema):
    note: str | None = None


class ModificationCommentCreateDTO(CamelSchema):
    text: str | None = None


class ModificationCommentDTO(CamelSchema):
    id: int
    author: OutputUser
    text: str
    created_at: datetime


class ModificationRequestDTO(CamelSchema):
    id: int
    project_id: int
    reason: str
    sections: list[str]
    status: str
    project_status: str
    requested_by: OutputUser
    requested_at: datetime
    answered_by: OutputUser | None
    answered_at: datetime | None
    answer_note: str
    attachments: list[ProjectFileMetadataDTO]
    comments: list[ModificationCommentDTO]


def _user(user) -> dict | None:
    return None if user is None else {"id": user.pk, "email": user.email, "name": user.name,
                                      "surname": user.surname}


def comment_dto(item) -> dict:
    return {"id": item.pk, "author": _user(item.author), "text": item.text, "createdAt": item.created_at}


def request_dto(item) -> dict:
    """The request with its attachments and comments (prefetched by queries.thread)."""
    return {"id": item.pk, "projectId": item.project_id, "reason": item.reason, "sections": item.sections,
            "status": item.status, "projectStatus": item.project_status, "requestedBy": _user(item.requested_by),
            "requestedAt": item.requested_at, "answeredBy": _user(item.answered_by), "answeredAt": item.answered_at,
            "answerNote": item.answer_note, "attachments": [file_dto(f) for f in item.attachments.all()],
            "comments": [comment_dto(c) for c in item.comments.all()]}
