"""Fresh install: the shipped NUTS data set (countries and NUTS levels 1-3, see nuts/data/README.md)."""

from django.db import migrations

from jems.nuts.baseline import ensure_regions


def seed(apps, schema_editor):
    ensure_regions(apps.get_model("nuts", "NutsRegion"), apps.get_model("nuts", "NutsMetadata"))


class Migration(migrations.Migration):
    dependencies = [("nuts", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
