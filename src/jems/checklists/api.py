"""Jems-compatible API of checklist templates: ProgrammeChecklistApi (7 operations, see docs/api.md).

Handlers parse, call one service or query and render; rules and permissions live in `services` and
`queries`.
"""

from django.http import HttpResponse
from ninja import Query, Router

from jems.api.schemas import PageParams
from jems.core.pagination import page_request

from . import queries, services
from .schemas import (
    IdNamePairDTO,
    Int64,
    ProgrammeChecklistDetailDTO,
    ProgrammeChecklistDTO,
    ProgrammeChecklistTypeDTO,
    checklist_detail_out,
    checklist_out,
    template_fields,
)

router = Router(tags=["programme"])


@router.get("/programme/checklist", by_alias=True, response={200: list[ProgrammeChecklistDTO]},
            operation_id="getProgrammeChecklists", summary="Retrieve all programme checklists")
def get_programme_checklists(request, paging: Query[PageParams]):
    # The contract answers a plain list (at most 100 templates): `sort` orders it, `page`/`size` are accepted.
    ordering = page_request(0, 1, paging.sort, queries.SORT_FIELDS, default=("id",)).ordering
    return [checklist_out(c) for c in queries.list_checklists(actor=request.user, ordering=ordering)]


@router.get("/programme/checklist/byType/{checklistType}", by_alias=True, response={200: list[IdNamePairDTO]},
            operation_id="getProgrammeChecklistsByType", summary="Retrieve programme checklists by type")
def get_programme_checklists_by_type(request, checklistType: ProgrammeChecklistTypeDTO,  # noqa: N803
                                     projectId: Int64 | None = None):  # noqa: N803
    rows = queries.checklists_by_type(actor=request.user, checklist_type=checklistType.value, project_id=projectId)
    return [{"id": pk, "name": name} for pk, name in rows]


@router.post("/programme/checklist/create", by_alias=True, response={200: ProgrammeChecklistDetailDTO},
             operation_id="createProgrammeChecklist", summary="Create a programme checklist")
def create_programme_checklist(request, checklist: ProgrammeChecklistDetailDTO):
    created = services.create_checklist(actor=request.user, **template_fields(checklist))
    return checklist_detail_out(created)


@router.delete("/programme/checklist/delete/{checklistId}", response={200: None},
               operation_id="deleteChecklist", summary="Delete a programme checklist")
def delete_checklist(request, checklistId: Int64):  # noqa: N803
    services.delete_checklist(actor=request.user, checklist_id=checklistId)
    return HttpResponse(status=200)


@router.get("/programme/checklist/detail/{checklistId}", by_alias=True, response={200: ProgrammeChecklistDetailDTO},
            operation_id="getProgrammeChecklistDetail", summary="Retrieve detailed programme checklist")
def get_programme_checklist_detail(request, checklistId: Int64):  # noqa: N803
    return checklist_detail_out(queries.get_checklist(actor=request.user, checklist_id=checklistId))


@router.put("/programme/checklist/update", by_alias=True, response={200: ProgrammeChecklistDetailDTO},
            operation_id="updateProgrammeChecklist", summary="Update a programme checklist")
def update_programme_checklist(request, checklist: ProgrammeChecklistDetailDTO):
    updated = services.update_checklist(actor=request.user, checklist_id=checklist.id, **template_fields(checklist))
    return checklist_detail_out(updated)


@router.post("/programme/checklist/{checklistId}/clone", by_alias=True, response={200: ProgrammeChecklistDetailDTO},
             operation_id="cloneProgrammeChecklist", summary="Clone a checklist instance")
def clone_programme_checklist(request, checklistId: Int64):  # noqa: N803
    return checklist_detail_out(services.clone_checklist(actor=request.user, checklist_id=checklistId))
