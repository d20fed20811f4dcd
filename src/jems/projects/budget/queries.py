"""Reads of a partner budget: live, or frozen in a version (`?version=`); 404 when the partner or project is not
visible to the actor."""

from dataclasses import dataclass
from decimal import Decimal

from jems.finance.budget import BudgetTotals
from jems.projects import access
from jems.projects.lumpsums.queries import partner_lump_sum_totals
from jems.projects.partners import queries as partner_queries
from jems.projects.queries import version_snapshot

from . import parts
from .rules import BudgetRules
from .totals import budget_totals


@dataclass
class PartnerBudget:
    """Everything a budget read needs: access, the partner, the version (None = live), budget, totals, rules."""

    acc: access.ProjectAccess
    partner: dict
    version_row: object
    snapshot: dict | None
    budget: dict
    lump_sums: Decimal

    @property
    def totals(self) -> BudgetTotals:
        return budget_totals(self.budget, self.lump_sums)

    def rules(self) -> BudgetRules:
        duration = self.snapshot.get("duration") if self.snapshot is not None else None
        return BudgetRules.of(self.acc.project, duration)


def partner_budget(*, actor, partner_id, version: str | None = None) -> PartnerBudget:
    """The budget of one partner the actor may see, live or of the given version."""
    acc, partner = partner_queries.partner(actor=actor, partner_id=partner_id, version=version)
    row, snapshot = version_snapshot(acc.project, version)
    if snapshot is not None:
        budget = parts.revive((snapshot.get(parts.SNAPSHOT_KEY) or {}).get(str(partner["id"])))
    else:
        budget = parts.live_budgets([partner["id"]])[partner["id"]]
    lump_sums = partner_lump_sum_totals(acc.project, snapshot).get(partner["id"], Decimal(0))
    return PartnerBudget(acc=acc, partner=partner, version_row=row if snapshot is not None else None,
                         snapshot=snapshot, budget=budget, lump_sums=lump_sums)
