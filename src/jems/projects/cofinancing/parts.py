"""The shape of a partner's co-financing, shared by the services, the API, the pages and the version snapshots.

A set is `{"finances": [{fundType, fundId, percentage}], "partnerContributions": [{id, name, status, amount,
partner}]}` with Decimal numbers (the API's ProjectPartnerCoFinancingAndContribution DTOs, the fund as its id:
programme funds are not versioned, the API shows the fund as the programme has it now). Snapshots hold the same
dicts per partner id (as text) under "partnerCoFinancing" and "partnerSpfCoFinancing", numbers as strings."""

from decimal import Decimal

from .models import PartnerCoFinancing, PartnerContribution, PartnerSpfCoFinancing, PartnerSpfContribution

# kind -> (snapshot key, line model, contribution model)
KINDS = {
    "management": ("partnerCoFinancing", PartnerCoFinancing, PartnerContribution),
    "spf": ("partnerSpfCoFinancing", PartnerSpfCoFinancing, PartnerSpfContribution),
}


def empty() -> dict:
    """The co-financing of a partner that has none yet."""
    return {"finances": [], "partnerContributions": []}


def line_data(row) -> dict:
    return {"fundType": row.fund_type, "fundId": row.fund_id, "percentage": row.percentage}


def contribution_data(row) -> dict:
    return {"id": row.pk, "name": row.name or None, "status": row.status, "amount": row.amount,
            "partner": row.partner}


def live(project_id: int, kind: str = "management", partner_id: int | None = None) -> dict[int, dict]:
    """partner id → co-financing set of the project's partners that have one (two queries)."""
    _key, line_model, contribution_model = KINDS[kind]
    scope = {"project_partner_id": partner_id} if partner_id else {"project_partner__project_id": project_id}
    result: dict[int, dict] = {}
    for row in line_model.objects.filter(**scope).order_by("order_nr", "id"):
        result.setdefault(row.project_partner_id, empty())["finances"].append(line_data(row))
    for row in contribution_model.objects.filter(**scope).order_by("order_nr", "id"):
        result.setdefault(row.project_partner_id, empty())["partnerContributions"].append(contribution_data(row))
    return result


def _frozen(data: dict) -> dict:
    return {"finances": [{**f, "percentage": str(f["percentage"])} for f in data["finances"]],
            "partnerContributions": [{**c, "amount": str(c["amount"])} for c in data["partnerContributions"]]}


def _thawed(data: dict) -> dict:
    return {"finances": [{**f, "percentage": Decimal(f["percentage"])} for f in data.get("finances") or []],
            "partnerContributions": [{**c, "amount": None if c.get("amount") is None else Decimal(c["amount"])}
                                     for c in data.get("partnerContributions") or []]}


def snapshot_part(project) -> dict:
    """SNAPSHOT_PARTS entry: both co-financing sets of every partner frozen into a version."""
    return {key: {str(pid): _frozen(data) for pid, data in live(project.pk, kind).items()}
            for kind, (key, _l, _c) in KINDS.items()}


def from_snapshot(snapshot: dict, kind: str = "management") -> dict[int, dict]:
    """partner id → co-financing set of a version snapshot (versions older than co-financing have none)."""
    key = KINDS[kind][0]
    return {int(pid): _thawed(data) for pid, data in (snapshot.get(key) or {}).items()}
