"""The read layer of priorities and indicators, with privilege checks and fixed query counts.

Programme setup data needs ProgrammeSetupRetrieve. The indicator summaries are the exception: the
application form (C.4 outputs, C.5 results) offers them to every logged-in user.
"""

from django.db.models import Prefetch

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.core.errors import Forbidden, NotFound
from jems.core.pagination import PageRequest, paginate
from jems.programme.lock import is_setup_locked

from .codes import ProgrammeObjective, ProgrammeObjectivePolicy, objective_of, official_code
from .models import OutputIndicator, ProgrammePriority, ProgrammeSpecificObjective, ResultIndicator

OUTPUT_SORT_FIELDS = {
    "id": "id", "identifier": "identifier", "code": "code", "milestone": "milestone", "finalTarget": "final_target",
    "programmePriorityCode": "specific_objective__priority__code",
    "programmePriorityPolicyCode": "specific_objective__code",
    "programmePriorityPolicySpecificObjective": "specific_objective__programme_objective_policy",
    "resultIndicatorId": "result_indicator_id", "resultIndicatorIdentifier": "result_indicator__identifier",
}
RESULT_SORT_FIELDS = {
    "id": "id", "identifier": "identifier", "code": "code", "baseline": "baseline", "finalTarget": "final_target",
    "referenceYear": "reference_year",
    "programmePriorityCode": "specific_objective__priority__code",
    "programmePriorityPolicyCode": "specific_objective__code",
    "programmePriorityPolicySpecificObjective": "specific_objective__programme_objective_policy",
}


def _ordered_objectives():
    return Prefetch("specific_objectives", queryset=ProgrammeSpecificObjective.objects.order_by("id"))


def sorted_objectives(priority: ProgrammePriority) -> list[ProgrammeSpecificObjective]:
    """A priority's specific objectives in the order of the code list."""
    order = {policy: i for i, policy in enumerate(ProgrammeObjectivePolicy.values)}
    return sorted(priority.specific_objectives.all(), key=lambda so: order[so.programme_objective_policy])


def list_priorities(*, actor) -> list[ProgrammePriority]:
    """All priorities (by code) with their specific objectives: two queries."""
    require(actor, Privilege.ProgrammeSetupRetrieve)
    return list(ProgrammePriority.objects.prefetch_related(_ordered_objectives()))


def get_priority(*, actor, priority_id: int) -> ProgrammePriority:
    require(actor, Privilege.ProgrammeSetupRetrieve)
    priority = ProgrammePriority.objects.prefetch_related(_ordered_objectives()).filter(pk=priority_id).first()
    if priority is None:
        raise NotFound(key="programme.priority.not.found", args={"id": priority_id})
    return priority


def taken_policies(*, actor, exclude_priority_id: int | None = None) -> dict[str, str]:
    """{specific objective: code of its priority} for the objectives set up in other priorities."""
    require(actor, Privilege.ProgrammeSetupRetrieve)
    rows = ProgrammeSpecificObjective.objects.exclude(priority_id=exclude_priority_id)
    return dict(rows.values_list("programme_objective_policy", "priority__code"))


def policies_with_indicators() -> set[str]:
    """Specific objectives that output or result indicators refer to."""
    used = set(OutputIndicator.objects.filter(specific_objective__isnull=False)
               .values_list("specific_objective__programme_objective_policy", flat=True))
    used |= set(ResultIndicator.objects.filter(specific_objective__isnull=False)
                .values_list("specific_objective__programme_objective_policy", flat=True))
    return used


def policies_in_use() -> set[str]:
    """Specific objectives that cannot be taken out of their priority: those indicators or calls refer to, and,
    once the setup is locked, every one that is set up."""
    from jems.calls.models import Call

    if is_setup_locked():
        return set(ProgrammeSpecificObjective.objects.values_list("programme_objective_policy", flat=True))
    in_calls = Call.specific_objectives.through.objects.values_list(
        "programmespecificobjective__programme_objective_policy", flat=True)
    return policies_with_indicators() | set(in_calls)


