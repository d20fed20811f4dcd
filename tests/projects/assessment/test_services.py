"""Status machine services: every action from every one of the 24 statuses (allowed / refused with the reason),
guards, side effects (history, pointers, versions, audit, signal), the revert clean-up and the assessments."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jems.audit.models import AuditEvent
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.projects.assessment import services
from jems.projects.assessment import transitions as tt
from jems.projects.assessment.models import ProjectDecisions
from jems.projects.assessment.services import Decision
from jems.projects.models import ApplicationStatus as S
from jems.projects.models import ProjectStatusHistory, ProjectVersion
from jems.projects.partners.models import PartnerCollaborator, ProjectPartner
from jems.projects.signals import status_changed

from .conftest import DECIDED, assess, eligibility_decided, set_status

pytestmark = pytest.mark.django_db

# action → statuses in which it is allowed (§1.3), written out independently of the table
EXPECTED = {
    "set_as_eligible": {S.STEP1_SUBMITTED, S.SUBMITTED},
    "set_as_ineligible": {S.STEP1_SUBMITTED, S.SUBMITTED},
    "approve": {S.STEP1_ELIGIBLE, S.ELIGIBLE, S.APPROVED_WITH_CONDITIONS, S.CONDITIONS_SUBMITTED},
    "approve_with_conditions": {S.STEP1_ELIGIBLE, S.ELIGIBLE},
    "refuse": {S.STEP1_ELIGIBLE, S.ELIGIBLE, S.APPROVED_WITH_CONDITIONS, S.CONDITIONS_SUBMITTED},
    "start_second_step": {S.STEP1_APPROVED, S.STEP1_APPROVED_WITH_CONDITIONS},
    "return_to_applicant": {S.SUBMITTED, S.ELIGIBLE, S.APPROVED, S.APPROVED_WITH_CONDITIONS},
    "hand_back_to_applicant": {S.CONDITIONS_SUBMITTED, S.MODIFICATION_PRECONTRACTING_SUBMITTED,
                               S.MODIFICATION_SUBMITTED},
    "start_modification": {S.APPROVED, S.CONTRACTED},
    "approve_modification": {S.MODIFICATION_PRECONTRACTING_SUBMITTED, S.MODIFICATION_SUBMITTED},
    "reject_modification": {S.MODIFICATION_PRECONTRACTING_SUBMITTED, S.MODIFICATION_SUBMITTED},
    "set_to_contracted": {S.APPROVED},
    "set_to_closed": {S.CONTRACTED},
    "revert_to_contracted": {S.CLOSED},
}
TARGETS = {
    ("set_as_eligible", S.STEP1_SUBMITTED): S.STEP1_ELIGIBLE, ("set_as_eligible", S.SUBMITTED): S.ELIGIBLE,
    ("set_as_ineligible", S.STEP1_SUBMITTED): S.STEP1_INELIGIBLE, ("set_as_ineligible", S.SUBMITTED): S.INELIGIBLE,
    ("approve", S.STEP1_ELIGIBLE): S.STEP1_APPROVED, ("approve", S.ELIGIBLE): S.APPROVED,
    ("approve", S.APPROVED_WITH_CONDITIONS): S.APPROVED, ("approve", S.CONDITIONS_SUBMITTED): S.APPROVED,
    ("approve_with_conditions", S.STEP1_ELIGIBLE): S.STEP1_APPROVED_WITH_CONDITIONS,
    ("approve_with_conditions", S.ELIGIBLE): S.APPROVED_WITH_CONDITIONS,
    ("refuse", S.STEP1_ELIGIBLE): S.STEP1_NOT_APPROVED, ("refuse", S.ELIGIBLE): S.NOT_APPROVED,
    ("refuse", S.APPROVED_WITH_CONDITIONS): S.NOT_APPROVED, ("refuse", S.CONDITIONS_SUBMITTED): S.NOT_APPROVED,
    ("start_second_step", S.STEP1_APPROVED): S.DRAFT, ("start_second_step", S.STEP1_APPROVED_WITH_CONDITIONS): S.DRAFT,
    ("return_to_applicant", S.SUBMITTED): S.RETURNED_TO_APPLICANT,
    ("return_to_applicant", S.ELIGIBLE): S.RETURNED_TO_APPLICANT,
    ("return_to_applicant", S.APPROVED): S.RETURNED_TO_APPLICANT,
    ("return_to_applicant", S.APPROVED_WITH_CONDITIONS): S.RETURNED_TO_APPLICANT_FOR_CONDITIONS,
    ("hand_back_to_applicant", S.CONDITIONS_SUBMITTED): S.RETURNED_TO_APPLICANT_FOR_CONDITIONS,
    ("hand_back_to_applicant", S.MODIFICATION_PRECONTRACTING_SUBMITTED): S.MODIFICATION_PRECONTRACTING,
    ("hand_back_to_applicant", S.MODIFICATION_SUBMITTED): S.IN_MODIFICATION,
    ("start_modification", S.APPROVED): S.MODIFICATION_PRECONTRACTING,
    ("start_modification", S.CONTRACTED): S.IN_MODIFICATION,
    ("approve_modification", S.MODIFICATION_PRECONTRACTING_SUBMITTED): S.APPROVED,
    ("approve_modification", S.MODIFICATION_SUBMITTED): S.CONTRACTED,
    ("reject_modification", S.MODIFICATION_PRECONTRACTING_SUBMITTED): S.MODIFICATION_REJECTED,
    ("reject_modification", S.MODIFICATION_SUBMITTED): S.MODIFICATION_REJECTED,
    ("set_to_contracted", S.APPROVED): S.CONTRACTED, ("set_to_closed", S.CONTRACTED): S.CLOSED,
    ("revert_to_contracted", S.CLOSED): S.CONTRACTED,
}
ACTIONS = list(EXPECTED)
DECISION = Decision(date=DECIDED, note="ok", entry_into_force_date=DECIDED)


def prepare(project, status, user):
    """Status with a history and assessments so that every guard passes."""
    eligibility = set_status(project, S.STEP1_SUBMITTED if status.startswith("STEP1_") else S.SUBMITTED, user=user)
    set_status(project, status, user=user)
    step = 1 if status.startswith("STEP1_") else 2
    assess(project, step, user)
    eligibility_decided(project, step, eligibility)


def test_the_table_has_every_transition():
    assert len(tt.TRANSITIONS) == 27
    assert {t.action for t in tt.TRANSITIONS} == set(ACTIONS) == set(tt.ERROR_CODES) - {"revert"}
    allowed = {a: {s for t in tt.TRANSITIONS if t.action == a for s in t.sources} for a in ACTIONS}
    assert allowed == EXPECTED
    assert len(tt.REVERTS) == 7 and len(tt.SUBMIT_ROWS) == 6


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("action", ACTIONS)
def test_every_action_in_every_status(project, admin_user, django_capture_on_commit_callbacks, status, action):
    prepare(project, status, admin_user)
    if status not in EXPECTED[action]:
        with pytest.raises(ValidationFailed) as refused:
            services.transition(actor=admin_user, project_id=project.pk, action=action, data=DECISION)
        assert refused.value.key == "project.status.action.not.allowed"
        assert refused.value.args_ == {"action": action, "status": status}
        assert refused.value.code == tt.ERROR_CODES[action]
        return
    received = []

    def receiver(**kwargs):
        received.append((kwargs["old_status"], kwargs["new_status"], kwargs["actor"], kwargs["reverted"]))

    status_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            answer = services.transition(actor=admin_user, project_id=project.pk, action=action, data=DECISION)
    finally:
        status_changed.disconnect(receiver)
    assert answer == TARGETS[(action, status)]
    project.refresh_from_db()
    assert project.current_status.status == project.status
    assert received == [(status, answer, admin_user, False)]
    assert AuditEvent.objects.filter(action="APPLICATION_STATUS_CHANGED",
                                     description=f"Project application status changed from {status} to {answer}")


def test_guards_refuse_with_reason(project, admin_user):
    set_status(project, S.SUBMITTED)
    with pytest.raises(ValidationFailed) as refused:
        services.transition(actor=admin_user, project_id=project.pk, action="set_as_eligible", data=DECISION)
    assert refused.value.key == "project.decision.eligibility.assessment.missing"
    services.set_eligibility_assessment(actor=admin_user, project_id=project.pk, result="FAILED", note=None)
    assert services.transition(actor=admin_user, project_id=project.pk, action="set_as_eligible",
                               data=DECISION) == S.ELIGIBLE
    with pytest.raises(ValidationFailed) as refused:
        services.transition(actor=admin_user, project_id=project.pk, action="approve", data=DECISION)
    assert refused.value.key == "project.decision.quality.assessment.missing"
    services.set_quality_assessment(actor=admin_user, project_id=project.pk, result="NOT_RECOMMENDED", note="x")
    with pytest.raises(ValidationFailed) as refused:
        services.transition(actor=admin_user, project_id=project.pk, action="approve",
                            data=Decision(date=DECIDED - timedelta(days=1)))
    assert refused.value.key == "project.decision.funding.before.eligibility"
    assert services.transition(actor=admin_user, project_id=project.pk, action="approve",
                               data=Decision(date=DECIDED)) == S.APPROVED


@pytest.mark.parametrize(("data", "errors"), [
    (Decision(), {"date"}),
    (Decision(date=timezone.localdate() + timedelta(days=1)), {"date"}),
    (Decision(date=DECIDED, note="x" * 10_001), {"note"}),
])
def test_decision_payload(project, admin_user, data, errors):
    prepare(project, S.SUBMITTED, admin_user)
    with pytest.raises(ValidationFailed) as refused:
        services.transition(actor=admin_user, project_id=project.pk, action="set_as_eligible", data=data)
    assert set(refused.value.form_errors) == errors


def test_modification_decision_needs_entry_into_force_and_no_unknown_corrections(project, admin_user):
    set_status(project, S.APPROVED, S.MODIFICATION_PRECONTRACTING, S.MODIFICATION_PRECONTRACTING_SUBMITTED)
    with pytest.raises(ValidationFailed) as refused:
        services.transition(actor=admin_user, project_id=project.pk, action="approve_modification",
                            data=Decision(date=DECIDED, correction_ids=[5]))
    assert set(refused.value.form_errors) == {"entryIntoForceDate", "correctionIds"}


def test_start_second_step_needs_the_call_open(project, admin_user, open_call):
    set_status(project, S.STEP1_APPROVED)
    open_call.end_date = timezone.now() - timedelta(minutes=1)
    open_call.save()
    with pytest.raises(ValidationFailed) as refused:
        services.transition(actor=admin_user, project_id=project.pk, action="start_second_step")
    assert refused.value.key == "project.decision.call.step2.not.open"


def test_versions_opened_by_returns_steps_and_modifications(project, admin_user):
    set_status(project, S.SUBMITTED)
    services.transition(actor=admin_user, project_id=project.pk, action="return_to_applicant")
    assert list(ProjectVersion.objects.filter(project=project).values_list("version", flat=True)) == ["1.0", "2.0"]
    set_status(project, S.CONDITIONS_SUBMITTED)
    services.transition(actor=admin_user, project_id=project.pk, action="hand_back_to_applicant")
    assert ProjectVersion.objects.filter(project=project).count() == 2  # hand back: no version


def test_reject_modification_records_the_rejection_and_ends_approved(project, admin_user):
    set_status(project, S.APPROVED, S.MODIFICATION_PRECONTRACTING, S.MODIFICATION_PRECONTRACTING_SUBMITTED)
    answer = services.transition(actor=admin_user, project_id=project.pk, action="reject_modification",
                                 data=Decision(date=DECIDED, note="no"))
    project.refresh_from_db()
    assert answer == S.MODIFICATION_REJECTED and project.status == S.APPROVED
    rows = list(ProjectStatusHistory.objects.filter(project=project).values_list("status", flat=True))
    assert rows[-2:] == [S.MODIFICATION_REJECTED, S.APPROVED]
    assert ProjectDecisions.objects.get(project=project).modification.status == S.MODIFICATION_REJECTED


def test_refusals_403_404(project, applicant, programme_user, monitor):
    set_status(project, S.SUBMITTED)
    with pytest.raises(Forbidden):  # the applicant sees the project but may not decide
        services.transition(actor=applicant, project_id=project.pk, action="set_as_eligible", data=DECISION)
    with pytest.raises(NotFound):
        services.transition(actor=monitor, project_id=project.pk, action="set_as_eligible", data=DECISION)
    with pytest.raises(Forbidden):
        services.revert(actor=applicant, project_id=project.pk)
    with pytest.raises(Forbidden):
        services.set_eligibility_assessment(actor=applicant, project_id=project.pk, result="PASSED", note=None)


# --- revert (§1.4) ------------------------------------------------------------------------------------------

REVERT_CASES = [
    ([S.STEP1_SUBMITTED, S.STEP1_ELIGIBLE], "eligibility_step1"),
    ([S.STEP1_SUBMITTED, S.STEP1_INELIGIBLE], "eligibility_step1"),
    ([S.STEP1_ELIGIBLE, S.STEP1_APPROVED], "funding_step1"),
    ([S.STEP1_APPROVED_WITH_CONDITIONS, S.STEP1_APPROVED], "funding_step1"),
    ([S.STEP1_ELIGIBLE, S.STEP1_APPROVED_WITH_CONDITIONS], "funding_step1"),
    ([S.STEP1_ELIGIBLE, S.STEP1_NOT_APPROVED], "funding_step1"),
    ([S.SUBMITTED, S.ELIGIBLE], "eligibility_step2"),
    ([S.SUBMITTED, S.INELIGIBLE], "eligibility_step2"),
    ([S.ELIGIBLE, S.APPROVED_WITH_CONDITIONS], "pre_funding_step2"),
    ([S.ELIGIBLE, S.APPROVED], "funding_step2"),
    ([S.APPROVED_WITH_CONDITIONS, S.APPROVED], "funding_step2"),
    ([S.CONDITIONS_SUBMITTED, S.APPROVED], "funding_step2"),
    ([S.ELIGIBLE, S.NOT_APPROVED], "funding_step2"),
    ([S.CONDITIONS_SUBMITTED, S.NOT_APPROVED], "funding_step2"),
]
POINTERS = ("eligibility_step1", "funding_step1", "eligibility_step2", "pre_funding_step2", "funding_step2",
            "modification", "contracted")


@pytest.mark.parametrize(("statuses", "cleared"), REVERT_CASES)
def test_revert_clears_exactly_its_decision(project, admin_user, django_capture_on_commit_callbacks, statuses,
                                            cleared):
    previous = set_status(project, statuses[0])
    latest = set_status(project, statuses[1])
    anchor = ProjectStatusHistory.objects.filter(project=project).first()
    ProjectDecisions.objects.create(project=project, approved_version_at=timezone.now(),
                                    **{name: anchor for name in POINTERS} | {cleared: latest})
    assert services.status_to_revert_to(actor=admin_user, project_id=project.pk) == statuses[0]
    with django_capture_on_commit_callbacks(execute=True):
        assert services.revert(actor=admin_user, project_id=project.pk) == statuses[0]
    project.refresh_from_db()
    assert project.status == statuses[0] and project.current_status == previous
    assert not ProjectStatusHistory.objects.filter(pk=latest.pk).exists()
    decisions = ProjectDecisions.objects.get(project=project)
    assert {name for name in POINTERS if getattr(decisions, name + "_id") is None} == {cleared}
    assert (decisions.approved_version_at is None) == (statuses[1] == S.APPROVED)


def test_revert_from_approved_drops_partner_collaborators(project, admin_user, applicant,
                                                         django_capture_on_commit_callbacks):
    partner = ProjectPartner.objects.create(project=project, abbreviation="LP", role="LEAD_PARTNER", sort_number=1)
    PartnerCollaborator.objects.create(partner=partner, user=applicant, level="EDIT")
    set_status(project, S.ELIGIBLE, S.APPROVED)
    with django_capture_on_commit_callbacks(execute=True):
        services.revert(actor=admin_user, project_id=project.pk)
    assert not PartnerCollaborator.objects.filter(partner=partner).exists()


@pytest.mark.parametrize("statuses", [
    [S.DRAFT], [S.SUBMITTED], [S.RETURNED_TO_APPLICANT, S.APPROVED], [S.MODIFICATION_SUBMITTED, S.CONTRACTED],
    [S.MODIFICATION_PRECONTRACTING_SUBMITTED, S.APPROVED], [S.APPROVED, S.CONTRACTED], [S.CONTRACTED, S.CLOSED],
])
def test_revert_refused_when_nothing_to_revert(project, admin_user, statuses):
    set_status(project, *statuses)
    assert services.status_to_revert_to(actor=admin_user, project_id=project.pk) is None
    with pytest.raises(ValidationFailed) as refused:
        services.revert(actor=admin_user, project_id=project.pk)
    assert refused.value.code == tt.ERROR_CODES["revert"]


# --- assessments (§1.5) -------------------------------------------------------------------------------------

def test_assessments_once_per_step_in_allowed_statuses(project, admin_user):
    with pytest.raises(ValidationFailed) as refused:
        services.set_eligibility_assessment(actor=admin_user, project_id=project.pk, result="PASSED", note=None)
    assert refused.value.key == "project.assessment.status.not.allowed"
    set_status(project, S.STEP1_SUBMITTED)
    services.set_eligibility_assessment(actor=admin_user, project_id=project.pk, result="PASSED", note="fine")
    with pytest.raises(ValidationFailed) as refused:
        services.set_eligibility_assessment(actor=admin_user, project_id=project.pk, result="FAILED", note=None)
    assert refused.value.key == "project.assessment.already.concluded"
    set_status(project, S.SUBMITTED)  # step 2 has its own assessment
    services.set_eligibility_assessment(actor=admin_user, project_id=project.pk, result="FAILED", note=None)
    set_status(project, S.ELIGIBLE)
    services.set_quality_assessment(actor=admin_user, project_id=project.pk, result="RECOMMENDED_WITH_CONDITIONS",
                                    note=None)
    assert AuditEvent.objects.filter(action="ELIGIBILITY_ASSESSMENT_CONCLUDED",
                                     description="Project application eligibility assessment (step 1) concluded "
                                                 "as PASSED").exists()
    assert AuditEvent.objects.filter(action="QUALITY_ASSESSMENT_CONCLUDED").count() == 1


@pytest.mark.parametrize(("result", "note", "field"), [("MAYBE", None, "result"), ("PASSED", "x" * 1001, "note")])
def test_assessment_input(project, admin_user, result, note, field):
    set_status(project, S.SUBMITTED)
    with pytest.raises(ValidationFailed) as refused:
        services.set_eligibility_assessment(actor=admin_user, project_id=project.pk, result=result, note=note)
    assert set(refused.value.form_errors) == {field}
