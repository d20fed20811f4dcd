"""Restore section E from a version snapshot (RESTORE_PARTS, used when a modification is rejected): the
project-proposed unit costs keep their ids (updated, or recreated under their old id where free) and those
proposed after the version are removed together with the budget rows using them (such rows cannot belong to the
version's budget, which the budget section restores next); the E.1 lump sums and partner shares are replaced."""

from decimal import Decimal

from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
from jems.projects.budget.models import BudgetCostRow
from jems.projects.services import sync_rows

from .models import ProjectLumpSum, ProjectPartnerLumpSum
from .parts import frozen_lump_sums, frozen_unit_costs

RANK = 30  # after the partners, before the budgets (their rows point at the proposed unit costs)


def _unit_cost_values(item: dict) -> dict:
    return {"name": dict(item.get("name") or {}), "description": dict(item.get("description") or {}),
            "type": dict(item.get("type") or {}), "justification": dict(item.get("justification") or {}),
            "cost_per_unit": item["costPerUnit"], "cost_per_unit_foreign_currency": item["costPerUnitForeignCurrency"],
            "foreign_currency_code": item.get("foreignCurrencyCode"),
            "one_cost_category": bool(item.get("oneCostCategory")), "categories": list(item.get("categories") or []),
            "payment_claim": item["paymentClaim"], "project_defined": True}


def _restore_unit_costs(project, snapshot: dict, ids: dict) -> None:
    frozen = frozen_unit_costs(snapshot)
    live = set(ProgrammeUnitCost.objects.filter(project=project).values_list("pk", flat=True))
    extra = live - {item["id"] for item in frozen}
    BudgetCostRow.objects.filter(unit_cost_id__in=extra).delete()
    ProgrammeUnitCost.objects.filter(pk__in=extra).delete()
    ids.setdefault("unitCosts", {}).update(sync_rows(
        ProgrammeUnitCost, live - extra, frozen, "id", lambda item: {"project": project, **_unit_cost_values(item)}))


def restore(project, snapshot: dict, ids: dict) -> None:
    """RESTORE_PARTS entry: proposed unit costs and E.1 lump sums of the version (a programme lump sum deleted
    since is dropped)."""
    _restore_unit_costs(project, snapshot, ids)
    partners = ids.get("partners", {})
    ProjectLumpSum.objects.filter(project=project).delete()
    frozen = frozen_lump_sums(snapshot)
    existing = set(ProgrammeLumpSum.objects.filter(pk__in=[row["programmeLumpSumId"] for row in frozen])
                   .values_list("pk", flat=True))
    frozen = [row for row in frozen if row["programmeLumpSumId"] in existing]
    ProjectLumpSum.objects.bulk_create([ProjectLumpSum(
        project=project, programme_lump_sum_id=row["programmeLumpSumId"], order_nr=row["orderNr"],
        period_number=row.get("period")) for row in frozen])
    created = ProjectLumpSum.objects.filter(project=project).order_by("id")  # in creation order, on every database
    ProjectPartnerLumpSum.objects.bulk_create([
        ProjectPartnerLumpSum(project_lump_sum=lump_sum, partner_id=partners[share["partnerId"]],
                              amount=Decimal(share["amount"]))
        for lump_sum, row in zip(created, frozen, strict=True) for share in row["lumpSumContributions"]
        if share["partnerId"] in partners])
