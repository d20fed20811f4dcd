"""The rules of the application-form field configuration (features.md §3.6, code-lists.md §5):
which statuses each field allows per call type, its default, the budget dependency and the
after-publication rule. Pure functions over the catalogue; no database access."""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .catalogue import FIELD_ROWS


class FieldVisibility(models.TextChoices):
    """Jems `FieldVisibilityStatus` (on the API: `StepSelectionOptionDTO`)."""

    NONE = "NONE", _("Hidden")
    STEP_ONE_AND_TWO = "STEP_ONE_AND_TWO", _("Step 1 & 2")
    STEP_TWO_ONLY = "STEP_TWO_ONLY", _("Step 2 only")


NONE = FieldVisibility.NONE.value
BOTH = FieldVisibility.STEP_ONE_AND_TWO.value
STEP_TWO = FieldVisibility.STEP_TWO_ONLY.value

# How visible a status is: a published call may only move a field up this scale.
RANK = {NONE: 0, STEP_TWO: 1, BOTH: 2}

BUDGET_PARENT = "PARTNER_BUDGET_AND_CO_FINANCING"

# Fields that take the status of "Budget & Co-financing" on save unless they are NONE (code-lists §5.3).
BUDGET_FOLLOWERS = frozenset("""
PARTNER_ADD_NEW_CONTRIBUTION_ORIGIN PARTNER_BUDGET_PERIODS PROJECT_LUMP_SUMS_DESCRIPTION
PARTNER_BUDGET_STAFF_COST_STAFF_FUNCTION PARTNER_BUDGET_STAFF_COST_COMMENTS
PARTNER_BUDGET_STAFF_COST_UNIT_TYPE_AND_NUMBER_OF_UNITS PARTNER_BUDGET_STAFF_COST_PRICE_PER_UNIT
PARTNER_BUDGET_TRAVEL_AND_ACCOMMODATION_DESCRIPTION PARTNER_BUDGET_TRAVEL_AND_ACCOMMODATION_COMMENTS
PARTNER_BUDGET_TRAVEL_AND_ACCOMMODATION_UNIT_TYPE_AND_NUMBER_OF_UNITS PARTNER_BUDGET_TRAVEL_AND_ACCOMMODATION_PRICE_PER_UNIT
PARTNER_BUDGET_EXTERNAL_EXPERTISE_DESCRIPTION PARTNER_BUDGET_EXTERNAL_EXPERTISE_COMMENTS
PARTNER_BUDGET_EXTERNAL_EXPERTISE_AWARD_PROCEDURE PARTNER_BUDGET_EXTERNAL_EXPERTISE_INVESTMENT
PARTNER_BUDGET_EXTERNAL_EXPERTISE_UNIT_TYPE_AND_NUMBER_OF_UNITS PARTNER_BUDGET_EXTERNAL_EXPERTISE_PRICE_PER_UNIT
PARTNER_BUDGET_EQUIPMENT_DESCRIPTION PARTNER_BUDGET_EQUIPMENT_COMMENTS PARTNER_BUDGET_EQUIPMENT_AWARD_PROCEDURE
PARTNER_BUDGET_EQUIPMENT_INVESTMENT PARTNER_BUDGET_EQUIPMENT_UNIT_TYPE_AND_NUMBER_OF_UNITS
PARTNER_BUDGET_EQUIPMENT_PRICE_PER_UNIT PARTNER_BUDGET_INFRASTRUCTURE_AND_WORKS_DESCRIPTION
PARTNER_BUDGET_INFRASTRUCTURE_AND_WORKS_COMMENTS PARTNER_BUDGET_INFRASTRUCTURE_AND_WORKS_AWARD_PROCEDURE
PARTNER_BUDGET_INFRASTRUCTURE_AND_WORKS_INVESTMENT PARTNER_BUDGET_INFRASTRUCTURE_AND_WORKS_UNIT_TYPE_AND_NUMBER_OF_UNITS
PARTNER_BUDGET_INFRASTRUCTURE_AND_WORKS_PRICE_PER_UNIT PARTNER_BUDGET_UNIT_COSTS_PROGRAMME_UNIT_COSTS
PARTNER_BUDGET_UNIT_COSTS_DESCRIPTION PARTNER_BUDGET_UNIT_COSTS__UNIT_TYPE_AND_NUMBER_OF_UNITS
PARTNER_BUDGET_UNIT_COSTS_PRICE_PER_UNIT PARTNER_BUDGET_SPF_DESCRIPTION PARTNER_BUDGET_SPF_COMMENTS
PARTNER_BUDGET_SPF_UNIT_TYPE_AND_NUMBER_OF_UNITS PARTNER_BUDGET_SPF_PRICE_PER_UNIT
""".split())

