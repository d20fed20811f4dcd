"""Contract schemas of the project budget overviews (ProjectBudgetApi, ProjectFundsApi, ProjectApi)."""

from enum import Enum

from jems.api.schemas import CamelSchema, DecimalNumber
from jems.core.translatable import TranslationOut
from jems.programme.codelists import FundType
from jems.programme.schemas import ProgrammeFundDTO
from jems.projects.partners.schemas import ProjectPartnerSummaryDTO

ProjectPartnerCostTypeDTO = Enum("ProjectPartnerCostTypeDTO", {"Spf": "Spf", "Management": "Management"},
                                 type=str, module=__name__)


class ProjectPartnerBudgetDTO(CamelSchema):
    partner: ProjectPartnerSummaryDTO
    staff_costs: DecimalNumber = 0
    travel_costs: DecimalNumber = 0
    external_costs: DecimalNumber = 0
    equipment_costs: DecimalNumber = 0
    infrastructure_costs: DecimalNumber = 0
    office_and_administration_costs: DecimalNumber = 0
    other_costs: DecimalNumber = 0
    total_sum: DecimalNumber = 0
    lump_sum_contribution: DecimalNumber = 0
    unit_costs: DecimalNumber = 0
    spf_costs: DecimalNumber


class PartnerBudgetPerFundDTO(CamelSchema):
    fund: ProgrammeFundDTO | None = None
    percentage: DecimalNumber
    percentage_of_total: DecimalNumber | None = None
    value: DecimalNumber


class ProjectPartnerBudgetPerFundDTO(CamelSchema):
    partner: ProjectPartnerSummaryDTO | None = None
    cost_type: ProjectPartnerCostTypeDTO | None = None
    budget_per_fund: list[PartnerBudgetPerFundDTO] = []
    public_contribution: DecimalNumber | None = None
    auto_public_contribution: DecimalNumber | None = None
    private_contribution: DecimalNumber | None = None
    total_partner_contribution: DecimalNumber | None = None
    total_eligible_budget: DecimalNumber | None = None
    percentage_of_total_eligible_budget: DecimalNumber | None = None


class ProjectPeriodBudgetDTO(CamelSchema):
    period_number: int
    period_start: int
    period_end: int
    total_budget_per_period: DecimalNumber = 0
    is_last_period: bool


class ProjectPartnerBudgetPerPeriodDTO(CamelSchema):
    partner: ProjectPartnerSummaryDTO
    period_budgets: list[ProjectPeriodBudgetDTO] = []
    total_partner_budget: DecimalNumber = 0
    cost_type: ProjectPartnerCostTypeDTO


class ProjectBudgetOverviewPerPartnerPerPeriodDTO(CamelSchema):
    partners_budget_per_period: list[ProjectPartnerBudgetPerPeriodDTO]
    totals: list[DecimalNumber]
    totals_percentage: list[DecimalNumber]


class ProjectPeriodFundDTO(CamelSchema):
    period_number: int
    total_funds_per_period: DecimalNumber = 0


class ProjectFundBudgetPerPeriodDTO(CamelSchema):
    fund: ProgrammeFundDTO
    cost_type: ProjectPartnerCostTypeDTO
    period_funds: list[ProjectPeriodFundDTO] = []
    total_fund_budget: DecimalNumber = 0


class ProjectFundsPerPeriodDTO(CamelSchema):
    management_funds_per_period: list[ProjectFundBudgetPerPeriodDTO]
    spf_funds_per_period: list[ProjectFundBudgetPerPeriodDTO]


class ProjectCoFinancingByFundOverviewDTO(CamelSchema):
    fund_id: int
    fund_type: FundType | None = None
    fund_abbreviation: list[TranslationOut] | None = None
    funding_amount: DecimalNumber = 0
    co_financing_rate: DecimalNumber = 0
    auto_public_contribution: DecimalNumber = 0
    other_public_contribution: DecimalNumber = 0
    total_public_contribution: DecimalNumber = 0
    private_contribution: DecimalNumber = 0
    total_contribution: DecimalNumber = 0
    total_fund_and_contribution: DecimalNumber = 0


class ProjectCoFinancingCategoryOverviewDTO(CamelSchema):
    fund_overviews: list[ProjectCoFinancingByFundOverviewDTO]
    total_funding_amount: DecimalNumber = 0
    total_eu_funding_amount: DecimalNumber = 0
    average_co_financing_rate: DecimalNumber = 0
    average_eu_financing_rate: DecimalNumber = 0
    total_auto_public_contribution: DecimalNumber = 0
    total_eu_auto_public_contribution: DecimalNumber = 0
    total_other_public_contribution: DecimalNumber = 0
    total_eu_other_public_contribution: DecimalNumber = 0
    total_public_contribution: DecimalNumber = 0
    total_eu_public_contribution: DecimalNumber = 0
    total_private_contribution: DecimalNumber = 0
    total_eu_private_contribution: DecimalNumber = 0
    total_contribution: DecimalNumber = 0
    total_eu_contribution: DecimalNumber = 0
    total_fund_and_contribution: DecimalNumber = 0
    total_eu_fund_and_contribution: DecimalNumber = 0


class ProjectCoFinancingOverviewDTO(CamelSchema):
    project_management_co_financing: ProjectCoFinancingCategoryOverviewDTO
    project_spf_co_financing: ProjectCoFinancingCategoryOverviewDTO
