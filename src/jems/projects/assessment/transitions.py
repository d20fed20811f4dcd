"""The ONE transition table of the project status machine (workflows §1.3, §1.4).

Each `Transition` row says: from which statuses an action is allowed, where it goes, which project privilege it
needs, which guards must pass (each guard answers a refusal reason or None) and which side effects it has:

* `decision`   – the action takes a decision payload (date, note, entry-into-force date) stored on the new row;
* `pointer`    – the decision pointer (models.ProjectDecisions field) set to the new history row;
* `version`    – a new application version is opened before the status changes;
* `approved`   – the "last approved version" time is stored;
* `restore`    – reject modification: a MODIFICATION_REJECTED row is written, then a row with `target`.

Submit (DRAFT → SUBMITTED, resubmissions, conditions and modification submits) is served by
jems.projects.submission; it is listed in `SUBMIT_ROWS` for the pages only. The revert of the last decision is
`REVERTS`: current status → (allowed previous statuses, pointers cleared per previous status, extra clean-up).
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jems.accounts.privileges import Privilege as P
from jems.projects.models import ApplicationStatus as S
from jems.projects.models import is_in_step1


class Action:
    """The status actions (API operation ids in comments)."""

    SET_AS_ELIGIBLE = "set_as_eligible"  # setApplicationAsEligible
    SET_AS_INELIGIBLE = "set_as_ineligible"  # setApplicationAsIneligible
    APPROVE = "approve"  # approveApplication
    APPROVE_WITH_CONDITIONS = "approve_with_conditions"  # approveApplicationWithCondition
    REFUSE = "refuse"  # refuseApplication
    START_SECOND_STEP = "start_second_step"  # startSecondStep
    RETURN_TO_APPLICANT = "return_to_applicant"  # returnApplicationToApplicant
    HAND_BACK_TO_APPLICANT = "hand_back_to_applicant"  # handBackToApplicant
    START_MODIFICATION = "start_modification"  # startModification
    APPROVE_MODIFICATION = "approve_modification"  # approveModification
    REJECT_MODIFICATION = "reject_modification"  # rejectModification
    SET_TO_CONTRACTED = "set_to_contracted"  # setToContracted
    SET_TO_CLOSED = "set_to_closed"  # setToClosed
    REVERT_TO_CONTRACTED = "revert_to_contracted"  # revertToContracted
    REVERT = "revert"  # revertApplicationDecision


# The button labels of the actions (also the {action} of "project.status.action.not.allowed" in the UI).
ACTION_LABELS = {
    Action.SET_AS_ELIGIBLE: _("Set as eligible"), Action.SET_AS_INELIGIBLE: _("Set as ineligible"),
    Action.APPROVE: _("Approve"), Action.APPROVE_WITH_CONDITIONS: _("Approve with conditions"),
    Action.REFUSE: _("Not approve"), Action.START_SECOND_STEP: _("Start step 2"),
    Action.RETURN_TO_APPLICANT: _("Return to applicant"),
    Action.HAND_BACK_TO_APPLICANT: _("Hand back to applicant"),
    Action.START_MODIFICATION: _("Open modification"),
    Action.APPROVE_MODIFICATION: _("Approve modification"),
    Action.REJECT_MODIFICATION: _("Reject modification"),
    Action.SET_TO_CONTRACTED: _("Set to contracted"), Action.SET_TO_CLOSED: _("Set to closed"),
    Action.REVERT_TO_CONTRACTED: _("Revert to contracted"), Action.REVERT: _("Revert decision"),
}

# Jems error codes S-PA-PAA-0xx per action ("<action> is not allowed in status X").
ERROR_CODES = {action: f"S-PA-PAA-{n:03d}" for n, action in enumerate((
    Action.SET_AS_ELIGIBLE, Action.SET_AS_INELIGIBLE, Action.APPROVE, Action.APPROVE_WITH_CONDITIONS, Action.REFUSE,
    Action.START_SECOND_STEP, Action.RETURN_TO_APPLICANT, Action.HAND_BACK_TO_APPLICANT, Action.START_MODIFICATION,
    Action.APPROVE_MODIFICATION, Action.REJECT_MODIFICATION, Action.SET_TO_CONTRACTED, Action.SET_TO_CLOSED,
    Action.REVERT_TO_CONTRACTED, Action.REVERT), start=1)}


@dataclass(frozen=True)
class Guard:
    """A precondition: `check(ctx)` answers None when it passes, else (i18n key, args)."""

    name: str
    check: object


@dataclass(frozen=True)
class Transition:
    """One row of the table (see the module docstring)."""

    action: str
    sources: frozenset
    target: str
    privilege: P
    guards: tuple = ()
    decision: bool = False
    pointer: str | None = None
    version: bool = False
    approved: bool = False
    restore: bool = False
    entry_into_force: bool = field(default=False)


class Context:
    """What the guards look at: the project, its decisions, its assessments and the decision payload."""

    def __init__(self, project, decisions, eligibility_steps: set[int], quality_steps: set[int],
                 decision_date: date | None, now=None):
        self.project = project
        self.decisions = decisions
        self.eligibility_steps = eligibility_steps
        self.quality_steps = quality_steps
        self.decision_date = decision_date
        self.now = now or timezone.now()

    @property
    def step(self) -> int:
        return 1 if is_in_step1(self.project.status) else 2


def _eligibility_assessment(ctx: Context):
    if ctx.step not in ctx.eligibility_steps:
        return "project.decision.eligibility.assessment.missing", {"step": ctx.step}
    return None


def _quality_assessment(ctx: Context):
    if ctx.step not in ctx.quality_steps:
        return "project.decision.quality.assessment.missing", {"step": ctx.step}
    return None


def _funding_after_eligibility(ctx: Context):
    """The funding decision needs the step's eligibility decision and may not be dated before it."""
    row = ctx.decisions.eligibility_step1 if ctx.step == 1 else ctx.decisions.eligibility_step2
    if row is None or row.decision_date is None:
        return "project.decision.eligibility.decision.missing", {"step": ctx.step}
    if ctx.decision_date is not None and ctx.decision_date < row.decision_date:
        return "project.decision.funding.before.eligibility", {"eligibilityDate": row.decision_date.isoformat()}
    return None


