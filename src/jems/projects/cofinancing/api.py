"""Co-financing operations: ProjectPartnerBudgetApi get/update(Spf)CoFinancing, ProjectPartnerApi
getProjectPartnersAndContributions and ProjectApi getProjectCoFinancing (all reads take `?version=`)."""

from ninja import Router

from jems.projects.partners.queries import summary

from . import parts, queries, services
from .schemas import (
    ProjectPartnerBudgetCoFinancingDTO,
    ProjectPartnerCoFinancingAndContributionInputDTO,
    ProjectPartnerCoFinancingAndContributionOutputDTO,
    ProjectPartnerPaymentSummaryDTO,
    set_in,
    set_out,
)

router = Router(tags=["project"])
CoFinancingOut = ProjectPartnerCoFinancingAndContributionOutputDTO


@router.get("/project/partner/{partnerId}/budget/cofinancing", response={200: CoFinancingOut}, by_alias=True,
            operation_id="getProjectPartnerCoFinancing")
def get_project_partner_co_financing(request, partnerId: int, version: str | None = None):  # noqa: N803
    view = queries.partner_view(actor=request.user, partner_id=partnerId, version=version)
    return set_out(view.data, view.funds)


@router.put("/project/partner/{partnerId}/budget/cofinancing", response={200: CoFinancingOut}, by_alias=True,
            operation_id="updateProjectPartnerCoFinancing")
def update_project_partner_co_financing(request, partnerId: int,  # noqa: N803
                                        body: ProjectPartnerCoFinancingAndContributionInputDTO):
    data = services.update_cofinancing(actor=request.user, partner_id=partnerId, data=set_in(body))
    return set_out(data, queries.fund_dtos(data))


@router.get("/project/partner/{partnerId}/budget/spf/cofinancing", response={200: CoFinancingOut}, by_alias=True,
            operation_id="getProjectPartnerSpfCoFinancing")
def get_project_partner_spf_co_financing(request, partnerId: int, version: str | None = None):  # noqa: N803
    view = queries.partner_view(actor=request.user, partner_id=partnerId, version=version)
    return set_out(view.spf_data, view.funds)


@router.put("/project/partner/{partnerId}/budget/spf/cofinancing", response={200: CoFinancingOut}, by_alias=True,
            operation_id="updateProjectPartnerSpfCoFinancing")
def update_project_partner_spf_co_financing(request, partnerId: int,  # noqa: N803
                                            body: ProjectPartnerCoFinancingAndContributionInputDTO):
    data = services.update_spf_cofinancing(actor=request.user, partner_id=partnerId, data=set_in(body))
    return set_out(data, queries.fund_dtos(data))


@router.get("/project/partner/byProjectId/{projectId}/withContributionSources",
            response={200: list[ProjectPartnerPaymentSummaryDTO]}, by_alias=True,
            operation_id="getProjectPartnersAndContributions")
def get_project_partners_and_contributions(request, projectId: int, version: str | None = None):  # noqa: N803
    _acc, partners, management, spf, funds, _totals = queries.project_view(actor=request.user, project_id=projectId,
                                                                          version=version)
    result = []
    for partner in partners:
        data = management.get(partner["id"]) or parts.empty()
        spf_data = spf.get(partner["id"]) or parts.empty()
        result.append({"partnerSummary": summary(partner),
                       "partnerCoFinancing": [funds[f["fundId"]] for f in data["finances"] if f["fundId"] in funds],
                       "partnerContributions": data["partnerContributions"],
                       "partnerContributionsSpf": spf_data["partnerContributions"]})
    return result


@router.get("/project/{projectId}/coFinancing", response={200: list[ProjectPartnerBudgetCoFinancingDTO]},
            by_alias=True, operation_id="getProjectCoFinancing")
def get_project_co_financing(request, projectId: int, version: str | None = None):  # noqa: N803
    _acc, partners, management, _spf, funds, totals = queries.project_view(actor=request.user, project_id=projectId,
                                                                          version=version)
    return [{"partner": summary(partner),
             "projectPartnerCoFinancingAndContributionOutputDTO": set_out(
                 management.get(partner["id"]) or parts.empty(), funds),
             "total": totals.get(partner["id"], queries.PartnerTotal()).total}
            for partner in partners]
