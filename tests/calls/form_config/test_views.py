"""Pages of the application-form configuration and call translations."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jems.calls.form_config import queries
from jems.calls.form_config.fields import BOTH, BY_ENUM, NONE, STEP_TWO
from jems.calls.form_config.models import CallTranslationFile
from tests.ui.conftest import logged_in

from .conftest import make_call

pytestmark = pytest.mark.django_db

PIC = BY_ENUM["PARTNER_PIC"]
TITLE = BY_ENUM["PROJECT_TITLE"]


def config_url(call):
    return f"/app/call/detail/{call.pk}/applicationFormConfiguration"


def test_configuration_page_one_step(admin_user, call):
    client = logged_in(admin_user)
    page = client.get(config_url(call)).content.decode()
    assert "Application form configuration" in page and 'aria-current="page"' in page
    assert f'name="field-{PIC.number}"' in page and f'<label for="field-{PIC.number}">' in page
    assert "Step 2 only" not in page  # one-step call: shown or hidden only
    assert f'name="field-{BY_ENUM["PROJECT_ID"].number}"' not in page  # fixed
    assert f'name="field-{BY_ENUM["PROJECT_RECIPIENT_GROUP"].number}"' not in page  # not on standard calls
    response = client.post(config_url(call), {f"field-{PIC.number}": STEP_TWO, f"field-{TITLE.number}": STEP_TWO,
                                              "version": page.split('name="version" value="')[1].split('"')[0]})
    assert response.status_code == 302
    assert queries.field_visibility(call.pk)[PIC.id] == STEP_TWO


def test_configuration_page_two_step_and_errors(admin_user, two_step_call):
    client = logged_in(admin_user)
    page = client.get(config_url(two_step_call)).content.decode()
    assert "Step 1 &amp; 2" in page and "Step 2 only" in page
    response = client.post(config_url(two_step_call), {f"field-{PIC.number}": BOTH, f"field-{TITLE.number}": NONE})
    assert response.status_code == 200
    page = response.content.decode()
    assert "This option is not allowed for this field" in page and 'aria-invalid="true"' in page
    assert f'href="#field-{TITLE.number}"' in page  # the error summary links to the field
    assert f'<option value="{BOTH}" selected>' in page  # the input is kept
    assert queries.field_visibility(two_step_call.pk)[PIC.id] == NONE


def test_configuration_page_published_offers_only_widening(admin_user):
    call = make_call("Published", published=True, two_step=True)
    client = logged_in(admin_user)
    client.post(config_url(call), {f"field-{PIC.number}": BOTH})
    page = client.get(config_url(call)).content.decode()
    assert "The call is published" in page
    assert f'name="field-{PIC.number}"' not in page  # now fixed at the widest status
    assert f'name="field-{TITLE.number}"' in page


def test_configuration_page_read_only(programme_user, call, applicant):
    client = logged_in(programme_user)
    page = client.get(config_url(call)).content.decode()
    assert "<select" not in page and "You can view" in page
    assert client.post(config_url(call), {f"field-{PIC.number}": BOTH}).status_code == 403
    assert logged_in(applicant).get(config_url(call)).status_code == 403
    assert client.get("/app/call/detail/99999/applicationFormConfiguration").status_code == 404


def test_spf_page(admin_user):
    call = make_call("SPF", spf=True, two_step=True)
    page = logged_in(admin_user).get(config_url(call)).content.decode()
    assert "Small project funds application form configuration" in page
    assert f'name="field-{BY_ENUM["PROJECT_INVESTMENT_TITLE"].number}"' not in page
    assert f'name="field-{BY_ENUM["PROJECT_RECIPIENT_GROUP"].number}"' in page


def translations_url(call):
    return f"/app/call/detail/{call.pk}/translationSettings"


def test_translations_page(admin_user, programme_user, call, settings):
    client = logged_in(admin_user)
    page = client.get(translations_url(call)).content.decode()
    assert "File for English" in page
    response = client.post(translations_url(call), {"language": "EN", "action": "upload",
                                                    "file": SimpleUploadedFile("x.properties", b"a=b\n")})
    assert response.status_code == 302
    page = client.get(translations_url(call)).content.decode()
    assert "Application-CallSpecific_en.properties" in page
    download = client.get(f"{translations_url(call)}/EN/download")
    assert download.status_code == 200 and download.content == b"a=b\n"
    # Errors show next to the language's file input.
    response = client.post(translations_url(call), {"language": "EN", "action": "upload",
                                                    "file": SimpleUploadedFile("x.properties", b"\x00bin")})
    assert response.status_code == 200 and "not a readable translation file" in response.content.decode()
    read_only = logged_in(programme_user)
    page = read_only.get(translations_url(call)).content.decode()
    assert 'type="file"' not in page and "Application-CallSpecific_en.properties" in page
    assert read_only.post(translations_url(call), {"language": "EN", "action": "delete"}).status_code == 403
    assert client.post(translations_url(call), {"language": "EN", "action": "delete"}).status_code == 302
    assert not CallTranslationFile.objects.exists()
    assert client.get(f"{translations_url(call)}/EN/download").status_code == 404


def test_configuration_page_refuses_stale_save(admin_user, call):
    from jems.calls.form_config import services

    client = logged_in(admin_user)
    page = client.get(config_url(call)).content.decode()
    version = page.split('name="version" value="')[1].split('"')[0]
    services.update_field_configuration(actor=admin_user, call_id=call.pk, fields=[
        services.FieldInput(id=PIC.id, visible=True, available_in_step=STEP_TWO)])
    response = client.post(config_url(call), {"version": version, f"field-{PIC.number}": NONE})
    page = response.content.decode()
    assert response.status_code == 200 and "Someone else saved this configuration meanwhile" in page
    assert queries.field_visibility(call.pk)[PIC.id] == STEP_TWO
    assert f'<option value="{NONE}" selected>' in page  # the input is kept
    fresh = page.split('name="version" value="')[1].split('"')[0]
    assert client.post(config_url(call), {"version": fresh, f"field-{PIC.number}": NONE}).status_code == 302
    assert queries.field_visibility(call.pk)[PIC.id] == NONE


def test_translations_page_refuses_stale_changes(admin_user, call):
    from jems.calls.form_config import services

    client = logged_in(admin_user)
    client.get(translations_url(call))  # the page showed "no file" (version "")
    services.upload_translation_file(actor=admin_user, call_id=call.pk, language="EN",
                                     upload=SimpleUploadedFile("x.properties", b"theirs=1\n"))
    response = client.post(translations_url(call), {"language": "EN", "action": "upload", "version": "",
                                                    "file": SimpleUploadedFile("x.properties", b"mine=1\n")})
    assert response.status_code == 200 and "Someone else changed the translation file" in response.content.decode()
    assert CallTranslationFile.objects.get().content == "theirs=1\n"
    response = client.post(translations_url(call), {"language": "EN", "action": "delete", "version": "2000-01-01"})
    assert response.status_code == 200 and CallTranslationFile.objects.exists()
