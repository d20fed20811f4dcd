"""ProjectPartnerApi without the budget and co-financing operations (see docs/api.md), and
PartnerUserCollaboratorApi (partner teams)."""

from ninja import Body, Query, Router, Status

from jems.api.schemas import PageParams, json_scalar
from jems.core.pagination import page_request, spring_page
from jems.core.translatable import from_api

from . import queries, services, state_aid, teams
from .schemas import (
    PageProjectBudgetPartnerSummaryDTO,
    PartnerCollaboratorLevelDTO,
    PartnerUserCollaboratorDTO,
    ProjectContactDTO,
    ProjectPartnerAddressDTO,
    ProjectPartnerDetailDTO,
    ProjectPartnerDTO,
    ProjectPartnerMotivationDTO,
    ProjectPartnerStateAidDTO,
    ProjectPartnerStateAidOut,
    ProjectPartnerSummaryDTO,
    UpdatePartnerUserCollaboratorDTO,
)

router = Router(tags=["project"])

SORT_FIELDS = {"sortNumber": "sortNumber", "abbreviation": "abbreviation", "id": "id", "role": "role",
               "country": "country"}


def _value(item):
    return getattr(item, "value", item)


def _identity(dto: ProjectPartnerDTO) -> services.PartnerIdentity:
    return services.PartnerIdentity(
        abbreviation=dto.abbreviation, role=_value(dto.role),
        name_in_original_language=dto.name_in_original_language, name_in_english=dto.name_in_english,
        department=from_api(dto.department), partner_type=_value(dto.partner_type),
        partner_sub_type=_value(dto.partner_sub_type), nace=_value(dto.nace),
        other_identifier_number=dto.other_identifier_number,
        other_identifier_description=from_api(dto.other_identifier_description), pic=dto.pic,
        legal_status_id=dto.legal_status_id, vat=dto.vat, vat_recovery=_value(dto.vat_recovery))


def _detail(user, partner_id):
    _acc, data = queries.partner(actor=user, partner_id=partner_id)
    return data


def _sorted(summaries: list[dict], ordering) -> list[dict]:
    for key in reversed(ordering):
        desc = key.startswith("-")
        name = key.lstrip("-")
        summaries.sort(key=lambda s, n=name: (s.get(n) is None, s.get(n) or 0 if n in ("id", "sortNumber")
                                              else str(s.get(n) or "")), reverse=desc)
    return summaries


@router.get("/project/partner/byProjectId/{projectId}", response={200: PageProjectBudgetPartnerSummaryDTO},
            by_alias=True, operation_id="getProjectPartners")
def get_project_partners(request, projectId: int, paging: Query[PageParams],  # noqa: N803
                         version: str | None = None):
    page = page_request(paging.page, paging.size, paging.sort, SORT_FIELDS, default=("sortNumber",))
    from jems.projects.budget.totals import partner_budgets
    from jems.projects.queries import version_snapshot

    acc, partners = queries.project_partners(actor=request.user, project_id=projectId, version=version)
    rows = _sorted([queries.summary(p) for p in partners], page.ordering)
    totals = partner_budgets(acc.project, version_snapshot(acc.project, version)[1])
    content = [{"partnerSummary": s, "totalBudget": totals[s["id"]].total if s["id"] in totals else 0}
               for s in rows[page.offset:page.offset + page.size]]
    return spring_page(content, len(rows), page)


@router.get("/project/partner/byProjectId/{projectId}/ids", response={200: list[ProjectPartnerSummaryDTO]},
            by_alias=True, operation_id="getProjectPartnersForDropdown")
def get_project_partners_for_dropdown(request, projectId: int, paging: Query[PageParams],  # noqa: N803
                                      version: str | None = None):
    page = page_request(paging.page, paging.size, paging.sort, SORT_FIELDS, default=("sortNumber",))
    _acc, partners = queries.project_partners(actor=request.user, project_id=projectId, version=version)
    return _sorted([queries.summary(p) for p in partners], page.ordering)


@router.post("/project/partner/toProjectId/{projectId}", response={200: ProjectPartnerDetailDTO}, by_alias=True,
             operation_id="createProjectPartner")
def create_project_partner(request, projectId: int, partner: ProjectPartnerDTO):  # noqa: N803
    created = services.create_partner(actor=request.user, project_id=projectId, data=_identity(partner))
    return _detail(request.user, created.pk)


@router.put("/project/partner", response={200: ProjectPartnerDetailDTO}, by_alias=True,
            operation_id="updateProjectPartner")
def update_project_partner(request, partner: ProjectPartnerDTO):
    if partner.id is None:
        from jems.core.errors import ValidationFailed

        raise ValidationFailed(fields={"id": "project.partner.id.should.not.be.empty"})
    services.update_partner(actor=request.user, partner_id=partner.id, data=_identity(partner))
    return _detail(request.user, partner.id)


@router.get("/project/partner/{partnerId}", response={200: ProjectPartnerDetailDTO}, by_alias=True,
            operation_id="getProjectPartnerById")
def get_project_partner_by_id(request, partnerId: int, version: str | None = None):  # noqa: N803
    _acc, data = queries.partner(actor=request.user, partner_id=partnerId, version=version)
    return data


@router.delete("/project/partner/{partnerId}", response={200: None}, operation_id="deleteProjectPartner")
def delete_project_partner(request, partnerId: int):  # noqa: N803
    services.delete_partner(actor=request.user, partner_id=partnerId)
    return Status(200, None)


