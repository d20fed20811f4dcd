"""UserApi and UserProfileApi: search, create, update, passwords, settings, profile, query budgets."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.accounts.models import Role, User, UserStatus
from jems.accounts.privileges import ADMINISTRATOR_ROLE_ID, APPLICANT_USER_ROLE_ID, PROGRAMME_USER_ROLE_ID
from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent
from tests.conftest import PASSWORD, basic

from .conftest import error_key, form_keys, send_raw

NEW_USER = {"email": "officer@example.org", "name": "Olga", "surname": "Officer",
            "userRoleId": PROGRAMME_USER_ROLE_ID, "userStatus": "ACTIVE"}


def test_create_user_answers_the_user_dto(admin_user, api_as):
    response = api_as(admin_user).post("/api/user", NEW_USER)
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"id", "email", "userSettings", "name", "surname", "userRole", "userStatus"}
    assert (body["email"], body["name"], body["surname"], body["userStatus"]) == (
        "officer@example.org", "Olga", "Officer", "ACTIVE")
    assert body["userRole"]["id"] == PROGRAMME_USER_ROLE_ID and "ProjectRetrieve" in body["userRole"]["permissions"]
    assert body["userSettings"] == {"sendNotificationsToEmail": True}
    assert AuditEvent.objects.filter(action=AuditAction.USER_ADDED, entity_related_id=body["id"]).exists()
    assert api_as(admin_user).get(f"/api/user/byId/{body['id']}").json() == body


def test_duplicate_email_is_422_and_missing_privilege_403(admin_user, applicant, api_as):
    duplicate = api_as(admin_user).post("/api/user", {**NEW_USER, "email": applicant.email.upper()})
    assert (duplicate.status_code, form_keys(duplicate)) == (422, {"email": "user.email.not.unique"})
    forbidden = api_as(applicant).post("/api/user", NEW_USER)
    assert forbidden.status_code == 403
    assert forbidden.json()["code"] and error_key(forbidden) == "common.error.access.denied"
    bad_status = api_as(admin_user).post("/api/user", {**NEW_USER, "userStatus": "SLEEPING"})
    assert (bad_status.status_code, bad_status.content) == (400, b"")


def test_update_user(admin_user, programme_user, api_as):
    change = {**NEW_USER, "id": programme_user.pk, "email": "renamed@example.org", "userRoleId": APPLICANT_USER_ROLE_ID,
              "userStatus": "INACTIVE"}
    response = api_as(admin_user).put("/api/user", change)
    assert response.status_code == 200, response.content
    assert (response.json()["email"], response.json()["userRole"]["id"], response.json()["userStatus"]) == (
        "renamed@example.org", APPLICANT_USER_ROLE_ID, "INACTIVE")
    assert AuditEvent.objects.filter(action=AuditAction.USER_DATA_CHANGED, entity_related_id=programme_user.pk).exists()
    unknown = api_as(admin_user).put("/api/user", {**change, "id": 999999})
    assert unknown.status_code == 404


def test_the_last_administrator_keeps_role_1(admin_user, api_as):
    change = {"id": admin_user.pk, "email": admin_user.email, "name": "Admin", "surname": "Admin",
              "userRoleId": PROGRAMME_USER_ROLE_ID, "userStatus": "ACTIVE"}
    response = api_as(admin_user).put("/api/user", change)
    assert (response.status_code, error_key(response)) == (422, "user.last.administrator")
    assert User.objects.get(pk=admin_user.pk).role_id == ADMINISTRATOR_ROLE_ID


def test_set_another_users_password_takes_the_raw_body(admin_user, programme_user, api_as):
    admin = api_as(admin_user)
    response = send_raw(admin, "put", f"/api/user/byId/{programme_user.pk}/password", "Set-By-Admin-42")
    assert (response.status_code, response.content) == (200, b"")
    assert Client().get("/api/profile", **basic(programme_user.email, "Set-By-Admin-42")).status_code == 200
    weak = send_raw(admin, "put", f"/api/user/byId/{programme_user.pk}/password", "weak")
    assert (weak.status_code, form_keys(weak)) == (422, {"password": "user.password.constraints.not.satisfied"})
    other = send_raw(api_as(programme_user, "Set-By-Admin-42"), "put", f"/api/user/byId/{admin_user.pk}/password",
                     "Stolen-Passw0rd")
    assert other.status_code == 403


def test_change_my_password(programme_user, api_as):
    client = api_as(programme_user)
    wrong = client.put("/api/user/changeMyPassword", {"password": "Next-Passw0rd", "oldPassword": "wrong"})
    assert (wrong.status_code, form_keys(wrong)) == (422, {"oldPassword": "user.password.old.not.match"})
    done = client.put("/api/user/changeMyPassword", {"password": "Next-Passw0rd", "oldPassword": PASSWORD})
    assert (done.status_code, done.content) == (200, b"")
    assert Client().get("/api/profile", **basic(programme_user.email, "Next-Passw0rd")).status_code == 200


def test_user_settings_own_and_others(programme_user, applicant, admin_user, api_as):
    own = api_as(applicant).put("/api/user/setting", {"sendNotificationsToEmail": False})
    assert (own.status_code, own.json()) == (200, {"sendNotificationsToEmail": False})
    assert User.objects.get(pk=applicant.pk).send_notifications_to_email is False
    other = api_as(applicant).put("/api/user/setting", {"id": programme_user.pk, "sendNotificationsToEmail": False})
    assert other.status_code == 403
    by_admin = api_as(admin_user).put("/api/user/setting", {"id": programme_user.pk,
                                                            "sendNotificationsToEmail": False})
    assert by_admin.json() == {"sendNotificationsToEmail": False}


def test_profile_get_and_put(applicant, api_as):
    client = api_as(applicant)
    assert client.get("/api/profile").json() == {"language": None}
    response = client.put("/api/profile", {"language": "de"})
    assert (response.status_code, response.json()) == (200, {"language": "DE"})
    assert client.get("/api/profile").json() == {"language": "DE"}
    unknown = client.put("/api/profile", {"language": "xx"})
    assert (unknown.status_code, form_keys(unknown)) == (422, {"language": "profile.language.unknown"})
    assert client.put("/api/profile", {}).json() == {"language": None}


def test_user_list_filters_and_pages(admin_user, programme_user, applicant, api_as):
    admin = api_as(admin_user)
    everyone = admin.post("/api/user/list?size=10&sort=email,asc")
    assert [u["email"] for u in everyone.json()["content"]] == [
        "admin@jems.eu", "applicant@example.org", "programme@example.org"]
    assert everyone.json()["content"][0]["userRole"] == {"id": 1, "name": "administrator",
                                                         "defaultForRegisteredUser": False}
    filtered = admin.post("/api/user/list", {"email": "EXAMPLE", "roles": [APPLICANT_USER_ROLE_ID],
                                             "userStatuses": ["ACTIVE"]})
    assert [u["email"] for u in filtered.json()["content"]] == ["applicant@example.org"]
    page = admin.post("/api/user/list?page=1&size=2&sort=email,asc").json()
    assert ([u["email"] for u in page["content"]], page["totalElements"], page["number"]) == (
        ["programme@example.org"], 3, 1)
    assert admin.get("/api/user", size=2, sort="email,asc").json()["content"] == everyone.json()["content"][:2]


def test_user_list_needs_user_retrieve(applicant, api_as):
    client = api_as(applicant)
    assert client.get("/api/user").status_code == 403
    assert client.post("/api/user/list").status_code == 403
    assert client.get(f"/api/user/byId/{applicant.pk}").status_code == 200  # oneself
    assert client.get("/api/user/byId/1").status_code == 403


def test_users_with_and_without_global_project_retrieve(admin_user, programme_user, applicant, api_as):
    monitor = Role.objects.create(name="monitor", permissions=["ProjectFormRetrieve"])
    watcher = User.objects.create_user(email="watcher@example.org", password=PASSWORD, name="W", surname="W",
                                       role=monitor)
    admin = api_as(admin_user)
    with_retrieve = admin.post("/api/user/withProjectRetrievePermission")
    assert with_retrieve.status_code == 200
    assert {u["email"] for u in with_retrieve.json()} == {admin_user.email, programme_user.email}
    monitors = admin.post("/api/user/withoutProjectRetrievePermissionAndWithMonitor").json()
    assert [u["email"] for u in monitors] == [watcher.email]
    assert api_as(applicant).post("/api/user/withProjectRetrievePermission").status_code == 403


def _users(count):
    role = Role.objects.get(pk=APPLICANT_USER_ROLE_ID)
    other = Role.objects.create(name="bulk", permissions=["CallRetrieve"])
    User.objects.bulk_create(User(email=f"bulk{i}@example.org", name="B", surname=str(i), role=(role, other)[i % 2],
                                  status=UserStatus.ACTIVE, password="!") for i in range(count))


def _queries(client, path, body=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(path, body)
    assert response.status_code == 200
    return len(queries), len(response.json()["content"])


def test_user_list_query_count_does_not_grow_with_rows(admin_user, api_as):
    admin = api_as(admin_user)
    _users(10)
    small = _queries(admin, "/api/user/list?size=1000")
    User.objects.filter(email__startswith="bulk").delete()
    Role.objects.filter(name="bulk").delete()
    _users(500)
    large = _queries(admin, "/api/user/list?size=1000")
    assert small[1] == 11 and large[1] == 501
    assert small[0] == large[0]
