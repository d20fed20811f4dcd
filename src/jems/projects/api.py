"""ProjectApi (the foundation part), ProjectUserApi and ProjectUserCollaboratorApi."""

from ninja import Body, Query, Router, Status

from jems.api.schemas import PageParams, json_scalar
from jems.core.pagination import page_request, spring_page
from jems.core.translatable import from_api

from . import queries, services
from .schemas import (
    InputProjectData,
    PageOutputProjectSimple,
    PageProjectUserDTO,
    ProjectCallSettingsDTO,
    ProjectCollaboratorLevelDTO,
    ProjectCreateDTO,
    ProjectDetailDTO,
    ProjectDetailFormDTO,
    ProjectSearchRequestDTO,
    ProjectUserCollaboratorDTO,
    ProjectVersionDTO,
    ProjectWithUsersDTO,
    UpdateProjectUserCollaboratorDTO,
    UpdateProjectUserDTO,
    call_settings,
    collaborator_dto,
    project_detail,
    project_form,
    project_simple,
    project_user_dto,
    version_dto,
)

router = Router(tags=["project"])

LIST_SORT_DEFAULT = ("-id",)


def _value(item):
    return getattr(item, "value", item)


def _snapshot(request, project, version):
    _row, snapshot = queries.version_snapshot(project, version)
    return snapshot


@router.post("/project", response={200: ProjectDetailDTO}, by_alias=True, operation_id="createProject")
def create_project(request, project: ProjectCreateDTO):
    created = services.create_project(actor=request.user, call_id=project.project_call_id, acronym=project.acronym)
    acc = queries.get_project(actor=request.user, project_id=created.pk)
    return project_detail(acc.project)


@router.get("/project/byId/{projectId}", response={200: ProjectDetailDTO}, by_alias=True,
            operation_id="getProjectById")
def get_project_by_id(request, projectId: int, version: str | None = None):  # noqa: N803
    acc = queries.get_project(actor=request.user, project_id=projectId)
    return project_detail(acc.project, _snapshot(request, acc.project, version), request.user)


@router.get("/project/byId/{projectId}/form", response={200: ProjectDetailFormDTO}, by_alias=True,
            operation_id="getProjectFormById")
def get_project_form_by_id(request, projectId: int, version: str | None = None):  # noqa: N803
    acc = queries.get_project(actor=request.user, project_id=projectId)
    return project_form(acc.project, _snapshot(request, acc.project, version))


def _search(dto) -> queries.ProjectSearch | None:
    if dto is None:
        return None
    return queries.ProjectSearch(
        id=dto.id, acronym=dto.acronym,
        objectives={_value(o) for o in getattr(dto, "objectives", None) or []} or None,
        statuses={_value(s) for s in dto.statuses} if dto.statuses else None,
        calls=set(dto.calls) if dto.calls else None,
        users=set(getattr(dto, "users", None) or []) or None,
        **{name: getattr(dto, name, None) for name in (
            "first_submission_from", "first_submission_to", "last_submission_from", "last_submission_to")})


@router.post("/project/list", response={200: PageOutputProjectSimple}, by_alias=True, operation_id="getAllProjects")
def get_all_projects(request, page: int = 0, size: int = 20, sortProperty: str = "id",  # noqa: N803
                     sortDirection: str = "desc",  # noqa: N803
                     searchRequest: Body[ProjectSearchRequestDTO | None] = None):  # noqa: N803
    paging = page_request(page, size, [f"{sortProperty},{sortDirection}"], queries.LIST_SORT)
    items, total = queries.list_projects(actor=request.user, search=_search(searchRequest), page=paging)
    return spring_page([project_simple(p) for p in items], total, paging)


@router.get("/project/mine", response={200: PageOutputProjectSimple}, by_alias=True, operation_id="getMyProjects")
def get_my_projects(request, paging: Query[PageParams]):
    page = page_request(paging.page, paging.size, paging.sort, queries.LIST_SORT)
    items, total = queries.my_projects(actor=request.user, page=page)
    return spring_page([project_simple(p) for p in items], total, page)


@router.get("/project/contracted", response={200: PageOutputProjectSimple}, by_alias=True,
            operation_id="getContractedProjects")
