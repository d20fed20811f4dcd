"""Browser: an applicant adds an associated organisation linked to a partner; axe on each B.2 page."""

import pytest

from jems.projects.associations.models import AssociatedOrganization
from jems.projects.partners.models import PartnerRole, ProjectPartner
from tests.browser_support import log_in
from tests.conftest import PASSWORD
from tests.projects.conftest import show_fields

pytestmark = pytest.mark.browser


def test_add_associated_organisation(page, axe, applicant, project):
    show_fields(project.call, "PARTNER_ASSOCIATED_ORGANIZATIONS")
    partner = ProjectPartner.objects.create(project=project, role=PartnerRole.LEAD_PARTNER, abbreviation="CITY",
                                            sort_number=1)
    log_in(page, applicant.email, PASSWORD)
    page.goto(f"/app/project/detail/{project.pk}")
    page.get_by_role("link", name="B.2 – Associated organisations").click()
    page.wait_for_url("**/applicationFormAssociatedOrganization")
    axe(page, "associated organisation list (empty)")
    page.get_by_role("link", name="Add new associated organisation").click()
    page.get_by_label("Partner the organisation is associated with").select_option(str(partner.pk))
    page.get_by_label("Name of the organisation in the original language").fill("Wirtschaftskammer")
    page.locator("#id_city").fill("Graz")
    page.locator("#id_legal_last_name").fill("Muster")
    page.locator("#id_role_description_1").fill("Spreads the results.")
    axe(page, "create associated organisation")
    page.get_by_role("button", name="Create associated organisation").click()
    page.wait_for_url("**/detail/*")
    org = AssociatedOrganization.objects.get(project=project)
    assert org.partner_id == partner.pk and org.city == "Graz" and org.sort_number == 1
    axe(page, "associated organisation detail")
    page.get_by_role("link", name="Back to the associated organisations").click()
    assert page.get_by_role("link", name="Wirtschaftskammer").is_visible()
    axe(page, "associated organisation list")
