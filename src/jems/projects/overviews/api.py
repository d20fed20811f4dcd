"""ProjectBudgetApi getProjectPartnerBudgetPerFund / getProjectPartnerBudgetPerPeriod, ProjectFundsApi
getProjectBudgetFundsPerPeriod and ProjectApi getProjectBudget / getProjectCoFinancingOverview: the computed
overviews of `queries.ProjectOverviews` in the contract's shapes (`?version=` reads a past version)."""

from ninja import Router

from . import queries
from .outputs import budget_out, co_financing_out, funds_per_period_out, per_fund_out, per_period_out
from .schemas import (
    ProjectBudgetOverviewPerPartnerPerPeriodDTO,
    ProjectCoFinancingOverviewDTO,
    ProjectFundsPerPeriodDTO,
    ProjectPartnerBudgetDTO,
    ProjectPartnerBudgetPerFundDTO,
)

router = Router(tags=["project"])


@router.get("/project/{projectId}/budget", response={200: list[ProjectPartnerBudgetDTO]}, by_alias=True,
            operation_id="getProjectBudget", summary="Returns project budget for all partners")
def get_project_budget(request, projectId: int, version: str | None = None):  # noqa: N803
    return budget_out(queries.load(actor=request.user, project_id=projectId, version=version))


@router.get("/project/{projectId}/coFinancingOverview", response={200: ProjectCoFinancingOverviewDTO},
            by_alias=True, operation_id="getProjectCoFinancingOverview",
            summary="Returns project co-financing for all partners")
def get_project_co_financing_overview(request, projectId: int, version: str | None = None):  # noqa: N803
    return co_financing_out(queries.load(actor=request.user, project_id=projectId, version=version))


@router.get("/project/{projectId}/budget/perFund", response={200: list[ProjectPartnerBudgetPerFundDTO]},
            by_alias=True, operation_id="getProjectPartnerBudgetPerFund", summary="Get project partner budget per fund")
def get_project_partner_budget_per_fund(request, projectId: int, version: str | None = None):  # noqa: N803
    return per_fund_out(queries.load(actor=request.user, project_id=projectId, version=version))


@router.get("/project/{projectId}/budget/perPeriod", response={200: ProjectBudgetOverviewPerPartnerPerPeriodDTO},
            by_alias=True, operation_id="getProjectPartnerBudgetPerPeriod",
            summary="Get project partner budget per period")
def get_project_partner_budget_per_period(request, projectId: int, version: str | None = None):  # noqa: N803
    return per_period_out(queries.load(actor=request.user, project_id=projectId, version=version))


@router.get("/project/{projectId}/funds/perPeriod", response={200: ProjectFundsPerPeriodDTO}, by_alias=True,
            operation_id="getProjectBudgetFundsPerPeriod", summary="Get project budget funds per period")
def get_project_budget_funds_per_period(request, projectId: int, version: str | None = None):  # noqa: N803
    return funds_per_period_out(queries.load(actor=request.user, project_id=projectId, version=version))
