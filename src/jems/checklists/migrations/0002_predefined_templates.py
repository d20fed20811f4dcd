"""Fresh install: the five predefined checklist templates (one per checklist type)."""

from django.db import migrations

from jems.checklists.baseline import ensure_templates


def seed(apps, schema_editor):
    ensure_templates(apps.get_model("checklists", "ProgrammeChecklist"),
                     apps.get_model("checklists", "ChecklistComponent"))


class Migration(migrations.Migration):
    dependencies = [("checklists", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
