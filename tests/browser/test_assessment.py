"""Acceptance, assessment and decisions, two-step demo call, every step through the pages: the applicant submits
step 1 → step-1 eligible → step-1 approved → step 2 started → the applicant fills and submits → eligible → quality
recommended with conditions → approved with conditions → returned for conditions → conditions submitted → approved
→ a modification requested by the applicant and opened from the request → submitted → approved. The version
selector shows every version created on the way; the notifications reached the applicant's and the assigned
programme user's dashboards and the SMTP sink."""

import io

import pytest
from django.core.management import call_command

from jems.accounts.models import User
from jems.calls.demo import TWO_STEP_CALL
from jems.calls.models import Call
from jems.calls.notifications.codelists import PROJECT, NotificationType
from jems.calls.notifications.services import ConfigurationInput, update_configurations
from jems.projects.models import ApplicationStatus as S
from jems.projects.models import Project, ProjectAssignment
from tests.browser_support import log_in, log_out

pytestmark = pytest.mark.browser

APPLICANT = ("applicant@jems.eu", "Applicant-Demo-2025")
PROGRAMME = ("programme@jems.eu", "Programme-Demo-2025")
ADMIN = ("admin@jems.eu", "Admin-Demo-2025")
NOTIFIED = (NotificationType.ProjectSubmittedStep1, NotificationType.ProjectApprovedStep1,
            NotificationType.ProjectSubmitted, NotificationType.ProjectApprovedWithConditions,
            NotificationType.ProjectReturnedForConditions, NotificationType.ProjectConditionsSubmitted,
            NotificationType.ProjectApproved)


def as_user(page, who) -> None:
    log_out(page)
    log_in(page, *who)


def submit(page, base: str, status: str) -> None:
    page.goto(f"{base}/checkAndSubmit")
    page.get_by_role("button", name="Check").click()
    page.locator("#check-result").wait_for()
    page.get_by_role("button", name="Submit").click()
    page.get_by_role("button", name="Yes, submit the application").click()
    page.get_by_text("The application was submitted").wait_for()
    assert Project.objects.get(pk=int(base.rsplit("/", 1)[1])).status == status


def assess(page, kind: str, result: str) -> None:
    form = page.locator("form", has=page.locator(f"input[name=kind][value={kind}]"))
    form.get_by_label(result).check()
    form.get_by_label("Note").fill(f"{kind}: {result}")
    form.get_by_role("button", name="Save the assessment").click()
    page.get_by_text("The assessment was saved.").wait_for()


def decide(page, base: str, label: str, status: str) -> None:
    page.goto(f"{base}/assessmentAndDecision")
    form = page.locator("form.decision", has=page.get_by_role("heading", name=label, exact=True))
    for field, value in (("Decision date", "2026-11-20"), ("Entry into force date", "2026-11-21")):
        if form.get_by_label(field).count():
            form.get_by_label(field).fill(value)
    form.get_by_role("button", name=label, exact=True).click()
    page.get_by_text("The project status is now").wait_for()
    assert Project.objects.get(pk=int(base.rsplit("/", 1)[1])).status == status


