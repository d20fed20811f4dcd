"""Browser: the applicant requests a modification with an attachment (after an inline error), the programme
user accepts it and the project is IN_MODIFICATION; axe on every state of the page."""

import pytest

from jems.projects.models import ApplicationStatus, Project
from jems.projects.modifications.models import ModificationRequest
from tests.browser_support import log_in, log_out
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_request_and_accept(page, axe, applicant, programme_user, contracted, tmp_path):
    source = tmp_path / "new partner.txt"
    source.write_bytes(b"Why we need a new partner")
    log_in(page, applicant.email, PASSWORD)
    page.goto(f"/app/project/detail/{contracted.pk}")
    page.get_by_role("link", name="Modification", exact=True).click()
    page.wait_for_url("**/modification")
    axe(page, "modification (applicant, empty)")
    page.get_by_role("button", name="Send the request").click()
    assert page.locator("#sections_error").is_visible()
    axe(page, "modification request with errors")
    page.get_by_label("Reason for the modification").fill("A new partner joins the project.")
    page.get_by_label("B – Project partners").check()
    page.get_by_label("D – Project budget").check()
    page.locator("#id_attachment").set_input_files(str(source))
    page.get_by_role("button", name="Send the request").click()
    page.wait_for_url("**/modification")
    item = ModificationRequest.objects.get()
    assert item.sections == ["B", "D"] and item.attachments.get().name == "new partner.txt"
    assert page.get_by_role("link", name="new partner.txt", exact=True).is_visible()
    axe(page, "modification request pending (applicant)")
    log_out(page)
    log_in(page, programme_user.email, PASSWORD)
    page.goto(f"/app/project/detail/{contracted.pk}/modification")
    axe(page, "modification (programme)")
    page.get_by_label("Note (optional)").fill("Agreed at the monitoring committee.")
    page.get_by_role("button", name=f"Accept request {item.pk} and open the modification").click()
    page.wait_for_url("**/modification")
    assert Project.objects.get(pk=contracted.pk).status == ApplicationStatus.IN_MODIFICATION
    assert page.get_by_text("Agreed at the monitoring committee.").is_visible()
    axe(page, "modification accepted")
