"""Reads of section E: project lump sums with partner shares, the unit costs a project may use and how its partner
budgets use them, live or from a version snapshot (`?version=`)."""

from collections import defaultdict
from decimal import Decimal

from jems.cost_options.models import ProgrammeUnitCost
from jems.finance import lumpsums as finance
from jems.projects import access
from jems.projects import queries as project_queries
from jems.projects.budget.models import BudgetCostRow
from jems.projects.budget.parts import SNAPSHOT_KEY as BUDGET_SNAPSHOT_KEY
from jems.projects.partners.models import PartnerRole, ProjectPartner

from . import parts
from .models import ProjectPartnerLumpSum
from .services import unit_cost_not_found


def partner_lump_sum_totals(project, snapshot: dict | None = None) -> dict[int, Decimal]:
    """Partner id → Σ of the partner's shares over all project lump sums, whatever the period (finance-rules §1.4).
    With a version's frozen dict, the frozen lump sums are summed; one query for the live form."""
    if snapshot is not None:
        lump_sums = [finance.LumpSum.from_api(row) for row in parts.frozen_lump_sums(snapshot)]
    else:
        shares: dict[int, dict[int, Decimal]] = defaultdict(dict)
        rows = ProjectPartnerLumpSum.objects.filter(project_lump_sum__project=project).values_list(
            "project_lump_sum_id", "partner_id", "amount")
        for lump_sum_id, partner_id, amount in rows:
            shares[lump_sum_id][partner_id] = amount
        lump_sums = [finance.LumpSum(period=None, shares=item) for item in shares.values()]
    return finance.partner_totals(lump_sums)


def programme_lump_sums(project) -> dict[int, dict]:
    """Programme lump sum id → ProgrammeLumpSumDTO-shaped dict (cost, splittingAllowed, fastTrack, name,
    description, phase) for every lump sum the call offers (one query)."""
    return {item.pk: {"id": item.pk, "name": dict(item.name or {}), "description": dict(item.description or {}),
                      "cost": item.cost, "splittingAllowed": item.splitting_allowed, "fastTrack": item.fast_track,
                      "phase": item.phase}
            for item in project.call.lump_sums.order_by("id")}


def split_status(rows: list[dict], programmes: dict[int, dict]) -> list[dict]:
    """Per E.1 row: Σ of the shares, the difference to the programme cost and whether it is fully split."""
    status = []
    for row in rows:
        lump_sum = finance.LumpSum.from_api(row, programmes.get(row["programmeLumpSumId"]))
        total = sum(lump_sum.shares.values(), Decimal("0.00"))
        status.append({"total": total, "difference": lump_sum.cost - total, "fully_split": total == lump_sum.cost})
    return status


def lump_sum_issues(project, snapshot: dict | None = None) -> list[dict]:
    """The E.1 rows the pre-submission check reports (finance-rules §3): shares not adding up to the cost
    ("not fully split") and missing periods, as [{"orderNr", "notFullySplit", "periodMissing"}]."""
    rows = lump_sums_of(project, snapshot)
    programmes = programme_lump_sums(project)
    lump_sums = [finance.LumpSum.from_api(row, programmes.get(row["programmeLumpSumId"])) for row in rows]
    found: dict[int, set[str]] = defaultdict(set)
    for index, code in finance.lump_sum_issues(lump_sums):
        found[index].add(code)
    return [{"orderNr": rows[index]["orderNr"], "notFullySplit": "shares.do.not.match.cost" in codes,
             "periodMissing": "period.missing" in codes} for index, codes in sorted(found.items())]


def lump_sums_of(project, snapshot: dict | None) -> list[dict]:
    """The E.1 rows (ProjectLumpSumDTO shape, amounts as Decimal) of the live form or of a version."""
    return parts.frozen_lump_sums(snapshot) if snapshot is not None else parts.live_lump_sums(project)


def get_lump_sums(*, actor, project_id, version: str | None = None):
    """(access, version row or None, snapshot or None, E.1 rows) for a user who may see the project (else 404)."""
    acc = access.load(actor, project_id)
    row, snapshot = project_queries.version_snapshot(acc.project, version)
    return acc, row, snapshot, lump_sums_of(acc.project, snapshot)


def partner_total(*, actor, project_id, partner_id, version: str | None = None) -> Decimal:
    """Σ of one partner's lump-sum shares (0 for a partner without shares)."""
    _acc, _row, snapshot, rows = get_lump_sums(actor=actor, project_id=project_id, version=version)
    return sum((share["amount"] for row in rows for share in row["lumpSumContributions"]
                if share["partnerId"] == partner_id), Decimal("0.00"))


# --- unit costs ---------------------------------------------------------------------------------------------


def proposed_unit_costs_of(project, snapshot: dict | None) -> list[dict]:
    """The project-proposed unit costs (ProgrammeUnitCostDTO shape) of the live form or of a version."""
    if snapshot is not None:
        return parts.frozen_unit_costs(snapshot)
    return [parts.unit_cost_dict(item) for item in ProgrammeUnitCost.objects.filter(project=project).order_by("id")]


