"""Contract schemas of the co-financing operations (ProjectPartnerBudgetApi, ProjectPartnerApi, ProjectApi)."""

from enum import Enum

from pydantic import Field

from jems.api.schemas import CamelSchema, DecimalNumber
from jems.programme.schemas import ProgrammeFundDTO
from jems.projects.partners.schemas import ProjectPartnerSummaryDTO

from .models import ContributionStatus, FundType

ProjectPartnerCoFinancingFundTypeDTO = Enum("ProjectPartnerCoFinancingFundTypeDTO",
                                            {v: v for v in FundType.values}, type=str, module=__name__)
ProjectPartnerContributionStatusDTO = Enum("ProjectPartnerContributionStatusDTO",
                                           {v: v for v in ContributionStatus.values}, type=str, module=__name__)


class ProjectPartnerCoFinancingInputDTO(CamelSchema):
    fund_id: int | None = None
    fund_type: ProjectPartnerCoFinancingFundTypeDTO
    percentage: DecimalNumber | None = None


class ProjectPartnerCoFinancingOutputDTO(CamelSchema):
    fund: ProgrammeFundDTO | None = None
    fund_type: ProjectPartnerCoFinancingFundTypeDTO
    percentage: DecimalNumber


class ProjectPartnerContributionDTO(CamelSchema):
    id: int | None = None
    name: str | None = None
    status: ProjectPartnerContributionStatusDTO | None = None
    amount: DecimalNumber | None = None
    partner: bool


class ProjectPartnerCoFinancingAndContributionInputDTO(CamelSchema):
    finances: list[ProjectPartnerCoFinancingInputDTO] = []
    partner_contributions: list[ProjectPartnerContributionDTO] = []


class ProjectPartnerCoFinancingAndContributionOutputDTO(CamelSchema):
    finances: list[ProjectPartnerCoFinancingOutputDTO] = []
    partner_contributions: list[ProjectPartnerContributionDTO] = []


class ProjectPartnerBudgetCoFinancingDTO(CamelSchema):
    partner: ProjectPartnerSummaryDTO
    cofinancing: ProjectPartnerCoFinancingAndContributionOutputDTO | None = Field(
        default=None, alias="projectPartnerCoFinancingAndContributionOutputDTO")
    total: DecimalNumber | None = None


class ProjectPartnerPaymentSummaryDTO(CamelSchema):
    partner_summary: ProjectPartnerSummaryDTO
    partner_co_financing: list[ProgrammeFundDTO]
    partner_contributions: list[ProjectPartnerContributionDTO] = []
    partner_contributions_spf: list[ProjectPartnerContributionDTO] = []


def set_in(body: ProjectPartnerCoFinancingAndContributionInputDTO) -> dict:
    """The request body as the services' dict (enum values as text)."""
    return {"finances": [{"fundType": f.fund_type.value, "fundId": f.fund_id, "percentage": f.percentage}
                         for f in body.finances],
            "partnerContributions": [{"name": c.name, "status": c.status.value if c.status else None,
                                      "amount": c.amount, "partner": c.partner}
                                     for c in body.partner_contributions]}


def set_out(data: dict, funds: dict) -> dict:
    """A co-financing set as ProjectPartnerCoFinancingAndContributionOutputDTO; `funds` maps fund id → the
    ProgrammeFundDTO dict (the programme's funds as they are now)."""
    return {"finances": [{"fund": funds.get(f["fundId"]), "fundType": f["fundType"], "percentage": f["percentage"]}
                         for f in data["finances"]],
            "partnerContributions": list(data["partnerContributions"])}
