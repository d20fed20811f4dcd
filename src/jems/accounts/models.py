"""Users, roles and the tokens of registration, confirmation and password reset."""

import uuid

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from jems.core.languages import SystemLanguage

from .privileges import Privilege


class UserStatus(models.TextChoices):
    """Jems `UserStatus`."""

    ACTIVE = "ACTIVE", _("Active")
    INACTIVE = "INACTIVE", _("Inactive")
    UNCONFIRMED = "UNCONFIRMED", _("Unconfirmed")


class Role(models.Model):
    """A named set of privileges. Role 1 is the administrator role; one role may be the default for
    self-registered users."""

    name = models.CharField(max_length=127, unique=True)
    default_for_registered_user = models.BooleanField(default=False)
    permissions = models.JSONField(default=list, help_text="Privilege names held by the role.")

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.name

    @cached_property
    def privilege_set(self) -> frozenset[str]:
        return frozenset(self.permissions)


class UserManager(BaseUserManager):
    """Creates users by e-mail (the login name)."""

    use_in_migrations = True

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)

    def create_user(self, email, password=None, **fields):
        user = self.model(email=email, **fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user


class User(AbstractBaseUser):
    """A person who logs in: e-mail, name, surname, role, status and personal settings."""

    email = models.CharField(max_length=255, unique=True)
    name = models.CharField(max_length=50)
    surname = models.CharField(max_length=50)
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="users")
    status = models.CharField(max_length=16, choices=UserStatus.choices, default=UserStatus.ACTIVE)
    send_notifications_to_email = models.BooleanField(default=True)
    language = models.CharField(max_length=2, choices=SystemLanguage.choices, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name", "surname"]

    objects = UserManager()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.name} {self.surname} <{self.email}>"

    @property
    def is_active(self):
        return self.status == UserStatus.ACTIVE

    @property
    def full_name(self):
        return f"{self.name} {self.surname}"

    def has_privilege(self, privilege: Privilege | str) -> bool:
        return str(privilege) in self.role.privilege_set


class FailedLoginAttempt(models.Model):
    """Consecutive failed logins of an account; 10 within 5 minutes block the e-mail for 5 minutes."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="failed_login")
    count = models.PositiveIntegerField(default=0)
    last_attempt_at = models.DateTimeField()


class AccountConfirmation(models.Model):
    """The token e-mailed after registration (or when an administrator sets a user UNCONFIRMED)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="confirmations")
    token = models.UUIDField(default=uuid.uuid4, unique=True)
    created_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)


class PasswordResetToken(models.Model):
    """The token of a "forgot password" e-mail, valid 24 hours, one per user."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="password_reset")
    token = models.UUIDField(default=uuid.uuid4, unique=True)
    created_at = models.DateTimeField()
