"""Jems-compatible API of controller institutions: ControllerInstitutionApi (/api/controller/institution...).

The partner-assignment operations answer with the contract's shapes over an empty set of partners until
contracted projects exist (see docs/api.md)."""

from ninja import Body, Query, Router

from jems.api.schemas import PageParams, json_scalar
from jems.core.pagination import page_request, spring_page
from jems.nuts.schemas import OutputNuts

from . import queries, services
from .schemas import (
    ControllerInstitutionAssignmentDTO,
    ControllerInstitutionDTO,
    InstitutionPartnerAssignmentDTO,
    InstitutionPartnerSearchRequestDTO,
    PageControllerInstitutionListDTO,
    PageInstitutionPartnerDetailsDTO,
    UpdateControllerInstitutionDTO,
    UserInstitutionAccessLevelDTO,
    UserSimpleDTO,
    institution_dto,
    list_dto,
)

router = Router(tags=["controllerInstitutions"])
BASE = "/controller/institution"


def _users(dto: UpdateControllerInstitutionDTO):
    return [services.InstitutionUserInput(user_email=u.user_email, user_id=u.user_id,
                                          access_level=u.access_level.value) for u in dto.institution_users]


def _detail(request, institution_id: int) -> dict:
    return institution_dto(*queries.get_institution(actor=request.user, institution_id=institution_id))


@router.get(BASE, response={200: PageControllerInstitutionListDTO}, by_alias=True, operation_id="getControllers",
            summary="Gets all the controllers")
def get_controllers(request, paging: Query[PageParams]):
    page = page_request(paging.page, paging.size, paging.sort, queries.SORT_FIELDS)
    items, total, trees = queries.list_institutions(actor=request.user, page=page)
    return spring_page([list_dto(i, trees[i.pk]) for i in items], total, page)


@router.post(f"{BASE}/assign", response={200: list[InstitutionPartnerAssignmentDTO]}, by_alias=True,
             operation_id="assignInstitutionToPartner", summary="Assign institutions to partners")
def assign_institution_to_partner(request, assignment: ControllerInstitutionAssignmentDTO):
    pairs = services.assign_institutions(actor=request.user, to_add=assignment.assignments_to_add,
                                         to_remove=assignment.assignments_to_remove)
    return [{"partner_id": p, "institution_id": i} for p, i in pairs]


@router.post(f"{BASE}/assignments", response={200: PageInstitutionPartnerDetailsDTO}, by_alias=True,
             operation_id="getInstitutionPartnerAssignments", summary="Get all institution partner assignments")
def get_institution_partner_assignments(request, paging: Query[PageParams],
                                        search: Body[InstitutionPartnerSearchRequestDTO] = None):
    # No partner can be listed yet, so sort properties are accepted and have nothing to order.
    page = page_request(paging.page, paging.size, [], {}, default=("partner_id",))
    items, total = queries.partner_assignments(actor=request.user, page=page)
    return spring_page(items, total, page)


@router.get(f"{BASE}/assignments/{{partnerId}}", response={200: UserInstitutionAccessLevelDTO | None},
            by_alias=True, operation_id="getControllerUserAccessLevelForPartner",
            summary="Get access level of the controller institution user over the partner")
def get_controller_user_access_level_for_partner(request, partnerId: int):  # noqa: N803 (contract name)
    return json_scalar(queries.access_level_for_partner(actor=request.user, partner_id=partnerId))


@router.get(f"{BASE}/checkMyAvailableRegions", response={200: list[OutputNuts]}, by_alias=True,
            operation_id="getAvailableRegions",
            summary="Get available NUTS from the controller institution(s) that the provided user is assigned to")
def get_available_regions(request):
    return queries.available_regions(actor=request.user)


@router.post(f"{BASE}/create", response={200: ControllerInstitutionDTO}, by_alias=True,
             operation_id="createController", summary="Creates institution controller")
def create_controller(request, institution: UpdateControllerInstitutionDTO):
    created = services.create_institution(actor=request.user, name=institution.name,
                                          description=institution.description,
                                          nuts_codes=institution.institution_nuts, users=_users(institution))
    return _detail(request, created.pk)


@router.get(f"{BASE}/{{institutionId}}", response={200: ControllerInstitutionDTO}, by_alias=True,
            operation_id="getControllerInstitutionById", summary="Returns a controller institution by id")
def get_controller_institution_by_id(request, institutionId: int):  # noqa: N803
    return _detail(request, institutionId)


@router.put(f"{BASE}/{{institutionId}}", response={200: ControllerInstitutionDTO}, by_alias=True,
            operation_id="updateController", summary="Updates institution controller")
def update_controller(request, institutionId: int, institution: UpdateControllerInstitutionDTO):  # noqa: N803
    services.update_institution(actor=request.user, institution_id=institutionId, name=institution.name,
                                description=institution.description, nuts_codes=institution.institution_nuts,
                                users=_users(institution))
    return _detail(request, institutionId)


@router.get(f"{BASE}/{{institutionId}}/users/{{partnerId}}", response={200: list[UserSimpleDTO]}, by_alias=True,
            operation_id="getUsersByControllerInstitutionId",
            summary="Returns the list of users of a controller institution by institution id")
def get_users_by_controller_institution_id(request, institutionId: int, partnerId: int):  # noqa: N803
    return queries.institution_users_for_partner(actor=request.user, institution_id=institutionId,
                                                 partner_id=partnerId)
