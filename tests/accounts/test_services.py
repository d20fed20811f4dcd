"""The write layer of accounts (jems.accounts.services): every service, its refusals and its audit rows."""

import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.utils import timezone

from jems.accounts import services
from jems.accounts.models import (
    AccountConfirmation,
    FailedLoginAttempt,
    PasswordResetToken,
    Role,
    User,
    UserStatus,
)
from jems.accounts.privileges import (
    ADMINISTRATOR_ROLE_ID,
    APPLICANT_USER_ROLE_ID,
    PROGRAMME_USER_ROLE_ID,
    Privilege,
)
from jems.accounts.signals import role_changed
from jems.audit.actions import AuditAction
from jems.audit.models import AuditEvent
from jems.core.errors import AuthenticationFailed, Forbidden, NotFound, ValidationFailed
from tests.conftest import PASSWORD, make_user

STRONG = "N3w-Password"


def audit_rows(action=None):
    rows = AuditEvent.objects.order_by("id")
    if action is not None:
        rows = rows.filter(action=action)
    return list(rows)


def last_audit():
    return AuditEvent.objects.order_by("-id").first()


def field_keys(error: ValidationFailed) -> dict[str, str]:
    return error.field_messages()


def role_with(*privileges, name="custom role"):
    return Role.objects.create(name=name, permissions=[str(p) for p in privileges])


# --- require -----------------------------------------------------------------------------------------


def test_require_refuses_anonymous_and_missing_privilege(admin_user, applicant):
    from django.contrib.auth.models import AnonymousUser

    services.require(admin_user, Privilege.UserCreate)
    for actor in (None, AnonymousUser(), applicant):
        with pytest.raises(Forbidden):
            services.require(actor, Privilege.UserCreate)


# --- authenticate: credentials, statuses, blocking ---------------------------------------------------


def test_authenticate_returns_the_user_case_insensitive_email(programme_user):
    user = services.authenticate(email="  PROGRAMME@example.org ", password=PASSWORD)
    assert user.pk == programme_user.pk


def test_authenticate_blank_fields_are_field_errors(db):
    with pytest.raises(ValidationFailed) as error:
        services.authenticate(email=" ", password="")
    assert field_keys(error.value) == {"email": "common.error.field.blank", "password": "common.error.field.blank"}
    with pytest.raises(ValidationFailed) as error:
        services.authenticate(email="a@b.c", password="")
    assert set(field_keys(error.value)) == {"password"}


def test_unknown_email_is_bad_credentials_and_audited(db):
    with pytest.raises(AuthenticationFailed) as error:
        services.authenticate(email="nobody@example.org", password=PASSWORD)
    assert error.value.key == "authentication.bad.credentials"
    assert error.value.code == "AUTH" and error.value.status == 401
    row = last_audit()
    assert row.action == AuditAction.USER_LOGIN_FAILED
    assert row.user_email == "nobody@example.org" and row.user_id is None
    assert not FailedLoginAttempt.objects.exists()  # only existing accounts are counted


def test_wrong_password_counts_and_is_audited(programme_user):
    for expected in (1, 2, 3):
        with pytest.raises(AuthenticationFailed) as error:
            services.authenticate(email=programme_user.email, password="wrong")
        assert error.value.key == "authentication.bad.credentials"
        assert FailedLoginAttempt.objects.get(user=programme_user).count == expected
    rows = audit_rows(AuditAction.USER_LOGIN_FAILED)
    assert len(rows) == 3
    assert all(r.user_id == programme_user.pk for r in rows)
    assert "failed attempt 3" in rows[-1].description


def test_successful_login_deletes_the_counter(programme_user):
    for _ in range(9):
        with pytest.raises(AuthenticationFailed):
            services.authenticate(email=programme_user.email, password="wrong")
    assert services.authenticate(email=programme_user.email, password=PASSWORD) == programme_user
    assert not FailedLoginAttempt.objects.filter(user=programme_user).exists()


def _fail(user, times):
    for _ in range(times):
        with pytest.raises(AuthenticationFailed):
            services.authenticate(email=user.email, password="wrong")


def _age_last_attempt(user, delta):
    FailedLoginAttempt.objects.filter(user=user).update(last_attempt_at=timezone.now() - delta)