def test_two_step_path_with_conditions_and_a_modification(page, axe, smtp_sink):
    call_command("load_demo", "--force", stdout=io.StringIO())
    call = Call.objects.get(name=TWO_STEP_CALL)
    admin = User.objects.get(email=ADMIN[0])
    update_configurations(actor=admin, call_id=call.pk, tab=PROJECT, configurations=[ConfigurationInput(
        type=kind, active=True, send_to_manager=True, send_to_project_assigned=True,
        email_subject=f"[projectAcronym]: {kind}", email_body="[projectIdentifier] [projectAcronym] in [callName]")
        for kind in NOTIFIED])
    User.objects.filter(email__in=(APPLICANT[0], PROGRAMME[0])).update(send_notifications_to_email=True)

    # Step 1: apply and submit the concept note
    log_in(page, *APPLICANT)
    page.goto(f"/app/call/{call.pk}/apply")
    page.get_by_label("Project acronym").fill("TRAILS")
    page.get_by_role("button", name="Create application").click()
    page.wait_for_url("**/app/project/detail/*")
    project = Project.objects.get(acronym="TRAILS")
    assert project.status == S.STEP1_DRAFT
    ProjectAssignment.objects.create(project=project, user=User.objects.get(email=PROGRAMME[0]))
    base = f"/app/project/detail/{project.pk}"
    submit(page, base, S.STEP1_SUBMITTED)
    smtp_sink.wait_for(APPLICANT[0], f"TRAILS: {NotificationType.ProjectSubmittedStep1}")

    # Step 1 decisions, then step 2
    as_user(page, ADMIN)
    page.goto(f"{base}/assessmentAndDecision")
    assess(page, "eligibility", "Passed")
    decide(page, base, "Set as eligible", S.STEP1_ELIGIBLE)
    page.goto(f"{base}/assessmentAndDecision")
    assess(page, "quality", "Recommended for funding")
    decide(page, base, "Approve", S.STEP1_APPROVED)
    axe(page, "step 1 approved")
    decide(page, base, "Start step 2", S.DRAFT)

    # Step 2: the applicant completes the form and submits
    as_user(page, APPLICANT)
    page.goto(f"{base}/applicationFormIdentification")
    page.locator("#id_title_1").fill("Trails across the Alps")
    page.get_by_label("Duration in months").fill("24")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/applicationFormIdentification")
    submit(page, base, S.SUBMITTED)

    as_user(page, ADMIN)
    page.goto(f"{base}/assessmentAndDecision")
    assess(page, "eligibility", "Passed")
    decide(page, base, "Set as eligible", S.ELIGIBLE)
    page.goto(f"{base}/assessmentAndDecision")
    assess(page, "quality", "Recommended with conditions")
    decide(page, base, "Approve with conditions", S.APPROVED_WITH_CONDITIONS)
    decide(page, base, "Return to applicant", S.RETURNED_TO_APPLICANT_FOR_CONDITIONS)

    as_user(page, APPLICANT)
    page.goto(f"{base}/applicationFormIdentification")
    page.locator("#id_title_1").fill("Trails across the Alps and the Danube")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/applicationFormIdentification")
    submit(page, base, S.CONDITIONS_SUBMITTED)

    as_user(page, ADMIN)
    decide(page, base, "Approve", S.APPROVED)

    # A modification requested by the applicant, opened from the request, submitted and approved
    as_user(page, APPLICANT)
    page.goto(f"{base}/modification")
    page.get_by_label("Reason for the modification").fill("The Danube partner joins later.")
    page.get_by_label("A – Project identification").check()
    page.get_by_role("button", name="Send the request").click()
    page.wait_for_url("**/modification")
    as_user(page, ADMIN)
    page.goto(f"{base}/modification")
    page.get_by_role("button", name="Accept request").first.click()
    page.wait_for_url("**/modification")
    assert Project.objects.get(pk=project.pk).status == S.MODIFICATION_PRECONTRACTING
    as_user(page, APPLICANT)
    page.goto(f"{base}/applicationFormIdentification")
    page.locator("#id_title_1").fill("Trails across the Alps, the Danube later")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/applicationFormIdentification")
    submit(page, base, S.MODIFICATION_PRECONTRACTING_SUBMITTED)
    as_user(page, ADMIN)
    decide(page, base, "Approve modification", S.APPROVED)
    axe(page, "modification approved")

    # Every version created on the way is in the selector
    page.goto(base)
    versions = [v for v in Project.objects.get(pk=project.pk).versions.order_by("-id").values_list("version", flat=True)]
    options = [o.split()[0] for o in page.locator("#id_version option").all_inner_texts()]
    assert options == versions and len(versions) >= 3, (options, versions)

    # Notifications: dashboards and e-mails of the applicant (project user) and the assigned programme user
    for who in (APPLICANT, PROGRAMME):
        smtp_sink.wait_for(who[0], f"TRAILS: {NotificationType.ProjectApproved}")
        as_user(page, who)
        page.goto("/app/dashboard")
        block = page.get_by_role("region", name="My notifications")
        assert f"TRAILS: {NotificationType.ProjectApprovedWithConditions}" in block.inner_text()
    axe(page, "dashboard with notifications")
