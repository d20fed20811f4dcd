"""`jems set_admin_password`: set the administrator's password (from a prompt or --password)."""

import getpass
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from jems.accounts.models import FailedLoginAttempt, User
from jems.accounts.privileges import ADMINISTRATOR_ROLE_ID
from jems.accounts.validators import PASSWORD_RULE_TEXT, password_is_strong
from jems.audit.actions import AuditAction
from jems.audit.services import record


class Command(BaseCommand):
    help = ("Set the password of the administrator account (JEMS_ADMIN_EMAIL, else the first user of role 1). "
            "The Jems password rule applies.")

    def add_arguments(self, parser):
        parser.add_argument("--password", help="The new password (otherwise asked for twice at a prompt).")
        parser.add_argument("--email", help="The administrator's e-mail, if not JEMS_ADMIN_EMAIL.")

    def handle(self, *args, password=None, email=None, **options):
        explicit = bool(email)
        email = email or settings.ADMIN_EMAIL
        user = User.objects.filter(email__iexact=email, role_id=ADMINISTRATOR_ROLE_ID).first()
        if user is None and not explicit:
            user = User.objects.filter(role_id=ADMINISTRATOR_ROLE_ID).order_by("id").first()
        if user is None:
            raise CommandError(f"No administrator account {email} (role 1) exists.")
        if password is None:
            if not sys.stdin.isatty():
                raise CommandError("Give --password when not running at a terminal.")
            try:
                password = getpass.getpass(f"New password for {user.email}: ")
                repeated = getpass.getpass("Repeat the password: ")
            except (EOFError, KeyboardInterrupt):
                raise CommandError("No password given.") from None
            if password != repeated:
                raise CommandError("The passwords do not match.")
        if not password_is_strong(password):
            raise CommandError(PASSWORD_RULE_TEXT)
        with transaction.atomic():
            user.set_password(password)
            user.save(update_fields=["password"])
            FailedLoginAttempt.objects.filter(user=user).delete()
            record(AuditAction.PASSWORD_CHANGED, user_id=user.pk, user_email=user.email, entity_related_id=user.pk,
                   description=f"password of {user.email} set with `jems set_admin_password`")
        self.stdout.write(self.style.SUCCESS(f"Password of {user.email} set."))