def _step2_open(ctx: Context):
    """Start of step 2: now within the call's startDate … endDate."""
    call = ctx.project.call
    if not (call.start_date <= ctx.now <= call.end_date):
        return "project.decision.call.step2.not.open", {"end": call.end_date.isoformat()}
    return None


ELIGIBILITY_ASSESSMENT = Guard("eligibilityAssessment", _eligibility_assessment)
QUALITY_ASSESSMENT = Guard("qualityAssessment", _quality_assessment)
FUNDING_AFTER_ELIGIBILITY = Guard("fundingAfterEligibility", _funding_after_eligibility)
STEP2_OPEN = Guard("step2Open", _step2_open)

A = Action
T = Transition
ELIGIBILITY = (ELIGIBILITY_ASSESSMENT,)
FUNDING = (QUALITY_ASSESSMENT, FUNDING_AFTER_ELIGIBILITY)
CONDITIONS_FUNDING = (FUNDING_AFTER_ELIGIBILITY,)
one = frozenset

TRANSITIONS: tuple[Transition, ...] = (
    # step 1 (two-step calls)
    T(A.SET_AS_ELIGIBLE, one({S.STEP1_SUBMITTED}), S.STEP1_ELIGIBLE, P.ProjectStatusDecideEligible, ELIGIBILITY,
      decision=True, pointer="eligibility_step1"),
    T(A.SET_AS_INELIGIBLE, one({S.STEP1_SUBMITTED}), S.STEP1_INELIGIBLE, P.ProjectStatusDecideIneligible, ELIGIBILITY,
      decision=True, pointer="eligibility_step1"),
    T(A.APPROVE, one({S.STEP1_ELIGIBLE}), S.STEP1_APPROVED, P.ProjectStatusDecideApproved, FUNDING,
      decision=True, pointer="funding_step1"),
    T(A.APPROVE_WITH_CONDITIONS, one({S.STEP1_ELIGIBLE}), S.STEP1_APPROVED_WITH_CONDITIONS,
      P.ProjectStatusDecideApprovedWithConditions, FUNDING, decision=True, pointer="funding_step1"),
    T(A.REFUSE, one({S.STEP1_ELIGIBLE}), S.STEP1_NOT_APPROVED, P.ProjectStatusDecideNotApproved, FUNDING,
      decision=True, pointer="funding_step1"),
    T(A.START_SECOND_STEP, one({S.STEP1_APPROVED, S.STEP1_APPROVED_WITH_CONDITIONS}), S.DRAFT,
      P.ProjectStartStepTwo, (STEP2_OPEN,), version=True),
    # step 2 / single step
    T(A.SET_AS_ELIGIBLE, one({S.SUBMITTED}), S.ELIGIBLE, P.ProjectStatusDecideEligible, ELIGIBILITY,
      decision=True, pointer="eligibility_step2"),
    T(A.SET_AS_INELIGIBLE, one({S.SUBMITTED}), S.INELIGIBLE, P.ProjectStatusDecideIneligible, ELIGIBILITY,
      decision=True, pointer="eligibility_step2"),
    T(A.APPROVE, one({S.ELIGIBLE}), S.APPROVED, P.ProjectStatusDecideApproved, FUNDING,
      decision=True, pointer="funding_step2", approved=True),
    T(A.APPROVE_WITH_CONDITIONS, one({S.ELIGIBLE}), S.APPROVED_WITH_CONDITIONS,
      P.ProjectStatusDecideApprovedWithConditions, FUNDING, decision=True, pointer="pre_funding_step2"),
    T(A.REFUSE, one({S.ELIGIBLE}), S.NOT_APPROVED, P.ProjectStatusDecideNotApproved, FUNDING,
      decision=True, pointer="funding_step2"),
    T(A.APPROVE, one({S.APPROVED_WITH_CONDITIONS, S.CONDITIONS_SUBMITTED}), S.APPROVED, P.ProjectStatusDecideApproved,
      CONDITIONS_FUNDING, decision=True, pointer="funding_step2", approved=True),
    T(A.REFUSE, one({S.APPROVED_WITH_CONDITIONS, S.CONDITIONS_SUBMITTED}), S.NOT_APPROVED,
      P.ProjectStatusDecideNotApproved, CONDITIONS_FUNDING, decision=True, pointer="funding_step2"),
    # return to applicant (resubmission: submission app) and conditions
    T(A.RETURN_TO_APPLICANT, one({S.SUBMITTED, S.ELIGIBLE, S.APPROVED}), S.RETURNED_TO_APPLICANT,
      P.ProjectStatusReturnToApplicant, version=True),
    T(A.RETURN_TO_APPLICANT, one({S.APPROVED_WITH_CONDITIONS}), S.RETURNED_TO_APPLICANT_FOR_CONDITIONS,
      P.ProjectStatusReturnToApplicant, version=True),
    T(A.HAND_BACK_TO_APPLICANT, one({S.CONDITIONS_SUBMITTED}), S.RETURNED_TO_APPLICANT_FOR_CONDITIONS,
      P.ProjectStatusReturnToApplicant),
    # pre-contracting modification and contracting
    T(A.START_MODIFICATION, one({S.APPROVED}), S.MODIFICATION_PRECONTRACTING, P.ProjectOpenModification, version=True),
    T(A.HAND_BACK_TO_APPLICANT, one({S.MODIFICATION_PRECONTRACTING_SUBMITTED}), S.MODIFICATION_PRECONTRACTING,
      P.ProjectOpenModification),
    T(A.APPROVE_MODIFICATION, one({S.MODIFICATION_PRECONTRACTING_SUBMITTED}), S.APPROVED,
      P.ProjectStatusDecideModificationApproved, decision=True, pointer="modification", approved=True,
      entry_into_force=True),
    T(A.REJECT_MODIFICATION, one({S.MODIFICATION_PRECONTRACTING_SUBMITTED}), S.APPROVED,
      P.ProjectStatusDecideModificationNotApproved, decision=True, pointer="modification", restore=True),
    T(A.SET_TO_CONTRACTED, one({S.APPROVED}), S.CONTRACTED, P.ProjectSetToContracted, pointer="contracted"),
    # modification after contracting, closure
    T(A.START_MODIFICATION, one({S.CONTRACTED}), S.IN_MODIFICATION, P.ProjectOpenModification, version=True),
    T(A.HAND_BACK_TO_APPLICANT, one({S.MODIFICATION_SUBMITTED}), S.IN_MODIFICATION, P.ProjectOpenModification),
    T(A.APPROVE_MODIFICATION, one({S.MODIFICATION_SUBMITTED}), S.CONTRACTED,
      P.ProjectStatusDecideModificationApproved, decision=True, pointer="modification", approved=True,
      entry_into_force=True),
    T(A.REJECT_MODIFICATION, one({S.MODIFICATION_SUBMITTED}), S.CONTRACTED,
      P.ProjectStatusDecideModificationNotApproved, decision=True, pointer="modification", restore=True),
    T(A.SET_TO_CLOSED, one({S.CONTRACTED}), S.CLOSED, P.ProjectSetToContracted),
    T(A.REVERT_TO_CONTRACTED, one({S.CLOSED}), S.CONTRACTED, P.ProjectSetToContracted, pointer="contracted"),
)

