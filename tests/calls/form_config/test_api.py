"""ApplicationFormConfigurationApi and CallTranslationConfigurationApi: every operation with its refusals."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jems.calls.form_config.fields import BY_ENUM
from tests.api.conftest import error_key, form_keys

from .conftest import make_call

pytestmark = pytest.mark.django_db

PIC = BY_ENUM["PARTNER_PIC"].id
TITLE = BY_ENUM["PROJECT_TITLE"].id


def config_url(call_id):
    return f"/api/call/{call_id}/applicationFormFieldConfigurations"


def test_get_configuration(api_as, call, programme_user, applicant):
    response = api_as(programme_user).get(config_url(call.pk))
    assert response.status_code == 200
    rows = {row["id"]: row for row in response.json()}
    assert len(rows) == 141
    assert rows[TITLE] == {"id": TITLE, "visible": True, "availableInStep": "STEP_TWO_ONLY",
                           "visibilityLocked": True, "stepSelectionLocked": False}
    assert rows[PIC] == {"id": PIC, "visible": False, "availableInStep": "NONE",
                         "visibilityLocked": False, "stepSelectionLocked": False}
    assert api_as(applicant).get(config_url(call.pk)).status_code == 403
    assert api_as(programme_user).get(config_url(call.pk + 1000)).status_code == 404
    assert api_as(None).get(config_url(call.pk)).status_code == 401


def test_update_configuration(api_as, call, admin_user, programme_user):
    body = [{"id": PIC, "visible": True, "availableInStep": "STEP_ONE_AND_TWO"},
            {"id": TITLE, "visible": True, "availableInStep": "STEP_ONE_AND_TWO"}]
    assert api_as(programme_user).post(config_url(call.pk), body).status_code == 403
    response = api_as(admin_user).post(config_url(call.pk), body)
    assert response.status_code == 200, response.content
    detail = response.json()  # CallDetailDTO with the saved configuration
    assert detail["id"] == call.pk and detail["name"] == call.name
    saved = {row["id"]: row for row in detail["applicationFormFieldConfigurations"]}
    assert len(saved) == 141 and saved[PIC]["availableInStep"] == "STEP_ONE_AND_TWO"
    rows = {row["id"]: row for row in api_as(admin_user).get(config_url(call.pk)).json()}
    assert rows[PIC]["visible"] and rows[PIC]["availableInStep"] == "STEP_ONE_AND_TWO"
    assert rows[TITLE]["availableInStep"] == "STEP_ONE_AND_TWO"


def test_update_refusals(api_as, call, admin_user):
    api = api_as(admin_user)
    response = api.post(config_url(call.pk), [{"id": "application.config.nope", "visible": True,
                                               "availableInStep": "STEP_TWO_ONLY"},
                                              {"id": TITLE, "visible": False, "availableInStep": "NONE"}])
    assert response.status_code == 422
    assert form_keys(response) == {"application.config.nope": "call.form.config.field.unknown",
                                   TITLE: "call.form.config.option.not.allowed"}
    assert error_key(response) == "call.form.config.invalid"
    assert api.post(config_url(call.pk), [{"id": PIC, "visible": True, "availableInStep": "ALWAYS"}]).status_code == 400
    assert api.post(config_url(call.pk), [{"id": PIC}]).status_code == 400
    assert api.post(config_url(call.pk + 1000), []).status_code == 404


def test_published_call_refuses_hiding(api_as, admin_user):
    call = make_call("Published", published=True)
    api = api_as(admin_user)
    assert api.post(config_url(call.pk), [{"id": PIC, "visible": True, "availableInStep": "STEP_TWO_ONLY"}]
                    ).status_code == 200
    response = api.post(config_url(call.pk), [{"id": PIC, "visible": False, "availableInStep": "NONE"}])
    assert response.status_code == 422 and form_keys(response) == {PIC: "call.form.config.published.hidden"}


# --- translations -----------------------------------------------------------------------------------------


def upload(api, call_id, language, content: bytes, name="Application_de.properties"):
    return api.client.post(f"/api/call/translation/{call_id}/upload/{language}",
                           {"file": SimpleUploadedFile(name, content)}, **api.headers)


def test_translation_files(api_as, call, admin_user, programme_user):
    api = api_as(admin_user)
    assert api.get(f"/api/call/translation/{call.pk}").json() == [
        {"language": "EN", "file": None, "defaultFromProgramme": None}]
    response = upload(api, call.pk, "DE", b"project.application.form.title=Titel\n")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["language"] == "DE" and body["defaultFromProgramme"] is None
    file = body["file"]
    assert file["name"] == "Application-CallSpecific_de.properties" and file["id"] and file["uploaded"]
    listed = api_as(programme_user).get(f"/api/call/translation/{call.pk}").json()
    assert [row["language"] for row in listed] == ["DE", "EN"] and listed[0]["file"] == file
    download = api_as(programme_user).get(f"/api/call/translation/{call.pk}/download/{file['id']}")
    assert download.status_code == 200 and download["Content-Type"] == "application/octet-stream"
    assert download["Content-Disposition"] == "attachment; filename*=UTF-8''Application-CallSpecific_de.properties"
    assert download.content == b"project.application.form.title=Titel\n"
    assert int(download["Content-Length"]) == len(download.content)
    other = make_call("Other")
    assert api.get(f"/api/call/translation/{other.pk}/download/{file['id']}").status_code == 404
    assert api_as(programme_user).delete(f"/api/call/translation/{call.pk}/delete/DE").status_code == 403
    deleted = api.delete(f"/api/call/translation/{call.pk}/delete/DE")
    assert deleted.status_code == 200 and deleted.content == b""
    assert api.delete(f"/api/call/translation/{call.pk}/delete/DE").status_code == 404
    assert api.get(f"/api/call/translation/{call.pk}/download/{file['id']}").status_code == 404


def test_translation_refusals(api_as, call, admin_user, programme_user, applicant, settings):
    api = api_as(admin_user)
    assert upload(api_as(programme_user), call.pk, "DE", b"a=b").status_code == 403
    assert api_as(applicant).get(f"/api/call/translation/{call.pk}").status_code == 403
    assert api_as(applicant).get(f"/api/call/translation/{call.pk}/download/1").status_code == 403
    assert api_as(applicant).delete(f"/api/call/translation/{call.pk}/delete/DE").status_code == 403
    assert api_as(None).get(f"/api/call/translation/{call.pk}").status_code == 401
    assert upload(api, call.pk, "XX", b"a=b").status_code == 400
    assert api.client.post(f"/api/call/translation/{call.pk}/upload/DE", {}, **api.headers).status_code == 400
    response = upload(api, call.pk, "DE", b"\x00\x01binary")
    assert response.status_code == 422 and form_keys(response) == {"file": "call.translation.file.unreadable"}
    settings.MAX_UPLOAD_FILE_SIZE_MB = 1
    response = upload(api, call.pk, "DE", b"a=" + b"x" * (1024 * 1024))
    assert response.status_code == 422 and error_key(response) == "call.translation.file.too.big"
    assert upload(api, call.pk + 1000, "DE", b"a=b").status_code == 404
