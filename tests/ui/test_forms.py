"""Form handling of the account pages: services' refusals show inline and typed values stay."""

import re
import time

import pytest
from django.core import mail
from django.test import Client

from jems.accounts.forms import TREE_LABELS, _walk
from jems.accounts.middleware import LAST_SEEN_KEY
from jems.accounts.models import Role, User, UserStatus
from jems.accounts.privileges import TREES
from jems.audit.models import AuditEvent
from jems.core.mail import render_mail
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db

STRONG = "Strong-Passw0rd"


def field_tag(html, name):
    return re.search(rf'<(?:input|select)[^>]*name="{name}"[^>]*>', html).group(0)


def assert_invalid(html, name, message=None):
    tag = field_tag(html, name)
    assert 'aria-invalid="true"' in tag, tag
    error_id = re.search(r'aria-describedby="[^"]*?(id_[\w-]+_error)"', tag).group(1)
    assert f'id="{error_id}"' in html
    if message:
        block = re.search(rf'id="{error_id}">(.*?)</p>', html, re.S).group(1)
        assert message in block, block


# --- login and logout -------------------------------------------------------------------------------


def test_login_failure_shows_message_and_keeps_email(admin_user):
    response = Client().post("/no-auth/login", {"email": admin_user.email, "password": "nope"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "E-mail or password is not correct." in html and 'role="alert"' in html
    assert f'value="{admin_user.email}"' in field_tag(html, "email")
    assert "nope" not in html


def test_login_blank_fields_are_marked():
    html = Client().post("/no-auth/login", {"email": "", "password": ""}).content.decode()
    assert_invalid(html, "email")
    assert_invalid(html, "password")


def test_unconfirmed_account_gets_its_own_message(db):
    make_user("new@example.org", 3, status=UserStatus.UNCONFIRMED)
    html = Client().post("/no-auth/login", {"email": "new@example.org", "password": PASSWORD}).content.decode()
    assert "Your account is not confirmed yet." in html


def test_login_redirects_to_next_and_sets_profile_language(admin_user):
    admin_user.language = "DE"
    admin_user.save()
    client = Client()
    response = client.post("/no-auth/login?next=/app/system/role",
                           {"email": admin_user.email, "password": PASSWORD, "next": "/app/system/role"})
    assert response["Location"] == "/app/system/role"
    assert response.cookies["django_language"].value == "de"
    assert "Rollen" in client.get("/app/system/role").content.decode()
    response = Client().post("/no-auth/login", {"email": admin_user.email, "password": PASSWORD,
                                               "next": "https://evil.example.org/"})
    assert response["Location"] == "/app/dashboard"
    assert AuditEvent.objects.filter(action="USER_LOGGED_IN", user_id=admin_user.pk).count() == 2


def test_logout_is_post_only_and_says_so(admin_client_, admin_user):
    assert admin_client_.get("/logout").status_code == 405
    response = admin_client_.post("/logout", follow=True)
    assert response.redirect_chain[-1][0] == "/no-auth/login"
    assert "You are logged out." in response.content.decode()
    assert AuditEvent.objects.filter(action="USER_LOGGED_OUT", user_id=admin_user.pk).exists()
    assert admin_client_.get("/app/dashboard").status_code == 302


def test_expired_session_is_explained_on_the_login_page(admin_client_):
    session = admin_client_.session
    session[LAST_SEEN_KEY] = int(time.time()) - 4000
    session.save()
    response = admin_client_.get("/app/profile", follow=True)
    assert response.redirect_chain[-1][0].startswith("/no-auth/login?next=")
    assert "Your session expired. Please log in again." in response.content.decode()


# --- registration and password reset -------------------------------------------------------------------


def test_register_errors_inline_and_keep_values(settings):
    settings.CAPTCHA_ENABLED = False
    data = {"email": "not-an-email", "name": "Ada", "surname": "Lovelace", "password": "weak"}
    html = Client().post("/no-auth/register", data).content.decode()
    assert_invalid(html, "email", "Enter a valid e-mail address.")
    assert_invalid(html, "password", "at least 10 characters")
    assert 'value="Ada"' in field_tag(html, "name") and 'value="Lovelace"' in field_tag(html, "surname")
    assert 'value="not-an-email"' in field_tag(html, "email")
    assert not User.objects.filter(name="Ada").exists()


def test_register_with_captcha(settings):
    settings.CAPTCHA_ENABLED = True
    client = Client()
    client.get("/no-auth/register")
    answer = client.session["jems_captcha"]
    data = {"email": "ada@example.org", "name": "Ada", "surname": "Lovelace", "password": STRONG, "captcha": "XXXXX"}
    html = client.post("/no-auth/register", data).content.decode()
    assert_invalid(html, "captcha", "does not match the picture")
    assert 'value="ada@example.org"' in html
    answer = client.session["jems_captcha"]  # a new picture came with the error
    html = client.post("/no-auth/register", {**data, "captcha": answer.lower()}).content.decode()
    assert "Please check your e-mail" in html
    assert User.objects.get(email="ada@example.org").status == UserStatus.UNCONFIRMED
    assert client.get("/no-auth/captcha").content.startswith(b'<img id="captcha-image"')


def test_registration_confirmation_page(settings, django_capture_on_commit_callbacks):
    settings.CAPTCHA_ENABLED = False
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/no-auth/register", {"email": "ada@example.org", "name": "Ada", "surname": "L",
                                            "password": STRONG})
    body = mail.outbox[-1].body
    link = re.search(r"http\S+registrationConfirmation\?token=\S+", body).group(0)
    path = link.split("127.0.0.1:8000")[-1]
    html = Client().get(path).content.decode()
    assert "Your account ada@example.org is confirmed." in html
    assert "already confirmed" in Client().get(path).content.decode()
    assert "not valid" in Client().get("/no-auth/registrationConfirmation?token=garbage").content.decode()


