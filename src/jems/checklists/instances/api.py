"""Jems-compatible API of assessment checklist instances: ChecklistInstanceApi (all 13 operations, the PDF
export through the CHECKLIST_EXPORT plugin of `export`).

Handlers parse, call one service or query and render; rules and permissions live in `services` and
`queries`. Checklists of the other types (contracting, control, verification, closure) have their own APIs:
asked here for such a type, the lists are empty.
"""

import json
from urllib.parse import quote

from django.http import HttpResponse
from ninja import Router

from jems.api.schemas import EmptyBody, json_scalar
from jems.checklists.schemas import Int64, ProgrammeChecklistTypeDTO
from jems.core.languages import SystemLanguage

from . import export, queries, services
from .queries import ASSESSMENT
from .schemas import (
    ChecklistConsolidatorOptionsDTO,
    ChecklistInstanceDetailDTO,
    ChecklistInstanceDTO,
    ChecklistInstanceSelectionDTO,
    ChecklistInstanceStatusDTO,
    CreateChecklistInstanceDTO,
    answer_inputs,
    instance_detail_out,
    instance_out,
    selection_out,
)

router = Router(tags=["project"])

TEXT_BODY = {"requestBody": {"required": False, "content": {"text/plain": {"schema": {"type": "string"}}}}}
SELECTION_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "type": "object", "additionalProperties": {"type": "boolean"}, "propertyNames": {"pattern": "^-?[0-9]+$"}}}}}}
BOOLEAN = {"responses": {200: {"description": "Success; the body is a bare JSON scalar.",
                               "content": {"application/json": {"schema": {"type": "boolean"}}}}}}