# Submits handled by jems.projects.submission (from → to; None = the status held before the return).
SUBMIT_ROWS = {
    S.STEP1_DRAFT: S.STEP1_SUBMITTED, S.DRAFT: S.SUBMITTED, S.RETURNED_TO_APPLICANT: None,
    S.RETURNED_TO_APPLICANT_FOR_CONDITIONS: S.CONDITIONS_SUBMITTED,
    S.MODIFICATION_PRECONTRACTING: S.MODIFICATION_PRECONTRACTING_SUBMITTED,
    S.IN_MODIFICATION: S.MODIFICATION_SUBMITTED,
}


@dataclass(frozen=True)
class Revert:
    """Revert of the last decision (§1.4): allowed previous statuses → pointers to clear; `approved` also drops
    the approved-version time and the partner collaborators."""

    current: frozenset
    clears: dict
    approved: bool = False


_FUNDING2 = {S.ELIGIBLE: ("funding_step2",), S.APPROVED_WITH_CONDITIONS: ("funding_step2",),
             S.CONDITIONS_SUBMITTED: ("funding_step2",)}
REVERTS: tuple[Revert, ...] = (
    Revert(one({S.STEP1_ELIGIBLE, S.STEP1_INELIGIBLE}), {S.STEP1_SUBMITTED: ("eligibility_step1",)}),
    Revert(one({S.STEP1_APPROVED, S.STEP1_NOT_APPROVED}),
           {S.STEP1_ELIGIBLE: ("funding_step1",), S.STEP1_APPROVED_WITH_CONDITIONS: ("funding_step1",)}),
    Revert(one({S.STEP1_APPROVED_WITH_CONDITIONS}), {S.STEP1_ELIGIBLE: ("funding_step1",)}),
    Revert(one({S.ELIGIBLE, S.INELIGIBLE}), {S.SUBMITTED: ("eligibility_step2",)}),
    Revert(one({S.APPROVED_WITH_CONDITIONS}), {S.ELIGIBLE: ("pre_funding_step2",)}),
    Revert(one({S.APPROVED}), _FUNDING2, approved=True),
    Revert(one({S.NOT_APPROVED}), _FUNDING2),
)


def find(action: str, status: str) -> Transition | None:
    """The row for this action in this status, or None when the action is not allowed in it."""
    return next((t for t in TRANSITIONS if t.action == action and status in t.sources), None)


def privileges_of(action: str) -> set:
    """Every privilege any row of the action needs (to tell 403 from 422 in a status without the action)."""
    if action == Action.REVERT:
        return {P.ProjectStatusDecisionRevert}
    return {t.privilege for t in TRANSITIONS if t.action == action}


def revert_of(status: str) -> Revert | None:
    """The revert rule of the current status, or None (no decision to revert)."""
    return next((r for r in REVERTS if status in r.current), None)


def failing_guard(row: Transition, ctx: Context):
    """The first guard that refuses, as (i18n key, args), or None."""
    for guard in row.guards:
        reason = guard.check(ctx)
        if reason is not None:
            return reason
    return None
