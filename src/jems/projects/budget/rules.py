"""What the project's call allows in a partner budget: offered flat rates, real costs per category, unit costs,
periods and the budget columns the application-form configuration shows (code lists, form fields 45–82).

`BudgetRules.of(project)` reads everything once (a fixed number of queries); services and pages share it."""

from dataclasses import dataclass, field

from django.db.models import Q

from jems.calls.models import CallType, FlatRateType
from jems.cost_options.codes import BudgetCategory
from jems.cost_options.models import ProgrammeUnitCost
from jems.finance.budget import period_count
from jems.projects.visibility import visible_fields

from .models import CostCategory

C = CostCategory
# partner option key -> the call's flat-rate type
FLAT_RATE_TYPES = {
    "staffCostsFlatRate": FlatRateType.STAFF_COSTS,
    "officeAndAdministrationOnStaffCostsFlatRate": FlatRateType.OFFICE_AND_ADMINISTRATION_ON_STAFF_COSTS,
    "officeAndAdministrationOnDirectCostsFlatRate": FlatRateType.OFFICE_AND_ADMINISTRATION_ON_OTHER_COSTS,
    "travelAndAccommodationOnStaffCostsFlatRate": FlatRateType.TRAVEL_AND_ACCOMMODATION_ON_STAFF_COSTS,
    "otherCostsOnStaffCostsFlatRate": FlatRateType.OTHER_COSTS_ON_STAFF_COSTS,
}
# category -> the programme unit-cost category of a single-category unit cost used in its list
UNIT_COST_CATEGORY = {C.STAFF: BudgetCategory.StaffCosts, C.TRAVEL: BudgetCategory.TravelAndAccommodationCosts,
                      C.EXTERNAL: BudgetCategory.ExternalCosts, C.EQUIPMENT: BudgetCategory.EquipmentCosts,
                      C.INFRASTRUCTURE: BudgetCategory.InfrastructureCosts}
# category -> Call attribute allowRealXxxCosts
REAL_COSTS_FLAG = {C.STAFF: "allow_real_staff_costs", C.TRAVEL: "allow_real_travel_and_accommodation_costs",
                   C.EXTERNAL: "allow_real_external_expertise_and_services_costs",
                   C.EQUIPMENT: "allow_real_equipment_costs", C.INFRASTRUCTURE: "allow_real_infrastructure_costs"}
# category -> form-configuration name prefix of its columns
FIELD_PREFIX = {C.STAFF: "PARTNER_BUDGET_STAFF_COST", C.TRAVEL: "PARTNER_BUDGET_TRAVEL_AND_ACCOMMODATION",
                C.EXTERNAL: "PARTNER_BUDGET_EXTERNAL_EXPERTISE", C.EQUIPMENT: "PARTNER_BUDGET_EQUIPMENT",
                C.INFRASTRUCTURE: "PARTNER_BUDGET_INFRASTRUCTURE_AND_WORKS", C.UNIT_COST: "PARTNER_BUDGET_UNIT_COSTS",
                C.SPF: "PARTNER_BUDGET_SPF"}
UNITS_FIELD = {c: f"{p}_UNIT_TYPE_AND_NUMBER_OF_UNITS" for c, p in FIELD_PREFIX.items()}
UNITS_FIELD[C.UNIT_COST] = "PARTNER_BUDGET_UNIT_COSTS__UNIT_TYPE_AND_NUMBER_OF_UNITS"
# column (row key) -> configuration suffix; staff rows: description = staff function (field 49)
COLUMN_SUFFIX = {"description": "_DESCRIPTION", "comments": "_COMMENTS", "awardProcedures": "_AWARD_PROCEDURE",
                 "investmentId": "_INVESTMENT", "pricePerUnit": "_PRICE_PER_UNIT"}
PERIODS_FIELD = "PARTNER_BUDGET_PERIODS"


@dataclass
class BudgetRules:
    """The call's budget settings for one project."""

    flat_rates: dict[str, tuple[int, bool]]  # option key -> (maximum rate, adjustable)
    real_costs: dict[str, bool]  # category -> real costs allowed
    unit_costs: dict[int, ProgrammeUnitCost]  # available to the project: the call's and the project's own
    multi_unit_costs_allowed: bool
    spf: bool
    periods: list[int]
    visible: frozenset = field(default_factory=frozenset)

    @classmethod
    def of(cls, project, duration: int | None = None) -> "BudgetRules":
        """The rules of the project's call; `duration` overrides the live duration (for past versions)."""
        call = project.call
        offered = {t: (r, a) for t, r, a in call.flat_rates.values_list("type", "rate", "adjustable")}
        flat_rates = {key: offered[t] for key, t in FLAT_RATE_TYPES.items() if t in offered}
        condition = Q(calls=call)
        if call.project_defined_unit_cost_allowed:
            condition |= Q(project=project)
        unit_costs = {u.pk: u for u in ProgrammeUnitCost.objects.filter(condition).distinct().order_by("id")}
        multi = call.project_defined_unit_cost_allowed or any(not u.one_cost_category for u in unit_costs.values())
        duration = project.duration if duration is None else duration
        return cls(flat_rates=flat_rates, real_costs={c: getattr(call, a) for c, a in REAL_COSTS_FLAG.items()},
                   unit_costs=unit_costs, multi_unit_costs_allowed=multi, spf=call.type == CallType.SPF,
                   periods=list(range(1, period_count(duration, call.length_of_period) + 1)),
                   visible=visible_fields(project))

    @property
    def periods_shown(self) -> bool:
        return PERIODS_FIELD in self.visible

    def units_shown(self, category: str) -> bool:
        """Unit type and number of units are shown for the category's rows."""
        return UNITS_FIELD[category] in self.visible

    def column_shown(self, category: str, key: str) -> bool:
        """A text/price/investment column of a category list is shown (always true for unknown columns)."""
        suffix = COLUMN_SUFFIX.get(key)
        if key == "description" and category == C.STAFF:
            return "PARTNER_BUDGET_STAFF_COST_STAFF_FUNCTION" in self.visible
        if suffix is None or (category, key) in ((C.STAFF, "awardProcedures"),):
            return True
        return f"{FIELD_PREFIX[category]}{suffix}" in self.visible

    def single_unit_costs(self, category: str) -> list[ProgrammeUnitCost]:
        """Single-category unit costs usable in a category list."""
        wanted = UNIT_COST_CATEGORY.get(category)
        return [u for u in self.unit_costs.values()
                if wanted and u.one_cost_category and list(u.categories or []) == [wanted]]

    def multi_unit_costs(self) -> list[ProgrammeUnitCost]:
        """Unit costs covering more than one category (the "unit costs" list)."""
        return [u for u in self.unit_costs.values() if not u.one_cost_category]
