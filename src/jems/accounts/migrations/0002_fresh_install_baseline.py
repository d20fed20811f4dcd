"""The fresh-install baseline (see jems.accounts.baseline)."""

from django.db import migrations

from jems.accounts.baseline import ensure_baseline


def seed(apps, schema_editor):
    ensure_baseline(apps.get_model("accounts", "Role"), apps.get_model("accounts", "User"), schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