def available_setup(*, actor) -> dict:
    """The free specific objectives per policy objective (objectives without a free one are left out) and
    the specific objectives already in use."""
    require(actor, Privilege.ProgrammeSetupRetrieve)
    taken = set(ProgrammeSpecificObjective.objects.values_list("programme_objective_policy", flat=True))
    free: dict[str, list[str]] = {}
    for policy in ProgrammeObjectivePolicy.values:
        if policy not in taken:
            free.setdefault(objective_of(policy), []).append(policy)
    ordered = {objective: free[objective] for objective in ProgrammeObjective.values if objective in free}
    in_use = policies_in_use()
    return {"free": ordered, "in_use": [p for p in ProgrammeObjectivePolicy.values if p in in_use]}


def set_up_specific_objectives(*, actor) -> list[ProgrammeSpecificObjective]:
    """The specific objectives of all priorities (for indicator forms), in code-list order: one query."""
    require(actor, Privilege.ProgrammeSetupRetrieve)
    order = {policy: i for i, policy in enumerate(ProgrammeObjectivePolicy.values)}
    objectives = ProgrammeSpecificObjective.objects.select_related("priority")
    return sorted(objectives, key=lambda so: (so.priority.code, order[so.programme_objective_policy]))


def specific_objective_label(so: ProgrammeSpecificObjective) -> str:
    """"<programme code> - <official code> <label>", as Jems' dropdowns show a specific objective."""
    policy = so.programme_objective_policy
    return f"{so.code} - {official_code(policy)} {ProgrammeObjectivePolicy(policy).label}"


# --- indicators ----------------------------------------------------------------------------------------


def _outputs():
    return OutputIndicator.objects.select_related("specific_objective__priority", "result_indicator")


def _results():
    return ResultIndicator.objects.select_related("specific_objective__priority")


def page_output_indicators(*, actor, page: PageRequest) -> tuple[list[OutputIndicator], int]:
    require(actor, Privilege.ProgrammeSetupRetrieve)
    return paginate(_outputs(), page)


def page_result_indicators(*, actor, page: PageRequest) -> tuple[list[ResultIndicator], int]:
    require(actor, Privilege.ProgrammeSetupRetrieve)
    return paginate(_results(), page)


def list_output_indicators(*, actor) -> list[OutputIndicator]:
    """All output indicators (at most 250) by identifier: one query."""
    require(actor, Privilege.ProgrammeSetupRetrieve)
    return list(_outputs().order_by("identifier", "id"))


def list_result_indicators(*, actor) -> list[ResultIndicator]:
    """All result indicators (at most 50) by identifier: one query."""
    require(actor, Privilege.ProgrammeSetupRetrieve)
    return list(_results().order_by("identifier", "id"))


def get_output_indicator(*, actor, indicator_id: int) -> OutputIndicator:
    require(actor, Privilege.ProgrammeSetupRetrieve)
    indicator = _outputs().filter(pk=indicator_id).first()
    if indicator is None:
        raise NotFound(key="programme.indicator.not.found", args={"id": indicator_id})
    return indicator


def get_result_indicator(*, actor, indicator_id: int) -> ResultIndicator:
    require(actor, Privilege.ProgrammeSetupRetrieve)
    indicator = _results().filter(pk=indicator_id).first()
    if indicator is None:
        raise NotFound(key="programme.indicator.not.found", args={"id": indicator_id})
    return indicator


def _require_logged_in(actor) -> None:
    if actor is None or not actor.is_authenticated:
        raise Forbidden()


def output_indicator_summaries(*, actor, policy: str | None = None) -> list[OutputIndicator]:
    """Output indicators in short form (all, or those of one specific objective); any logged-in user."""
    _require_logged_in(actor)
    indicators = _outputs().order_by("identifier", "id")
    if policy is not None:
        indicators = indicators.filter(specific_objective__programme_objective_policy=policy)
    return list(indicators)


def result_indicator_summaries(*, actor, policy: str | None = None) -> list[ResultIndicator]:
    """Result indicators in short form (all, or those of one specific objective); any logged-in user."""
    _require_logged_in(actor)
    indicators = _results().order_by("identifier", "id")
    if policy is not None:
        indicators = indicators.filter(specific_objective__programme_objective_policy=policy)
    return list(indicators)
