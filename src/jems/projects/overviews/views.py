"""The "D – Project budget" page (D.1 budget per fund per partner, D.2 per cost category, D.3.1 per period,
D.3.2 per fund per period) and the A.3 project budget overview shown on the A.3/A.4 overview-tables page.
Read-only computed tables; `?version=` shows a past version. The figures are those of the API (`outputs`)."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from jems.core.views import app_view
from jems.finance.budget import CLOSURE, PREPARATION
from jems.priorities.ui import text_in
from jems.projects.navigation import project_context
from jems.projects.partners.models import PartnerRole
from jems.projects.visibility import visible_fields

from . import queries
from .queries import MANAGEMENT, SPF

BUDGET_FIELD = "PARTNER_BUDGET_AND_CO_FINANCING"  # form configuration field 45: sections A.3, D and E
# D.2 columns in their order: BudgetTotals field -> label
CATEGORY_LABELS = {
    "staff": gettext_lazy("Staff costs"), "office": gettext_lazy("Office and administration"),
    "travel": gettext_lazy("Travel and accommodation"), "external": gettext_lazy("External expertise and services"),
    "equipment": gettext_lazy("Equipment"), "infrastructure": gettext_lazy("Infrastructure and works"),
    "other": gettext_lazy("Other costs"), "lump_sums": gettext_lazy("Lump sums"),
    "unit_costs": gettext_lazy("Unit costs covering more than one cost category"),
    "spf": gettext_lazy("SPF costs"), "total": gettext_lazy("Total budget"),
}


def partner_label(summary: dict | None, cost_type: str | None = None, spf_call: bool = False) -> str:
    """The partner as Jems labels it ("LP1 CITY", "PP2 UNI"), with the cost type in SPF calls."""
    if summary is None:
        return _("Total")
    prefix = "LP" if summary["role"] == PartnerRole.LEAD_PARTNER else "PP"
    label = f"{prefix}{summary.get('sortNumber') or ''} {summary['abbreviation']}".strip()
    if not summary["active"]:
        label = _("%(partner)s (inactive)") % {"partner": label}
    if spf_call:
        label += " – " + (_("SPF") if cost_type == SPF else _("Management"))
    return label


def period_label(number: int) -> str:
    """The column header of a period: Preparation, Period k or Closure."""
    if number == PREPARATION:
        return _("Preparation")
    if number == CLOSURE:
        return _("Closure")
    return _("Period %(number)s") % {"number": number}


def _fund_names(ov) -> list[str]:
    """The call funds' abbreviations in the UI language, in column order."""
    return [text_in(fund.abbreviation) or str(fund.pk) for fund in ov.funds]


def per_fund_table(ov) -> dict:
    """D.1 as the page shows it."""
    rows, total = ov.per_fund
    lines = [{"label": partner_label(item.partner, item.cost_type, ov.spf_call),
              "country": (item.partner or {}).get("country") or "", "row": item.row, "total": item.partner is None}
             for item in [*rows, total]]
    return {"funds": _fund_names(ov), "lines": lines}


def per_category_table(ov) -> dict:
    """D.2: a row per partner with each calculated category, and the total row."""
    keys = [name for name in CATEGORY_LABELS if name != "spf" or ov.spf_call]
    lines = [{"label": partner_label(ov.summaries[pid]), "values": [getattr(totals, k) for k in keys]}
             for pid, totals in ov.partner_totals.items()]
    return {"columns": [CATEGORY_LABELS[k] for k in keys], "lines": lines,
            "totals": [ov.category_totals[k] for k in keys]}


def per_period_table(ov) -> dict:
    """D.3.1: a row per partner (and SPF row) with its budget per period, project totals and percentages."""
    table = ov.per_period
    lines = [{"label": partner_label(row.partner, row.cost_type, ov.spf_call), "values": list(row.periods.values()),
              "total": row.total} for row in table.rows]
    return {"periods": [period_label(k) for k in ov.period_numbers], "lines": lines,
            "totals": list(table.totals.values()), "grand_total": table.grand_total,
            "percentages": list(table.percentages.values())}


def funds_per_period_tables(ov) -> list[dict]:
    """D.3.2: management (and in SPF calls SPF) funds per period."""
    names = dict(zip(ov.fund_ids, _fund_names(ov), strict=True))
    tables = []
    for cost_type, title in ((MANAGEMENT, _("Management")), (SPF, _("SPF"))):
        items = ov.funds_per_period[cost_type]
        if items:
            tables.append({"key": cost_type.lower(), "title": title,
                           "lines": [{"label": names[item.fund_id], "values": list(item.periods.values()),
                                      "total": item.total} for item in items]})
    return tables


def co_financing_tables(ov) -> list[dict]:
    """A.3: the management (and in SPF calls SPF) co-financing overview by fund, with the EU and all totals."""
    names = dict(zip(ov.fund_ids, _fund_names(ov), strict=True))
    tables = []
    for cost_type, title in ((MANAGEMENT, _("Project management")), (SPF, _("Small project fund"))):
        if cost_type == SPF and not ov.spf_call:
            continue
        category = ov.co_financing[cost_type]
        tables.append({"key": cost_type.lower(), "title": title, "category": category,
                       "rows": [{"label": names[row.fund_id], "row": row} for row in category.fund_overviews]})
    return tables


def co_financing_context(user, project_id, version: str | None) -> dict:
    """Context of the A.3 fragment (overviews/_co_financing.html) for the overview-tables page; empty when the
    call hides the budget (form field 45)."""
    ov = queries.load(actor=user, project_id=project_id, version=version)
    if BUDGET_FIELD not in visible_fields(ov.project):
        return {}
    return {"co_financing_tables": co_financing_tables(ov)}


@require_GET
@app_view
def budget(request, project_id: int):
    """The read-only "D – Project budget" page of the live form or of a past version (?version=)."""
    version = request.GET.get("version") or None
    ov = queries.load(actor=request.user, project_id=project_id, version=version)
    return render(request, "overviews/budget.html", {
        **project_context(ov.access, "budgetPerPartner", version),
        "version_row": ov.version_row if ov.is_past_version else None, "editable": False, "spf_call": ov.spf_call,
        "per_fund": per_fund_table(ov), "per_category": per_category_table(ov), "per_period": per_period_table(ov),
        "funds_per_period": funds_per_period_tables(ov)})