def test_ten_failures_block_for_five_minutes_even_with_the_right_password(programme_user):
    _fail(programme_user, settings.LOGIN_BLOCK_ATTEMPTS)
    with pytest.raises(AuthenticationFailed) as error:
        services.authenticate(email=programme_user.email, password=PASSWORD)
    assert error.value.key == "authentication.account.login.blocked"
    assert error.value.args_ == {"email": programme_user.email, "attempts": "10", "minutes": "5"}
    assert last_audit().action == AuditAction.USER_LOGIN_FAILED
    assert "blocked" in last_audit().description
    # A blocked attempt does not extend the block.
    assert FailedLoginAttempt.objects.get(user=programme_user).count == 10


def test_block_counts_minutes_remaining_from_the_last_failure(programme_user):
    _fail(programme_user, 10)
    _age_last_attempt(programme_user, timedelta(minutes=3, seconds=30))
    with pytest.raises(AuthenticationFailed) as error:
        services.authenticate(email=programme_user.email, password=PASSWORD)
    assert error.value.args_["minutes"] == "2"
    _age_last_attempt(programme_user, timedelta(minutes=4, seconds=59))
    with pytest.raises(AuthenticationFailed) as error:
        services.authenticate(email=programme_user.email, password=PASSWORD)
    assert error.value.key == "authentication.account.login.blocked"
    assert error.value.args_["minutes"] == "1"


def test_block_ends_after_five_minutes(programme_user):
    _fail(programme_user, 10)
    _age_last_attempt(programme_user, timedelta(minutes=5, seconds=1))
    assert services.authenticate(email=programme_user.email, password=PASSWORD) == programme_user
    assert not FailedLoginAttempt.objects.filter(user=programme_user).exists()


def test_failure_after_five_minutes_restarts_the_count(programme_user):
    _fail(programme_user, 10)
    _age_last_attempt(programme_user, timedelta(minutes=5, seconds=1))
    _fail(programme_user, 1)
    assert FailedLoginAttempt.objects.get(user=programme_user).count == 1
    # Not blocked any more: the right password works.
    assert services.authenticate(email=programme_user.email, password=PASSWORD) == programme_user


def test_failures_within_the_window_keep_counting(programme_user):
    _fail(programme_user, 5)
    _age_last_attempt(programme_user, timedelta(minutes=4))
    _fail(programme_user, 5)
    with pytest.raises(AuthenticationFailed) as error:
        services.authenticate(email=programme_user.email, password=PASSWORD)
    assert error.value.key == "authentication.account.login.blocked"


def test_blocking_is_per_account(programme_user, applicant):
    _fail(programme_user, 10)
    assert services.authenticate(email=applicant.email, password=PASSWORD) == applicant


@pytest.mark.parametrize(("status", "key"), [(UserStatus.UNCONFIRMED, "authentication.account.locked"),
                                             (UserStatus.INACTIVE, "authentication.account.disabled")])
def test_unconfirmed_and_inactive_accounts_are_refused(db, status, key):
    user = make_user("someone@example.org", APPLICANT_USER_ROLE_ID, status=status)
    with pytest.raises(AuthenticationFailed) as error:
        services.authenticate(email=user.email, password=PASSWORD)
    assert error.value.key == key
    # The status is only revealed to someone who knows the password.
    with pytest.raises(AuthenticationFailed) as error:
        services.authenticate(email=user.email, password="wrong")
    assert error.value.key == "authentication.bad.credentials"


def test_login_logout_and_expiry_are_audited(applicant):
    services.record_login(user=applicant, via="basic")
    services.record_logout(user=applicant)
    services.record_session_expired(user_id=applicant.pk, email=applicant.email)
    rows = audit_rows()
    assert [r.action for r in rows] == [AuditAction.USER_LOGGED_IN, AuditAction.USER_LOGGED_OUT,
                                        AuditAction.USER_SESSION_EXPIRED]
    assert all(r.user_id == applicant.pk and r.user_email == applicant.email for r in rows)
    assert "basic" in rows[0].description
    assert "60 minutes" in rows[2].description


# --- registration and confirmation -------------------------------------------------------------------


def register(**overrides):
    data = {"email": "new@example.org", "name": "New", "surname": "Applicant", "password": STRONG,
            "captcha": "AB3CD", "expected_captcha": "AB3CD"}
    data.update(overrides)
    return services.register_applicant(**data)


