"""Submit and check services: plugin selection per call, the submit rules (status, previous status, call window,
right to submit, check), the status-history row, audit rows and (no) versions."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from jems.audit.models import AuditEvent
from jems.calls import plugins
from jems.calls.models import Call, CallStatus
from jems.core.errors import DependencyFailed, Forbidden, NotFound, ValidationFailed
from jems.priorities.models import ProgrammePriority, ProgrammeSpecificObjective
from jems.projects import services as project_services
from jems.projects.models import Project, ProjectStatusHistory, ProjectVersion
from jems.projects.submission import services
from jems.projects.submission.standard_check import KEY

from .conftest import complete, use_plugin

pytestmark = pytest.mark.django_db


def set_status(project, *statuses, user=None):
    """Append history rows (as the later transitions will) and make the last one current."""
    for status in statuses:
        row = ProjectStatusHistory.objects.create(project=project, status=status, user=user or project.applicant,
                                                  decision_date=date(2026, 1, 15), note=f"note {status}")
    Project.objects.filter(pk=project.pk).update(status=statuses[-1], current_status=row)


def two_step_call(**dates):
    now = timezone.now()
    values = {"start_date": now - timedelta(days=2), "end_date_step1": now + timedelta(days=5),
              "end_date": now + timedelta(days=30), **dates}
    call = Call.objects.create(name="Two steps", status=CallStatus.PUBLISHED, **values)
    priority = ProgrammePriority.objects.create(code="P9", title={"EN": "Greener"}, objective="PO2")
    call.specific_objectives.add(ProgrammeSpecificObjective.objects.create(
        priority=priority, programme_objective_policy="ClimateChange", code="SO2.4"))
    return call


# --- plugin selection ---------------------------------------------------------------------------------------


def test_standard_plugin_is_offered_and_runs(ready, applicant):
    assert plugins.is_known(plugins.PRE_SUBMISSION_CHECK, KEY)
    assert (KEY, "Standard pre-submission check") in [(k, str(label)) for k, label in
                                                      plugins.options(plugins.PRE_SUBMISSION_CHECK)]
    result = services.check(actor=applicant, project_id=ready.pk)
    assert result.submission_allowed and len(result.messages) == 4
    called = AuditEvent.objects.filter(action__in=("PLUGIN_CALLED", "PLUGIN_EXECUTED")).order_by("id")
    assert [(e.action, e.user_id) for e in called] == [("PLUGIN_CALLED", applicant.pk),
                                                        ("PLUGIN_EXECUTED", applicant.pk)]


@pytest.mark.parametrize(("key", "allowed", "keys"), [
    (plugins.NO_CHECK, True, []), (None, True, []), ("", True, []),
    (plugins.BLOCKED, False, ["project.check.blocked"]),
])
def test_pseudo_plugins(project, applicant, key, allowed, keys):
    use_plugin(project.call, key)
    result = services.check(actor=applicant, project_id=project.pk)
    assert result.submission_allowed is allowed and [m.key for m in result.messages] == keys


def test_unknown_plugin_is_424(project, applicant):
    use_plugin(project.call, "removed-plugin")
    with pytest.raises(DependencyFailed) as failed:
        services.check(actor=applicant, project_id=project.pk)
    assert failed.value.status == 424 and failed.value.args_ == {"pluginKey": "removed-plugin"}


def test_step_one_uses_the_first_step_plugin(applicant, languages):
    call = two_step_call()
    use_plugin(call, key=plugins.BLOCKED, first_step=plugins.NO_CHECK)
    project = project_services.create_project(actor=applicant, call_id=call.pk, acronym="S1")
    assert services.check(actor=applicant, project_id=project.pk).submission_allowed
    use_plugin(call, key=plugins.NO_CHECK, first_step=plugins.BLOCKED)
    assert not services.check(actor=applicant, project_id=project.pk).submission_allowed


def test_an_external_plugin_registered_with_the_manager_runs(project, applicant):
    class Programme:
        key, plugin_type, label = "programme-check", plugins.PRE_SUBMISSION_CHECK, "Programme check"

        @plugins.hookimpl
        def jems_pre_submission_check(self, project_id, data):
            return plugins.PreConditionCheckResult(
                messages=[plugins.CheckMessage(key="x", type=plugins.MessageType.WARNING, args={"id": str(project_id)})],
                submission_allowed=True)

    plugin = Programme()
    plugins.register_plugin(plugin)
    try:
        use_plugin(project.call, "programme-check")
        result = services.check(actor=applicant, project_id=project.pk)
        assert result.messages[0].args == {"id": str(project.pk)}
        assert services.submit(actor=applicant, project_id=project.pk) == "SUBMITTED"
    finally:
        plugins.manager.unregister(plugin)
        plugins._REGISTERED[plugins.PRE_SUBMISSION_CHECK].remove(("programme-check", "Programme check"))


def test_check_access(project, stranger, viewer, programme_user):
    use_plugin(project.call, plugins.NO_CHECK)
    with pytest.raises(NotFound):
        services.check(actor=stranger, project_id=project.pk)
    with pytest.raises(NotFound):
        services.check(actor=stranger, project_id=10**20)
    assert services.check(actor=viewer, project_id=project.pk).submission_allowed
    assert services.check(actor=programme_user, project_id=project.pk).submission_allowed  # ProjectRetrieve


# --- submit -------------------------------------------------------------------------------------------------


def test_submit_writes_history_audit_and_no_version(ready, applicant):
    versions = ProjectVersion.objects.filter(project=ready).count()
    assert services.submit(actor=applicant, project_id=ready.pk) == "SUBMITTED"
    project = Project.objects.get(pk=ready.pk)
    assert project.status == "SUBMITTED" and project.current_status.status == "SUBMITTED"
    assert project.current_status.user == applicant
    assert ProjectVersion.objects.filter(project=ready).count() == versions
    event = AuditEvent.objects.filter(action="APPLICATION_STATUS_CHANGED").order_by("-id").first()
    assert event.description == "Project application status changed from DRAFT to SUBMITTED"
    assert event.project_id == str(ready.pk) and event.user_id == applicant.pk
    with pytest.raises(ValidationFailed) as again:
        services.submit(actor=applicant, project_id=ready.pk)
    assert again.value.key == "project.submit.status.not.allowed" and again.value.args_ == {"status": "SUBMITTED"}


def test_editor_and_programme_user_with_privilege_may_submit(ready, editor, programme_user, admin_user):
    assert services.submit(actor=editor, project_id=ready.pk) == "SUBMITTED"
    set_status(ready, "RETURNED_TO_APPLICANT")
    with pytest.raises(Forbidden):  # sees every project but lacks ProjectSubmission
        services.submit(actor=programme_user, project_id=ready.pk)
    assert services.submit(actor=admin_user, project_id=ready.pk) == "SUBMITTED"  # Perm(ProjectSubmission)


def test_viewer_is_403_stranger_404(ready, viewer, stranger):
    with pytest.raises(Forbidden):
        services.submit(actor=viewer, project_id=ready.pk)
    with pytest.raises(NotFound):
        services.submit(actor=stranger, project_id=ready.pk)
    assert Project.objects.get(pk=ready.pk).status == "DRAFT"


def test_failed_check_refuses_and_is_audited(project, applicant):
    use_plugin(project.call)
    with pytest.raises(services.CheckFailed) as refused:
        services.submit(actor=applicant, project_id=project.pk)
    body = refused.value.body()
    assert refused.value.status == 422 and body["i18nMessage"]["i18nKey"] == "project.submission.check.failed"
    assert {"code": "S-SA-CHECK", "i18nMessage": {"i18nKey": "standard.check.a.duration.missing",
                                                  "i18nArguments": {}}} in body["details"]
    assert Project.objects.get(pk=project.pk).status == "DRAFT"
    event = AuditEvent.objects.filter(action="APPLICATION_STATUS_CHANGED").order_by("-id").first()
    assert event.description.startswith("Unsuccessful attempt to submit")
    use_plugin(project.call, plugins.BLOCKED)
    with pytest.raises(services.CheckFailed):
        services.submit(actor=applicant, project_id=project.pk)


def test_call_end_date_passed(ready, applicant):
    Call.objects.filter(pk=ready.call_id).update(end_date=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationFailed) as refused:
        services.submit(actor=applicant, project_id=ready.pk)
    assert refused.value.key == "project.submit.call.ended"
    assert AuditEvent.objects.filter(action="CALL_ALREADY_ENDED", project_id=str(ready.pk)).exists()
    assert Project.objects.get(pk=ready.pk).status == "DRAFT"


def test_step_one_end_date_and_step_one_check(applicant, languages):
    call = two_step_call()
    use_plugin(call, key=plugins.BLOCKED, first_step=KEY)
    project = project_services.create_project(actor=applicant, call_id=call.pk, acronym="S1")
    with pytest.raises(services.CheckFailed):  # the step-1 plugin is enforced (workflows quirk Q1 → fix)
        services.submit(actor=applicant, project_id=project.pk)
    complete(project)
    Call.objects.filter(pk=call.pk).update(end_date_step1=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationFailed) as refused:
        services.submit(actor=applicant, project_id=project.pk)
    assert refused.value.key == "project.submit.call.ended"
    Call.objects.filter(pk=call.pk).update(end_date_step1=timezone.now() + timedelta(days=1))
    assert services.submit(actor=applicant, project_id=project.pk) == "STEP1_SUBMITTED"


def test_step_two_draft_after_step_one_end_date(applicant, languages):
    call = two_step_call(end_date_step1=timezone.now() - timedelta(days=1))
    use_plugin(call)
    project = Project.objects.create(call=call, acronym="S2", status="DRAFT", applicant=applicant)
    project_services.ProjectCollaborator.objects.create(project=project, user=applicant, level="MANAGE")
    set_status(project, "DRAFT")
    complete(project)
    assert services.submit(actor=applicant, project_id=project.pk) == "SUBMITTED"


def test_call_not_open_yet(ready, applicant):
    Call.objects.filter(pk=ready.call_id).update(start_date=timezone.now() + timedelta(days=1))
    with pytest.raises(ValidationFailed) as refused:
        services.submit(actor=applicant, project_id=ready.pk)
    assert refused.value.key == "project.submit.call.not.open"


@pytest.mark.parametrize(("history", "target"), [
    (["SUBMITTED", "RETURNED_TO_APPLICANT"], "SUBMITTED"),
    (["ELIGIBLE", "RETURNED_TO_APPLICANT"], "ELIGIBLE"),
    (["APPROVED", "RETURNED_TO_APPLICANT"], "APPROVED"),
    (["APPROVED_WITH_CONDITIONS", "RETURNED_TO_APPLICANT_FOR_CONDITIONS"], "CONDITIONS_SUBMITTED"),
    (["APPROVED", "MODIFICATION_PRECONTRACTING"], "MODIFICATION_PRECONTRACTING_SUBMITTED"),
    (["CONTRACTED", "IN_MODIFICATION"], "MODIFICATION_SUBMITTED"),
    (["MODIFICATION_SUBMITTED", "IN_MODIFICATION"], "MODIFICATION_SUBMITTED"),
])
def test_resubmission_targets(ready, applicant, history, target):
    set_status(ready, *history)
    Call.objects.filter(pk=ready.call_id).update(end_date=timezone.now() - timedelta(days=1))  # no window check
    assert services.submit(actor=applicant, project_id=ready.pk) == target
    row = Project.objects.get(pk=ready.pk).current_status
    copied = history[0] == target  # back to the status held before: its decision data is kept
    assert (row.decision_date, row.note) == ((date(2026, 1, 15), f"note {target}") if copied else (None, None))


@pytest.mark.parametrize("history", [["DRAFT", "RETURNED_TO_APPLICANT"], ["ELIGIBLE", "IN_MODIFICATION"],
                                     ["SUBMITTED", "RETURNED_TO_APPLICANT_FOR_CONDITIONS"]])
def test_resubmission_needs_an_allowed_previous_status(ready, applicant, history):
    set_status(ready, *history)
    with pytest.raises(ValidationFailed) as refused:
        services.submit(actor=applicant, project_id=ready.pk)
    assert refused.value.key == "project.submit.previous.status.invalid"


@pytest.mark.parametrize("status", ["SUBMITTED", "ELIGIBLE", "APPROVED", "CONTRACTED", "STEP1_SUBMITTED",
                                    "MODIFICATION_SUBMITTED", "CLOSED"])
def test_wrong_status(ready, applicant, status):
    set_status(ready, status)
    with pytest.raises(ValidationFailed) as refused:
        services.submit(actor=applicant, project_id=ready.pk)
    assert refused.value.key == "project.submit.status.not.allowed" and refused.value.code == "S-SA-STATUS"
