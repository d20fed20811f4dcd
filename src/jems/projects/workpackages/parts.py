"""The shape of the C.4 work plan shared by the services, the API, the pages and the version snapshots.

A work package is a dict with camelCase keys (translations as {language: text}, target values as strings
of Decimals) holding its activities (with deliverables and partner ids), outputs and investments. A
snapshot stores `{"workPackages": [work package, …]}`."""

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


def _texts(row, spec) -> dict:
    return {key: dict(getattr(row, attr) or {}) for key, (attr, _limit) in spec.items()}


def _decimal(value) -> str | None:
    return None if value is None else str(Decimal(value).quantize(Decimal("0.01")))


def deliverable(row) -> dict:
    return {"deliverableId": row.pk, "activityId": row.activity_id, "deliverableNumber": row.number,
            **_texts(row, DELIVERABLE_TEXTS), "period": row.period, "deactivated": row.deactivated}


def activity(row, work_package_id: int) -> dict:
    """An activity with its deliverables and partner ids (prefetched `deliverables` and `partners`)."""
    return {"id": row.pk, "workPackageId": work_package_id, "activityNumber": row.number,
            **_texts(row, ACTIVITY_TEXTS), "startPeriod": row.start_period, "endPeriod": row.end_period,
            "partnerIds": sorted(p.pk for p in row.partners.all()),
            "deliverables": [deliverable(d) for d in row.deliverables.all()], "deactivated": row.deactivated}


def output(row, work_package_id: int) -> dict:
    indicator = row.programme_output_indicator
    return {"workPackageId": work_package_id, "outputNumber": row.number,
            "programmeOutputIndicatorId": indicator.pk if indicator else None,
            "programmeOutputIndicatorIdentifier": indicator.identifier if indicator else None,
            "targetValue": _decimal(row.target_value), "periodNumber": row.period_number,
            **_texts(row, OUTPUT_TEXTS), "deactivated": row.deactivated}


def investment(row) -> dict:
    address = {key: getattr(row, attr) or None for key, (attr, _limit) in ADDRESS.items()}
    return {"id": row.pk, "workPackageId": row.work_package_id, "investmentNumber": row.number,
            "expectedDeliveryPeriod": row.expected_delivery_period, **_texts(row, INVESTMENT_TEXTS),
            "address": address, "deactivated": row.deactivated}


def work_package(row) -> dict:
    """A work package with prefetched activities, outputs and investments."""
    return {"id": row.pk, "number": row.number, **_texts(row, WP_TEXTS), "deactivated": row.deactivated,
            "activities": [activity(a, row.pk) for a in row.activities.all()],
            "outputs": [output(o, row.pk) for o in row.outputs.all()],
            "investments": [investment(i) for i in row.investments.all()]}
