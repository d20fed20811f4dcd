"""Demo data of the programme core (`jems load_demo`): a fictional Interreg programme "Interreg
Danube-Alps Demo" with English and German, two selected funds, a few strategies, state-aid schemes,
legal statuses and typology-of-errors entries. Idempotent: running it again changes nothing."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from .baseline import ensure
from .codelists import MEASURES, Strategy
from .models import (
    LegalStatus,
    ProgrammeData,
    ProgrammeFund,
    ProgrammeLanguage,
    ProgrammeStrategy,
    StateAid,
    TypologyError,
)

BASIC_DATA = {
    "cci": "2021TC16RFTN099",
    "title": "Interreg Danube-Alps Demo 2021-2027",
    "version": "2.1",
    "first_year": 2021,
    "last_year": 2027,
    "eligible_from": date(2021, 1, 1),
    "eligible_until": date(2029, 12, 31),
    "commission_decision_number": "C(2022) 4711",
    "commission_decision_date": date(2022, 6, 30),
    "programme_amending_decision_number": "C(2024) 1234",
    "programme_amending_decision_date": date(2024, 3, 15),
    "technical_assistance_flat_rate": Decimal("7.00"),
    "project_id_programme_abbreviation": "DAD",
    "project_id_use_call_id": True,
}

FUND_TEXTS_DE = {
    1: ("EFRE", "Ziel Europäische territoriale Zusammenarbeit (Interreg)"),
    2: ("IPA III CBC", "Interreg A, externe grenzüberschreitende Zusammenarbeit"),
}

ACTIVE_STRATEGIES = (Strategy.EUStrategyDanubeRegion, Strategy.EUStrategyAlpineRegion, Strategy.EuropeanGreenDeal,
                     Strategy.TerritorialAgenda2030)

LEGAL_STATUSES = (
    {"EN": "Non-governmental organisation", "DE": "Nichtregierungsorganisation"},
    {"EN": "European grouping of territorial cooperation (EGTC)",
     "DE": "Europäischer Verbund für territoriale Zusammenarbeit (EVTZ)"},
)

TYPOLOGY_ERRORS = (
    "Public procurement: no or insufficient competition",
    "Ineligible costs: outside the eligibility period",
    "Ineligible costs: not related to the project",
    "Missing or insufficient supporting documents",
    "Staff costs: calculation error",
    "VAT claimed although recoverable",
    "Publicity requirements not met",
)


def _scheme(code: str, scheme_number: str, comments_de: str = "") -> StateAid:
    info = MEASURES[code]
    comments = {"EN": info.comments} if info.comments else {}
    if comments_de:
        comments["DE"] = comments_de
    return StateAid(measure=code, name={"EN": info.name}, abbreviated_name={"EN": info.label},
                    scheme_number=scheme_number, max_intensity=info.max_intensity, threshold=info.threshold,
                    comments=comments)


def load(stdout) -> None:
    ensure()
    with transaction.atomic():
        ProgrammeData.objects.update_or_create(pk=ProgrammeData.SINGLETON_ID, defaults=BASIC_DATA)
        ProgrammeLanguage.objects.filter(code__in=["EN", "DE"]).update(ui=True, input=True)
        if not ProgrammeLanguage.objects.filter(fallback=True).exists():
            ProgrammeLanguage.objects.filter(code="EN").update(fallback=True)
        for fund in ProgrammeFund.objects.filter(pk__in=FUND_TEXTS_DE):
            abbreviation, description = FUND_TEXTS_DE[fund.pk]
            fund.selected = True
            fund.abbreviation = {**fund.abbreviation, "DE": abbreviation}
            fund.description = {**fund.description, "DE": description}
            fund.save()
        ProgrammeStrategy.objects.filter(strategy__in=[s.value for s in ACTIVE_STRATEGIES]).update(active=True)
        known = [status.description.get("EN") for status in LegalStatus.objects.all()]
        LegalStatus.objects.bulk_create([LegalStatus(type="OTHER", description=texts)
                                         for texts in LEGAL_STATUSES if texts["EN"] not in known])
        if not StateAid.objects.exists():
            StateAid.objects.bulk_create([
                _scheme("GBER_ARTICLE_20", "SA.100001"),
                _scheme("GBER_ARTICLE_20A", "SA.100002"),
                _scheme("GENERAL_DE_MINIMIS", "", "pro Mitgliedstaat"),
            ])
        if not TypologyError.objects.exists():
            TypologyError.objects.bulk_create([TypologyError(description=text) for text in TYPOLOGY_ERRORS])
    stdout.write("Programme: Interreg Danube-Alps Demo (basic data, EN + DE, ERDF and IPA III CBC selected, "
                 "strategies, state aid, legal statuses, typology of errors).")
