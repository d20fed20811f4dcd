"""Fresh-install baseline of the programme setup: English as UI, input and fallback language; the
basic-data row; the 7 predefined funds (none selected); the 15 strategies (inactive); the legal
statuses Public and Private; the accounting years 2021–2029.

Each function takes the model classes (historical ones in data migrations) and creates missing rows
only, never changing existing ones. Sequences are reset after rows with explicit ids, so that the next
insert on PostgreSQL does not collide with them.
"""

from datetime import date

from django.core.management.color import no_style
from django.db import connection as default_connection

from jems.core.languages import SystemLanguage

from .codelists import PREDEFINED_FUNDS, PREDEFINED_LEGAL_STATUSES, Strategy

PROGRAMME_DATA_ID = 1
FIRST_ACCOUNTING_YEAR = 2021
LAST_ACCOUNTING_YEAR = 2029


def accounting_years() -> list[tuple[int, int, date, date]]:
    """(id, year, start, end): an accounting year runs from 1 July to 30 June of the next year; the first
    one of the 2021–2027 period starts with the eligibility of expenditure on 1 January 2021 (CPR
    Art. 2(29))."""
    rows = []
    for number, year in enumerate(range(FIRST_ACCOUNTING_YEAR, LAST_ACCOUNTING_YEAR + 1), start=1):
        start = date(year, 1, 1) if year == FIRST_ACCOUNTING_YEAR else date(year, 7, 1)
        rows.append((number, year, start, date(year + 1, 6, 30)))
    return rows


def _reset_sequences(models, connection) -> None:
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def ensure_languages(ProgrammeLanguage) -> None:
    if ProgrammeLanguage.objects.exists():
        return
    ProgrammeLanguage.objects.bulk_create([
        ProgrammeLanguage(code=code, ui=code == "EN", input=code == "EN", fallback=code == "EN")
        for code in SystemLanguage.values
    ])


def ensure_programme_data(ProgrammeData, connection=default_connection) -> None:
    if not ProgrammeData.objects.filter(pk=PROGRAMME_DATA_ID).exists():
        ProgrammeData.objects.create(pk=PROGRAMME_DATA_ID, project_id_use_call_id=False)
        _reset_sequences([ProgrammeData], connection)


def ensure_funds(ProgrammeFund, connection=default_connection) -> None:
    existing = set(ProgrammeFund.objects.filter(pk__in=[row[0] for row in PREDEFINED_FUNDS])
                   .values_list("pk", flat=True))
    missing = [ProgrammeFund(pk=pk, type=str(fund_type), selected=False, abbreviation={"EN": abbreviation},
                             description={"EN": description})
               for pk, fund_type, abbreviation, description in PREDEFINED_FUNDS if pk not in existing]
    if missing:
        ProgrammeFund.objects.bulk_create(missing)
        _reset_sequences([ProgrammeFund], connection)


def ensure_strategies(ProgrammeStrategy) -> None:
    existing = set(ProgrammeStrategy.objects.values_list("strategy", flat=True))
    ProgrammeStrategy.objects.bulk_create([
        ProgrammeStrategy(strategy=code, active=False) for code in Strategy.values if code not in existing
    ])


def ensure_legal_statuses(LegalStatus, connection=default_connection) -> None:
    existing = set(LegalStatus.objects.filter(pk__in=[row[0] for row in PREDEFINED_LEGAL_STATUSES])
                   .values_list("pk", flat=True))
    missing = [LegalStatus(pk=pk, type=str(status_type), description={"EN": description})
               for pk, status_type, description in PREDEFINED_LEGAL_STATUSES if pk not in existing]
    if missing:
        LegalStatus.objects.bulk_create(missing)
        _reset_sequences([LegalStatus], connection)


def ensure_accounting_years(AccountingYear, connection=default_connection) -> None:
    existing = set(AccountingYear.objects.values_list("year", flat=True))
    missing = [AccountingYear(pk=pk, year=year, start_date=start, end_date=end)
               for pk, year, start, end in accounting_years() if year not in existing]
    if missing:
        AccountingYear.objects.bulk_create(missing)
        _reset_sequences([AccountingYear], connection)


def ensure_all_with(get_model, connection=default_connection) -> None:
    """Create the whole baseline with the models that `get_model(name)` returns."""
    ensure_languages(get_model("ProgrammeLanguage"))
    ensure_programme_data(get_model("ProgrammeData"), connection)
    ensure_funds(get_model("ProgrammeFund"), connection)
    ensure_strategies(get_model("ProgrammeStrategy"))
    ensure_legal_statuses(get_model("LegalStatus"), connection)
    ensure_accounting_years(get_model("AccountingYear"), connection)


def ensure() -> None:
    from django.apps import apps

    ensure_all_with(lambda name: apps.get_model("programme", name))