def test_password_reset_pages(applicant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        html = Client().post("/no-auth/forgotPassword", {"email": applicant.email}).content.decode()
    assert "If an account exists for" in html
    link = re.search(r"http\S+resetPassword\?token=\S+", mail.outbox[-1].body).group(0)
    token = re.search(r"token=([\w-]+)", link).group(1)
    client = Client()
    html = client.get(f"/no-auth/resetPassword?token={token}&email={applicant.email}").content.decode()
    assert f"For the account {applicant.email}." in html
    html = client.post("/no-auth/resetPassword", {"token": token, "email": applicant.email,
                                                  "password": STRONG, "password2": "other"}).content.decode()
    assert_invalid(html, "password2", "do not match")
    html = client.post("/no-auth/resetPassword", {"token": token, "email": applicant.email,
                                                  "password": "weak", "password2": "weak"}).content.decode()
    assert_invalid(html, "password", "at least 10 characters")
    response = client.post("/no-auth/resetPassword", {"token": token, "email": applicant.email,
                                                      "password": STRONG, "password2": STRONG}, follow=True)
    assert "Your password is changed." in response.content.decode()
    assert Client().login(email=applicant.email, password=STRONG)
    html = client.post("/no-auth/resetPassword", {"token": token, "password": STRONG,
                                                  "password2": STRONG}).content.decode()
    assert "This password reset link is not valid." in html


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("template", ["registration_confirmation", "password_reset_link", "password_reset_success"])
def test_email_templates_render(template, language, applicant):
    rendered = render_mail(template, {"user": applicant, "link": "https://x.example/l?token=1&email=a@b.c",
                                      "days": 7, "hours": 24}, language)
    assert rendered["subject"].startswith("Jems:")
    assert f"{'Hallo' if language == 'de' else 'Hello'} Test" in rendered["text"]
    assert f'<html lang="{language}">' in rendered["html"]
    if template != "password_reset_success":
        assert "https://x.example/l?token=1&email=a@b.c" in rendered["text"]
        assert "https://x.example/l?token=1&amp;email=a@b.c" in rendered["html"]


# --- profile -------------------------------------------------------------------------------------------


def test_profile_password_change(applicant_client, applicant):
    html = applicant_client.post("/app/profile", {"form": "password", "pw-old_password": "wrong",
                                                  "pw-password": STRONG, "pw-password2": STRONG}).content.decode()
    assert_invalid(html, "pw-old_password", "The current password is not correct.")
    response = applicant_client.post("/app/profile", {"form": "password", "pw-old_password": PASSWORD,
                                                      "pw-password": STRONG, "pw-password2": STRONG}, follow=True)
    assert "Your password is changed." in response.content.decode()
    assert applicant_client.get("/app/dashboard").status_code == 200  # still logged in
    applicant.refresh_from_db()
    assert applicant.check_password(STRONG)


def test_profile_language_and_notifications(applicant_client, applicant):
    response = applicant_client.post("/app/profile", {"form": "language", "language": "DE"}, follow=True)
    assert "Ihre Sprache ist gespeichert." in response.content.decode()
    applicant.refresh_from_db()
    assert applicant.language == "DE"
    applicant_client.post("/app/profile", {"form": "language", "language": "FR"})
    applicant.refresh_from_db()
    assert applicant.language == "FR"
    html = applicant_client.post("/app/profile", {"form": "language", "language": "XX"}).content.decode()
    assert_invalid(html, "language")
    applicant_client.post("/app/profile", {"form": "notifications"})
    applicant.refresh_from_db()
    assert applicant.send_notifications_to_email is False
    applicant_client.post("/app/profile", {"form": "notifications", "send_notifications_to_email": "on"})
    applicant.refresh_from_db()
    assert applicant.send_notifications_to_email is True


# --- users and roles -----------------------------------------------------------------------------------


def test_create_user_errors_keep_values(admin_client_, applicant):
    data = {"form": "user", "email": applicant.email, "name": "Rita", "surname": "Reader", "role": 2,
            "status": "ACTIVE"}
    html = admin_client_.post("/app/system/user/detail/create", data).content.decode()
    assert_invalid(html, "email", "A user with this e-mail address already exists.")
    assert 'value="Rita"' in field_tag(html, "name")
    assert re.search(r'<option value="2" selected>', html)
    response = admin_client_.post("/app/system/user/detail/create", {**data, "email": "rita@example.org"})
    user = User.objects.get(email="rita@example.org")
    assert response["Location"] == f"/app/system/user/detail/{user.pk}"


def test_update_user_and_set_password(admin_client_, applicant):
    url = f"/app/system/user/detail/{applicant.pk}"
    data = {"form": "user", "email": applicant.email, "name": "", "surname": "New", "role": 2, "status": "INACTIVE"}
    html = admin_client_.post(url, data).content.decode()
    assert_invalid(html, "name")
    assert 'value="New"' in field_tag(html, "surname")
    admin_client_.post(url, {**data, "name": "Anna"})
    applicant.refresh_from_db()
    assert (applicant.name, applicant.role_id, applicant.status) == ("Anna", 2, "INACTIVE")
    html = admin_client_.post(url, {"form": "password", "pw-password": "weak", "pw-password2": "weak"}).content.decode()
    assert_invalid(html, "pw-password", "at least 10 characters")
    admin_client_.post(url, {"form": "password", "pw-password": STRONG, "pw-password2": STRONG})
    applicant.refresh_from_db()
    assert applicant.check_password(STRONG)


def test_last_administrator_is_kept(admin_client_, admin_user):
    html = admin_client_.post(f"/app/system/user/detail/{admin_user.pk}", {
        "form": "user", "email": admin_user.email, "name": "Admin", "surname": "Admin", "role": 3,
        "status": "ACTIVE"}).content.decode()
    assert_invalid(html, "role", "The last administrator")


def test_role_field_needs_user_update_role(db):
    role = Role.objects.create(name="user editor", permissions=["UserRetrieve", "UserUpdate", "RoleRetrieve"])
    editor = make_user("editor@example.org", role.pk)
    target = make_user("target@example.org", 3)
    client = Client()
    client.login(email=editor.email, password=PASSWORD)
    html = client.get(f"/app/system/user/detail/{target.pk}").content.decode()
    assert "disabled" in field_tag(html, "role") and "disabled" not in field_tag(html, "name")
    assert "Set a password" not in html
    client.post(f"/app/system/user/detail/{target.pk}", {"form": "user", "email": target.email, "name": "Tom",
                                                         "surname": "T", "role": 1, "status": "ACTIVE"})
    target.refresh_from_db()
    assert (target.name, target.role_id) == ("Tom", 3)


def test_user_list_filters_and_sorts(admin_client_):
    make_user("zed@example.org", 2, name="Zed", surname="Zulu")
    make_user("amy@example.org", 3, name="Amy", surname="Alpha", status=UserStatus.INACTIVE)
    html = admin_client_.get("/app/system/user?status=INACTIVE").content.decode()
    assert "amy@example.org" in html and "zed@example.org" not in html
    html = admin_client_.get("/app/system/user?role=2&surname=zul").content.decode()
    assert "zed@example.org" in html and "amy@example.org" not in html
    html = admin_client_.get("/app/system/user?sort=name,desc").content.decode()
    assert html.index("zed@example.org") < html.index("amy@example.org")
    assert 'aria-sort="descending"' in html
    html = admin_client_.get("/app/system/user?sort=bogus&size=7&page=x").content.decode()
    assert html.index("amy@example.org") < html.index("zed@example.org")


def test_user_list_pages(admin_client_):
    for i in range(30):
        make_user(f"u{i:02}@example.org", 3, name=f"N{i:02}")
    html = admin_client_.get("/app/system/user?size=10&page=2&sort=name").content.decode()
    assert "11–20 of 31" in html
    assert 'aria-current="page"><span class="visually-hidden">Page </span>2<' in html
    html = admin_client_.get("/app/system/user?size=10&page=99").content.decode()
    assert "31–31 of 31" in html


def test_role_editor_creates_and_updates(admin_client_):
    data = {"name": "call reader", "mode-CallRetrieve": "view", "mode-ProgrammeSetupRetrieve": "hidden",
            "privilege": ["UserRetrieve"]}
    response = admin_client_.post("/app/system/role/create", data)
    role = Role.objects.get(name="call reader")
    assert response["Location"] == f"/app/system/role/detail/{role.pk}"
    assert sorted(role.permissions) == ["CallRetrieve", "UserRetrieve"]
    html = admin_client_.get(f"/app/system/role/detail/{role.pk}").content.decode()
    assert re.search(r'name="mode-CallRetrieve" value="view" checked', html)
    admin_client_.post(f"/app/system/role/detail/{role.pk}", {"name": "call editor", "mode-CallRetrieve": "edit"})
    role.refresh_from_db()
    assert role.name == "call editor" and sorted(role.permissions) == ["CallRetrieve", "CallUpdate"]


def test_role_editor_errors_keep_selection(admin_client_):
    html = admin_client_.post("/app/system/role/create", {"name": "administrator", "mode-CallRetrieve": "edit",
                                                         "privilege": ["AuditRetrieve"]}).content.decode()
    assert_invalid(html, "name", "A role with this name already exists.")
    assert re.search(r'name="mode-CallRetrieve" value="edit" checked', html)
    assert re.search(r'value="AuditRetrieve" checked', html)


def test_role_editor_is_read_only_without_role_update(db):
    role = Role.objects.create(name="role reader", permissions=["RoleRetrieve"])
    reader = make_user("reader@example.org", role.pk)
    client = Client()
    client.login(email=reader.email, password=PASSWORD)
    html = client.get("/app/system/role/detail/1").content.decode()
    assert "disabled" in field_tag(html, "name") and "Save" not in html
    assert client.post("/app/system/role/detail/1", {"name": "x"}).status_code == 403
    assert client.get("/app/system/role/create").status_code == 403


def test_tree_labels_are_marked_for_translation():
    labels = {node.label for tree in TREES.values() for node in _walk(tree)}
    assert labels == set(TREE_LABELS)


def test_audit_log_filters(admin_client_, admin_user, applicant):
    Client().post("/no-auth/login", {"email": applicant.email, "password": "wrong"})
    html = admin_client_.get("/app/system/audit?action=USER_LOGIN_FAILED").content.decode()
    assert applicant.email in html and "USER_LOGGED_IN</code>" not in html
    html = admin_client_.get(f"/app/system/audit?user_id={applicant.pk}").content.decode()
    assert "USER_LOGIN_FAILED" in html
    html = admin_client_.get("/app/system/audit?time_from=2999-01-01T00:00").content.decode()
    assert "No entry matches the filters." in html
    html = admin_client_.get("/app/system/audit?time_from=2020-01-02T00:00&time_to=2020-01-01T00:00").content.decode()
    assert_invalid(html, "time_to", "The end must not be before the start.")
    html = admin_client_.get("/app/system/audit?user_id=abc").content.decode()
    assert_invalid(html, "user_id")
    assert 'value="abc"' in field_tag(html, "user_id")


def test_new_captcha_without_javascript_keeps_values(settings):
    settings.CAPTCHA_ENABLED = True
    client = Client()
    client.get("/no-auth/register")
    html = client.post("/no-auth/register", {"email": "ada@example.org", "name": "Ada", "surname": "",
                                              "password": "x", "new_captcha": "1"}).content.decode()
    assert 'value="ada@example.org"' in field_tag(html, "email") and 'value="Ada"' in field_tag(html, "name")
    assert "aria-invalid" not in html and 'src="data:image/jpeg;base64,' in html
