"""Fresh install: basic-data row, the 7 predefined funds, 15 strategies, legal statuses Public and
Private, accounting years 2021–2029."""

from django.db import migrations

from jems.programme.baseline import (
    ensure_accounting_years,
    ensure_funds,
    ensure_legal_statuses,
    ensure_programme_data,
    ensure_strategies,
)


def seed(apps, schema_editor):
    connection = schema_editor.connection
    ensure_programme_data(apps.get_model("programme", "ProgrammeData"), connection)
    ensure_funds(apps.get_model("programme", "ProgrammeFund"), connection)
    ensure_strategies(apps.get_model("programme", "ProgrammeStrategy"))
    ensure_legal_statuses(apps.get_model("programme", "LegalStatus"), connection)
    ensure_accounting_years(apps.get_model("programme", "AccountingYear"), connection)


class Migration(migrations.Migration):
    dependencies = [("programme", "0003_programme_setup")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
