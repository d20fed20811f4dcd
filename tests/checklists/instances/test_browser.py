"""Browser: a programme user starts an assessment checklist, fills every component kind, sees an inline
error, finishes it; axe on the list and the fill page."""

import pytest

from jems.checklists.instances.models import ChecklistInstance
from tests.browser_support import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_start_fill_and_finish(page, axe, assessor, project, template):
    log_in(page, assessor.email, PASSWORD)
    page.goto(f"/app/project/detail/{project.pk}/assessmentChecklists")
    page.locator("#id_template").select_option(str(template.pk))
    axe(page, "assessment checklists")
    page.get_by_role("button", name="Start checklist").click()
    page.wait_for_url("**/assessmentChecklists/*")
    page.get_by_label("Description", exact=True).fill("Panel of May")
    page.get_by_role("group", name="Eligible?").get_by_label("Yes").check()
    page.get_by_label("Comment", exact=True).fill("Well written")
    page.get_by_role("group", name="Relevance").get_by_label("Score", exact=True).fill("7")
    page.get_by_role("group", name="Relevance").get_by_label("Justification").fill("Strong link to the objective")
    page.get_by_role("button", name="Save changes").click()
    assert page.get_by_text("The score must be between 0 and 5.", exact=True).is_visible()
    assert page.get_by_label("Comment", exact=True).input_value() == "Well written"  # nothing is lost
    axe(page, "fill page with an error")
    page.get_by_role("group", name="Relevance").get_by_label("Score", exact=True).fill("4")
    page.get_by_role("button", name="Save changes").click()
    assert page.locator("#total-score").inner_text() == "6.00"
    page.get_by_role("button", name="Finish checklist").click()
    assert page.get_by_text("The checklist was finished.").is_visible()
    assert page.get_by_role("button", name="Finish checklist").count() == 0
    axe(page, "finished checklist")
    instance = ChecklistInstance.objects.get()
    assert (instance.status, instance.description) == ("FINISHED", "Panel of May")
    page.get_by_role("link", name="‹ Assessment checklists").click()
    assert page.get_by_role("cell", name="Finished").is_visible()