def get_contracted_projects(request, searchId: str):  # noqa: N803
    page = page_request(0, 20, [], queries.LIST_SORT)
    items, total = queries.contracted_projects(actor=request.user, search_id=searchId, page=page)
    return spring_page([project_simple(p) for p in items], total, page)


@router.put("/project/{projectId}", response={200: ProjectDetailFormDTO}, by_alias=True,
            operation_id="updateProjectForm")
def update_project_form(request, projectId: int, project: InputProjectData):  # noqa: N803
    data = services.Identification(
        acronym=project.acronym, title=from_api(project.title), duration=project.duration,
        specific_objective=_value(project.specific_objective) if project.specific_objective else None,
        intro=from_api(project.intro))
    services.update_identification(actor=request.user, project_id=projectId, data=data)
    acc = queries.get_project(actor=request.user, project_id=projectId)
    return project_form(acc.project)


@router.get("/project/{projectId}/versions", response={200: list[ProjectVersionDTO]}, by_alias=True,
            operation_id="getProjectVersions")
def get_project_versions(request, projectId: int):  # noqa: N803
    acc = queries.get_project(actor=request.user, project_id=projectId)
    rows = queries.versions(acc.project)
    return [version_dto(row, index == 0) for index, row in enumerate(rows)]


@router.get("/project/{projectId}/callSettings", response={200: ProjectCallSettingsDTO}, by_alias=True,
            operation_id="getProjectCallSettingsById")
def get_project_call_settings(request, projectId: int):  # noqa: N803
    acc = queries.get_project(actor=request.user, project_id=projectId)
    return call_settings(acc.project.call)


# --- ProjectUserApi ---------------------------------------------------------------------------------------

@router.post("/projectUser/list", response={200: PageProjectUserDTO}, by_alias=True,
             operation_id="listProjectsWithAssignedUsers", tags=["projectUser"])
def list_projects_with_assigned_users(request, paging: Query[PageParams],
                                      searchRequest: Body[ProjectWithUsersDTO | None] = None):  # noqa: N803
    page = page_request(paging.page, paging.size, paging.sort, queries.LIST_SORT)
    items, total = queries.projects_with_users(actor=request.user, search=_search(searchRequest), page=page)
    return spring_page([project_user_dto(p) for p in items], total, page)


@router.put("/projectUser/updateProjectUserAssignments", response={200: None},
            operation_id="updateProjectUserAssignments", tags=["projectUser"])
def update_project_user_assignments(request, projectUsers: Body[list[UpdateProjectUserDTO]]):  # noqa: N803
    services.update_assignments(actor=request.user, changes=[
        services.AssignmentChange(project_id=row.project_id, add=set(row.user_ids_to_add),
                                  remove=set(row.user_ids_to_remove)) for row in projectUsers])
    return Status(200, None)


# --- ProjectUserCollaboratorApi ------------------------------------------------------------------------------

@router.get("/projectUserCollaborator/{projectId}", response={200: list[ProjectUserCollaboratorDTO]},
            by_alias=True, operation_id="listAssignedUserCollaborators", tags=["projectUserCollaborator"])
def list_assigned_user_collaborators(request, projectId: int):  # noqa: N803
    _acc, rows = queries.collaborators(actor=request.user, project_id=projectId)
    return [collaborator_dto(r) for r in rows]


@router.put("/projectUserCollaborator/{projectId}", response={200: list[ProjectUserCollaboratorDTO]},
            by_alias=True, operation_id="updateAssignedUserCollaborators", tags=["projectUserCollaborator"])
def update_assigned_user_collaborators(request, projectId: int,  # noqa: N803
                                       users: Body[list[UpdateProjectUserCollaboratorDTO]]):
    services.update_collaborators(actor=request.user, project_id=projectId,
                                  collaborators=[(u.user_email, _value(u.level)) for u in users])
    _acc, rows = queries.collaborators(actor=request.user, project_id=projectId)
    return [collaborator_dto(r) for r in rows]


@router.get("/projectUserCollaborator/{projectId}/checkMyLevel",
            response={200: ProjectCollaboratorLevelDTO | None}, operation_id="checkMyProjectLevel",
            tags=["projectUserCollaborator"])
def check_my_project_level(request, projectId: int):  # noqa: N803
    acc = queries.get_project(actor=request.user, project_id=projectId)
    return json_scalar(acc.level)
