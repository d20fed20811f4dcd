"""Browser: a two-step path through the Assessment & Decision page — step 1 submitted (ORM) → eligibility check →
eligible → quality check → approved → start step 2 → submitted (ORM) → eligible → quality recommended with
conditions → approved with conditions → returned for conditions → conditions submitted (ORM) → approved; axe on
the way; the version selector lists the versions opened by the start of step 2 and the return."""

import pytest

from jems.projects.models import ApplicationStatus as S
from jems.projects.models import Project
from tests.browser_support import log_in
from tests.conftest import PASSWORD

from .conftest import set_status

pytestmark = pytest.mark.browser


def assess(page, kind, result):
    form = page.locator("form", has=page.locator(f"input[name=kind][value={kind}]"))
    form.get_by_label(result).check()
    form.get_by_label("Note").fill(f"{kind} ok")
    form.get_by_role("button", name="Save the assessment").click()
    page.get_by_text("The assessment was saved.").wait_for()


def decide(page, label, status, date="2026-01-15"):
    form = page.locator("form.decision", has=page.get_by_role("heading", name=label, exact=True))
    if form.get_by_label("Decision date").count():
        form.get_by_label("Decision date").fill(date)
    form.get_by_role("button", name=label, exact=True).click()
    page.get_by_text("The project status is now").wait_for()
    assert Project.objects.get(pk=page.project_id).status == status


def test_two_step_path(page, axe, admin_user, project, two_step_call):
    page.project_id = project.pk
    set_status(project, S.STEP1_DRAFT, S.STEP1_SUBMITTED, decision_date=None)
    log_in(page, admin_user.email, PASSWORD)
    page.goto(f"/app/project/detail/{project.pk}")
    page.get_by_role("link", name="Assessment & Decision").click()
    page.get_by_role("heading", name="Step 1 – assessment and decision").wait_for()
    axe(page, "step 1 submitted")

    assess(page, "eligibility", "Passed")
    decide(page, "Set as eligible", S.STEP1_ELIGIBLE)
    assess(page, "quality", "Recommended for funding")
    form = page.locator("form.decision", has=page.get_by_role("heading", name="Approve", exact=True))
    form.get_by_role("button", name="Approve", exact=True).click()  # no date: inline error
    error = page.locator(".field__error").first
    error.wait_for()
    axe(page, "decision with an error")
    decide(page, "Approve", S.STEP1_APPROVED)
    decide(page, "Start step 2", S.DRAFT)

    set_status(Project.objects.get(pk=project.pk), S.SUBMITTED, decision_date=None)
    page.reload()
    assess(page, "eligibility", "Passed")
    decide(page, "Set as eligible", S.ELIGIBLE)
    assess(page, "quality", "Recommended with conditions")
    decide(page, "Approve with conditions", S.APPROVED_WITH_CONDITIONS)
    axe(page, "approved with conditions")
    decide(page, "Return to applicant", S.RETURNED_TO_APPLICANT_FOR_CONDITIONS)

    set_status(Project.objects.get(pk=project.pk), S.CONDITIONS_SUBMITTED, decision_date=None)
    page.reload()
    decide(page, "Approve", S.APPROVED)
    assert page.get_by_role("button", name="Revert decision").count() == 1
    axe(page, "approved")

    page.get_by_role("link", name="Project overview").click()
    page.get_by_role("heading", name="Key dates").wait_for()
    step2 = page.locator("section", has=page.get_by_role("heading", name="Step 2 – assessment and decision"))
    assert "Approved" in step2.inner_text()
    options = page.locator("#id_version option").all_inner_texts()
    assert [o.split()[0] for o in options] == ["3.0", "2.0", "1.0"]
    axe(page, "overview with decisions")
