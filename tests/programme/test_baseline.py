"""The fresh-install baseline of the programme core: exactly the rows Jems seeds, inserts after them work."""

from datetime import date

import pytest

from jems.programme import baseline
from jems.programme.models import (
    AccountingYear,
    LegalStatus,
    ProgrammeData,
    ProgrammeFund,
    ProgrammeLanguage,
    ProgrammeStrategy,
)

pytestmark = pytest.mark.django_db

FUNDS = [
    (1, "ERDF", "ERDF", "Territorial cooperation Goal (Interreg)"),
    (2, "IPA_III_CBC", "IPA III CBC", "Interreg A, external cross-border cooperation"),
    (3, "NEIGHBOURHOOD_CBC", "Neighbourhood CBC", "Interreg A, external cross-border cooperation"),
    (4, "IPA_III", "IPA III", "Interreg B and C"),
    (5, "NDICI", "NDICI", "Interreg B and C"),
    (6, "OCTP", "OCTP", "Interreg C and D"),
    (7, "INTERREG_FUNDS", "Interreg Funds", "ERDF, IPA III, NDICI or OCTP, where as single amount under Interreg B and C"),
]


def test_funds_baseline():
    rows = [(f.pk, f.type, f.abbreviation, f.description, f.selected) for f in ProgrammeFund.objects.all()]
    assert rows == [(pk, t, {"EN": a}, {"EN": d}, False) for pk, t, a, d in FUNDS]


def test_other_baselines():
    assert [(s.pk, s.type, s.description) for s in LegalStatus.objects.all()] == [
        (1, "PUBLIC", {"EN": "Public"}), (2, "PRIVATE", {"EN": "Private"})]
    assert ProgrammeStrategy.objects.count() == 15 and not ProgrammeStrategy.objects.filter(active=True).exists()
    data = ProgrammeData.objects.get()
    assert data.pk == 1 and data.title is None and data.project_id_use_call_id is False
    assert ProgrammeLanguage.objects.count() == 34
    assert [(code) for code in ProgrammeLanguage.objects.filter(ui=True, input=True, fallback=True)
            .values_list("code", flat=True)] == ["EN"]
    assert ProgrammeLanguage.objects.filter(ui=True).count() == 1


def test_accounting_years():
    years = [(y.pk, y.year, y.start_date, y.end_date) for y in AccountingYear.objects.all()]
    assert years[0] == (1, 2021, date(2021, 1, 1), date(2022, 6, 30))
    assert years[1] == (2, 2022, date(2022, 7, 1), date(2023, 6, 30))
    assert years[-1] == (9, 2029, date(2029, 7, 1), date(2030, 6, 30))
    assert len(years) == 9


def test_ensure_is_idempotent_and_inserts_continue_after_the_seeded_ids():
    ProgrammeFund.objects.filter(pk=1).update(selected=True, abbreviation={"EN": "ERDF", "DE": "EFRE"})
    baseline.ensure()
    baseline.ensure()
    assert ProgrammeFund.objects.count() == 7 and ProgrammeFund.objects.get(pk=1).selected
    # The sequences continue after the seeded ids (on PostgreSQL a rolled-back test may have used some).
    assert ProgrammeFund.objects.create(abbreviation={"EN": "New"}).pk > 7
    assert LegalStatus.objects.create(description={"EN": "NGO"}).pk > 2
    assert AccountingYear.objects.create(year=2030, start_date=date(2030, 7, 1), end_date=date(2031, 6, 30)).pk > 9


@pytest.mark.django_db(transaction=True)
def test_baseline_is_restored_after_a_flush():
    assert ProgrammeFund.objects.count() == 7
    assert ProgrammeFund.objects.create(abbreviation={"EN": "New"}).pk > 7
