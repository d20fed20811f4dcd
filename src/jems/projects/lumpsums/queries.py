"""Reads of section E: project lump sums with partner shares, live or from a version snapshot."""

from collections import defaultdict
from decimal import Decimal

from .models import ProjectPartnerLumpSum


def partner_lump_sum_totals(project, snapshot: dict | None = None) -> dict[int, Decimal]:
    """Partner id → Σ of the partner's shares over all project lump sums, whatever the period (finance-rules §1.4).
    With a version's frozen dict, the frozen lump sums are summed; one query for the live form."""
    totals: dict[int, Decimal] = defaultdict(Decimal)
    if snapshot is not None:
        for lump_sum in snapshot.get("lumpSums") or []:
            for share in lump_sum.get("lumpSumContributions") or []:
                totals[int(share["partnerId"])] += Decimal(str(share["amount"]))
        return dict(totals)
    rows = ProjectPartnerLumpSum.objects.filter(project_lump_sum__project=project).values_list("partner_id", "amount")
    for partner_id, amount in rows:
        totals[partner_id] += amount
    return dict(totals)
