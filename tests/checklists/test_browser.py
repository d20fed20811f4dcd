"""A programme administrator builds a checklist template in a real browser: create, add and edit
components (with an inline error), reorder, preview, clone, delete; then sees it locked. Every page
passes the axe WCAG 2.1 A/AA check."""

import re

import pytest

from jems.checklists import services
from jems.checklists.models import ChecklistComponent, ProgrammeChecklist
from tests.browser_support import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

DETAIL = re.compile(r".*/app/programme/checklists/\d+$")


def test_build_a_checklist_template(page, admin_user, axe):
    log_in(page, admin_user.email, PASSWORD)
    page.goto("/app/programme/checklists")
    assert page.get_by_role("link", name="First-level control: administrative verification").is_visible()
    axe(page, "checklist list")

    page.get_by_role("link", name="Add checklist").click()
    page.wait_for_url("**/app/programme/checklists/create")
    page.get_by_role("button", name="Create checklist").click()  # without a name: inline error
    assert page.get_by_label("Checklist name").get_attribute("aria-invalid") == "true"
    axe(page, "create checklist (with error)")
    page.get_by_label("Checklist name").fill("Desk check of public procurement")
    page.get_by_label("Checklist type").select_option(label="Control")
    page.get_by_role("button", name="Create checklist").click()
    page.wait_for_url(DETAIL)
    checklist = ProgrammeChecklist.objects.get(name="Desk check of public procurement")
    assert checklist.type == "CONTROL"

    # Components: a question with options, then a score whose weight is first refused inline.
    page.get_by_label("Kind of component").select_option(label="Options toggle")
    page.get_by_role("button", name="Add component").click()
    toggle = ChecklistComponent.objects.get(checklist=checklist)
    card = page.locator(f"#component-{toggle.pk}")
    card.get_by_label("Question").fill("Was the tender published in the Official Journal?")
    card.get_by_label("Option 3 (optional)").fill("Not applicable")
    card.get_by_role("button", name="Save").click()
    assert page.get_by_text("The component is saved.").is_visible()

    page.get_by_label("Kind of component").select_option(label="Score")
    page.get_by_role("button", name="Add component").click()
    score = ChecklistComponent.objects.filter(checklist=checklist, type="SCORE").get()
    card = page.locator(f"#component-{score.pk}")
    card.get_by_label("Question").fill("Quality of the procurement file")
    card.get_by_label("Weight (multiplier)").fill("500")
    card.get_by_role("button", name="Save").click()
    card = page.locator(f"#component-{score.pk}")
    assert card.get_by_label("Weight (multiplier)").get_attribute("aria-invalid") == "true"
    assert card.get_by_label("Question").input_value() == "Quality of the procurement file"  # input kept
    axe(page, "checklist editor (with error)")
    card.get_by_label("Weight (multiplier)").fill("2")
    card.get_by_role("button", name="Save").click()
    assert page.get_by_text("The component is saved.").is_visible()
    page.locator(f"#component-{score.pk}").get_by_role("button", name="Move up").click()
    assert page.get_by_text("The component is moved.").is_visible()
    assert list(ChecklistComponent.objects.filter(checklist=checklist).values_list("type", flat=True)) == [
        "SCORE", "OPTIONS_TOGGLE"]
    axe(page, "checklist editor")

    page.get_by_role("link", name="Preview").click()
    assert page.get_by_role("group", name="Was the tender published in the Official Journal?").is_visible()
    assert page.get_by_label("Not applicable").is_visible()
    axe(page, "checklist preview")
    page.go_back()

    # Clone, then delete the copy after confirming.
    page.get_by_role("button", name="Clone").click()
    page.wait_for_url(DETAIL)
    assert page.get_by_role("heading", name="Desk check of public procurement (copy)").is_visible()
    page.get_by_role("link", name="Delete").click()
    page.wait_for_url("**/delete")
    axe(page, "delete confirmation")
    page.get_by_role("button", name="Delete checklist").click()
    page.wait_for_url("**/app/programme/checklists")
    assert page.get_by_text("is deleted").is_visible()
    assert ProgrammeChecklist.objects.filter(name__startswith="Desk check").count() == 1

    # Once used, the template is locked: texts stay editable, the structure not.
    services.lock_template(checklist.pk)
    page.get_by_role("link", name="Desk check of public procurement").click()
    page.wait_for_url(DETAIL)
    assert page.get_by_text("it is locked").is_visible()
    assert page.get_by_label("Checklist type").is_disabled()
    assert page.get_by_role("button", name="Move down").count() == 0
    axe(page, "locked checklist")
    assert len(axe.checked) == 7
