"""Browser: an applicant adds a lead partner and a second partner through the B.1 tabs; axe on each page."""

import pytest

from jems.projects.partners.models import ProjectPartner
from tests.browser_support import log_in
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_add_lead_and_partner(page, axe, applicant, project):
    log_in(page, applicant.email, PASSWORD)
    page.goto(f"/app/project/detail/{project.pk}")
    page.get_by_role("link", name="B.1 – Project partners").click()
    page.wait_for_url("**/applicationFormPartner")
    axe(page, "partner list (empty)")
    page.get_by_role("link", name="Add new partner").click()
    page.get_by_label("Abbreviated name of the organisation").fill("CITY")
    page.get_by_label("Lead partner").check()
    page.get_by_label("Name of the organisation in the original language").fill("Stadt Graz")
    page.get_by_label("Type of partner", exact=True).select_option("LocalPublicAuthority")
    axe(page, "create partner")
    page.get_by_role("button", name="Create partner").click()
    page.wait_for_url("**/identity")
    lead = ProjectPartner.objects.get(project=project)
    assert lead.role == "LEAD_PARTNER" and lead.sort_number == 1
    axe(page, "identity")
    page.get_by_role("link", name="Address", exact=True).click()
    page.locator("#id_org_city").fill("Graz")
    page.locator("#id_org_street").fill("Hauptplatz")
    axe(page, "address")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/region")
    assert lead.addresses.get().city == "Graz"
    page.get_by_role("link", name="Contact", exact=True).click()
    page.locator("#id_contact_first_name").fill("Eva")
    page.locator("#id_contact_email").fill("eva@example.org")
    axe(page, "contact")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/contact")
    page.get_by_role("link", name="Motivation", exact=True).click()
    page.locator("#id_organization_role_1").fill("Coordinates the project.")
    axe(page, "motivation")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/motivation")
    lead.refresh_from_db()
    assert lead.organization_role == {"EN": "Coordinates the project."}
    page.get_by_role("link", name="B.1 – Project partners").click()
    page.get_by_role("link", name="Add new partner").click()
    page.get_by_label("Abbreviated name of the organisation").fill("UNI")
    page.get_by_role("button", name="Create partner").click()
    page.wait_for_url("**/identity")
    page.get_by_role("link", name="B.1 – Project partners").click()
    assert page.get_by_role("link", name="UNI", exact=True).is_visible()
    axe(page, "partner list")
    assert [(p.abbreviation, p.sort_number) for p in ProjectPartner.objects.filter(project=project)] == [
        ("CITY", 1), ("UNI", 2)]
