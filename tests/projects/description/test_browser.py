"""Browser: an applicant fills C.1, adds a C.2 target-group row (no JavaScript needed), fills C.7; axe on each
section C page."""

import pytest

from jems.projects.description import queries
from tests.browser_support import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_fill_section_c(page, axe, applicant, project):
    base = f"/app/project/detail/{project.pk}"
    log_in(page, applicant.email, PASSWORD)
    page.goto(f"{base}/applicationFormOverallObjective")
    page.locator("#id_overallObjective_1").fill("Cleaner rivers across the border")
    axe(page, "C.1")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/applicationFormOverallObjective")

    page.get_by_role("link", name="C.2 – Relevance and context").click()
    page.locator("#id_territorialChallenge_1").fill("Floods")
    page.locator("#projectBenefits").get_by_role("button", name="Add row").click()
    page.locator("#id_projectBenefits-0-group").select_option("Sme")
    page.locator("#id_projectBenefits-0-specification_1").fill("Riverside SMEs")
    assert page.locator("#id_territorialChallenge_1").input_value() == "Floods"  # kept across the add
    axe(page, "C.2 with a row")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/applicationFormRelevanceAndContext")

    page.get_by_role("link", name="C.3 – Partnership").click()
    axe(page, "C.3")
    page.get_by_role("link", name="C.7 – Management").click()
    page.locator("#id_projectCoordination_1").fill("A steering group meets quarterly.")
    page.get_by_label("Joint development").check()
    page.locator("#id_sustainableDevelopmentCriteriaEffect input[value=PositiveEffects]").check()
    axe(page, "C.7")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/applicationFormManagement")
    page.get_by_role("link", name="C.8 – Long-term plans").click()
    axe(page, "C.8")

    data = queries.get_description(actor=applicant, project_id=project.pk)[3]
    assert data["c1"]["overallObjective"] == {"EN": "Cleaner rivers across the border"}
    assert data["c2"]["projectBenefits"] == [{"group": "Sme", "specification": {"EN": "Riverside SMEs"}}]
    assert data["c2"]["territorialChallenge"] == {"EN": "Floods"}
    assert data["c7"]["projectCooperationCriteria"]["projectJointDevelopment"] is True
    assert data["c7"]["projectHorizontalPrinciples"]["sustainableDevelopmentCriteriaEffect"] == "PositiveEffects"
