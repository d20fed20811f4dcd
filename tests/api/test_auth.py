"""AuthenticationApi: login by session and by HTTP Basic, the current user, blocking, logout, 401/403 rules."""

from django.conf import settings
from django.test import Client

from jems.accounts.models import UserStatus
from jems.accounts.privileges import ordered
from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent
from tests.conftest import PASSWORD, basic, make_user

from .conftest import call, error_key, login

ANONYMOUS = {"id": -1, "name": "",
             "role": {"id": None, "name": "", "defaultForRegisteredUser": None, "permissions": []}}


def expected_current(user):
    return {"id": user.pk, "name": user.email,
            "role": {"id": user.role.pk, "name": user.role.name,
                     "defaultForRegisteredUser": user.role.default_for_registered_user,
                     "permissions": ordered(user.role.permissions)}}


def test_login_starts_a_session_and_current_user_has_the_jems_shape(programme_user):
    client = Client()
    response = login(client, programme_user.email)
    assert response.status_code == 200
    assert response.json() == expected_current(programme_user)
    assert settings.SESSION_COOKIE_NAME == "JSESSIONID" and response.cookies["JSESSIONID"].value

    current = client.get("/api/auth/current")
    assert current.status_code == 200
    assert current.json() == expected_current(programme_user)
    assert AuditEvent.objects.filter(action=AuditAction.USER_LOGGED_IN, user_id=programme_user.pk).exists()


def test_login_sets_the_language_cookie_of_the_profile(programme_user):
    programme_user.language = "DE"
    programme_user.save()
    response = login(Client(), programme_user.email)
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "de"


def test_http_basic_works_on_every_call_without_a_session(admin_user):
    client = Client()
    response = client.get("/api/auth/current", **basic(admin_user.email))
    assert response.json() == expected_current(admin_user)
    assert client.get(f"/api/user/byId/{admin_user.pk}", **basic(admin_user.email)).status_code == 200
    assert "JSESSIONID" not in client.cookies or not client.cookies["JSESSIONID"].value
    # without the header again: not logged in
    assert client.get("/api/auth/current").json() == ANONYMOUS


def test_anonymous_current_user(db):
    response = Client().get("/api/auth/current")
    assert response.status_code == 200
    assert response.json() == ANONYMOUS


def test_wrong_password_is_401_auth_bad_credentials(programme_user):
    response = login(Client(), programme_user.email, "wrong")
    assert response.status_code == 401
    body = response.json()
    assert body["code"] == "AUTH" and body["i18nMessage"]["i18nKey"] == "authentication.bad.credentials"
    assert set(body) == {"id", "code", "i18nMessage", "details", "formErrors", "message"}


def test_eleventh_attempt_is_blocked_with_arguments_and_audited(programme_user):
    client = Client()
    for _ in range(10):
        assert error_key(login(client, programme_user.email, "wrong")) == "authentication.bad.credentials"
    for password in ("wrong", PASSWORD):  # the 11th, and even the right password while blocked
        response = login(client, programme_user.email, password)
        assert response.status_code == 401
        body = response.json()
        assert body["code"] == "AUTH"
        assert body["i18nMessage"] == {"i18nKey": "authentication.account.login.blocked",
                                       "i18nArguments": {"email": programme_user.email, "attempts": "10",
                                                         "minutes": "5"}}
    failed = AuditEvent.objects.filter(action=AuditAction.USER_LOGIN_FAILED, user_id=programme_user.pk)
    assert failed.count() == 12
    assert failed.filter(description__contains="blocked").count() == 2


def test_unconfirmed_and_inactive_accounts_get_their_messages(db):
    make_user("new@example.org", 3, status=UserStatus.UNCONFIRMED)
    make_user("gone@example.org", 3, status=UserStatus.INACTIVE)
    unconfirmed = login(Client(), "new@example.org")
    inactive = login(Client(), "gone@example.org")
    assert (unconfirmed.status_code, error_key(unconfirmed)) == (401, "authentication.account.locked")
    assert (inactive.status_code, error_key(inactive)) == (401, "authentication.account.disabled")


def test_blank_credentials_are_400_with_form_errors_and_missing_ones_400_empty(db):
    blank = call(Client(), "post", "/api/auth/login", {"email": " ", "password": ""})
    assert blank.status_code == 400
    body = blank.json()
    assert body["code"] == "C-INP-ERR"
    assert set(body["formErrors"]) == {"email", "password"}
    missing = call(Client(), "post", "/api/auth/login", {"email": "a@b.c"})
    assert (missing.status_code, missing.content) == (400, b"")
    malformed = call(Client(), "post", "/api/auth/login", raw="{not json")
    assert (malformed.status_code, malformed.content) == (400, b"")


def test_logout_ends_the_session_with_an_empty_body(session_as, programme_user):
    client = session_as(programme_user)
    assert client.get("/api/profile").status_code == 200
    response = client.post("/api/auth/logout")
    assert (response.status_code, response.content) == (200, b"")
    assert client.get("/api/auth/current").json() == ANONYMOUS
    assert client.get("/api/profile").status_code == 401
    assert AuditEvent.objects.filter(action=AuditAction.USER_LOGGED_OUT, user_id=programme_user.pk).exists()


def test_logout_without_login_is_fine(db):
    response = Client().post("/api/auth/logout")
    assert (response.status_code, response.content) == (200, b"")


def test_protected_paths_answer_401_form_based_with_the_spring_body(db):
    response = Client().get("/api/user/byId/1")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "FormBased"
    body = response.json()
    assert set(body) == {"timestamp", "status", "error", "path"}
    assert (body["status"], body["error"], body["path"]) == (401, "Unauthorized", "/api/user/byId/1")
    bad_basic = Client().get("/api/user/byId/1", **basic("admin@jems.eu", "wrong"))
    assert bad_basic.status_code == 401 and bad_basic["WWW-Authenticate"] == "FormBased"
    for path in ("/api/profile", "/api/audit", "/api/role", "/api/settings/maxFileSize"):
        assert Client().get(path).status_code == 401, path


def test_cross_site_state_change_with_the_session_cookie_is_refused(session_as, programme_user):
    client = session_as(programme_user)
    change = {"sendNotificationsToEmail": False}
    refused = call(client, "put", "/api/user/setting", change, **{"Sec-Fetch-Site": "cross-site"})
    assert refused.status_code == 403
    assert refused.json()["status"] == 403
    other_origin = call(client, "put", "/api/user/setting", change, Origin="https://evil.example")
    assert other_origin.status_code == 403
    programme_user.refresh_from_db()
    assert programme_user.send_notifications_to_email is True
    # a script sends no browser headers: it works
    allowed = call(client, "put", "/api/user/setting", change)
    assert allowed.status_code == 200
    assert allowed.json() == {"sendNotificationsToEmail": False}
    same_site = call(client, "put", "/api/user/setting", {"sendNotificationsToEmail": True},
                     **{"Sec-Fetch-Site": "same-origin"})
    assert same_site.status_code == 200
