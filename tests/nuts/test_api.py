"""NutsApi and the NUTS operations of ProgrammeDataApi over HTTP."""

from django.utils import timezone

from jems.calls.models import Call, CallStatus
from jems.nuts.models import NutsMetadata, ProgrammeNuts


def test_get_nuts_is_the_whole_tree(api_as, applicant):
    response = api_as(applicant).get("/api/nuts")
    assert response.status_code == 200
    countries = response.json()
    assert len(countries) == 40
    austria = next(c for c in countries if c["code"] == "AT")
    assert austria["title"] == "Österreich"
    burgenland = austria["areas"][0]["areas"][0]
    assert burgenland == {"code": "AT11", "title": "Burgenland", "areas": [
        {"code": "AT111", "title": "Mittelburgenland", "areas": []},
        {"code": "AT112", "title": "Nordburgenland", "areas": []},
        {"code": "AT113", "title": "Südburgenland", "areas": []}]}


def test_anonymous_gets_401(api_as):
    assert api_as().get("/api/nuts").status_code == 401
    assert api_as().get("/api/programmedata/nuts").status_code == 401


def test_metadata(api_as, programme_user, applicant):
    response = api_as(programme_user).get("/api/nuts/metadata")
    assert response.status_code == 200
    assert response.json() == {"title": NutsMetadata.objects.get().title, "date": "2024-01-01"}
    assert api_as(applicant).get("/api/nuts/metadata").status_code == 403
    NutsMetadata.objects.all().delete()
    empty = api_as(programme_user).get("/api/nuts/metadata")
    assert empty.status_code == 200 and empty.content == b""


def test_download(api_as, admin_user, programme_user):
    response = api_as(admin_user).post("/api/nuts/download")
    assert response.status_code == 200
    assert response.json()["date"] == "2024-01-01"
    assert api_as(programme_user).post("/api/nuts/download").status_code == 403


def test_programme_area_round_trip(api_as, admin_user, programme_user):
    response = api_as(admin_user).put("/api/programmedata/nuts", ["AT111", "AT112"])
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["programmeNuts"] == [{"code": "AT", "title": "Österreich", "areas": [
        {"code": "AT1", "title": "Ostösterreich", "areas": [{"code": "AT11", "title": "Burgenland", "areas": [
            {"code": "AT111", "title": "Mittelburgenland", "areas": []},
            {"code": "AT112", "title": "Nordburgenland", "areas": []}]}]}]}]
    assert "projectIdUseCallId" in body and "cci" in body
    assert api_as(programme_user).get("/api/programmedata/nuts").json() == body["programmeNuts"]


def test_programme_area_refusals(api_as, admin_user, programme_user, applicant):
    assert api_as(programme_user).put("/api/programmedata/nuts", ["AT111"]).status_code == 403
    assert api_as(applicant).get("/api/programmedata/nuts").status_code == 403
    unknown = api_as(admin_user).put("/api/programmedata/nuts", ["NOPE1"])
    assert unknown.status_code == 422
    assert unknown.json()["formErrors"]["nuts"]["i18nKey"] == "nuts.region.not.found"
    assert api_as(admin_user).put("/api/programmedata/nuts", {"codes": ["AT111"]}).status_code == 400
    assert api_as(admin_user).put("/api/programmedata/nuts", None).status_code == 400


def test_locked_setup_refuses_removal(api_as, admin_user):
    ProgrammeNuts.objects.create(region_id="AT111")
    now = timezone.now()
    Call.objects.create(name="Call", status=CallStatus.PUBLISHED, start_date=now, end_date=now)
    response = api_as(admin_user).put("/api/programmedata/nuts", [])
    assert response.status_code == 422
    assert response.json()["i18nMessage"]["i18nKey"] == "programme.setup.locked"
    assert api_as(admin_user).put("/api/programmedata/nuts", ["AT111", "AT112"]).status_code == 200
