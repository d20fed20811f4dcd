"""The fresh-install baseline: roles 1 administrator, 2 programme user, 3 applicant user (the default for
self-registration) with their default privileges, and the administrator account admin@jems.eu."""

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import migrations
from django.utils import timezone

from jems.accounts.privileges import (
    ADMINISTRATOR_DEFAULT,
    ADMINISTRATOR_ROLE_ID,
    APPLICANT_USER_DEFAULT,
    APPLICANT_USER_ROLE_ID,
    PROGRAMME_USER_DEFAULT,
    PROGRAMME_USER_ROLE_ID,
    ordered,
)


def seed(apps, schema_editor):
    Role = apps.get_model("accounts", "Role")
    User = apps.get_model("accounts", "User")
    for role_id, name, privileges, default in (
        (ADMINISTRATOR_ROLE_ID, "administrator", ADMINISTRATOR_DEFAULT, False),
        (PROGRAMME_USER_ROLE_ID, "programme user", PROGRAMME_USER_DEFAULT, False),
        (APPLICANT_USER_ROLE_ID, "applicant user", APPLICANT_USER_DEFAULT, True),
    ):
        Role.objects.update_or_create(
            pk=role_id,
            defaults={"name": name, "permissions": ordered(privileges), "default_for_registered_user": default},
        )
    if not User.objects.filter(role_id=ADMINISTRATOR_ROLE_ID).exists():
        # Without JEMS_ADMIN_PASSWORD the password is unusable: set one with `jems set_admin_password`
        # or with the "forgot password" e-mail. There is never a fixed password outside demo mode.
        password = make_password(settings.ADMIN_PASSWORD or None)
        User.objects.create(
            email=settings.ADMIN_EMAIL, name="Admin", surname="Admin", role_id=ADMINISTRATOR_ROLE_ID,
            status="ACTIVE", password=password, created_at=timezone.now(),
        )
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Role, User]):
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
