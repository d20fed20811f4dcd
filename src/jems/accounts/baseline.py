"""The fresh-install baseline: roles 1 administrator, 2 programme user, 3 applicant user (the default for
self-registration) with their default privileges, and the administrator account.

Used by the data migration (with historical models) and by the test suite after a database flush.
"""

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection as default_connection
from django.utils import timezone

from .privileges import (
    ADMINISTRATOR_DEFAULT,
    ADMINISTRATOR_ROLE_ID,
    APPLICANT_USER_DEFAULT,
    APPLICANT_USER_ROLE_ID,
    PROGRAMME_USER_DEFAULT,
    PROGRAMME_USER_ROLE_ID,
    ordered,
)

DEFAULT_ROLES = (
    (ADMINISTRATOR_ROLE_ID, "administrator", ADMINISTRATOR_DEFAULT, False),
    (PROGRAMME_USER_ROLE_ID, "programme user", PROGRAMME_USER_DEFAULT, False),
    (APPLICANT_USER_ROLE_ID, "applicant user", APPLICANT_USER_DEFAULT, True),
)


def ensure_baseline(Role, User, connection=default_connection) -> None:
    """Create the default roles and the administrator where missing; never changes existing rows."""
    for role_id, name, privileges, default in DEFAULT_ROLES:
        Role.objects.get_or_create(
            pk=role_id,
            defaults={"name": name, "permissions": ordered(privileges), "default_for_registered_user": default},
        )
    if not User.objects.filter(role_id=ADMINISTRATOR_ROLE_ID).exists():
        # Without JEMS_ADMIN_PASSWORD the password is unusable: set one with `jems set_admin_password`
        # or with the "forgot password" e-mail. There is never a fixed password outside demo mode.
        User.objects.create(
            email=settings.ADMIN_EMAIL, name="Admin", surname="Admin", role_id=ADMINISTRATOR_ROLE_ID,
            status="ACTIVE", password=make_password(settings.ADMIN_PASSWORD or None), created_at=timezone.now(),
        )
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Role, User]):
            cursor.execute(statement)


def ensure() -> None:
    from .models import Role, User

    ensure_baseline(Role, User)