_INVESTMENT_HIDDEN_SPF = {
    "PROJECT_INVESTMENT_TITLE", "PROJECT_INVESTMENT_PERIOD",
    "PROJECT_INVESTMENT_CROSS_BORDER_TRANSNATIONAL_RELEVANCE_OF_INVESTMENT", "PROJECT_INVESTMENT_WHO_IS_BENEFITING",
    "PROJECT_INVESTMENT_PILOT_CLARIFICATION", "PROJECT_INVESTMENT_COUNTRY", "PROJECT_INVESTMENT_STREET",
    "PROJECT_INVESTMENT_HOUSE_NUMBER", "PROJECT_INVESTMENT_POSTAL_CODE", "PROJECT_INVESTMENT_CITY",
    "PROJECT_INVESTMENT_RISK", "PROJECT_INVESTMENT_DOCUMENTATION", "PROJECT_INVESTMENT_DOCUMENTATION_EXPECTED_IMPACTS",
    "PROJECT_INVESTMENT_WHO_OWNS_THE_INVESTMENT_SITE", "PROJECT_INVESTMENT_OWNERSHIP_AFTER_END_OF_PROJECT",
    "PROJECT_INVESTMENT_MAINTENANCE",
}
# Rows the configuration page does not show (they keep their stored value), per call type (§5.3).
HIDDEN_SPF = frozenset({"PARTNER_ROLE", *_INVESTMENT_HIDDEN_SPF} | {
    f"PARTNER_BUDGET_INFRASTRUCTURE_AND_WORKS_{part}" for part in (
        "DESCRIPTION", "COMMENTS", "AWARD_PROCEDURE", "INVESTMENT", "UNIT_TYPE_AND_NUMBER_OF_UNITS", "PRICE_PER_UNIT")})
HIDDEN_STANDARD = frozenset({"PARTNER_BUDGET_SPF_DESCRIPTION", "PARTNER_BUDGET_SPF_COMMENTS",
                             "PARTNER_BUDGET_SPF_UNIT_TYPE_AND_NUMBER_OF_UNITS", "PARTNER_BUDGET_SPF_PRICE_PER_UNIT",
                             "PROJECT_RECIPIENT_GROUP"})
# SPF calls show these at creation although NONE is allowed (§5.3).
SPF_VISIBLE_BY_DEFAULT = frozenset({"PROJECT_COMMUNICATION_APPROACH", "PROJECT_DURABILITY", "PROJECT_OWNERSHIP",
                                    "PROJECT_TRANSFERABILITY"})


@dataclass(frozen=True)
class FieldSetting:
    """One configurable field of the application form (Jems `ApplicationFormFieldSetting`)."""

    number: int
    enum: str
    id: str
    label: Promise  # translatable (gettext_lazy), as are section and group
    section: Promise
    group: Promise
    allowed_standard: tuple[str, ...]
    allowed_spf: tuple[str, ...]
    default_standard: str | None
    default_spf: str | None

    def exists_in(self, spf: bool) -> bool:
        """Whether Jems creates a configuration row for this field in calls of this type."""
        return (self.default_spf if spf else self.default_standard) is not None

    def allowed(self, spf: bool) -> tuple[str, ...]:
        """The statuses a call of this type may give the field (fields without a row there: NONE only)."""
        if not self.exists_in(spf):
            return (NONE,)
        return self.allowed_spf if spf else self.allowed_standard

    def default(self, spf: bool) -> str:
        """The status of the field in a new call (§5.1 rule)."""
        allowed = self.allowed(spf)
        if spf and self.enum in SPF_VISIBLE_BY_DEFAULT and STEP_TWO in allowed:
            return STEP_TWO
        if NONE in allowed:
            return NONE
        return STEP_TWO if STEP_TWO in allowed else BOTH

    def visibility_locked(self, spf: bool) -> bool:
        return NONE not in self.allowed(spf)

    def step_selection_locked(self, spf: bool) -> bool:
        allowed = self.allowed(spf)
        return not (BOTH in allowed and STEP_TWO in allowed)

    def hidden_on_page(self, spf: bool) -> bool:
        return self.enum in (HIDDEN_SPF if spf else HIDDEN_STANDARD)

    @property
    def follows_budget(self) -> bool:
        return self.enum in BUDGET_FOLLOWERS


FIELDS: tuple[FieldSetting, ...] = tuple(FieldSetting(*row) for row in FIELD_ROWS)
BY_ID: dict[str, FieldSetting] = {field.id: field for field in FIELDS}
BY_ENUM: dict[str, FieldSetting] = {field.enum: field for field in FIELDS}
BUDGET_PARENT_ID = BY_ENUM[BUDGET_PARENT].id


def effective(stored: dict[str, str], *, spf: bool) -> dict[str, str]:
    """The status of every field in a call: the stored one when the call type allows it, else the default."""
    result = {}
    for field in FIELDS:
        value = stored.get(field.id)
        result[field.id] = value if value in field.allowed(spf) else field.default(spf)
    return result


def apply_budget_dependency(values: dict[str, str]) -> dict[str, str]:
    """Budget fields that are shown take the status of "Budget & Co-financing" (§5.1)."""
    parent = values[BUDGET_PARENT_ID]
    return {field_id: (parent if BY_ID[field_id].follows_budget and value != NONE and parent != NONE else value)
            for field_id, value in values.items()}


def widening_targets(field: FieldSetting, current: str, *, spf: bool, published: bool) -> tuple[str, ...]:
    """The statuses the field may take now: all allowed ones, or after publication only those at least as
    visible as the current one (never hidden again, never from "1 & 2" back to "2 only")."""
    allowed = field.allowed(spf)
    if not published:
        return allowed
    return tuple(value for value in allowed if RANK[value] >= RANK[current])
