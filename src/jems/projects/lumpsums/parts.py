"""The dict shape of section E shared by the services, the API, the pages and the version snapshots.

A version snapshot holds `{"lumpSums": [...], "projectUnitCosts": [...]}`: the E.1 rows in the API shape of
ProjectLumpSumDTO (amounts as strings) and the project-proposed unit costs in the shape of ProgrammeUnitCostDTO
(translations as {language: text})."""

from decimal import Decimal

from .models import ProjectLumpSum


def lump_sum_dict(row: ProjectLumpSum) -> dict:
    """One E.1 row with its partner shares (the shares must be prefetched); contracting flags are not set in
    the application form."""
    programme = row.programme_lump_sum
    return {
        "orderNr": row.order_nr,
        "programmeLumpSumId": row.programme_lump_sum_id,
        "period": row.period_number,
        "lumpSumContributions": [{"partnerId": share.partner_id, "amount": share.amount}
                                 for share in row.partner_shares.all()],
        "fastTrack": bool(programme.fast_track),
        "readyForPayment": False,
        "comment": None,
        "paymentEnabledDate": None,
        "lastApprovedVersionBeforeReadyForPayment": None,
        "installmentsAlreadyCreated": None,
        "linkedToEcPaymentId": None,
    }


def live_lump_sums(project) -> list[dict]:
    """The E.1 rows of the live form in order (two queries whatever the number of rows and partners)."""
    rows = (ProjectLumpSum.objects.filter(project=project).select_related("programme_lump_sum")
            .prefetch_related("partner_shares").order_by("order_nr", "id"))
    return [lump_sum_dict(row) for row in rows]


def frozen_lump_sums(snapshot: dict) -> list[dict]:
    """The E.1 rows of a version snapshot with the amounts as Decimal."""
    return [{**row, "lumpSumContributions": [{"partnerId": int(share["partnerId"]), "amount": Decimal(share["amount"])}
                                             for share in row.get("lumpSumContributions") or []]}
            for row in snapshot.get("lumpSums") or []]


def unit_cost_dict(unit_cost) -> dict:
    """A project-proposed unit cost in the ProgrammeUnitCostDTO shape (translations as {language: text})."""
    return {
        "id": unit_cost.pk,
        "projectDefined": True,
        "name": dict(unit_cost.name or {}),
        "description": dict(unit_cost.description or {}),
        "type": dict(unit_cost.type or {}),
        "justification": dict(unit_cost.justification or {}),
        "costPerUnit": unit_cost.cost_per_unit,
        "costPerUnitForeignCurrency": unit_cost.cost_per_unit_foreign_currency,
        "foreignCurrencyCode": unit_cost.foreign_currency_code,
        "oneCostCategory": unit_cost.one_cost_category,
        "categories": list(unit_cost.categories or []),
        "paymentClaim": unit_cost.payment_claim,
    }


def frozen_unit_costs(snapshot: dict) -> list[dict]:
    """The project-proposed unit costs of a version snapshot with the amounts as Decimal."""
    def number(value):
        return None if value is None else Decimal(value)
    return [{**item, "costPerUnit": number(item.get("costPerUnit")),
             "costPerUnitForeignCurrency": number(item.get("costPerUnitForeignCurrency"))}
            for item in snapshot.get("projectUnitCosts") or []]


def _jsonable(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    return value


def snapshot_part(project) -> dict:
    """SNAPSHOT_PARTS entry: the E.1 lump sums and the E.2.1 proposed unit costs frozen into a version."""
    unit_costs = [unit_cost_dict(item) for item in project.proposed_unit_costs.order_by("id")]
    return {"lumpSums": _jsonable(live_lump_sums(project)), "projectUnitCosts": _jsonable(unit_costs)}
