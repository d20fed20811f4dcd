"""Browser: the applicant answers a partner's state-aid self-check (with an activity created through the ORM) and
adds a partner-team member on the project privileges page; that member logs in and sees the project read-only."""

import pytest

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.projects.partners.models import PartnerCollaborator, PartnerStateAid
from tests.browser_support import log_in, log_out
from tests.conftest import PASSWORD, make_user

from .conftest import make_activities, show_state_aid

pytestmark = pytest.mark.browser


def test_self_check_and_partner_team(page, axe, applicant, project, partners, scheme, open_call):
    lead, uni = partners
    show_state_aid(open_call)
    (activity,) = make_activities(project, lead, 1)
    reporter = make_user("reporter@example.org", APPLICANT_USER_ROLE_ID)
    log_in(page, applicant.email, PASSWORD)
    page.goto(f"/app/project/detail/{project.pk}/applicationFormPartner/{lead.pk}/identity")
    page.get_by_role("link", name="State aid", exact=True).click()
    page.wait_for_url("**/stateAid")
    page.locator("#id_answer1_0").check()
    page.locator("#id_answer2_1").check()
    page.locator("#id_justification1_1").fill("The city rents rooms to companies.")
    page.get_by_label("Activity 1.1 – Activity 1").check()
    page.get_by_label("State-aid scheme (GBER or de minimis)").select_option(str(scheme.pk))
    axe(page, "state aid tab")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/stateAid")
    assert page.get_by_text("The state-aid self-check was saved.").is_visible()
    check = PartnerStateAid.objects.get(partner=lead)
    assert (check.answer1, check.answer2, check.answer3, check.state_aid_id) == (True, False, None, scheme.pk)
    assert check.justification1 == {"EN": "The city rents rooms to companies."}
    assert list(check.activities.all()) == [activity]

    page.get_by_role("link", name="Project privileges").click()
    page.wait_for_url("**/privileges")
    page.locator(f"#id_team{uni.pk}-0-email").fill("nobody@example.org")
    page.get_by_role("button", name="Save team of UNI").click()
    assert page.get_by_text("There is no user with the e-mail nobody@example.org.").first.is_visible()
    axe(page, "privileges with a team error")
    page.locator(f"#id_team{uni.pk}-0-email").fill(reporter.email)
    page.locator(f"#id_team{uni.pk}-0-level").select_option("EDIT")
    page.locator(f"#id_team{uni.pk}-0-gdpr").check()
    page.get_by_role("button", name="Save team of UNI").click()
    page.wait_for_url("**/privileges")
    assert page.get_by_text("The team of partner UNI was saved.").is_visible()
    member = PartnerCollaborator.objects.get()
    assert (member.partner, member.user, member.level, member.gdpr) == (uni, reporter, "EDIT", True)
    axe(page, "privileges with partner teams")
    log_out(page)

    log_in(page, reporter.email, PASSWORD)
    page.goto("/app/dashboard")
    page.get_by_role("link", name=project.custom_identifier).click()
    page.wait_for_url(f"**/app/project/detail/{project.pk}")
    page.get_by_role("link", name="B.1 – Project partners").click()
    page.get_by_role("link", name="CITY").click()
    page.get_by_role("link", name="State aid", exact=True).click()
    page.wait_for_url("**/stateAid")
    assert page.locator("#id_answer1_0").is_checked() and page.locator("#id_answer1_0").is_disabled()
    assert page.get_by_role("button", name="Save changes").count() == 0
    axe(page, "state aid read-only for a partner-team member")
