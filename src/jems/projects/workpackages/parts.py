"""The shape of the C.4 work plan shared by the services, the API, the pages and the version snapshots.

A work package is a dict with camelCase keys (translations as {language: text}, target values as strings
of Decimals) holding its activities (with deliverables and partner ids), outputs and investments. A
snapshot stores `{"workPackages": [work package, …]}`; live reads may load only some of the child lists."""

from decimal import Decimal

# Jems length limits of the translatable texts (API key -> (model attribute, limit)).
WP_TEXTS = {"name": ("name", 100), "specificObjective": ("specific_objective", 250),
            "objectiveAndAudience": ("objective_and_audience", 500)}
ACTIVITY_TEXTS = {"title": ("title", 200), "description": ("description", 1000)}
DELIVERABLE_TEXTS = {"title": ("title", 100), "description": ("description", 300)}
OUTPUT_TEXTS = {"title": ("title", 200), "description": ("description", 500)}
INVESTMENT_TEXTS = {
    "title": ("title", 50),
    "justificationExplanation": ("justification_explanation", 2000),
    "justificationTransactionalRelevance": ("justification_transactional_relevance", 2000),
    "justificationBenefits": ("justification_benefits", 2000),
    "justificationPilot": ("justification_pilot", 2000),
    "risk": ("risk", 2000),
    "documentation": ("documentation", 2000),
    "documentationExpectedImpacts": ("documentation_expected_impacts", 2000),
    "ownershipSiteLocation": ("ownership_site_location", 500),
    "ownershipRetain": ("ownership_retain", 500),
    "ownershipMaintenance": ("ownership_maintenance", 2000),
}
# address key of the API -> (model attribute, length limit)
ADDRESS = {"country": ("country", 100), "countryCode": ("country_code", 2), "region2": ("nuts_region2", 100),
           "region2Code": ("nuts_region2_code", 5), "region3": ("nuts_region3", 100),
           "region3Code": ("nuts_region3_code", 5), "street": ("street", 50), "houseNumber": ("house_number", 20),
           "postalCode": ("postal_code", 20), "city": ("city", 50)}


# Columns read for each table (`.values()` rows; the builders below take such rows).
WP_COLUMNS = ("id", "number", "deactivated", *(attr for attr, _limit in WP_TEXTS.values()))
ACTIVITY_COLUMNS = ("id", "work_package_id", "number", "start_period", "end_period", "deactivated",
                    *(attr for attr, _limit in ACTIVITY_TEXTS.values()))
DELIVERABLE_COLUMNS = ("id", "activity_id", "number", "period", "deactivated",
                       *(attr for attr, _limit in DELIVERABLE_TEXTS.values()))
OUTPUT_COLUMNS = ("work_package_id", "number", "programme_output_indicator_id",
                  "programme_output_indicator__identifier", "target_value", "period_number", "deactivated",
                  *(attr for attr, _limit in OUTPUT_TEXTS.values()))
INVESTMENT_COLUMNS = ("id", "work_package_id", "number", "expected_delivery_period", "deactivated",
                      *(attr for attr, _limit in INVESTMENT_TEXTS.values()),
                      *(attr for attr, _limit in ADDRESS.values()))


def _texts(row: dict, spec) -> dict:
    return {key: dict(row[attr] or {}) for key, (attr, _limit) in spec.items()}


def _decimal(value) -> str | None:
    return None if value is None else str(Decimal(value).quantize(Decimal("0.01")))


def deliverable(row: dict) -> dict:
    return {"deliverableId": row["id"], "activityId": row["activity_id"], "deliverableNumber": row["number"],
            **_texts(row, DELIVERABLE_TEXTS), "period": row["period"], "deactivated": row["deactivated"]}


def activity(row: dict, deliverables: list[dict], partner_ids: list[int]) -> dict:
    """An activity with its deliverables (dicts of `deliverable`) and the ids of the partners involved."""
    return {"id": row["id"], "workPackageId": row["work_package_id"], "activityNumber": row["number"],
            **_texts(row, ACTIVITY_TEXTS), "startPeriod": row["start_period"], "endPeriod": row["end_period"],
            "partnerIds": sorted(partner_ids), "deliverables": deliverables, "deactivated": row["deactivated"]}


def output(row: dict) -> dict:
    return {"workPackageId": row["work_package_id"], "outputNumber": row["number"],
            "programmeOutputIndicatorId": row["programme_output_indicator_id"],
            "programmeOutputIndicatorIdentifier": row["programme_output_indicator__identifier"],
            "targetValue": _decimal(row["target_value"]), "periodNumber": row["period_number"],
            **_texts(row, OUTPUT_TEXTS), "deactivated": row["deactivated"]}


def investment(row: dict) -> dict:
    address = {key: row[attr] or None for key, (attr, _limit) in ADDRESS.items()}
    return {"id": row["id"], "workPackageId": row["work_package_id"], "investmentNumber": row["number"],
            "expectedDeliveryPeriod": row["expected_delivery_period"], **_texts(row, INVESTMENT_TEXTS),
            "address": address, "deactivated": row["deactivated"]}


def work_package(row: dict, **children: list[dict]) -> dict:
    """A work package with the child lists given (activities, outputs, investments — each only when loaded)."""
    return {"id": row["id"], "number": row["number"], **_texts(row, WP_TEXTS), "deactivated": row["deactivated"],
            **children}
