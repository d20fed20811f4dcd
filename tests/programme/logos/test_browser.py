"""Browser: the administrator opens Programme → Logo, uploads a PNG, sees the three sizes and the logo in the
site header (alt text: the programme's name; the image really loads), also on the login page; then removes it
(axe on every state)."""

import pytest

from jems.programme.models import ProgrammeData
from tests.browser_support import log_in, log_out
from tests.conftest import PASSWORD

from .conftest import image_bytes

pytestmark = pytest.mark.browser

TITLE = "Interreg Danube-Alps Test"


def test_upload_shows_the_logo_in_the_header(page, axe, admin_user, tmp_path):
    ProgrammeData.objects.update_or_create(pk=1, defaults={"title": TITLE})
    source = tmp_path / "our-logo.png"
    source.write_bytes(image_bytes(300, 100))
    log_in(page, admin_user.email, PASSWORD)
    page.goto("/app/programme")
    page.get_by_role("link", name="Logo", exact=True).click()
    page.wait_for_url("**/app/programme/logo")
    assert page.get_by_text("No logo is set.").is_visible()
    assert page.locator("header img").count() == 0
    axe(page, "Programme logo, none set")

    source.with_name("notes.txt").write_bytes(b"not an image")
    page.get_by_label("Logo image (PNG or JPEG)").set_input_files(str(source.with_name("notes.txt")))
    page.get_by_role("button", name="Upload").click()
    error = page.locator("#id_file_error")
    assert error.inner_text() == "Only PNG and JPEG images can be used as logo."
    assert page.get_by_label("Logo image (PNG or JPEG)").get_attribute("aria-invalid") == "true"
    axe(page, "Programme logo, refused upload")

    page.get_by_label("Logo image (PNG or JPEG)").set_input_files(str(source))
    page.get_by_role("button", name="Upload").click()
    assert page.get_by_text("The logo is saved.").is_visible()
    header_logo = page.get_by_role("banner").get_by_role("img", name=TITLE)
    assert header_logo.is_visible()
    assert header_logo.evaluate("img => img.complete && img.naturalHeight") in (48, 96)
    assert page.get_by_role("img", name="Programme logo, 200 pixels high").evaluate("img => img.naturalWidth") == 600
    axe(page, "Programme logo, uploaded")

    page.goto("/app/dashboard")
    assert page.get_by_role("banner").get_by_role("img", name=TITLE).is_visible()
    log_out(page)
    assert page.get_by_role("banner").get_by_role("img", name=TITLE).is_visible()  # the login page too
    axe(page, "Login page with the programme logo")

    log_in(page, admin_user.email, PASSWORD)
    page.goto("/app/programme/logo")
    page.get_by_role("button", name="Remove the logo").click()
    assert page.get_by_text("The logo is removed.").is_visible()
    assert page.get_by_role("banner").get_by_role("img").count() == 0
    axe(page, "Programme logo, removed")
