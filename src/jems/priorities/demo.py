"""Demo data of priorities and indicators (`jems load_demo`) for the fictional programme "Interreg
Danube-Alps Demo": three priorities (PO2 climate resilience, PO4 inclusive labour markets, ISO1 cooperation
governance) with specific objectives and dimension codes, and output and result indicators for them.
Idempotent: existing priorities (by code) and indicators (by ID) are left as they are."""

from decimal import Decimal

from django.db import transaction

from .models import OutputIndicator, ProgrammePriority, ProgrammeSpecificObjective, ResultIndicator

PRIORITIES = (
    ("P1", "PO2", {"EN": "Climate-resilient Danube-Alps region", "DE": "Klimaresilienter Donau-Alpen-Raum"}, (
        ("ClimateChange", "2.1", {"TypesOfIntervention": ["058", "059", "060"], "FormOfSupport": ["001"],
                                  "TerritorialDeliveryMechanism": ["033"], "EconomicActivity": ["021", "026"],
                                  "GenderEquality": ["003"], "RegionalAndSeaBasinStrategy": ["005", "006"]}),
        ("GreenInfrastructure", "2.2", {"TypesOfIntervention": ["078", "079"], "FormOfSupport": ["001"],
                                        "TerritorialDeliveryMechanism": ["033"], "GenderEquality": ["003"],
                                        "RegionalAndSeaBasinStrategy": ["006"]}),
    )),
    ("P2", "PO4", {"EN": "Inclusive labour markets and social innovation",
                   "DE": "Inklusive Arbeitsmärkte und soziale Innovation"}, (
        ("SocialInfrastructure", "4.1", {"TypesOfIntervention": ["134", "138"], "FormOfSupport": ["001"],
                                         "TerritorialDeliveryMechanism": ["033"], "EconomicActivity": ["024"],
                                         "GenderEquality": ["002"]}),
        ("CultureAndTourism", "4.2", {"TypesOfIntervention": ["165", "166"], "FormOfSupport": ["001"],
                                      "GenderEquality": ["003"], "RegionalAndSeaBasinStrategy": ["005"]}),
    )),
    ("P3", "ISO12", {"EN": "Better cooperation governance", "DE": "Bessere Governance der Zusammenarbeit"}, (
        ("ISO12PublicAuthorities", "6.1", {"TypesOfIntervention": ["173"], "FormOfSupport": ["001"],
                                           "TerritorialDeliveryMechanism": ["033"], "GenderEquality": ["003"]}),
        ("ISO12MutualTrust", "6.2", {"TypesOfIntervention": ["173"], "FormOfSupport": ["001"],
                                     "GenderEquality": ["002"]}),
    )),
)

# identifier, code, name EN/DE, unit EN/DE, specific objective, baseline, reference year, final target, source
RESULTS = (
    ("R2.1", "RCR104", ("Solutions taken up or up-scaled by organisations", "Von Organisationen übernommene Lösungen"),
     ("solutions", "Lösungen"), "ClimateChange", "0", "2021", "6", "Project reports"),
    ("R2.2", "RCR79", ("Joint strategies and action plans taken up by organisations",
                       "Von Organisationen übernommene gemeinsame Strategien und Aktionspläne"),
     ("joint strategy/action plan", "gemeinsame Strategie/Aktionsplan"), "GreenInfrastructure", "0", "2021", "4",
     "Project reports"),
    ("R4.1", "RCR84", ("Organisations cooperating across borders after project completion",
                       "Nach Projektabschluss grenzüberschreitend kooperierende Organisationen"),
     ("organisations", "Organisationen"), "SocialInfrastructure", "0", "2021", "35", "Survey 12 months after closure"),
    ("R6.1", "RCR82", ("Legal or administrative obstacles across borders alleviated or resolved",
                       "Abgebaute grenzüberschreitende rechtliche oder administrative Hindernisse"),
     ("legal or administrative obstacles", "Hindernisse"), "ISO12PublicAuthorities", "0", "2021", "5",
     "Project reports"),
)

# identifier, code, name EN/DE, unit EN/DE, specific objective, milestone, final target, result indicator
OUTPUTS = (
    ("O2.1", "RCO84", ("Pilot actions developed jointly and implemented in projects",
                       "Gemeinsam entwickelte und in Projekten umgesetzte Pilotmaßnahmen"),
     ("pilot actions", "Pilotmaßnahmen"), "ClimateChange", "2", "12", "R2.1"),
    ("O2.2", "RCO83", ("Strategies and action plans jointly developed", "Gemeinsam entwickelte Strategien und Aktionspläne"),
     ("strategy/action plan", "Strategie/Aktionsplan"), "GreenInfrastructure", "1", "8", "R2.2"),
    ("O4.1", "RCO116", ("Jointly developed solutions", "Gemeinsam entwickelte Lösungen"),
     ("solutions", "Lösungen"), "SocialInfrastructure", "3", "15", "R4.1"),
    ("O6.1", "RCO87", ("Organisations cooperating across borders", "Grenzüberschreitend kooperierende Organisationen"),
     ("organisations", "Organisationen"), "ISO12PublicAuthorities", "20", "120", "R6.1"),
    ("O6.2", None, ("Citizens' encounters across the border", "Grenzüberschreitende Bürgerbegegnungen"),
     ("encounters", "Begegnungen"), "ISO12MutualTrust", "10", "60", None),
)


def _texts(pair) -> dict:
    return {"EN": pair[0], "DE": pair[1]}


def load(stdout) -> None:
    with transaction.atomic():
        for code, objective, title, objectives in PRIORITIES:
            if ProgrammePriority.objects.filter(code=code).exists():
                continue
            if ProgrammeSpecificObjective.objects.filter(
                    programme_objective_policy__in=[policy for policy, _c, _d in objectives]).exists():
                continue  # the programme already set these objectives up in its own priorities
            priority = ProgrammePriority.objects.create(code=code, objective=objective, title=title)
            ProgrammeSpecificObjective.objects.bulk_create([
                ProgrammeSpecificObjective(priority=priority, programme_objective_policy=policy, code=so_code,
                                           dimension_codes=dims)
                for policy, so_code, dims in objectives])
        objectives = {so.programme_objective_policy: so for so in ProgrammeSpecificObjective.objects.all()}
        for identifier, code, name, unit, policy, baseline, year, target, source in RESULTS:
            if policy in objectives and not ResultIndicator.objects.filter(identifier=identifier).exists():
                ResultIndicator.objects.create(
                    identifier=identifier, code=code, name=_texts(name), measurement_unit=_texts(unit),
                    specific_objective=objectives[policy], baseline=Decimal(baseline), reference_year=year,
                    final_target=Decimal(target), source_of_data={"EN": source})
        results = {r.identifier: r for r in ResultIndicator.objects.all()}
        for identifier, code, name, unit, policy, milestone, target, result in OUTPUTS:
            if policy in objectives and not OutputIndicator.objects.filter(identifier=identifier).exists():
                OutputIndicator.objects.create(
                    identifier=identifier, code=code, name=_texts(name), measurement_unit=_texts(unit),
                    specific_objective=objectives[policy], milestone=Decimal(milestone),
                    final_target=Decimal(target), result_indicator=results.get(result))
    stdout.write("Priorities: P1 climate resilience (RSO2.4, RSO2.7), P2 inclusive labour markets (RSO4.1, RSO4.6), "
                 "P3 cooperation governance (ISO6.1, ISO6.3); 5 output and 4 result indicators.")
