"""UserRegistrationApi, CaptchaApi and the password reset of AuthenticationApi, e-mails included."""

import base64
import re
import uuid

from django.core import mail
from django.test import Client, override_settings

from jems.accounts.captcha import SESSION_KEY
from jems.accounts.models import PasswordResetToken, User, UserStatus
from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent
from tests.conftest import PASSWORD, basic

from .conftest import call, error_key, form_keys, login

REGISTRATION = {"email": "new.applicant@example.org", "name": "New", "surname": "Applicant", "password": PASSWORD}


def captcha_answer(client) -> str:
    response = client.get("/api/captcha")
    assert response.status_code == 200
    body = response.json()
    assert body["realCaptcha"] == ""  # never disclosed
    assert base64.b64decode(body["captcha"])[:3] == b"\xff\xd8\xff"  # a JPEG
    return client.session[SESSION_KEY]


def test_weak_password_is_422_with_a_password_form_error(db):
    client = Client()
    response = call(client, "post", "/api/registration", {**REGISTRATION, "password": "short", "captcha": "X"})
    assert response.status_code == 422
    assert form_keys(response)["password"] == "user.password.constraints.not.satisfied"
    assert not User.objects.filter(email=REGISTRATION["email"]).exists()


def test_missing_required_property_is_400_empty(db):
    response = call(Client(), "post", "/api/registration", {"email": "x@example.org", "password": PASSWORD})
    assert (response.status_code, response.content) == (400, b"")


def test_registration_with_captcha_then_confirmation_by_the_mailed_token(db, django_capture_on_commit_callbacks):
    client = Client()
    answer = captcha_answer(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = call(client, "post", "/api/registration", {**REGISTRATION, "captcha": answer.lower()})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["email"] == REGISTRATION["email"] and body["userStatus"] == "UNCONFIRMED"
    assert body["userRole"]["name"] == "applicant user" and body["userRole"]["defaultForRegisteredUser"] is True
    assert body["userSettings"] == {"sendNotificationsToEmail": True}
    assert AuditEvent.objects.filter(action=AuditAction.USER_REGISTERED, user_id=body["id"]).exists()
    assert error_key(login(Client(), REGISTRATION["email"])) == "authentication.account.locked"

    [message] = [m for m in mail.outbox if REGISTRATION["email"] in m.to]
    token = re.search(r"token=([0-9a-f-]{36})", message.body).group(1)
    confirmed = Client().get(f"/api/registration?token={token}")
    assert (confirmed.status_code, confirmed.content) == (200, b"true")
    assert User.objects.get(email=REGISTRATION["email"]).status == UserStatus.ACTIVE
    assert login(Client(), REGISTRATION["email"]).status_code == 200
    again = Client().get(f"/api/registration?token={token}")
    assert (again.status_code, error_key(again)) == (422, "registration.confirmation.already.confirmed")


def test_wrong_or_reused_captcha_is_refused(db):
    client = Client()
    answer = captcha_answer(client)
    wrong = call(client, "post", "/api/registration", {**REGISTRATION, "captcha": answer + "X"})
    assert (wrong.status_code, form_keys(wrong)) == (422, {"captcha": "captcha.not.valid"})
    # the answer was used up by the attempt: the same answer no longer works
    reused = call(client, "post", "/api/registration", {**REGISTRATION, "captcha": answer})
    assert reused.status_code == 422 and "captcha" in form_keys(reused)


@override_settings(CAPTCHA_ENABLED=False)
def test_registration_without_captcha_when_disabled(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = call(Client(), "post", "/api/registration", REGISTRATION)
    assert response.status_code == 200, response.content
    assert response.json()["userStatus"] == "UNCONFIRMED"


def test_confirmation_with_an_unknown_token_is_422_and_a_malformed_one_400(db):
    unknown = Client().get(f"/api/registration?token={uuid.uuid4()}")
    assert (unknown.status_code, error_key(unknown)) == (422, "registration.confirmation.token.invalid")
    assert Client().get("/api/registration?token=nope").status_code == 400


def test_password_reset_link_then_reset_then_success_mail(programme_user, django_capture_on_commit_callbacks):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/auth/password/resetLink", programme_user.email, content_type="text/plain")
    assert (response.status_code, response.content) == (200, b"")
    [link_mail] = [m for m in mail.outbox if programme_user.email in m.to]
    token = re.search(r"token=([0-9a-f-]{36})", link_mail.body).group(1)
    assert str(PasswordResetToken.objects.get(user=programme_user).token) == token

    weak = call(client, "post", "/api/auth/password/reset", {"token": token, "password": "weak"})
    assert (weak.status_code, form_keys(weak)) == (422, {"password": "user.password.constraints.not.satisfied"})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        done = call(client, "post", "/api/auth/password/reset", {"token": token, "password": "Brand-New-Passw0rd"})
    assert (done.status_code, done.content) == (200, b"")
    assert [m.to for m in mail.outbox] == [[programme_user.email]]
    assert Client().get("/api/profile", **basic(programme_user.email, "Brand-New-Passw0rd")).status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.PASSWORD_CHANGED, user_id=programme_user.pk).exists()
    reused = call(client, "post", "/api/auth/password/reset", {"token": token, "password": "Another-Passw0rd"})
    assert (reused.status_code, error_key(reused)) == (422, "password.reset.token.invalid")


def test_password_reset_link_for_an_unknown_email_is_silently_200(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post("/api/auth/password/resetLink", "nobody@example.org", content_type="text/plain")
    assert (response.status_code, response.content) == (200, b"")
    assert mail.outbox == []
    empty = Client().post("/api/auth/password/resetLink", "", content_type="text/plain")
    assert empty.status_code == 400