@router.put("/project/partner/{partnerId}/address", response={200: ProjectPartnerDetailDTO}, by_alias=True,
            operation_id="updateProjectPartnerAddress")
def update_project_partner_address(request, partnerId: int,  # noqa: N803
                                   addresses: Body[list[ProjectPartnerAddressDTO]]):
    services.update_addresses(actor=request.user, partner_id=partnerId, addresses=[
        services.AddressData(type=_value(a.type), **{n: getattr(a, n) for n in services.ADDRESS_LIMITS})
        for a in addresses])
    return _detail(request.user, partnerId)


@router.put("/project/partner/{partnerId}/contact", response={200: ProjectPartnerDetailDTO}, by_alias=True,
            operation_id="updateProjectPartnerContact")
def update_project_partner_contact(request, partnerId: int,  # noqa: N803
                                   contacts: Body[list[ProjectContactDTO]]):
    services.update_contacts(actor=request.user, partner_id=partnerId, contacts=[
        services.ContactData(type=_value(c.type), **{n: getattr(c, n) for n in services.CONTACT_LIMITS})
        for c in contacts])
    return _detail(request.user, partnerId)


@router.put("/project/partner/{partnerId}/deactivate", response={200: None}, operation_id="deactivate")
def deactivate(request, partnerId: int):  # noqa: N803
    services.deactivate_partner(actor=request.user, partner_id=partnerId)
    return Status(200, None)


@router.put("/project/partner/{partnerId}/motivation", response={200: ProjectPartnerDetailDTO}, by_alias=True,
            operation_id="updateProjectPartnerMotivation")
def update_project_partner_motivation(request, partnerId: int,  # noqa: N803
                                      motivation: ProjectPartnerMotivationDTO):
    services.update_motivation(actor=request.user, partner_id=partnerId,
                               relevance=from_api(motivation.organization_relevance),
                               role=from_api(motivation.organization_role),
                               experience=from_api(motivation.organization_experience))
    return _detail(request.user, partnerId)


# --- state-aid self-check ---------------------------------------------------------------------------------------


@router.get("/project/partner/{partnerId}/stateAid", response={200: ProjectPartnerStateAidOut}, by_alias=True,
            operation_id="getProjectPartnerStateAid")
def get_project_partner_state_aid(request, partnerId: int, version: str | None = None):  # noqa: N803
    loaded = state_aid.load(actor=request.user, partner_id=partnerId, version=version)
    return state_aid.scheme_dto(loaded.data)


@router.put("/project/partner/{partnerId}/stateAid", response={200: ProjectPartnerStateAidOut}, by_alias=True,
            operation_id="updateProjectPartnerStateAid")
def update_project_partner_state_aid(request, partnerId: int,  # noqa: N803
                                     stateAid: Body[ProjectPartnerStateAidDTO]):  # noqa: N803
    dto = stateAid
    state_aid.update_state_aid(actor=request.user, partner_id=partnerId, data=state_aid.StateAidData(
        answers={n: getattr(dto, f"answer{n}") for n in state_aid.QUESTIONS},
        justifications={n: from_api(getattr(dto, f"justification{n}")) for n in state_aid.QUESTIONS},
        activity_ids=[a.activity_id for a in dto.activities or ()],
        state_aid_id=dto.state_aid_scheme.id if dto.state_aid_scheme else None))
    return state_aid.scheme_dto(state_aid.load(actor=request.user, partner_id=partnerId).data)


# --- PartnerUserCollaboratorApi -----------------------------------------------------------------------------------


@router.get("/projectPartnerCollaborators/forProject/{projectId}", response={200: list[PartnerUserCollaboratorDTO]},
            by_alias=True, operation_id="listAllPartnerCollaborators")
def list_all_partner_collaborators(request, projectId: int):  # noqa: N803
    _acc, rows = teams.project_teams(actor=request.user, project_id=projectId)
    return [teams.dto(r) for r in rows]


@router.put("/projectPartnerCollaborators/forProject/{projectId}/forPartner/{partnerId}",
            response={200: list[PartnerUserCollaboratorDTO]}, by_alias=True,
            operation_id="updatePartnerUserCollaborators")
def update_partner_user_collaborators(request, projectId: int, partnerId: int,  # noqa: N803
                                      users: Body[list[UpdatePartnerUserCollaboratorDTO]]):
    rows = teams.update_partner_collaborators(
        actor=request.user, project_id=projectId, partner_id=partnerId,
        members=[teams.TeamMember(email=u.user_email, level=_value(u.level), gdpr=u.gdpr) for u in users])
    return [teams.dto(r) for r in rows]


@router.get("/projectPartnerCollaborators/forProject/{projectId}/myCollaborations",
            response={200: list[PartnerUserCollaboratorDTO]}, by_alias=True,
            operation_id="listCurrentUserPartnerCollaborations")
def list_current_user_partner_collaborations(request, projectId: int):  # noqa: N803
    return [teams.dto(r) for r in teams.my_collaborations(actor=request.user, project_id=projectId)]


@router.get("/projectPartnerCollaborators/forPartner/{partnerId}/checkMyLevel",
            response={200: PartnerCollaboratorLevelDTO | None}, operation_id="checkMyPartnerLevel")
def check_my_partner_level(request, partnerId: int):  # noqa: N803
    return json_scalar(teams.my_level(actor=request.user, partner_id=partnerId))