def get_proposed_unit_costs(*, actor, project_id, version: str | None = None):
    """(access, version row or None, snapshot or None, proposed unit costs) (else 404)."""
    acc = access.load(actor, project_id)
    row, snapshot = project_queries.version_snapshot(acc.project, version)
    return acc, row, snapshot, proposed_unit_costs_of(acc.project, snapshot)


def get_proposed_unit_cost(*, actor, project_id, unit_cost_id, version: str | None = None):
    """(access, version row or None, snapshot or None, one proposed unit cost) — 404 for another unit cost."""
    acc, row, snapshot, items = get_proposed_unit_costs(actor=actor, project_id=project_id, version=version)
    found = next((item for item in items if item["id"] == unit_cost_id), None)
    if found is None:
        raise unit_cost_not_found(unit_cost_id)
    return acc, row, snapshot, found


def call_unit_costs(project) -> list[dict]:
    """The programme unit costs the project's call offers (ProgrammeUnitCostDTO shape, projectDefined false)."""
    return [{**parts.unit_cost_dict(item), "projectDefined": False}
            for item in project.call.unit_costs.filter(project__isnull=True).order_by("id")]


def available_unit_costs(project, snapshot: dict | None) -> list[dict]:
    """What partner budgets may use: the call's unit costs, then the project's proposed ones."""
    return call_unit_costs(project) + proposed_unit_costs_of(project, snapshot)


def get_available_unit_costs(*, actor, project_id, version: str | None = None) -> list[dict]:
    acc = access.load(actor, project_id)
    _row, snapshot = project_queries.version_snapshot(acc.project, version)
    return available_unit_costs(acc.project, snapshot)


def unit_cost_usage(project, snapshot: dict | None) -> dict[int, dict[int, tuple[Decimal, Decimal]]]:
    """Unit cost id → partner id → (Σ number of units, Σ row sums) over the partner budget rows that use it;
    one query for the live form."""
    usage: dict[int, dict[int, list[Decimal]]] = defaultdict(lambda: defaultdict(lambda: [Decimal(0), Decimal(0)]))
    if snapshot is not None:
        for partner_id, budget in (snapshot.get(BUDGET_SNAPSHOT_KEY) or {}).items():
            for rows in ((budget or {}).get("costs") or {}).values():
                for row in rows or []:
                    if row.get("unitCostId") is not None:
                        entry = usage[int(row["unitCostId"])][int(partner_id)]
                        entry[0] += Decimal(str(row.get("numberOfUnits") or 0))
                        entry[1] += Decimal(str(row.get("rowSum") or 0))
    else:
        rows = (BudgetCostRow.objects.filter(partner__project=project, unit_cost__isnull=False)
                .values_list("unit_cost_id", "partner_id", "number_of_units", "row_sum"))
        for unit_cost_id, partner_id, units, row_sum in rows:
            entry = usage[unit_cost_id][partner_id]
            entry[0] += units
            entry[1] += row_sum
    return {uc: {pid: (values[0], values[1]) for pid, values in partners.items()} for uc, partners in usage.items()}


def unit_cost_overview(project, snapshot: dict | None) -> list[dict]:
    """E.2 (ProjectUnitCostDTO): each available unit cost used by a partner budget with its Σ units and Σ total."""
    usage = unit_cost_usage(project, snapshot)
    overview = []
    for item in available_unit_costs(project, snapshot):
        used = usage.get(item["id"])
        if not used:
            continue
        overview.append({
            "costId": item["id"], "name": item["name"], "description": item["description"],
            "unitType": item["type"], "pricePerUnit": item["costPerUnit"],
            "numberOfUnits": sum((units for units, _total in used.values()), Decimal(0)),
            "total": sum((total for _units, total in used.values()), Decimal(0)),
        })
    return overview


def get_unit_cost_overview(*, actor, project_id, version: str | None = None) -> list[dict]:
    acc = access.load(actor, project_id)
    _row, snapshot = project_queries.version_snapshot(acc.project, version)
    return unit_cost_overview(acc.project, snapshot)


def partner_columns(project, snapshot: dict | None) -> list[dict]:
    """The partners of the live form or of a version in B.1 order, labelled like Jems ("LP1 ABC", "PP2 XYZ")."""
    if snapshot is not None:
        partners = [{"id": p["id"], "role": p["role"], "sortNumber": p.get("sortNumber") or 0,
                     "abbreviation": p.get("abbreviation") or ""} for p in snapshot.get("partners") or []]
    else:
        partners = [{"id": pk, "role": role, "sortNumber": number, "abbreviation": abbreviation}
                    for pk, role, number, abbreviation in ProjectPartner.objects.filter(project=project)
                    .order_by("sort_number", "id").values_list("pk", "role", "sort_number", "abbreviation")]
    for partner in partners:
        prefix = "LP" if partner["role"] == PartnerRole.LEAD_PARTNER else "PP"
        partner["label"] = f"{prefix}{partner['sortNumber']} {partner['abbreviation']}".strip()
    return partners
