"""The application form configuration and translation pages in a real browser, as a user with CallUpdate:
configure a few fields, upload a translation file, with the axe check on both pages."""

import pytest

from jems.calls.form_config import queries
from jems.calls.form_config.fields import BOTH, BY_ENUM, NONE
from jems.calls.form_config.models import CallTranslationFile
from tests.browser_support import log_in
from tests.conftest import PASSWORD

from .conftest import make_call

pytestmark = pytest.mark.browser


def test_configure_fields_and_upload_translation(page, admin_user, axe, tmp_path):
    call = make_call("Browser call", two_step=True)
    log_in(page, admin_user.email, PASSWORD)
    page.goto(f"/app/call/detail/{call.pk}/applicationFormConfiguration")
    axe(page, "application form configuration")
    page.locator(f"#field-{BY_ENUM['PARTNER_PIC'].number}").select_option(BOTH)
    page.locator(f"#field-{BY_ENUM['PROJECT_TITLE'].number}").select_option(BOTH)
    page.locator(f"#field-{BY_ENUM['PARTNER_VAT_RECOVERY'].number}").select_option(NONE)
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("The application form configuration is saved.").wait_for()
    values = queries.field_visibility(call.pk)
    assert values[BY_ENUM["PARTNER_PIC"].id] == BOTH and values[BY_ENUM["PROJECT_TITLE"].id] == BOTH
    axe(page, "application form configuration saved")

    page.get_by_role("link", name="Translations").click()
    page.wait_for_url(f"**/app/call/detail/{call.pk}/translationSettings")
    axe(page, "translation settings")
    upload = tmp_path / "Application_en.properties"
    upload.write_text("project.application.form.title=Our application\n", encoding="utf-8")
    page.get_by_label("File for English").set_input_files(str(upload))
    page.get_by_role("button", name="Upload (English)").click()
    page.get_by_text("Application-CallSpecific_en.properties is uploaded").wait_for()
    assert CallTranslationFile.objects.filter(call=call, language="EN").exists()
    axe(page, "translation settings with a file")
    with page.expect_download() as download:
        page.get_by_role("link", name="Application-CallSpecific_en.properties (English)").click()
    assert download.value.suggested_filename == "Application-CallSpecific_en.properties"
