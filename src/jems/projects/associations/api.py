"""ProjectAssociatedOrganizationApi (see docs/api.md)."""

from ninja import Query, Router, Status

from jems.api.schemas import PageParams
from jems.core.errors import ValidationFailed
from jems.core.pagination import page_request, spring_page
from jems.core.translatable import from_api
from jems.projects.partners.services import ADDRESS_LIMITS, CONTACT_LIMITS, AddressData, ContactData

from . import queries, services
from .schemas import (
    InputProjectAssociatedOrganization,
    OutputProjectAssociatedOrganizationDetail,
    PageOutputProjectAssociatedOrganization,
)

router = Router(tags=["project"])

SORT_FIELDS = {"sortNumber": "sortNumber", "id": "id", "nameInOriginalLanguage": "nameInOriginalLanguage",
               "nameInEnglish": "nameInEnglish", "partnerAbbreviation": "partnerAbbreviation",
               "partner.abbreviation": "partnerAbbreviation", "active": "active"}


def _value(item):
    return getattr(item, "value", item)


def _data(dto: InputProjectAssociatedOrganization) -> services.OrganizationData:
    address = None
    if dto.address is not None:
        address = AddressData(type="", **{n: getattr(dto.address, n) for n in ADDRESS_LIMITS})
    return services.OrganizationData(
        partner_id=dto.partner_id, name_in_original_language=dto.name_in_original_language,
        name_in_english=dto.name_in_english, address=address,
        contacts=[ContactData(type=_value(c.type), **{n: getattr(c, n) for n in CONTACT_LIMITS})
                  for c in dto.contacts],
        role_description=from_api(dto.role_description))


def _sorted(rows: list[dict], ordering) -> list[dict]:
    for key in reversed(ordering):
        desc = key.startswith("-")
        name = key.lstrip("-")
        numeric = name in ("id", "sortNumber")
        rows.sort(key=lambda s, n=name: (s.get(n) is None, (s.get(n) or 0) if numeric else str(s.get(n) or "")),
                  reverse=desc)
    return rows


@router.get("/project/{projectId}/organization", response={200: PageOutputProjectAssociatedOrganization},
            by_alias=True, operation_id="getAssociatedOrganizations")
def get_associated_organizations(request, projectId: int, paging: Query[PageParams],  # noqa: N803
                                 version: str | None = None):
    page = page_request(paging.page, paging.size, paging.sort, SORT_FIELDS, default=("sortNumber",))
    _acc, rows = queries.organizations(actor=request.user, project_id=projectId, version=version)
    rows = _sorted([queries.summary(o) for o in rows], page.ordering)
    return spring_page(rows[page.offset:page.offset + page.size], len(rows), page)


@router.post("/project/{projectId}/organization", response={200: OutputProjectAssociatedOrganizationDetail},
             by_alias=True, operation_id="createAssociatedOrganization")
def create_associated_organization(request, projectId: int,  # noqa: N803
                                   organization: InputProjectAssociatedOrganization):
    created = services.create_organization(actor=request.user, project_id=projectId, data=_data(organization))
    return queries.organization(actor=request.user, project_id=projectId, organization_id=created.pk)[1]


@router.put("/project/{projectId}/organization", response={200: OutputProjectAssociatedOrganizationDetail},
            by_alias=True, operation_id="updateAssociatedOrganization")
def update_associated_organization(request, projectId: int,  # noqa: N803
                                   organization: InputProjectAssociatedOrganization):
    if organization.id is None:
        raise ValidationFailed(fields={"id": "project.associated.organization.id.should.not.be.empty"})
    services.update_organization(actor=request.user, project_id=projectId, organization_id=organization.id,
                                 data=_data(organization))
    return queries.organization(actor=request.user, project_id=projectId, organization_id=organization.id)[1]


@router.get("/project/{projectId}/organization/{id}", response={200: OutputProjectAssociatedOrganizationDetail},
            by_alias=True, operation_id="getAssociatedOrganizationById")
def get_associated_organization_by_id(request, projectId: int, id: int,  # noqa: N803, A002
                                      version: str | None = None):
    return queries.organization(actor=request.user, project_id=projectId, organization_id=id, version=version)[1]


@router.delete("/project/{projectId}/organization/{id}", response={200: None},
               operation_id="deleteAssociatedOrganization")
def delete_associated_organization(request, projectId: int, id: int):  # noqa: N803, A002
    services.delete_organization(actor=request.user, project_id=projectId, organization_id=id)
    return Status(200, None)


@router.put("/project/{projectId}/organization/{id}/deactivate", response={200: None},
            operation_id="deactivateAssociatedOrganization")
def deactivate_associated_organization(request, projectId: int, id: int):  # noqa: N803, A002
    services.deactivate_organization(actor=request.user, project_id=projectId, organization_id=id)
    return Status(200, None)
