"""The write layer of accounts: login bookkeeping, registration, passwords, users, roles, profile.

Every function takes keyword-only arguments and an explicit `actor` where someone acts; checks the
privilege; writes the audit row in the same transaction; sends e-mails after commit.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from jems.audit.actions import AuditAction
from jems.audit.services import diff_description, record
from jems.core.errors import AuthenticationFailed, Forbidden, NotFound, ValidationFailed
from jems.core.languages import LANGUAGE_CODES
from jems.core.mail import send_templated_mail

from .models import (
    AccountConfirmation,
    FailedLoginAttempt,
    PasswordResetToken,
    Role,
    User,
    UserStatus,
)
from .privileges import ADMINISTRATOR_ROLE_ID, Privilege, ordered
from .validators import EMAIL_PATTERN, PASSWORD_RULE_KEY, password_is_strong


def require(actor, privilege: Privilege) -> None:
    """Refuse with 403 unless the actor's role holds the global privilege."""
    if actor is None or not actor.is_authenticated or not actor.has_privilege(privilege):
        raise Forbidden()


# --- Login -------------------------------------------------------------------------------------------


def authenticate(*, email: str, password: str) -> User:
    """Check credentials with the Jems rules (blocking after 10 failures, status messages) and return the
    user; the caller then starts the session and calls `record_login`."""
    email = (email or "").strip()
    if not email or not password:
        raise ValidationFailed(fields={k: "common.error.field.blank" for k, v in
                                       (("email", email), ("password", password)) if not v})
    now = timezone.now()
    block_window = timedelta(minutes=settings.LOGIN_BLOCK_MINUTES)
    refusal = None
    # The refusal is raised after the block so that the attempt counter and the audit row are kept.
    with transaction.atomic():
        user = User.objects.select_related("role").select_for_update().filter(email__iexact=email).first()
        attempt = FailedLoginAttempt.objects.filter(user=user).first() if user else None
        if user is None:
            record(AuditAction.USER_LOGIN_FAILED, user_email=email[:255], description="unknown e-mail")
            refusal = AuthenticationFailed(key="authentication.bad.credentials")
        elif (attempt and attempt.count >= settings.LOGIN_BLOCK_ATTEMPTS
              and now - attempt.last_attempt_at < block_window):
            remaining = block_window - (now - attempt.last_attempt_at)
            minutes = max(1, -(-int(remaining.total_seconds()) // 60))
            record(AuditAction.USER_LOGIN_FAILED, user_id=user.pk, user_email=user.email,
                   description=f"login blocked after {attempt.count} failed attempts")
            refusal = AuthenticationFailed(
                key="authentication.account.login.blocked",
                args={"email": user.email, "attempts": attempt.count, "minutes": minutes},
            )
        elif not user.check_password(password):
            if attempt is None:
                attempt = FailedLoginAttempt(user=user, count=0, last_attempt_at=now)
            elif now - attempt.last_attempt_at >= block_window:
                attempt.count = 0
            attempt.count += 1
            attempt.last_attempt_at = now
            attempt.save()
            record(AuditAction.USER_LOGIN_FAILED, user_id=user.pk, user_email=user.email,
                   description=f"wrong password (failed attempt {attempt.count})")
            refusal = AuthenticationFailed(key="authentication.bad.credentials")
        elif user.status == UserStatus.UNCONFIRMED:
            refusal = AuthenticationFailed(key="authentication.account.locked")
        elif user.status == UserStatus.INACTIVE:
            refusal = AuthenticationFailed(key="authentication.account.disabled")
        elif attempt:
            attempt.delete()
    if refusal:
        raise refusal
    return user


def record_login(*, user: User, via: str = "session") -> None:
    record(AuditAction.USER_LOGGED_IN, actor=user, description=f"user logged in ({via})")


def record_logout(*, user: User) -> None:
    record(AuditAction.USER_LOGGED_OUT, actor=user, description="user logged out")


def record_session_expired(*, user_id: int, email: str) -> None:
    record(AuditAction.USER_SESSION_EXPIRED, user_id=user_id, user_email=email,
           description=f"session expired after {settings.SESSION_IDLE_TIMEOUT_SECONDS // 60} minutes of inactivity")


# --- Validation helpers ------------------------------------------------------------------------------


def _length_error(value: str, max_length: int, min_length: int = 1):
    if len(value.strip()) < min_length:
        return {"i18nKey": "common.error.field.required", "i18nArguments": {}}
    if len(value) > max_length:
        return {"i18nKey": "common.error.field.max.length",
                "i18nArguments": {"actualLength": str(len(value)), "requiredLength": str(max_length)}}
    return None


def _person_errors(*, email: str, name: str, surname: str, exclude_user_id: int | None = None) -> dict:
    errors = {}
    for field, value, limit in (("email", email, 255), ("name", name, 50), ("surname", surname, 50)):
        error = _length_error(value or "", limit)
        if error:
            errors[field] = error
    if "email" not in errors:
        if not EMAIL_PATTERN.match(email):
            errors["email"] = {"i18nKey": "user.email.wrong.format", "i18nArguments": {}}
        elif User.objects.filter(email__iexact=email).exclude(pk=exclude_user_id).exists():
            errors["email"] = {"i18nKey": "user.email.not.unique", "i18nArguments": {}}
    return errors


def _password_error(password: str):
    if not password_is_strong(password or ""):
        return {"i18nKey": PASSWORD_RULE_KEY, "i18nArguments": {}}
    return None


def _raise_if(errors: dict):
    if errors:
        raise ValidationFailed(form_errors=errors)


def _send_confirmation(user: User) -> None:
    confirmation = AccountConfirmation.objects.create(user=user, created_at=timezone.now())
    send_templated_mail(
        "registration_confirmation",
        to=user.email,
        context={"user": user, "link": f"{settings.SERVER_URL}/no-auth/registrationConfirmation?token={confirmation.token}",
                 "days": settings.REGISTRATION_CONFIRMATION_DAYS},
        language=user.language,
    )


# --- Registration --------------------------------------------------------------------------------------


def register_applicant(*, email: str, name: str, surname: str, password: str,
                       captcha: str | None = None, expected_captcha: str | None = None) -> User:
    """Self-registration: a new UNCONFIRMED user with the default role and a confirmation e-mail."""
    email, name, surname = (email or "").strip(), (name or "").strip(), (surname or "").strip()
    errors = _person_errors(email=email, name=name, surname=surname)
    if error := _password_error(password):
        errors["password"] = error
    if settings.CAPTCHA_ENABLED and (
        not captcha or not expected_captcha or captcha.strip().upper() != expected_captcha.upper()
    ):
        errors["captcha"] = {"i18nKey": "captcha.not.valid", "i18nArguments": {}}
    _raise_if(errors)
    role = Role.objects.filter(default_for_registered_user=True).first()
    if role is None:
        raise ValidationFailed(key="user.registration.default.role.missing")
    with transaction.atomic():
        user = User.objects.create_user(email=email, password=password, name=name, surname=surname, role=role,
                                        status=UserStatus.UNCONFIRMED)
        record(AuditAction.USER_REGISTERED, actor=user, entity_related_id=user.pk,
               description=f"new user {user.email} registered with role {role.name}")
        _send_confirmation(user)
    return user


def confirm_registration(*, token: str) -> User:
    """Activate the account of a confirmation token (valid for 7 days, once)."""
    try:
        token_uuid = uuid.UUID(str(token))
    except ValueError:
        raise ValidationFailed(key="registration.confirmation.token.invalid") from None
    with transaction.atomic():
        confirmation = (AccountConfirmation.objects.select_related("user").select_for_update()
                        .filter(token=token_uuid).first())
        if confirmation is None:
            raise ValidationFailed(key="registration.confirmation.token.invalid")
        user = confirmation.user
        if confirmation.confirmed_at or user.status == UserStatus.ACTIVE:
            raise ValidationFailed(key="registration.confirmation.already.confirmed")
        if timezone.now() - confirmation.created_at > timedelta(days=settings.REGISTRATION_CONFIRMATION_DAYS):
            raise ValidationFailed(key="registration.confirmation.token.expired")
        confirmation.confirmed_at = timezone.now()
        confirmation.save(update_fields=["confirmed_at"])
        user.status = UserStatus.ACTIVE
        user.save(update_fields=["status"])
        record(AuditAction.NEW_USER_CONFIRMED, actor=user, entity_related_id=user.pk,
               description=f"user {user.email} confirmed the registration")
    return user


# --- Passwords -----------------------------------------------------------------------------------------


def send_password_reset_link(*, email: str) -> None:
    """E-mail a reset link valid 24 hours; unknown e-mails are silently ignored (no account probing)."""
    user = User.objects.filter(email__iexact=(email or "").strip()).first()
    if user is None:
        return
    with transaction.atomic():
        PasswordResetToken.objects.filter(user=user).delete()
        reset = PasswordResetToken.objects.create(user=user, created_at=timezone.now())
        send_templated_mail(
            "password_reset_link",
            to=user.email,
            context={"user": user, "hours": settings.PASSWORD_RESET_HOURS,
                     "link": f"{settings.SERVER_URL}/no-auth/resetPassword?token={reset.token}&email={user.email}"},
            language=user.language,
        )


def reset_password_by_token(*, token: str, password: str) -> User:
    """Set a new password with a reset token; the token is used up and a success e-mail is sent."""
    try:
        token_uuid = uuid.UUID(str(token))
    except ValueError:
        raise ValidationFailed(key="password.reset.token.invalid", fields={"token": "password.reset.token.invalid"}) from None
    _raise_if({"password": e} if (e := _password_error(password)) else {})
    with transaction.atomic():
        reset = PasswordResetToken.objects.select_related("user").select_for_update().filter(token=token_uuid).first()
        if reset is None:
            raise ValidationFailed(key="password.reset.token.invalid", fields={"token": "password.reset.token.invalid"})
        user = reset.user
        reset.delete()
        # An expired token is deleted too: the refusal is raised after the commit so that the deletion stays.
        expired = timezone.now() - reset.created_at > timedelta(hours=settings.PASSWORD_RESET_HOURS)
        if not expired:
            user.set_password(password)
            user.save(update_fields=["password"])
            FailedLoginAttempt.objects.filter(user=user).delete()
            record(AuditAction.PASSWORD_CHANGED, actor=user, entity_related_id=user.pk,
                   description=f"password of {user.email} reset by e-mail link")
            send_templated_mail("password_reset_success", to=user.email, context={"user": user},
                                language=user.language)
    if expired:
        raise ValidationFailed(key="password.reset.token.expired", fields={"token": "password.reset.token.expired"})
    return user


def change_my_password(*, actor: User, password: str, old_password: str | None) -> None:
    """A user changes their own password; the current one must be given and match."""
    errors = {}
    if not old_password or not actor.check_password(old_password):
        errors["oldPassword"] = {"i18nKey": "user.password.old.not.match", "i18nArguments": {}}
    if error := _password_error(password):
        errors["password"] = error
    _raise_if(errors)
    with transaction.atomic():
        actor.set_password(password)
        actor.save(update_fields=["password"])
        record(AuditAction.PASSWORD_CHANGED, actor=actor, entity_related_id=actor.pk,
               description=f"user {actor.email} changed the own password")


def set_user_password(*, actor: User, user_id: int, password: str) -> None:
    """An administrator (UserUpdatePassword) sets another user's password."""
    require(actor, Privilege.UserUpdatePassword)
    _raise_if({"password": e} if (e := _password_error(password)) else {})
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=user_id).first()
        if user is None:
            raise NotFound(key="user.not.found")
        user.set_password(password)
        user.save(update_fields=["password"])
        FailedLoginAttempt.objects.filter(user=user).delete()
        record(AuditAction.PASSWORD_CHANGED, actor=actor, entity_related_id=user.pk,
               description=f"password of {user.email} set by {actor.email}")


# --- Users ---------------------------------------------------------------------------------------------


def _user_snapshot(user: User) -> dict:
    return {"email": user.email, "name": user.name, "surname": user.surname,
            "role": user.role.name, "status": user.status}


def _guard_last_administrator(user: User, *, new_role_id: int, new_status: str) -> None:
    if user.role_id != ADMINISTRATOR_ROLE_ID:
        return
    if new_role_id == ADMINISTRATOR_ROLE_ID and new_status == UserStatus.ACTIVE:
        return
    others = User.objects.filter(role_id=ADMINISTRATOR_ROLE_ID, status=UserStatus.ACTIVE).exclude(pk=user.pk)
    if not others.exists():
        raise ValidationFailed(key="user.last.administrator",
                               fields={"userRoleId" if new_role_id != ADMINISTRATOR_ROLE_ID else "userStatus":
                                       "user.last.administrator"})


def create_user(*, actor: User, email: str, name: str, surname: str, role_id: int, status: str) -> User:
    """Create a user with the initial password "<prefix><e-mail>" (or a confirmation e-mail if UNCONFIRMED)."""
    require(actor, Privilege.UserCreate)
    email, name, surname = (email or "").strip(), (name or "").strip(), (surname or "").strip()
    errors = _person_errors(email=email, name=name, surname=surname)
    role = Role.objects.filter(pk=role_id).first()
    if role is None:
        errors["userRoleId"] = {"i18nKey": "user.role.not.found", "i18nArguments": {}}
    if status not in UserStatus.values:
        errors["userStatus"] = {"i18nKey": "common.error.input.invalid", "i18nArguments": {}}
    _raise_if(errors)
    with transaction.atomic():
        user = User.objects.create_user(email=email, password=settings.DEFAULT_PASSWORD_PREFIX + email, name=name,
                                        surname=surname, role=role, status=status)
        record(AuditAction.USER_ADDED, actor=actor, entity_related_id=user.pk,
               description=f"user {email} created with role {role.name} and status {status}")
        if status == UserStatus.UNCONFIRMED:
            _send_confirmation(user)
    return user


def update_user(*, actor: User, user_id: int, email: str, name: str, surname: str, role_id: int, status: str) -> User:
    """Change a user's data, role or status (UserUpdate; the role needs UserUpdateRole as well)."""
    require(actor, Privilege.UserUpdate)
    email, name, surname = (email or "").strip(), (name or "").strip(), (surname or "").strip()
    with transaction.atomic():
        user = User.objects.select_related("role").select_for_update().filter(pk=user_id).first()
        if user is None:
            raise NotFound(key="user.not.found")
        errors = _person_errors(email=email, name=name, surname=surname, exclude_user_id=user.pk)
        role = Role.objects.filter(pk=role_id).first()
        if role is None:
            errors["userRoleId"] = {"i18nKey": "user.role.not.found", "i18nArguments": {}}
        elif role.pk != user.role_id and not actor.has_privilege(Privilege.UserUpdateRole):
            raise Forbidden()
        if status not in UserStatus.values:
            errors["userStatus"] = {"i18nKey": "common.error.input.invalid", "i18nArguments": {}}
        _raise_if(errors)
        _guard_last_administrator(user, new_role_id=role.pk, new_status=status)
        before = _user_snapshot(user)
        role_changed = role.pk != user.role_id
        became_unconfirmed = status == UserStatus.UNCONFIRMED and user.status != UserStatus.UNCONFIRMED
        user.email, user.name, user.surname, user.role, user.status = email, name, surname, role, status
        user.save(update_fields=["email", "name", "surname", "role", "status"])
        after = _user_snapshot(user)
        if before != after:
            record(AuditAction.USER_DATA_CHANGED, actor=actor, entity_related_id=user.pk,
                   description=f"user {user.email} changed:\n" + diff_description(before, after))
        if role_changed:
            from .signals import role_changed as role_changed_signal

            role_changed_signal.send(sender=User, user=user)
        if became_unconfirmed:
            _send_confirmation(user)
    return user


def update_user_settings(*, actor: User, user_id: int, send_notifications_to_email: bool) -> User:
    """Users change their own e-mail notification setting; UserUpdate changes anyone's."""
    if actor.pk != user_id:
        require(actor, Privilege.UserUpdate)
    with transaction.atomic():
        user = User.objects.select_related("role").select_for_update().filter(pk=user_id).first()
        if user is None:
            raise NotFound(key="user.not.found")
        if user.send_notifications_to_email != send_notifications_to_email:
            user.send_notifications_to_email = send_notifications_to_email
            user.save(update_fields=["send_notifications_to_email"])
            record(AuditAction.USER_DATA_CHANGED, actor=actor, entity_related_id=user.pk,
                   description=f"user {user.email} changed:\nsendNotificationsToEmail: "
                               f"{not send_notifications_to_email} -> {send_notifications_to_email}")
    return user


def update_profile(*, actor: User, language: str | None) -> User:
    """Set the preferred UI language of the acting user (one of the system languages, or none)."""
    language = (language or "").strip().upper() or None
    if language is not None and language not in LANGUAGE_CODES:
        raise ValidationFailed(fields={"language": "profile.language.unknown"})
    actor.language = language
    actor.save(update_fields=["language"])
    return actor


# --- Roles ---------------------------------------------------------------------------------------------


def _role_errors(*, name: str, permissions, exclude_role_id: int | None = None) -> tuple[dict, list[str]]:
    errors = {}
    if error := _length_error(name, 127):
        errors["name"] = error
    elif Role.objects.filter(name=name).exclude(pk=exclude_role_id).exists():
        errors["name"] = {"i18nKey": "role.name.not.unique", "i18nArguments": {}}
    names = [str(getattr(p, "value", p)) for p in permissions]
    unknown = sorted(set(names) - {p.value for p in Privilege})
    if unknown:
        errors["permissions"] = {"i18nKey": "role.permission.unknown", "i18nArguments": {"permission": unknown[0]}}
    return errors, ordered(names)


def _set_default(role: Role) -> None:
    Role.objects.exclude(pk=role.pk).filter(default_for_registered_user=True).update(default_for_registered_user=False)


def create_role(*, actor: User, name: str, default_for_registered_user: bool, permissions) -> Role:
    """Create a role with its privileges (RoleCreate); optionally make it the registration default."""
    require(actor, Privilege.RoleCreate)
    name = (name or "").strip()
    errors, privileges = _role_errors(name=name, permissions=permissions)
    _raise_if(errors)
    with transaction.atomic():
        role = Role.objects.create(name=name, default_for_registered_user=default_for_registered_user,
                                   permissions=privileges)
        if default_for_registered_user:
            _set_default(role)
        record(AuditAction.ROLE_PRIVILEGES_CHANGED, actor=actor, entity_related_id=role.pk,
               description=f"role {role.name} (id {role.pk}) created with privileges: {', '.join(privileges)}")
    return role


def update_role(*, actor: User, role_id: int, name: str, default_for_registered_user: bool | None, permissions) -> Role:
    """Rename a role and replace its privileges (RoleUpdate)."""
    require(actor, Privilege.RoleUpdate)
    name = (name or "").strip()
    with transaction.atomic():
        role = Role.objects.select_for_update().filter(pk=role_id).first()
        if role is None:
            raise NotFound(key="role.not.found")
        errors, privileges = _role_errors(name=name, permissions=permissions, exclude_role_id=role.pk)
        _raise_if(errors)
        before = set(role.permissions)
        role.name = name
        role.permissions = privileges
        if default_for_registered_user is not None:
            role.default_for_registered_user = default_for_registered_user
        role.save()
        if role.default_for_registered_user:
            _set_default(role)
        added, removed = ordered(set(privileges) - before), ordered(before - set(privileges))
        record(AuditAction.ROLE_PRIVILEGES_CHANGED, actor=actor, entity_related_id=role.pk,
               description=f"role {role.name} (id {role.pk}) changed; added: {', '.join(added) or '-'}; "
                           f"removed: {', '.join(removed) or '-'}; privileges: {', '.join(privileges)}")
    return role


def set_default_role(*, actor: User, role_id: int) -> Role:
    """Make a role the default for self-registered users (RoleUpdate)."""
    require(actor, Privilege.RoleUpdate)
    with transaction.atomic():
        role = Role.objects.select_for_update().filter(pk=role_id).first()
        if role is None:
            raise NotFound(key="role.not.found")
        if not role.default_for_registered_user:
            role.default_for_registered_user = True
            role.save(update_fields=["default_for_registered_user"])
            _set_default(role)
            record(AuditAction.ROLE_PRIVILEGES_CHANGED, actor=actor, entity_related_id=role.pk,
                   description=f"role {role.name} (id {role.pk}) is now the default for registered users")
    return role
