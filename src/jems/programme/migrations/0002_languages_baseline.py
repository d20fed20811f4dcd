"""Fresh install: the 34 system languages, English as UI, input and fallback language."""

from django.db import migrations

from jems.programme.baseline import ensure_languages


def seed(apps, schema_editor):
    ensure_languages(apps.get_model("programme", "ProgrammeLanguage"))


class Migration(migrations.Migration):
    dependencies = [("programme", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
