"""Demo data of simplified cost options (`jems load_demo`) for the fictional programme "Interreg Danube-Alps
Demo": two lump sums (preparation; a fast-track small-scale project) and two unit costs (a meeting day over
several categories; a Swiss staff hour, also in CHF). Idempotent: entries with the same English name stay."""

from decimal import Decimal

from django.db import transaction

from .models import ProgrammeLumpSum, ProgrammeUnitCost

LUMP_SUMS = (
    {"name": {"EN": "Preparation costs", "DE": "Vorbereitungskosten"},
     "description": {"EN": "Preparing the application of an approved project",
                     "DE": "Vorbereitung des Antrags eines genehmigten Projekts"},
     "cost": Decimal("20000.00"), "phase": "Preparation", "splitting_allowed": True, "fast_track": False,
     "categories": ["StaffCosts", "TravelAndAccommodationCosts", "ExternalCosts"],
     "payment_claim": "IncurredByBeneficiaries"},
    {"name": {"EN": "Small-scale project (fast track)", "DE": "Kleinprojekt (Fast Track)"},
     "description": {"EN": "People-to-people project paid on delivery, without reporting",
                     "DE": "Begegnungsprojekt, bei Erbringung ohne Berichterstattung ausgezahlt"},
     "cost": Decimal("45000.00"), "phase": "Implementation", "splitting_allowed": False, "fast_track": True,
     "categories": ["StaffCosts", "OfficeAndAdministrationCosts", "TravelAndAccommodationCosts", "ExternalCosts"],
     "payment_claim": "BasedOnSco"},
)

UNIT_COSTS = (
    {"name": {"EN": "Cross-border meeting day", "DE": "Grenzüberschreitender Sitzungstag"},
     "description": {"EN": "One participant attending a partner meeting for one day, travel included",
                     "DE": "Ein Teilnehmender an einem Partnertreffen für einen Tag, inklusive Reise"},
     "type": {"EN": "participant day", "DE": "Teilnehmertag"},
     "justification": {"EN": "Average of 2018-2020 meeting costs in the programme area (study of the JS, 2021)"},
     "cost_per_unit": Decimal("320.00"), "one_cost_category": False,
     "categories": ["TravelAndAccommodationCosts", "ExternalCosts"], "payment_claim": "IncurredByBeneficiaries"},
    {"name": {"EN": "Staff hour (Switzerland)", "DE": "Personalstunde (Schweiz)"},
     "description": {"EN": "One hour of project staff of a Swiss partner",
                     "DE": "Eine Stunde Projektpersonal eines Schweizer Partners"},
     "type": {"EN": "hour", "DE": "Stunde"},
     "justification": {"EN": "Swiss Federal Statistical Office, wage survey 2020"},
     "cost_per_unit": Decimal("61.50"), "cost_per_unit_foreign_currency": Decimal("58.00"),
     "foreign_currency_code": "CHF", "one_cost_category": True, "categories": ["StaffCosts"],
     "payment_claim": "BasedOnSco"},
)


def load(stdout) -> None:
    with transaction.atomic():
        known = {ls.name.get("EN") for ls in ProgrammeLumpSum.objects.all()}
        ProgrammeLumpSum.objects.bulk_create([ProgrammeLumpSum(**values) for values in LUMP_SUMS
                                              if values["name"]["EN"] not in known])
        known = {uc.name.get("EN") for uc in ProgrammeUnitCost.objects.all()}
        ProgrammeUnitCost.objects.bulk_create([ProgrammeUnitCost(**values) for values in UNIT_COSTS
                                               if values["name"]["EN"] not in known])
    stdout.write("Simplified cost options: 2 lump sums (one fast track), 2 unit costs (one also in CHF).")