def test_registration_creates_an_unconfirmed_user_with_the_default_role(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        user = register(captcha=" ab3cd ")  # case and surrounding blanks do not matter
    user.refresh_from_db()
    assert user.status == UserStatus.UNCONFIRMED
    assert user.role_id == APPLICANT_USER_ROLE_ID
    assert user.check_password(STRONG)
    assert AuditAction.USER_REGISTERED in [r.action for r in audit_rows()]
    registered = audit_rows(AuditAction.USER_REGISTERED)[0]
    assert registered.user_id == user.pk and registered.entity_related_id == user.pk
    confirmation = AccountConfirmation.objects.get(user=user)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new@example.org"]
    assert str(confirmation.token) in mail.outbox[0].body
    assert audit_rows(AuditAction.MAIL_SENT)


def test_registration_uses_whichever_role_is_default(admin_user):
    role = services.create_role(actor=admin_user, name="registered", default_for_registered_user=True,
                                permissions=[Privilege.ProjectCreate])
    user = register()
    assert user.role_id == role.pk


def test_registration_field_errors(db):
    make_user("taken@example.org", APPLICANT_USER_ROLE_ID)
    with pytest.raises(ValidationFailed) as error:
        register(email="TAKEN@example.org", name="", surname="x" * 51, password="short", captcha="WRONG")
    assert field_keys(error.value) == {
        "email": "user.email.not.unique",
        "name": "common.error.field.required",
        "surname": "common.error.field.max.length",
        "password": "user.password.constraints.not.satisfied",
        "captcha": "captcha.not.valid",
    }
    assert error.value.form_errors["surname"]["i18nArguments"] == {"actualLength": "51", "requiredLength": "50"}
    assert not User.objects.filter(email__iexact="taken@example.org").exclude(status=UserStatus.ACTIVE).exists()
    assert not audit_rows(AuditAction.USER_REGISTERED)


@pytest.mark.parametrize("email", ["no-at-sign", "two@@example.org", "a b@example.org", "x" * 250 + "@example.org"])
def test_registration_email_format_and_length(db, email):
    with pytest.raises(ValidationFailed) as error:
        register(email=email)
    assert set(field_keys(error.value)) == {"email"}


@pytest.mark.parametrize("password", ["Short1a", "alllowercase1", "ALLUPPERCASE1", "NoDigitsHere"])
def test_registration_password_rule(db, password):
    with pytest.raises(ValidationFailed) as error:
        register(password=password)
    assert field_keys(error.value) == {"password": "user.password.constraints.not.satisfied"}


def test_registration_captcha_missing_answer(db):
    for captcha, expected in ((None, "AB3CD"), ("AB3CD", None), ("", "")):
        with pytest.raises(ValidationFailed) as error:
            register(captcha=captcha, expected_captcha=expected)
        assert field_keys(error.value) == {"captcha": "captcha.not.valid"}


def test_registration_without_captcha_when_disabled(db, settings):
    settings.CAPTCHA_ENABLED = False
    assert register(captcha=None, expected_captcha=None).status == UserStatus.UNCONFIRMED


def test_registration_needs_a_default_role(db):
    Role.objects.update(default_for_registered_user=False)
    with pytest.raises(ValidationFailed) as error:
        register()
    assert error.value.key == "user.registration.default.role.missing"
    assert not User.objects.filter(email="new@example.org").exists()


def test_confirmation_activates_the_account_once(db):
    user = register()
    token = AccountConfirmation.objects.get(user=user).token
    confirmed = services.confirm_registration(token=str(token))
    assert confirmed.status == UserStatus.ACTIVE
    assert audit_rows(AuditAction.NEW_USER_CONFIRMED)[0].user_id == user.pk
    assert services.authenticate(email=user.email, password=STRONG) == user
    with pytest.raises(ValidationFailed) as error:
        services.confirm_registration(token=str(token))
    assert error.value.key == "registration.confirmation.already.confirmed"
    assert len(audit_rows(AuditAction.NEW_USER_CONFIRMED)) == 1


def test_confirmation_token_expires_after_seven_days(db):
    user = register()
    confirmation = AccountConfirmation.objects.get(user=user)
    confirmation.created_at = timezone.now() - timedelta(days=6, hours=23)
    confirmation.save()
    # Still valid just before 7 days ...
    other = register(email="other@example.org")
    other_confirmation = AccountConfirmation.objects.get(user=other)
    other_confirmation.created_at = timezone.now() - timedelta(days=7, minutes=1)
    other_confirmation.save()
    assert services.confirm_registration(token=confirmation.token).status == UserStatus.ACTIVE
    # ... and refused after.
    with pytest.raises(ValidationFailed) as error:
        services.confirm_registration(token=other_confirmation.token)
    assert error.value.key == "registration.confirmation.token.expired"
    other.refresh_from_db()
    assert other.status == UserStatus.UNCONFIRMED


@pytest.mark.parametrize("token", ["not-a-uuid", "", None, str(uuid.uuid4())])
def test_confirmation_with_an_invalid_or_unknown_token(db, token):
    with pytest.raises(ValidationFailed) as error:
        services.confirm_registration(token=token)
    assert error.value.key == "registration.confirmation.token.invalid"


# --- password reset ---------------------------------------------------------------------------------


def test_reset_link_for_an_unknown_email_does_nothing(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.send_password_reset_link(email="nobody@example.org")
    assert not PasswordResetToken.objects.exists()
    assert mail.outbox == []


def test_reset_link_is_mailed_and_replaces_the_previous_token(applicant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.send_password_reset_link(email=" APPLICANT@example.org ")
    first = PasswordResetToken.objects.get(user=applicant).token
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [applicant.email]
    assert str(first) in mail.outbox[0].body
    services.send_password_reset_link(email=applicant.email)
    assert PasswordResetToken.objects.filter(user=applicant).count() == 1
    assert PasswordResetToken.objects.get(user=applicant).token != first


def test_reset_by_token_sets_the_password_once(applicant, django_capture_on_commit_callbacks):
    services.send_password_reset_link(email=applicant.email)
    token = str(PasswordResetToken.objects.get(user=applicant).token)
    _fail(applicant, 3)
    with django_capture_on_commit_callbacks(execute=True):
        services.reset_password_by_token(token=token, password=STRONG)
    applicant.refresh_from_db()
    assert applicant.check_password(STRONG)
    assert not PasswordResetToken.objects.exists()
    assert not FailedLoginAttempt.objects.filter(user=applicant).exists()
    changed = audit_rows(AuditAction.PASSWORD_CHANGED)
    assert len(changed) == 1 and changed[0].user_id == applicant.pk
    assert len(mail.outbox) == 1  # the success e-mail
    with pytest.raises(ValidationFailed) as error:
        services.reset_password_by_token(token=token, password="Another-Passw0rd")
    assert error.value.key == "password.reset.token.invalid"
    assert field_keys(error.value) == {"token": "password.reset.token.invalid"}


def test_reset_token_expires_after_24_hours(applicant):
    services.send_password_reset_link(email=applicant.email)
    reset = PasswordResetToken.objects.get(user=applicant)
    reset.created_at = timezone.now() - timedelta(hours=23, minutes=59)
    reset.save()
    services.reset_password_by_token(token=reset.token, password=STRONG)  # still valid

    services.send_password_reset_link(email=applicant.email)
    reset = PasswordResetToken.objects.get(user=applicant)
    reset.created_at = timezone.now() - timedelta(hours=24, minutes=1)
    reset.save()
    with pytest.raises(ValidationFailed) as error:
        services.reset_password_by_token(token=reset.token, password="Another-Passw0rd")
    assert error.value.key == "password.reset.token.expired"
    assert field_keys(error.value) == {"token": "password.reset.token.expired"}
    assert not PasswordResetToken.objects.exists()  # an expired token is dropped
    applicant.refresh_from_db()
    assert applicant.check_password(STRONG)


def test_reset_with_bad_token_or_weak_password(applicant):
    for token in ("garbage", str(uuid.uuid4())):
        with pytest.raises(ValidationFailed) as error:
            services.reset_password_by_token(token=token, password=STRONG)
        assert field_keys(error.value) == {"token": "password.reset.token.invalid"}
    services.send_password_reset_link(email=applicant.email)
    token = PasswordResetToken.objects.get(user=applicant).token
    with pytest.raises(ValidationFailed) as error:
        services.reset_password_by_token(token=token, password="weak")
    assert field_keys(error.value) == {"password": "user.password.constraints.not.satisfied"}
    assert PasswordResetToken.objects.filter(token=token).exists()  # not used up by a refusal


# --- own and other users' passwords -------------------------------------------------------------------


def test_change_my_password(applicant):
    services.change_my_password(actor=applicant, password=STRONG, old_password=PASSWORD)
    applicant.refresh_from_db()
    assert applicant.check_password(STRONG)
    row = last_audit()
    assert row.action == AuditAction.PASSWORD_CHANGED and row.user_id == applicant.pk


def test_change_my_password_refusals(applicant):
    with pytest.raises(ValidationFailed) as error:
        services.change_my_password(actor=applicant, password="weak", old_password="wrong")
    assert field_keys(error.value) == {"oldPassword": "user.password.old.not.match",
                                       "password": "user.password.constraints.not.satisfied"}
    with pytest.raises(ValidationFailed) as error:
        services.change_my_password(actor=applicant, password=STRONG, old_password=None)
    assert set(field_keys(error.value)) == {"oldPassword"}
    applicant.refresh_from_db()
    assert applicant.check_password(PASSWORD)
    assert not audit_rows(AuditAction.PASSWORD_CHANGED)


def test_set_user_password(admin_user, applicant):
    _fail(applicant, 10)
    services.set_user_password(actor=admin_user, user_id=applicant.pk, password=STRONG)
    applicant.refresh_from_db()
    assert applicant.check_password(STRONG)
    assert not FailedLoginAttempt.objects.filter(user=applicant).exists()  # unblocked
    row = last_audit()
    assert row.action == AuditAction.PASSWORD_CHANGED
    assert row.user_id == admin_user.pk and row.entity_related_id == applicant.pk


def test_set_user_password_refusals(admin_user, programme_user, applicant):
    with pytest.raises(Forbidden):
        services.set_user_password(actor=programme_user, user_id=applicant.pk, password=STRONG)
    with pytest.raises(ValidationFailed) as error:
        services.set_user_password(actor=admin_user, user_id=applicant.pk, password="weak")
    assert field_keys(error.value) == {"password": "user.password.constraints.not.satisfied"}
    with pytest.raises(NotFound):
        services.set_user_password(actor=admin_user, user_id=999_999, password=STRONG)
    applicant.refresh_from_db()
    assert applicant.check_password(PASSWORD)


# --- users ---------------------------------------------------------------------------------------


def test_create_user_with_the_initial_password_rule(admin_user):
    user = services.create_user(actor=admin_user, email="Created@example.org", name="Cre", surname="Ated",
                                role_id=PROGRAMME_USER_ROLE_ID, status=UserStatus.ACTIVE)
    assert user.check_password(settings.DEFAULT_PASSWORD_PREFIX + "Created@example.org")
    assert settings.DEFAULT_PASSWORD_PREFIX == "Jems@2020"
    assert user.check_password("Jems@2020Created@example.org")
    assert services.authenticate(email="created@example.org", password="Jems@2020Created@example.org") == user
    row = last_audit()
    assert row.action == AuditAction.USER_ADDED
    assert row.user_id == admin_user.pk and row.entity_related_id == user.pk
    assert "programme user" in row.description


def test_create_user_prefix_is_configurable(admin_user, settings):
    settings.DEFAULT_PASSWORD_PREFIX = "Prefix#"
    user = services.create_user(actor=admin_user, email="p@example.org", name="P", surname="Q",
                                role_id=APPLICANT_USER_ROLE_ID, status=UserStatus.ACTIVE)
    assert user.check_password("Prefix#p@example.org")


def test_create_unconfirmed_user_sends_a_confirmation(admin_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        user = services.create_user(actor=admin_user, email="u@example.org", name="U", surname="C",
                                    role_id=APPLICANT_USER_ROLE_ID, status=UserStatus.UNCONFIRMED)
    assert AccountConfirmation.objects.filter(user=user).count() == 1
    assert [m.to for m in mail.outbox] == [["u@example.org"]]


def test_create_user_refusals(admin_user, programme_user):
    with pytest.raises(Forbidden):
        services.create_user(actor=programme_user, email="x@example.org", name="X", surname="Y",
                             role_id=APPLICANT_USER_ROLE_ID, status=UserStatus.ACTIVE)
    with pytest.raises(ValidationFailed) as error:
        services.create_user(actor=admin_user, email="PROGRAMME@example.org", name="n" * 51, surname=" ",
                             role_id=999, status="BOGUS")
    assert field_keys(error.value) == {
        "email": "user.email.not.unique",
        "name": "common.error.field.max.length",
        "surname": "common.error.field.required",
        "userRoleId": "user.role.not.found",
        "userStatus": "common.error.input.invalid",
    }
    with pytest.raises(ValidationFailed) as error:
        services.create_user(actor=admin_user, email="bad", name="N", surname="S",
                             role_id=APPLICANT_USER_ROLE_ID, status=UserStatus.ACTIVE)
    assert field_keys(error.value) == {"email": "user.email.wrong.format"}
    assert User.objects.count() == 2
    assert not audit_rows(AuditAction.USER_ADDED)


def update(actor, user, **changes):
    data = {"email": user.email, "name": user.name, "surname": user.surname, "role_id": user.role_id,
            "status": user.status}
    data.update(changes)
    return services.update_user(actor=actor, user_id=user.pk, **data)


def test_update_user_writes_a_diff(admin_user, applicant):
    update(admin_user, applicant, name="Renamed", status=UserStatus.INACTIVE)
    applicant.refresh_from_db()
    assert applicant.name == "Renamed" and applicant.status == UserStatus.INACTIVE
    row = last_audit()
    assert row.action == AuditAction.USER_DATA_CHANGED and row.entity_related_id == applicant.pk
    assert "name: Test -> Renamed" in row.description
    assert "status: ACTIVE -> INACTIVE" in row.description
    assert "surname" not in row.description


def test_update_user_without_change_writes_no_audit_row(admin_user, applicant):
    update(admin_user, applicant)
    assert not audit_rows(AuditAction.USER_DATA_CHANGED)


def test_update_user_role_change_needs_user_update_role(admin_user, applicant):
    editor = role_with(Privilege.UserUpdate, name="user editor")
    actor = make_user("editor@example.org", editor.pk)
    update(actor, applicant, name="Fine")  # same role: allowed
    with pytest.raises(Forbidden):
        update(actor, applicant, role_id=PROGRAMME_USER_ROLE_ID)
    received = []

    def listener(sender, user, **kwargs):
        received.append(user.pk)

    role_changed.connect(listener)
    try:
        update(admin_user, applicant, role_id=PROGRAMME_USER_ROLE_ID)
    finally:
        role_changed.disconnect(listener)
    assert received == [applicant.pk]
    applicant.refresh_from_db()
    assert applicant.role_id == PROGRAMME_USER_ROLE_ID
    assert "role: applicant user -> programme user" in last_audit().description


def test_update_user_refusals(admin_user, programme_user, applicant):
    with pytest.raises(Forbidden):
        update(programme_user, applicant, name="X")
    with pytest.raises(NotFound):
        services.update_user(actor=admin_user, user_id=999_999, email="a@b.c", name="a", surname="b",
                             role_id=APPLICANT_USER_ROLE_ID, status=UserStatus.ACTIVE)
    with pytest.raises(ValidationFailed) as error:
        update(admin_user, applicant, email="Programme@Example.org", name="", role_id=999, status="NOPE")
    assert field_keys(error.value) == {"email": "user.email.not.unique", "name": "common.error.field.required",
                                       "userRoleId": "user.role.not.found", "userStatus": "common.error.input.invalid"}
    # Keeping one's own e-mail (in another case) is not a conflict.
    update(admin_user, applicant, email="APPLICANT@example.org")


def test_update_user_to_unconfirmed_sends_a_new_confirmation(admin_user, applicant,
                                                              django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        update(admin_user, applicant, status=UserStatus.UNCONFIRMED)
    assert AccountConfirmation.objects.filter(user=applicant).count() == 1
    assert [m.to for m in mail.outbox] == [[applicant.email]]
    update(admin_user, applicant, status=UserStatus.UNCONFIRMED, name="Again")  # already unconfirmed
    assert AccountConfirmation.objects.filter(user=applicant).count() == 1


def test_last_administrator_keeps_role_1_and_stays_active(admin_user):
    for changes, field in (({"role_id": PROGRAMME_USER_ROLE_ID}, "userRoleId"),
                           ({"status": UserStatus.INACTIVE}, "userStatus"),
                           ({"status": UserStatus.UNCONFIRMED}, "userStatus")):
        with pytest.raises(ValidationFailed) as error:
            update(admin_user, admin_user, **changes)
        assert error.value.key == "user.last.administrator"
        assert field_keys(error.value) == {field: "user.last.administrator"}
    admin_user.refresh_from_db()
    assert admin_user.role_id == ADMINISTRATOR_ROLE_ID and admin_user.status == UserStatus.ACTIVE
    update(admin_user, admin_user, name="Still")  # other changes are fine


def test_an_administrator_may_step_down_when_another_is_active(admin_user):
    second = make_user("admin2@example.org", ADMINISTRATOR_ROLE_ID)
    update(second, admin_user, role_id=PROGRAMME_USER_ROLE_ID)
    admin_user.refresh_from_db()
    assert admin_user.role_id == PROGRAMME_USER_ROLE_ID
    with pytest.raises(ValidationFailed):
        update(second, second, status=UserStatus.INACTIVE)


def test_an_inactive_administrator_does_not_count(admin_user):
    make_user("sleeping-admin@example.org", ADMINISTRATOR_ROLE_ID, status=UserStatus.INACTIVE)
    with pytest.raises(ValidationFailed):
        update(admin_user, admin_user, role_id=PROGRAMME_USER_ROLE_ID)


def test_last_administrator_cannot_be_deleted(admin_user):
    # Django deletes inside atomic(savepoint=False): a savepoint of our own keeps the test transaction usable.
    with pytest.raises(ValidationFailed) as error, transaction.atomic():
        admin_user.delete()
    assert error.value.key == "user.last.administrator"
    assert User.objects.filter(pk=admin_user.pk).exists()
    second = make_user("admin2@example.org", ADMINISTRATOR_ROLE_ID)
    second.delete()
    assert User.objects.filter(role_id=ADMINISTRATOR_ROLE_ID).count() == 1


def test_update_user_settings(admin_user, programme_user, applicant):
    services.update_user_settings(actor=applicant, user_id=applicant.pk, send_notifications_to_email=False)
    applicant.refresh_from_db()
    assert applicant.send_notifications_to_email is False
    row = last_audit()
    assert row.action == AuditAction.USER_DATA_CHANGED
    assert "sendNotificationsToEmail: True -> False" in row.description
    services.update_user_settings(actor=applicant, user_id=applicant.pk, send_notifications_to_email=False)
    assert len(audit_rows(AuditAction.USER_DATA_CHANGED)) == 1  # no change, no row
    with pytest.raises(Forbidden):
        services.update_user_settings(actor=programme_user, user_id=applicant.pk, send_notifications_to_email=True)
    services.update_user_settings(actor=admin_user, user_id=applicant.pk, send_notifications_to_email=True)
    applicant.refresh_from_db()
    assert applicant.send_notifications_to_email is True
    with pytest.raises(NotFound):
        services.update_user_settings(actor=admin_user, user_id=999_999, send_notifications_to_email=True)


def test_update_profile_language(applicant):
    assert services.update_profile(actor=applicant, language=" de ").language == "DE"
    applicant.refresh_from_db()
    assert applicant.language == "DE"
    assert services.update_profile(actor=applicant, language="").language is None
    with pytest.raises(ValidationFailed) as error:
        services.update_profile(actor=applicant, language="XX")
    assert field_keys(error.value) == {"language": "profile.language.unknown"}


# --- roles -------------------------------------------------------------------------------------------


def test_create_role_orders_privileges_and_audits(admin_user):
    role = services.create_role(actor=admin_user, name="  Controllers ", default_for_registered_user=False,
                                permissions=[Privilege.AuditRetrieve, "ProjectCreate", Privilege.AuditRetrieve])
    assert role.name == "Controllers"
    assert role.permissions == ["ProjectCreate", "AuditRetrieve"]  # catalogue order, no duplicates
    row = last_audit()
    assert row.action == AuditAction.ROLE_PRIVILEGES_CHANGED and row.entity_related_id == role.pk
    assert "ProjectCreate, AuditRetrieve" in row.description


def test_create_role_refusals(admin_user, programme_user):
    with pytest.raises(Forbidden):
        services.create_role(actor=programme_user, name="x", default_for_registered_user=False, permissions=[])
    with pytest.raises(ValidationFailed) as error:
        services.create_role(actor=admin_user, name="administrator", default_for_registered_user=False,
                             permissions=["ProjectCreate", "NoSuchPrivilege"])
    assert field_keys(error.value) == {"name": "role.name.not.unique", "permissions": "role.permission.unknown"}
    assert error.value.form_errors["permissions"]["i18nArguments"] == {"permission": "NoSuchPrivilege"}
    for name, key in (("", "common.error.field.required"), ("r" * 128, "common.error.field.max.length")):
        with pytest.raises(ValidationFailed) as error:
            services.create_role(actor=admin_user, name=name, default_for_registered_user=False, permissions=[])
        assert field_keys(error.value) == {"name": key}
    services.create_role(actor=admin_user, name="r" * 127, default_for_registered_user=False, permissions=[])
    assert Role.objects.count() == 4
    assert len(audit_rows(AuditAction.ROLE_PRIVILEGES_CHANGED)) == 1


def test_default_role_is_unique(admin_user):
    role = services.create_role(actor=admin_user, name="newcomers", default_for_registered_user=True, permissions=[])
    assert list(Role.objects.filter(default_for_registered_user=True)) == [role]
    services.set_default_role(actor=admin_user, role_id=APPLICANT_USER_ROLE_ID)
    assert list(Role.objects.filter(default_for_registered_user=True).values_list("id", flat=True)) == [
        APPLICANT_USER_ROLE_ID]
    services.update_role(actor=admin_user, role_id=role.pk, name="newcomers", default_for_registered_user=True,
                         permissions=[])
    assert list(Role.objects.filter(default_for_registered_user=True)) == [role]


def test_set_default_role(admin_user, programme_user):
    before = len(audit_rows())
    services.set_default_role(actor=admin_user, role_id=APPLICANT_USER_ROLE_ID)  # already default: no-op
    assert len(audit_rows()) == before
    services.set_default_role(actor=admin_user, role_id=PROGRAMME_USER_ROLE_ID)
    assert Role.objects.get(default_for_registered_user=True).pk == PROGRAMME_USER_ROLE_ID
    assert last_audit().action == AuditAction.ROLE_PRIVILEGES_CHANGED
    with pytest.raises(Forbidden):
        services.set_default_role(actor=programme_user, role_id=APPLICANT_USER_ROLE_ID)
    with pytest.raises(NotFound):
        services.set_default_role(actor=admin_user, role_id=999)


def test_update_role(admin_user):
    role = services.create_role(actor=admin_user, name="auditors", default_for_registered_user=False,
                                permissions=["AuditRetrieve", "UserRetrieve"])
    updated = services.update_role(actor=admin_user, role_id=role.pk, name="Auditors", default_for_registered_user=None,
                                   permissions=["AuditRetrieve", "RoleRetrieve"])
    assert updated.name == "Auditors"
    assert updated.permissions == ["RoleRetrieve", "AuditRetrieve"]
    assert updated.default_for_registered_user is False
    description = last_audit().description
    assert "added: RoleRetrieve" in description and "removed: UserRetrieve" in description


def test_update_role_refusals(admin_user, programme_user):
    role = services.create_role(actor=admin_user, name="auditors", default_for_registered_user=False, permissions=[])
    with pytest.raises(Forbidden):
        services.update_role(actor=programme_user, role_id=role.pk, name="x", default_for_registered_user=None,
                             permissions=[])
    with pytest.raises(NotFound):
        services.update_role(actor=admin_user, role_id=999, name="x", default_for_registered_user=None, permissions=[])
    with pytest.raises(ValidationFailed) as error:
        services.update_role(actor=admin_user, role_id=role.pk, name="programme user", default_for_registered_user=None,
                             permissions=["Nope"])
    assert field_keys(error.value) == {"name": "role.name.not.unique", "permissions": "role.permission.unknown"}
    # Keeping the own name is fine.
    services.update_role(actor=admin_user, role_id=role.pk, name="auditors", default_for_registered_user=None,
                         permissions=[])


def test_a_role_change_applies_to_its_users_at_once(admin_user, applicant):
    assert not applicant.has_privilege(Privilege.AuditRetrieve)
    services.update_role(actor=admin_user, role_id=APPLICANT_USER_ROLE_ID, name="applicant user",
                         default_for_registered_user=None, permissions=["AuditRetrieve"])
    assert User.objects.get(pk=applicant.pk).has_privilege(Privilege.AuditRetrieve)


def test_every_audit_row_of_the_services_uses_a_jems_action(admin_user, applicant):
    services.create_user(actor=admin_user, email="z@example.org", name="Z", surname="Z",
                         role_id=APPLICANT_USER_ROLE_ID, status=UserStatus.ACTIVE)
    services.change_my_password(actor=applicant, password=STRONG, old_password=PASSWORD)
    services.create_role(actor=admin_user, name="r", default_for_registered_user=False, permissions=[])
    register()
    actions = {r.action for r in audit_rows()}
    assert actions <= set(AuditAction.values)
    assert {"USER_ADDED", "PASSWORD_CHANGED", "ROLE_PRIVILEGES_CHANGED", "USER_REGISTERED"} <= actions
