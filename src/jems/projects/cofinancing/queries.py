"""Reads of partner co-financing: live or frozen in a version (`?version=`), with the amounts derived from the
partner budget totals (finance-rules §2.3). Each read runs a fixed number of queries whatever the number of
partners, lines or contributions."""

from dataclasses import dataclass
from decimal import Decimal

from jems.finance import cofinancing as finance
from jems.programme.models import ProgrammeFund
from jems.programme.schemas import fund_dto
from jems.projects import access
from jems.projects.partners import queries as partner_queries
from jems.projects.queries import version_snapshot

from . import parts

ZERO = Decimal("0")


def sets(project, snapshot: dict | None, kind: str = "management") -> dict[int, dict]:
    """partner id → co-financing set in the `parts` shape (live, or from the version snapshot)."""
    if snapshot is not None:
        return parts.from_snapshot(snapshot, kind)
    return parts.live(project.pk, kind)


def partner_cofinancing(project, snapshot: dict | None = None) -> dict[int, dict]:
    """partner id → {"funds": [...], "contributions": [...]} of the management co-financing, in the API dict
    shape: "funds" are all finance lines {fundType, fundId, percentage} (the partner-contribution line
    included), "contributions" the origins {id, name, status, amount, partner}. Partners without co-financing
    are absent."""
    return {pid: {"funds": data["finances"], "contributions": data["partnerContributions"]}
            for pid, data in sets(project, snapshot).items()}


def partner_spf_cofinancing(project, snapshot: dict | None = None) -> dict[int, dict]:
    """The same as `partner_cofinancing` for the SPF co-financing of SPF calls."""
    return {pid: {"funds": data["finances"], "contributions": data["partnerContributions"]}
            for pid, data in sets(project, snapshot, "spf").items()}


@dataclass(frozen=True)
class PartnerTotal:
    """The bases of a partner's co-financing: the management total (total − SPF) and the SPF total."""

    management: Decimal = ZERO
    spf: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.management + self.spf


def partner_totals(project, snapshot: dict | None = None) -> dict[int, PartnerTotal]:
    """partner id → PartnerTotal, from the partner budgets (jems.projects.budget.totals)."""
    from jems.projects.budget.totals import partner_budgets

    return {pid: PartnerTotal(management=totals.total - totals.spf, spf=totals.spf)
            for pid, totals in partner_budgets(project, snapshot).items()}


def fund_dtos(*data_sets: dict) -> dict[int, dict]:
    """fund id → ProgrammeFundDTO dict of every fund used in the given sets (one query)."""
    ids = {f["fundId"] for data in data_sets for f in data["finances"] if f["fundId"] is not None}
    return {fund.pk: fund_dto(fund) for fund in ProgrammeFund.objects.filter(pk__in=ids)} if ids else {}


def amounts(data: dict, total: Decimal) -> finance.PartnerCofinancing:
    """The derived amounts of a set on its base total (finance-rules §2.3): fund amounts by fund id (rounded
    down), the partner contribution (the remainder) and its percentage, and the contribution sums by status."""
    rates = {f["fundId"]: f["percentage"] for f in data["finances"] if f["fundType"] == "MainFund"}
    return finance.derive(total, rates, data["partnerContributions"])


@dataclass
class PartnerView:
    """A partner's co-financing as the page and the API need it."""

    access: access.ProjectAccess
    version_row: object
    frozen: bool
    partner: dict
    data: dict
    spf_data: dict
    funds: dict
    total: PartnerTotal


def partner_view(*, actor, partner_id, version: str | None = None) -> PartnerView:
    """A partner of a visible project (404 otherwise) with both co-financing sets and its budget totals, live
    or of the given version."""
    acc, partner = partner_queries.partner(actor=actor, partner_id=partner_id, version=version)
    row, snapshot = version_snapshot(acc.project, version)
    data = sets(acc.project, snapshot).get(partner["id"]) or parts.empty()
    spf_data = sets(acc.project, snapshot, "spf").get(partner["id"]) or parts.empty()
    total = partner_totals(acc.project, snapshot).get(partner["id"]) or PartnerTotal()
    return PartnerView(acc, row, snapshot is not None, partner, data, spf_data, fund_dtos(data, spf_data), total)


def project_view(*, actor, project_id, version: str | None = None):
    """(access, partners, management sets, SPF sets, fund DTOs, totals) of a visible project (404 otherwise)."""
    acc, partners = partner_queries.project_partners(actor=actor, project_id=project_id, version=version)
    _row, snapshot = version_snapshot(acc.project, version)
    management, spf = sets(acc.project, snapshot), sets(acc.project, snapshot, "spf")
    funds = fund_dtos(*management.values(), *spf.values())
    return acc, partners, management, spf, funds, partner_totals(acc.project, snapshot)
