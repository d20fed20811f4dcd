"""UserRoleApi: paged list, create/update with permissions, get by id, the default role for registration."""

from jems.accounts.models import Role
from jems.accounts.privileges import APPLICANT_USER_ROLE_ID, PROGRAMME_USER_ROLE_ID, Privilege
from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent

from .conftest import form_keys, send_raw

ALL = [p.value for p in Privilege]


def test_role_with_all_107_permissions_round_trips_and_is_audited(admin_user, api_as):
    assert len(ALL) == 107
    admin = api_as(admin_user)
    created = admin.post("/api/role", {"name": "Everything", "defaultForRegisteredUser": False,
                                       "permissions": list(reversed(ALL))})
    assert created.status_code == 200, created.content
    body = created.json()
    assert set(body) == {"id", "name", "defaultForRegisteredUser", "permissions"}
    assert sorted(body["permissions"]) == sorted(ALL)

    fetched = admin.get(f"/api/role/byId/{body['id']}")
    assert fetched.status_code == 200
    assert fetched.json()["name"] == "Everything"
    assert set(fetched.json()["permissions"]) == set(ALL) and len(fetched.json()["permissions"]) == 107
    assert AuditEvent.objects.filter(action=AuditAction.ROLE_PRIVILEGES_CHANGED, entity_related_id=body["id"],
                                     user_id=admin_user.pk).exists()


def test_update_role_replaces_permissions(admin_user, api_as):
    admin = api_as(admin_user)
    role = admin.post("/api/role", {"name": "Reader", "defaultForRegisteredUser": False,
                                    "permissions": ["CallRetrieve"]}).json()
    updated = admin.put("/api/role", {"id": role["id"], "name": "Reader 2",
                                      "permissions": ["AuditRetrieve", "UserRetrieve"]})
    assert updated.status_code == 200
    assert updated.json() == {"id": role["id"], "name": "Reader 2", "defaultForRegisteredUser": False,
                              "permissions": ["UserRetrieve", "AuditRetrieve"]}
    assert set(Role.objects.get(pk=role["id"]).permissions) == {"AuditRetrieve", "UserRetrieve"}


def test_unknown_permission_is_400_and_duplicate_name_422(admin_user, api_as):
    admin = api_as(admin_user)
    unknown = admin.post("/api/role", {"name": "X", "defaultForRegisteredUser": False, "permissions": ["Nope"]})
    assert (unknown.status_code, unknown.content) == (400, b"")
    duplicate = admin.post("/api/role", {"name": "administrator", "defaultForRegisteredUser": False,
                                         "permissions": []})
    assert (duplicate.status_code, form_keys(duplicate)) == (422, {"name": "role.name.not.unique"})


def test_roles_need_role_privileges(applicant, api_as):
    client = api_as(applicant)
    assert client.post("/api/role", {"name": "Mine", "defaultForRegisteredUser": False,
                                     "permissions": []}).status_code == 403
    assert client.get(f"/api/role/byId/{PROGRAMME_USER_ROLE_ID}").status_code == 403
    assert client.get(f"/api/role/byId/{APPLICANT_USER_ROLE_ID}").status_code == 200  # the own role
    assert client.get("/api/role").status_code == 403
    assert send_raw(client, "put", "/api/role/default", "2").status_code == 403


def test_role_list_is_a_spring_page(admin_user, api_as):
    response = api_as(admin_user).get("/api/role", page=1, size=2, sort="name,asc")
    assert response.status_code == 200
    page = response.json()
    assert [r["name"] for r in page["content"]] == ["programme user"]
    assert page["content"][0] == {"id": PROGRAMME_USER_ROLE_ID, "name": "programme user",
                                  "defaultForRegisteredUser": False}
    assert (page["totalElements"], page["totalPages"], page["number"], page["size"]) == (3, 2, 1, 2)
    assert (page["first"], page["last"], page["empty"], page["numberOfElements"]) == (False, True, False, 1)
    assert page["pageable"]["offset"] == 2 and page["sort"]["sorted"] is True


def test_get_and_set_the_default_role(admin_user, api_as):
    admin = api_as(admin_user)
    current = admin.get("/api/role/default")
    assert (current.status_code, current.content) == (200, str(APPLICANT_USER_ROLE_ID).encode())
    response = send_raw(admin, "put", "/api/role/default", str(PROGRAMME_USER_ROLE_ID))
    assert (response.status_code, response.content) == (200, b"")
    assert admin.get("/api/role/default").json() == PROGRAMME_USER_ROLE_ID
    assert list(Role.objects.filter(default_for_registered_user=True).values_list("id", flat=True)) == [
        PROGRAMME_USER_ROLE_ID]
    assert send_raw(admin, "put", "/api/role/default", '"two"').status_code == 400
    assert send_raw(admin, "put", "/api/role/default", "999").status_code == 404


def test_default_role_is_an_empty_body_when_none(admin_user, api_as):
    Role.objects.update(default_for_registered_user=False)
    response = api_as(admin_user).get("/api/role/default")
    assert (response.status_code, response.content) == (200, b"")

