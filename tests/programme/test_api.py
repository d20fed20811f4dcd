"""The programme-core operations of the Jems API: paths, JSON names, nulls, statuses and refusals."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from jems.programme.models import LegalStatus, ProgrammeFund, StateAid, TypologyError
from tests.api.conftest import error_key, form_keys, send_raw

pytestmark = pytest.mark.django_db

READS = ["/api/programmedata", "/api/programmedata/isLocked", "/api/programmedata/hasProjectsInStatus/APPROVED",
         "/api/programmedata/isFastTrackLocked", "/api/programmedata/isFastTrackLumpSumReadyForPayment/1",
         "/api/programmeLanguage", "/api/translationFile", "/api/translationFile/System",
         "/api/translationFile/Application/DE", "/api/programmeFund", "/api/programmestrategy",
         "/api/programmeLegalStatus", "/api/programmeStateAid", "/api/programmeTypologyErrors"]
WRITES = [
    ("put", "/api/programmedata", {"projectIdUseCallId": False}),
    ("put", "/api/programmeLanguage", []),
    ("put", "/api/programmeFund", []),
    ("put", "/api/programmestrategy", []),
    ("put", "/api/programmeLegalStatus", {"toPersist": []}),
    ("post", "/api/programmeStateAid", {"toPersist": []}),
    ("put", "/api/programmeTypologyErrors", {"toDeleteIds": [], "toPersist": []}),
]


@pytest.mark.parametrize("path", READS)
def test_reads_need_a_login_and_programme_setup_retrieve(path, api_as, programme_user, applicant):
    response = Client().get(path)
    assert response.status_code == 401 and response["WWW-Authenticate"] == "FormBased"
    assert api_as(applicant).get(path).status_code == 403
    assert error_key(api_as(applicant).get(path)) == "common.error.access.denied"
    assert api_as(programme_user).get(path).status_code == 200


@pytest.mark.parametrize("method, path, body", WRITES)
def test_writes_need_programme_setup_update(method, path, body, api_as, programme_user):
    response = getattr(api_as(programme_user), method)(path, body)
    assert response.status_code == 403 and error_key(response) == "common.error.access.denied"
    assert getattr(Client(), method)(path, body, content_type="application/json").status_code == 401


@pytest.mark.parametrize("method, path, body", WRITES)
def test_writes_refuse_unreadable_bodies_with_400(method, path, body, api_as, admin_user):
    api = api_as(admin_user)
    response = send_raw(api, method, path, "{not json")
    assert response.status_code == 400 and response.content == b""


def test_upload_needs_programme_setup_update(api_as, programme_user):
    api = api_as(programme_user)
    response = api.client.post("/api/translationFile/System/DE",
                               {"file": SimpleUploadedFile("System_de.properties", b"a=b")}, **api.headers)
    assert response.status_code == 403


# --- ProgrammeDataApi -------------------------------------------------------------------------------------------


def test_programme_data_get_and_put(api_as, admin_user):
    api = api_as(admin_user)
    data = api.get("/api/programmedata").json()
    assert data == {"cci": None, "title": None, "version": None, "firstYear": None, "lastYear": None,
                    "eligibleFrom": None, "eligibleUntil": None, "commissionDecisionNumber": None,
                    "commissionDecisionDate": None, "programmeAmendingDecisionNumber": None,
                    "programmeAmendingDecisionDate": None, "technicalAssistanceFlatRate": None,
                    "projectIdProgrammeAbbreviation": None, "projectIdUseCallId": False, "programmeNuts": []}
    body = {"cci": "2021TC16RFCB001", "title": "Interreg Test", "version": "1.0", "firstYear": 2021, "lastYear": 2027,
            "eligibleFrom": "2021-01-01", "eligibleUntil": "2029-12-31", "commissionDecisionNumber": "C(2022) 1",
            "commissionDecisionDate": "2022-06-30", "programmeAmendingDecisionNumber": None,
            "programmeAmendingDecisionDate": None, "technicalAssistanceFlatRate": 7.5,
            "projectIdProgrammeAbbreviation": "TST", "projectIdUseCallId": True}
    response = api.put("/api/programmedata", body)
    assert response.status_code == 200
    assert response.json() == {**body, "programmeNuts": []}
    assert api.get("/api/programmedata").json() == {**body, "programmeNuts": []}


def test_programme_data_refusals(api_as, admin_user, locked):
    api = api_as(admin_user)
    assert api.put("/api/programmedata", {"title": "no use-call-id flag"}).status_code == 400
    assert api.put("/api/programmedata", {"projectIdUseCallId": False, "firstYear": "soon"}).status_code == 400
    response = api.put("/api/programmedata", {"projectIdUseCallId": False, "cci": "X" * 16, "lastYear": 1900})
    assert response.status_code == 422
    assert form_keys(response) == {"cci": "common.error.field.max.length", "lastYear": "programme.data.year.range"}
    response = api.put("/api/programmedata", {"projectIdUseCallId": True})
    assert response.status_code == 422 and error_key(response) == "programme.setup.locked"


def test_programme_data_flags(api_as, programme_user, locked):
    api = api_as(programme_user)
    for path in ("/api/programmedata/isLocked",):
        response = api.get(path)
        assert response.status_code == 200 and response.content == b"true"
    for path in ("/api/programmedata/hasProjectsInStatus/DRAFT", "/api/programmedata/isFastTrackLocked",
                 "/api/programmedata/isFastTrackLumpSumReadyForPayment/42"):
        response = api.get(path)
        assert response.status_code == 200 and response.content == b"false"
        assert response["Content-Type"] == "application/json"
    assert api.get("/api/programmedata/hasProjectsInStatus/NOT_A_STATUS").status_code == 400
    assert api.get("/api/programmedata/isFastTrackLumpSumReadyForPayment/abc").status_code == 400


def test_is_locked_false_before_a_call_is_published(api_as, programme_user):
    assert api_as(programme_user).get("/api/programmedata/isLocked").content == b"false"


# --- ProgrammeLanguageApi ---------------------------------------------------------------------------------------


def test_languages(api_as, admin_user):
    api = api_as(admin_user)
    languages = api.get("/api/programmeLanguage").json()
    assert len(languages) == 34
    assert {"code": "EN", "ui": True, "fallback": True, "input": True} in languages
    response = api.put("/api/programmeLanguage", [{"code": "DE", "ui": True, "fallback": False, "input": True},
                                                  {"code": "FR", "ui": True, "fallback": False, "input": False}])
    assert response.status_code == 200 and len(response.json()) == 34
    assert {"code": "DE", "ui": True, "fallback": False, "input": True} in response.json()
    available = Client().get("/api/programmeLanguage/available")
    assert available.status_code == 200
    assert available.json() == {"inputLanguages": ["DE", "EN"], "systemLanguages": ["DE", "EN", "FR"],
                                "fallbackLanguage": "EN"}


def test_language_refusals(api_as, admin_user):
    api = api_as(admin_user)
    response = api.put("/api/programmeLanguage", [{"code": "EN", "ui": True, "fallback": False, "input": True}])
    assert response.status_code == 422 and form_keys(response) == {"fallback": "programme.language.fallback.exactly.one"}
    response = api.put("/api/programmeLanguage", [{"code": c, "ui": False, "fallback": False, "input": True}
                                                  for c in ("DE", "FR", "IT", "PL")])
    assert response.status_code == 422 and form_keys(response) == {"input": "programme.language.input.max"}
    assert api.put("/api/programmeLanguage", [{"code": "XX", "ui": True, "fallback": False, "input": True}]
                   ).status_code == 400
    assert api.put("/api/programmeLanguage", [{"code": "DE", "ui": True}]).status_code == 400


def test_locked_languages(api_as, admin_user, locked):
    response = api_as(admin_user).put("/api/programmeLanguage",
                                      [{"code": "DE", "ui": True, "fallback": False, "input": True}])
    assert response.status_code == 422 and error_key(response) == "programme.setup.locked"
    assert response.json()["i18nMessage"]["i18nArguments"] == {"what": "Changing the input languages"}


# --- TranslationFileApi -----------------------------------------------------------------------------------------


def upload(api, path, content: bytes, name="System_de.properties"):
    return api.client.post(path, {"file": SimpleUploadedFile(name, content)}, **api.headers)


def test_translation_files(api_as, admin_user, programme_user):
    api = api_as(admin_user)
    assert api.get("/api/translationFile").json() == []
    response = upload(api, "/api/translationFile/System/DE", b"common.error.field.required=Pflicht\n")
    assert response.status_code == 200
    meta = response.json()
    assert meta["language"] == "DE" and meta["fileType"] == "System" and meta["lastModified"]
    assert api_as(programme_user).get("/api/translationFile").json() == [meta]
    download = api.get("/api/translationFile/System/DE")
    assert download.status_code == 200 and download["Content-Type"] == "application/octet-stream"
    assert download["Content-Disposition"] == "attachment; filename*=UTF-8''System_de.properties"
    assert int(download["Content-Length"]) == len(download.content)
    assert "common.error.field.required=Pflicht" in download.content.decode()
    default = api.get("/api/translationFile/Application")
    assert default.status_code == 200 and default["Content-Disposition"].endswith("Application_en.properties")
    assert default.content.decode().startswith("# Jems Project translations: default English texts")
    # Sent with the declared Content-Type too.
    octet = api.client.get("/api/translationFile/System", content_type="application/octet-stream", **api.headers)
    assert octet.status_code == 200


def test_translation_file_refusals(api_as, admin_user, settings):
    api = api_as(admin_user)
    assert upload(api, "/api/translationFile/Other/DE", b"a=b").status_code == 400
    assert upload(api, "/api/translationFile/System/XX", b"a=b").status_code == 400
    assert api.client.post("/api/translationFile/System/DE", {}, **api.headers).status_code == 400
    response = upload(api, "/api/translationFile/System/DE", b"\x00\x01binary")
    assert response.status_code == 422 and form_keys(response) == {"file": "programme.translation.file.unreadable"}
    settings.MAX_UPLOAD_FILE_SIZE_MB = 1
    response = upload(api, "/api/translationFile/System/DE", b"a=" + b"x" * (1024 * 1024))
    assert response.status_code == 422 and error_key(response) == "programme.translation.file.too.big"
    assert api.get("/api/translationFile/Nope").status_code == 400
    assert api.get("/api/translationFile/System/XX").status_code == 400


# --- ProgrammeFundApi -------------------------------------------------------------------------------------------


def test_funds(api_as, admin_user):
    api = api_as(admin_user)
    funds = api.get("/api/programmeFund").json()
    assert [fund["type"] for fund in funds] == ["ERDF", "IPA_III_CBC", "NEIGHBOURHOOD_CBC", "IPA_III", "NDICI", "OCTP",
                                                "INTERREG_FUNDS"]
    assert funds[0] == {"id": 1, "selected": False, "type": "ERDF",
                        "abbreviation": [{"language": "EN", "translation": "ERDF"}],
                        "description": [{"language": "EN", "translation": "Territorial cooperation Goal (Interreg)"}]}
    funds[0]["selected"] = True
    del funds[1]["type"]  # omitted: the stored type stays
    funds.append({"selected": False, "abbreviation": [{"language": "EN", "translation": "Other fund"},
                                                      {"language": "DE", "translation": None}]})
    response = api.put("/api/programmeFund", funds)
    assert response.status_code == 200
    saved = response.json()
    assert saved[0]["selected"] and saved[1]["type"] == "IPA_III_CBC"
    assert saved[-1]["id"] > 7
    assert saved[-1] == {"id": saved[-1]["id"], "selected": False, "type": "OTHER",
                         "abbreviation": [{"language": "EN", "translation": "Other fund"}], "description": []}


def test_fund_refusals(api_as, admin_user):
    api = api_as(admin_user)
    funds = api.get("/api/programmeFund").json()
    response = api.put("/api/programmeFund", funds[1:])
    assert response.status_code == 422 and form_keys(response) == {"funds": "programme.fund.predefined.not.removable"}
    response = api.put("/api/programmeFund", funds + [{"selected": True, "type": "ERDF", "abbreviation": []}])
    assert response.status_code == 422
    assert form_keys(response) == {"funds[7].type": "programme.fund.type.other.only",
                                   "funds[7].abbreviation": "programme.fund.abbreviation.required"}
    response = api.put("/api/programmeFund", funds + [
        {"selected": False, "abbreviation": [{"language": "EN", "translation": f"F{i}"}]} for i in range(14)])
    assert response.status_code == 422 and form_keys(response) == {"funds": "programme.fund.max"}
    assert api.put("/api/programmeFund", [{"id": 1}]).status_code == 400  # `selected` is required
    assert api.put("/api/programmeFund", [{"selected": True, "type": "EFRE"}]).status_code == 400
    assert ProgrammeFund.objects.count() == 7


def test_locked_funds(api_as, admin_user, locked):
    api = api_as(admin_user)
    ProgrammeFund.objects.filter(pk=1).update(selected=True)
    funds = api.get("/api/programmeFund").json()
    funds[0]["selected"] = False
    response = api.put("/api/programmeFund", funds)
    assert response.status_code == 422 and error_key(response) == "programme.setup.locked"
    assert form_keys(response) == {"funds[0].selected": "programme.setup.locked"}


# --- ProgrammeStrategyApi ---------------------------------------------------------------------------------------


def test_strategies(api_as, admin_user, locked):
    api = api_as(admin_user)
    strategies = api.get("/api/programmestrategy").json()
    assert len(strategies) == 15 and strategies[0] == {"strategy": "EUStrategyAdriaticIonianRegion", "active": False}
    response = api.put("/api/programmestrategy", [{"strategy": "EuropeanGreenDeal", "active": True}])
    assert response.status_code == 200
    assert {"strategy": "EuropeanGreenDeal", "active": True} in response.json()
    response = api.put("/api/programmestrategy", [{"strategy": "EuropeanGreenDeal", "active": False}])
    assert response.status_code == 422 and error_key(response) == "programme.setup.locked"
    assert api.put("/api/programmestrategy", [{"strategy": "Unknown", "active": True}]).status_code == 400
    assert api.put("/api/programmestrategy", [{"strategy": "Other"}]).status_code == 400


# --- ProgrammeLegalStatusApi ------------------------------------------------------------------------------------


def test_legal_statuses(api_as, admin_user):
    api = api_as(admin_user)
    assert api.get("/api/programmeLegalStatus").json() == [
        {"id": 1, "type": "PUBLIC", "description": [{"language": "EN", "translation": "Public"}]},
        {"id": 2, "type": "PRIVATE", "description": [{"language": "EN", "translation": "Private"}]}]
    response = api.put("/api/programmeLegalStatus", {"toPersist": [
        {"type": "OTHER", "description": [{"language": "EN", "translation": "NGO"}]}]})
    assert response.status_code == 200
    ngo = response.json()[-1]
    assert ngo == {"id": ngo["id"], "type": "OTHER", "description": [{"language": "EN", "translation": "NGO"}]}
    response = api.put("/api/programmeLegalStatus", {"toDeleteIds": [ngo["id"]], "toPersist": []})
    assert response.status_code == 200 and len(response.json()) == 2


def test_legal_status_refusals(api_as, admin_user, locked):
    api = api_as(admin_user)
    response = api.put("/api/programmeLegalStatus", {"toDeleteIds": [1], "toPersist": []})
    assert response.status_code == 422
    assert form_keys(response) == {"toDeleteIds": "programme.legal.status.predefined.not.removable"}
    response = api.put("/api/programmeLegalStatus", {"toPersist": [
        {"type": "OTHER", "description": [{"language": "EN", "translation": "x" * 51}]}]})
    assert response.status_code == 422
    assert response.json()["formErrors"]["toPersist[0].description.language.en"] == {
        "i18nKey": "common.error.field.max.length", "i18nArguments": {"actualLength": "51", "requiredLength": "50"}}
    other = LegalStatus.objects.create(description={"EN": "NGO"})
    response = api.put("/api/programmeLegalStatus", {"toDeleteIds": [other.pk], "toPersist": []})
    assert response.status_code == 422 and error_key(response) == "programme.setup.locked"
    assert api.put("/api/programmeLegalStatus", {"toDeleteIds": []}).status_code == 400
    assert api.put("/api/programmeLegalStatus", {"toPersist": [{"description": []}]}).status_code == 400


# --- ProgrammeStateAidApi ---------------------------------------------------------------------------------------


def test_state_aids(api_as, admin_user, programme_user):
    api = api_as(admin_user)
    assert api.get("/api/programmeStateAid").json() == []
    body = {"toPersist": [{"id": 0, "measure": "GBER_ARTICLE_20", "name": [{"language": "EN", "translation": "ETC"}],
                           "abbreviatedName": [{"language": "EN", "translation": "Art. 20"}], "schemeNumber": "SA.1",
                           "maxIntensity": 80, "threshold": 2200000.50, "comments": []}]}
    response = api.post("/api/programmeStateAid", body)
    assert response.status_code == 200
    [aid] = response.json()
    assert aid["measure"] == "GBER_ARTICLE_20" and aid["schemeNumber"] == "SA.1"
    assert b'"maxIntensity": 80.00' in response.content and b'"threshold": 2200000.50' in response.content
    # Defaults of the contract: maxIntensity and threshold 0 when left out; null when sent as null.
    response = api.post("/api/programmeStateAid", {"toPersist": [
        {"id": aid["id"], "measure": "GBER_ARTICLE_20A"}, {"id": 0, "measure": "OTHER_1", "threshold": None}]})
    assert response.status_code == 200
    first, second = response.json()
    assert first["maxIntensity"] == 0 and first["threshold"] == 0 and first["name"] == []
    assert second["threshold"] is None and second["schemeNumber"] is None
    assert api_as(programme_user).get("/api/programmeStateAid").json() == response.json()
    response = api.post("/api/programmeStateAid", {"toDeleteIds": [first["id"]], "toPersist": []})
    assert [row["id"] for row in response.json()] == [second["id"]]


def test_state_aid_refusals(api_as, admin_user, locked):
    api = api_as(admin_user)
    response = api.post("/api/programmeStateAid", {"toPersist": [
        {"id": 0, "measure": "GENERAL_DE_MINIMIS", "maxIntensity": 101, "threshold": -5}]})
    assert response.status_code == 422
    assert form_keys(response) == {"toPersist[0].maxIntensity": "programme.state.aid.max.intensity.range",
                                   "toPersist[0].threshold": "programme.state.aid.threshold.range"}
    assert api.post("/api/programmeStateAid", {"toPersist": [{"id": 0, "measure": "GBER_ARTICLE_99"}]}).status_code == 400
    assert api.post("/api/programmeStateAid", {"toPersist": [{"measure": "OTHER_1"}]}).status_code == 400
    aid = StateAid.objects.create(measure="OTHER_1")
    response = api.post("/api/programmeStateAid", {"toDeleteIds": [aid.pk], "toPersist": []})
    assert response.status_code == 422 and error_key(response) == "programme.setup.locked"
    StateAid.objects.bulk_create([StateAid(measure="OTHER_2") for _ in range(39)])
    response = api.post("/api/programmeStateAid", {"toPersist": [{"id": 0, "measure": "OTHER_3"}]})
    assert response.status_code == 422 and form_keys(response) == {"toPersist": "programme.state.aid.max"}


# --- ProgrammeTypologyErrorsApi ---------------------------------------------------------------------------------


def test_typology_errors(api_as, admin_user, programme_user):
    api = api_as(admin_user)
    assert api.get("/api/programmeTypologyErrors").json() == []
    response = api.put("/api/programmeTypologyErrors", {"toDeleteIds": [], "toPersist": [
        {"description": "Public procurement"}, {"id": None, "description": "VAT"}]})
    assert response.status_code == 200
    first, second = response.json()
    assert first == {"id": first["id"], "description": "Public procurement"}
    response = api.put("/api/programmeTypologyErrors", {"toDeleteIds": [second["id"]], "toPersist": [
        {"id": first["id"], "description": "Procurement"}]})
    assert response.json() == [{"id": first["id"], "description": "Procurement"}]
    assert api_as(programme_user).get("/api/programmeTypologyErrors").json() == response.json()


def test_typology_error_refusals(api_as, admin_user, locked):
    api = api_as(admin_user)
    response = api.put("/api/programmeTypologyErrors", {"toDeleteIds": [], "toPersist": [{"description": ""}]})
    assert response.status_code == 422
    assert form_keys(response) == {"toPersist[0].description": "programme.typology.errors.description.required"}
    assert api.put("/api/programmeTypologyErrors", {"toPersist": []}).status_code == 400
    entry = TypologyError.objects.create(description="x")
    response = api.put("/api/programmeTypologyErrors", {"toDeleteIds": [entry.pk], "toPersist": []})
    assert response.status_code == 422 and error_key(response) == "programme.setup.locked"
