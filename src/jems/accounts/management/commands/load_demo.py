"""`jems load_demo`: the demo logins (administrator, programme user, applicant), idempotent.

Runs only in demo mode (JEMS_DEMO=1) or with --force, so that no fixed password exists on a real
installation.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from jems.accounts.models import FailedLoginAttempt, Role, User, UserStatus
from jems.accounts.privileges import ADMINISTRATOR_ROLE_ID, APPLICANT_USER_ROLE_ID, PROGRAMME_USER_ROLE_ID
from jems.accounts.validators import password_is_strong

# (role id, e-mail, name, surname, password). Passwords follow the Jems rule (≥ 10, lower, upper, digit).
DEMO_USERS = (
    (ADMINISTRATOR_ROLE_ID, None, "Admin", "Admin", "Admin-Demo-2025"),
    (PROGRAMME_USER_ROLE_ID, "programme@jems.eu", "Petra", "Programme", "Programme-Demo-2025"),
    (APPLICANT_USER_ROLE_ID, "applicant@jems.eu", "Anton", "Applicant", "Applicant-Demo-2025"),
)


def demo_logins() -> list[tuple[str, str, str]]:
    """(role name, e-mail, password) of the demo accounts."""
    admin_email = settings.ADMIN_EMAIL
    roles = dict(Role.objects.values_list("id", "name"))
    return [(roles.get(role_id, str(role_id)), email or admin_email, password)
            for role_id, email, _, _, password in DEMO_USERS]


def load_app_demos(stdout) -> None:
    """Each app may bring demo data in `<app>/demo.py` with an idempotent `load(stdout)`; they run in
    INSTALLED_APPS order (so NUTS regions exist before the institutions that cover them)."""
    from importlib import import_module
    from importlib.util import find_spec

    from django.apps import apps

    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if config.name.startswith("jems.") and find_spec(name):
            import_module(name).load(stdout)


class Command(BaseCommand):
    help = "Create or reset the demo logins (administrator, programme user, applicant). Demo mode only."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true",
                            help="Run outside demo mode (sets well-known passwords: never on a real installation).")

    def handle(self, *args, force=False, **options):
        if not (settings.DEMO_MODE or force):
            raise CommandError("load_demo sets well-known passwords and runs only in demo mode: "
                               "set JEMS_DEMO=1 (or pass --force on a throw-away installation).")
        with transaction.atomic():
            for role_id, email, name, surname, password in DEMO_USERS:
                assert password_is_strong(password)
                role = Role.objects.filter(pk=role_id).first()
                if role is None:
                    raise CommandError(f"Role {role_id} is missing: run `jems migrate` first.")
                if email is None:  # the administrator of the fresh install (the first of role 1)
                    user = (User.objects.filter(email__iexact=settings.ADMIN_EMAIL).first()
                            or User.objects.filter(role_id=ADMINISTRATOR_ROLE_ID).order_by("id").first())
                    if user is None:
                        user = User(email=settings.ADMIN_EMAIL, name=name, surname=surname, role=role)
                else:
                    user = User.objects.filter(email__iexact=email).first() or User(
                        email=email, name=name, surname=surname, role=role)
                    user.role = role
                user.status = UserStatus.ACTIVE
                user.set_password(password)
                user.save()
                FailedLoginAttempt.objects.filter(user=user).delete()
            load_app_demos(self.stdout)
        self.stdout.write("Demo logins (password rule: at least 10 characters, lower, upper case and a digit):")
        for role_name, email, password in demo_logins():
            self.stdout.write(f"  {role_name:<16} {email:<24} {password}")