FILE_DOWNLOAD = {"responses": {200: {
    "description": "File download; the body is the raw file content.",
    "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}}


def _detail(actor, instance) -> dict:
    _acc, _rights, instance, components = queries.get_instance(
        actor=actor, project_id=instance.related_to_id, instance_id=instance.pk)
    return instance_detail_out(instance, components)


@router.put("/checklist/instance", by_alias=True, response={200: ChecklistInstanceDetailDTO},
            operation_id="updateChecklistInstance", summary="Update a checklist instance")
def update_checklist_instance(request, checklist: ChecklistInstanceDetailDTO):
    instance = services.update_answers(actor=request.user, instance_id=checklist.id, answers=answer_inputs(checklist))
    return _detail(request.user, instance)


@router.post("/checklist/instance", by_alias=True, response={200: ChecklistInstanceDetailDTO},
             operation_id="createChecklistInstance", summary="Create a checklist instance")
def create_checklist_instance(request, checklist: CreateChecklistInstanceDTO):
    instance = services.create_instance(actor=request.user, project_id=checklist.related_to_id,
                                        template_id=checklist.programme_checklist_id)
    return _detail(request.user, instance)


@router.put("/checklist/instance/consolidate/{checklistId}", operation_id="consolidateChecklistInstance",
            summary="Set the consolidated flag for a checklist instances", openapi_extra=BOOLEAN)
def consolidate_checklist_instance(request, checklistId: Int64, options: ChecklistConsolidatorOptionsDTO):  # noqa: N803
    return json_scalar(services.set_consolidated(actor=request.user, instance_id=checklistId,
                                                 consolidated=options.consolidated))


@router.put("/checklist/instance/description/{checklistId}", by_alias=True, response={200: ChecklistInstanceDTO},
            operation_id="updateChecklistDescription", summary="Update description for checklist instance",
            openapi_extra=TEXT_BODY)
def update_checklist_description(request, checklistId: Int64):  # noqa: N803
    text = request.body.decode(request.encoding or "utf-8", errors="replace") if request.body else None
    return instance_out(services.update_description(actor=request.user, instance_id=checklistId, description=text))


@router.get("/checklist/instance/mine/{relatedToId}/{type}", by_alias=True, response={200: list[ChecklistInstanceDTO]},
            operation_id="getMyChecklistInstances",
            summary="Retrieve the checklists instances for the current user related to specific id and checklist "
                    "programme type")
def get_my_checklist_instances(request, relatedToId: Int64, type: ProgrammeChecklistTypeDTO):  # noqa: N803, A002
    if type.value != ASSESSMENT:
        return []
    _acc, _rights, rows = queries.list_instances(actor=request.user, project_id=relatedToId, mine=True)
    return [instance_out(i) for i in rows]


@router.put("/checklist/instance/selection", response={200: None}, operation_id="updateChecklistInstanceSelection",
            summary="Update selection of checklist instances", openapi_extra=SELECTION_BODY)
def update_checklist_instance_selection(request):
    try:
        body = json.loads(request.body or b"null")
        selection = {int(key): value for key, value in body.items()}
    except (ValueError, AttributeError, TypeError):
        raise EmptyBody() from None
    if not all(isinstance(v, bool) for v in selection.values()):
        raise EmptyBody()
    services.update_selection(actor=request.user, selection=selection)
    return HttpResponse(status=200)


@router.get("/checklist/instance/selection/{relatedToId}/{type}", by_alias=True,
            response={200: list[ChecklistInstanceSelectionDTO]}, operation_id="getChecklistInstancesForSelection",
            summary="Retrieve all checklists instances related to specific id object and programme type for selection")
def get_checklist_instances_for_selection(request, relatedToId: Int64, type: ProgrammeChecklistTypeDTO):  # noqa: N803, A002
    if type.value != ASSESSMENT:
        return []
    return [selection_out(i) for i in queries.selection(actor=request.user, project_id=relatedToId)]


@router.put("/checklist/instance/status/{checklistId}/{status}", by_alias=True, response={200: ChecklistInstanceDTO},
            operation_id="changeChecklistStatus", summary="Changes the status for a checklist instances")
def change_checklist_status(request, checklistId: Int64, status: ChecklistInstanceStatusDTO):  # noqa: N803
    return instance_out(services.change_status(actor=request.user, instance_id=checklistId, status=status.value))


@router.post("/checklist/instance/{checklistId}/clone", by_alias=True, response={200: ChecklistInstanceDetailDTO},
             operation_id="cloneChecklistInstance", summary="Clone a checklist instance")
def clone_checklist_instance(request, checklistId: Int64):  # noqa: N803
    return _detail(request.user, services.clone_instance(actor=request.user, instance_id=checklistId))


@router.get("/checklist/instance/{relatedToId}/detail/{checklistId}", by_alias=True,
            response={200: ChecklistInstanceDetailDTO}, operation_id="getChecklistInstanceDetail",
            summary="Retrieve detailed checklist instance")
def get_checklist_instance_detail(request, checklistId: Int64, relatedToId: Int64):  # noqa: N803
    _acc, _rights, instance, components = queries.get_instance(actor=request.user, project_id=relatedToId,
                                                               instance_id=checklistId)
    return instance_detail_out(instance, components)


@router.get("/checklist/instance/export/{projectId}/{checklistId}", operation_id="exportChecklistInstance",
            summary="Export checklist instance", openapi_extra=FILE_DOWNLOAD)
def export_checklist_instance(request, projectId: Int64, checklistId: Int64,  # noqa: N803
                              exportLanguage: SystemLanguage, pluginKey: str | None = None):  # noqa: N803
    result = export.export_checklist(actor=request.user, project_id=projectId, checklist_id=checklistId,
                                     export_language=exportLanguage.value, plugin_key=pluginKey)
    response = HttpResponse(result.content, content_type="application/octet-stream")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(result.file_name)}"
    response["Content-Length"] = str(len(result.content))
    return response


# One path, two operations (the contract's positional variables): GET lists by (relatedToId, type),
# DELETE removes (projectId, checklistId).
@router.get("/checklist/instance/{projectIdOrRelatedToId}/{checklistIdOrType}", by_alias=True,
            response={200: list[ChecklistInstanceDTO]}, operation_id="getAllChecklistInstances",
            summary="Retrieve all checklists instances related to specific id and checklist programme type")
def get_all_checklist_instances(request, projectIdOrRelatedToId: Int64,  # noqa: N803
                                checklistIdOrType: ProgrammeChecklistTypeDTO):  # noqa: N803
    if checklistIdOrType.value != ASSESSMENT:
        return []
    _acc, _rights, rows = queries.list_instances(actor=request.user, project_id=projectIdOrRelatedToId)
    return [instance_out(i) for i in rows]


@router.delete("/checklist/instance/{projectIdOrRelatedToId}/{checklistIdOrType}", response={200: None},
               operation_id="deleteChecklistInstance", summary="Delete a checklist instance")
def delete_checklist_instance(request, checklistIdOrType: Int64, projectIdOrRelatedToId: Int64):  # noqa: N803
    services.delete_instance(actor=request.user, project_id=projectIdOrRelatedToId, instance_id=checklistIdOrType)
    return HttpResponse(status=200)
