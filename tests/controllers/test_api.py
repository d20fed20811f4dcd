"""ControllerInstitutionApi over HTTP: every operation with its refusals."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.controllers import services
from jems.controllers.services import InstitutionUserInput as U

BASE = "/api/controller/institution"


def body(**kwargs):
    data = {"name": "FLC Kärnten", "description": "First-level control", "institutionNuts": ["AT21"],
            "institutionUsers": [{"institutionId": 0, "userEmail": "controller@example.org", "userId": 0,
                                  "accessLevel": "Edit"}]}
    data.update(kwargs)
    return data


def test_create_get_update(api_as, admin_user, area, controller):
    created = api_as(admin_user).post(f"{BASE}/create", body())
    assert created.status_code == 200, created.content
    dto = created.json()
    assert dto["name"] == "FLC Kärnten" and dto["description"] == "First-level control"
    assert dto["institutionUsers"] == [{"institutionId": dto["id"], "userEmail": "controller@example.org",
                                        "userId": controller.pk, "accessLevel": "Edit"}]
    assert dto["institutionNuts"][0]["code"] == "AT"
    assert dto["createdAt"]
    assert api_as(controller).get(f"{BASE}/{dto['id']}").json() == dto
    updated = api_as(admin_user).put(f"{BASE}/{dto['id']}", body(name="FLC Carinthia", description=None,
                                                                 institutionNuts=["AT211"], institutionUsers=[]))
    assert updated.status_code == 200
    assert updated.json()["description"] is None and updated.json()["institutionUsers"] == []
    assert updated.json()["institutionNuts"][0]["areas"][0]["areas"][0]["areas"] == [
        {"code": "AT211", "title": "Klagenfurt-Villach", "areas": []}]


def test_refusals(api_as, admin_user, area, controller, manager, applicant):
    assert api_as(controller).post(f"{BASE}/create", body()).status_code == 403
    invalid = api_as(admin_user).post(f"{BASE}/create", body(name="", institutionNuts=["DE300"]))
    assert invalid.status_code == 422
    assert set(invalid.json()["formErrors"]) == {"name", "institutionNuts"}
    assert api_as(admin_user).post(f"{BASE}/create", {"description": "no name"}).status_code == 400
    bad_level = body(institutionUsers=[{"institutionId": 0, "userEmail": "x@y.z", "userId": 0, "accessLevel": "Own"}])
    assert api_as(admin_user).post(f"{BASE}/create", bad_level).status_code == 400
    institution = services.create_institution(actor=admin_user, name="Other", description=None, nuts_codes=[],
                                              users=[])
    assert api_as(controller).get(f"{BASE}/{institution.pk}").status_code == 403
    assert api_as(manager).put(f"{BASE}/{institution.pk}", body()).status_code == 403
    assert api_as(admin_user).get(f"{BASE}/999999").status_code == 404
    assert api_as(admin_user).put(f"{BASE}/999999", body()).status_code == 404
    assert api_as(applicant).get(BASE).status_code == 403
    assert api_as().get(BASE).status_code == 401


def test_list_is_a_spring_page(api_as, admin_user, area, controller):
    for name in ("B institution", "A institution"):
        services.create_institution(actor=admin_user, name=name, description=None, nuts_codes=["SI041"],
                                    users=[U("controller@example.org", "View")] if name.startswith("A") else [])
    page = api_as(admin_user).get(BASE, sort="name,asc", size=1).json()
    assert page["totalElements"] == 2 and page["totalPages"] == 2 and page["size"] == 1
    item = page["content"][0]
    assert item["name"] == "A institution" and set(item) == {"id", "name", "description", "institutionNuts", "createdAt"}
    assert item["institutionNuts"][0]["code"] == "SI"
    assert [i["name"] for i in api_as(controller).get(BASE).json()["content"]] == ["A institution"]
    assert api_as(admin_user).get(BASE, sort="unknown").status_code == 422


def test_list_has_a_fixed_number_of_queries(api_as, admin_user, area):
    client = api_as(admin_user)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(BASE, size=500).status_code == 200
        return len(captured)

    def make(n, start):
        for i in range(start, start + n):
            services.create_institution(actor=admin_user, name=f"Institution {i}", description=None,
                                        nuts_codes=["AT211", "SI041"], users=[])

    make(10, 0)
    count()
    few = count()
    make(190, 10)
    assert count() == few


def test_check_my_available_regions(api_as, admin_user, area, controller, applicant):
    services.create_institution(actor=admin_user, name="IT", description=None, nuts_codes=["ITH42"],
                                users=[U("controller@example.org", "View")])
    assert [c["code"] for c in api_as(controller).get(f"{BASE}/checkMyAvailableRegions").json()] == ["IT"]
    assert [c["code"] for c in api_as(admin_user).get(f"{BASE}/checkMyAvailableRegions").json()] == ["AT", "IT", "SI"]
    assert api_as(applicant).get(f"{BASE}/checkMyAvailableRegions").status_code == 403


def test_assignment_operations_over_no_partners(api_as, admin_user, area, controller, applicant):
    empty = api_as(admin_user).post(f"{BASE}/assign", {"assignmentsToAdd": [], "assignmentsToRemove": []})
    assert empty.status_code == 200 and empty.json() == []
    institution = services.create_institution(actor=admin_user, name="I", description=None, nuts_codes=[], users=[])
    refused = api_as(admin_user).post(f"{BASE}/assign", {
        "assignmentsToAdd": [{"partnerId": 7, "institutionId": institution.pk}], "assignmentsToRemove": []})
    assert refused.status_code == 422
    assert refused.json()["formErrors"]["assignments[0].partnerId"]["i18nKey"] == \
        "controller.institution.partner.not.assignable"
    assert api_as(controller).post(f"{BASE}/assign", {"assignmentsToAdd": [], "assignmentsToRemove": []}).status_code == 403
    assert api_as(admin_user).post(f"{BASE}/assign", {"assignmentsToAdd": []}).status_code == 400

    page = api_as(controller).post(f"{BASE}/assignments?page=0&size=10", {"partnerNuts": ["AT211"]})
    assert page.status_code == 200
    assert page.json()["content"] == [] and page.json()["totalElements"] == 0 and page.json()["empty"] is True
    assert api_as(controller).post(f"{BASE}/assignments").status_code == 200
    assert api_as(applicant).post(f"{BASE}/assignments").status_code == 403

    level = api_as(controller).get(f"{BASE}/assignments/7")
    assert level.status_code == 200 and level.content == b""
    assert api_as().get(f"{BASE}/assignments/7").status_code == 401

    users = api_as(controller).get(f"{BASE}/{institution.pk}/users/7")
    assert users.status_code == 404 and users.json()["i18nMessage"]["i18nKey"] == "project.partner.not.found"
    assert api_as(controller).get(f"{BASE}/999999/users/7").status_code == 404
    assert api_as(applicant).get(f"{BASE}/{institution.pk}/users/7").status_code == 403
