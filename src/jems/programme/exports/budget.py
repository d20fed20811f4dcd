"""The standard budget export plugin (BUDGET_EXPORT, finance-rules §1.7): per-partner budget details and totals
of any version as XLSX, headers in the export language, translatable data in the data language.

The figures are those of the project budget overviews (jems.projects.overviews, computed with jems.finance), so
the workbook equals GET /api/project/{id}/budget, …/budget/perFund and …/budget/perPeriod:

* "D.1 Budget per fund": one row per partner (management part: total = totalCosts − SPF, no SPF rows, §2.4) and
  the total row;
* "D.2 Budget breakdown": per partner the calculated categories split into total / flat rate / real cost / unit
  cost as §1.7 says, and the total row;
* "D.3 Budget per period": the management budget per period per partner and the project totals.

Inactive partners are listed with status "Inactive" and included in all totals. The plugin's data provider is
the project's `ProjectOverviews` (loaded for the acting user, so access is checked before the plugin runs).
"""

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jems.finance import cofinancing as finance_cofinancing
from jems.finance.rounding import ZERO
from jems.plugins.hookspecs import ExportResult, PluginType, hookimpl
from jems.projects.budget.models import CostCategory
from jems.projects.overviews import queries as overviews

from .split import real_and_unit
from .xlsx import Book, pick

PLUGIN_KEY = "standard-budget-export-plugin"
def _labels() -> dict[str, str]:
    return {"staff": _("Staff costs"), "travel": _("Travel and accommodation"), "external": _("External expertise"),
            "equipment": _("Equipment"), "infrastructure": _("Infrastructure and works"),
            "office": _("Office and administration"), "other": _("Other costs"), "lump_sums": _("Lump sum"),
            "unit_costs": _("Unit costs covering more than one category"), "total": _("Total")}


def _partner_cells(partner: dict) -> list:
    role = "LP" if partner["role"] == "LEAD_PARTNER" else "PP"
    status = _("Active") if partner["active"] else _("Inactive")
    return [f"{role}{partner['sortNumber']}", partner["abbreviation"], status]


def _per_fund_sheet(book: Book, ov, language: str) -> None:
    funds = [pick(ov.fund_dtos[fid]["abbreviation"], language) or str(fid) for fid in ov.fund_ids]
    header = [_("Partner number"), _("Partner abbreviation"), _("Status")]
    for name in funds:
        header += [name, _("%(fund)s rate") % {"fund": name}, _("%% of total %(fund)s") % {"fund": name}]
    header += [_("Public contribution"), _("Automatic public contribution"), _("Private contribution"),
               _("Total partner contribution"), _("Total eligible budget"), _("% of total eligible budget")]
    book.sheet(_("D.1 Budget per fund"), header)
    table = _management_per_fund(ov)
    for partner, row in zip(ov.partners, table.rows, strict=True):
        book.row([*_partner_cells(ov.summaries[partner["id"]]), *_fund_values(row)])
    book.row([_("Total"), "", "", *_fund_values(table.total)], bold=True)


def _management_per_fund(ov) -> finance_cofinancing.FundTable:
    """D.1 as the export plugins compute it (finance-rules §1.7, §2.4 SPF difference): one row per partner with
    total = totalCosts − SPF and no SPF rows; equal to the API's table outside SPF calls."""
    sources = []
    for index, partner in enumerate(ov.partners):
        totals, data = ov.partner_totals[partner["id"]], ov.cofinancing.get(partner["id"]) or {}
        rates = {f["fundId"]: f["percentage"] for f in data.get("funds") or [] if f["fundType"] == overviews.MAIN_FUND}
        sources.append(finance_cofinancing.FundTableSource(
            index, finance_cofinancing.management_eligible_budget(totals.total, totals.spf), rates,
            list(data.get("contributions") or [])))
    return finance_cofinancing.budget_per_fund(ov.fund_ids, sources)


def _fund_values(row) -> list:
    values = []
    for cell in row.funds:
        values += [cell.value, cell.percentage, cell.percentage_of_total]
    return [*values, row.public_contribution, row.auto_public_contribution, row.private_contribution,
            row.total_partner_contribution, row.total_eligible_budget, row.percentage_of_total_eligible_budget]


def _breakdown_header(labels: dict[str, str]) -> list[str]:
    total, flat, real, unit = _("total"), _("flat rate"), _("real cost"), _("unit cost")
    header = []
    for name in ("staff", "travel"):
        header += [f"{labels[name]} – {part}" for part in (total, flat, real, unit)]
    for name in ("external", "equipment", "infrastructure"):
        header += [f"{labels[name]} – {part}" for part in (total, real, unit)]
    return [*header, f"{labels['office']} – {flat}", labels["other"], labels["lump_sums"], labels["unit_costs"],
            labels["total"]]


def _breakdown_values(totals, options, split: dict[str, tuple]) -> list:
    """The D.2 columns of one partner (finance-rules §1.7)."""
    values = []
    for name, category, rate in (("staff", CostCategory.STAFF, options.staff_costs_flat_rate),
                                 ("travel", CostCategory.TRAVEL,
                                  options.travel_and_accommodation_on_staff_costs_flat_rate)):
        amount = getattr(totals, name)
        real, unit = (ZERO, ZERO) if rate is not None else split.get(category, (ZERO, ZERO))
        values += [amount, amount if rate is not None else ZERO, real, unit]
    for category in (CostCategory.EXTERNAL, CostCategory.EQUIPMENT, CostCategory.INFRASTRUCTURE):
        real, unit = split.get(category, (ZERO, ZERO))
        values += [real + unit, real, unit]
    return [*values, totals.office, totals.other, totals.lump_sums, totals.unit_costs, totals.total]


def _breakdown_sheet(book: Book, ov) -> None:
    header = _breakdown_header(_labels())
    book.sheet(_("D.2 Budget breakdown"), [_("Partner number"), _("Partner abbreviation"), _("Status"), *header])
    splits = real_and_unit(list(ov.inputs), ov.snapshot)
    rows = []
    for pid, totals in ov.partner_totals.items():
        values = _breakdown_values(totals, ov.inputs[pid].options, splits.get(pid, {}))
        rows.append(values)
        book.row([*_partner_cells(ov.summaries[pid]), *values])
    sums = [sum(column, ZERO) for column in zip(*rows, strict=True)] if rows else [ZERO] * len(header)
    book.row([_("Total"), "", "", *sums], bold=True)


def _period_label(number: int, last: int) -> str:
    if number == 0:
        return _("Preparation")
    if number > last:
        return _("Closure")
    return _("Period %(number)s") % {"number": number}


def _per_period_sheet(book: Book, ov) -> None:
    table = ov.per_period
    numbers = ov.period_numbers
    book.sheet(_("D.3 Budget per period"), [_("Partner number"), _("Partner abbreviation"), _("Status"),
                                            _("Cost type"), *(_period_label(k, ov.period_count) for k in numbers),
                                            _("Total")])
    for row in table.rows:
        book.row([*_partner_cells(row.partner), row.cost_type, *(row.periods.get(k) for k in numbers), row.total])
    book.row([_("Total"), "", "", "", *(table.totals[k] for k in numbers), table.grand_total], bold=True)


def budget_workbook(ov, *, export_language: str, data_language: str) -> ExportResult:
    """The budget workbook of the loaded overviews of a project (live or a version)."""
    with translation.override(export_language.lower()):
        book = Book()
        _per_fund_sheet(book, ov, data_language)
        _breakdown_sheet(book, ov)
        _per_period_sheet(book, ov)
    project = ov.project
    name = project.custom_identifier or str(project.pk)
    version = ov.version_row.version if ov.version_row else "current"
    stamp = timezone.now().strftime("%y%m%d_%H%M%S")
    return book.result(f"{name}_{project.acronym}_budget_{version}_{stamp}.xlsx")


class StandardBudgetExport:
    """The standard BUDGET_EXPORT plugin: XLSX with the budget details and totals (finance-rules §1.7)."""

    key = PLUGIN_KEY
    plugin_type = PluginType.BUDGET_EXPORT
    name = "Standard budget export"
    version = "1.0"
    description = "XLSX: budget per fund, budget breakdown and budget per period of every partner"

    @hookimpl
    def jems_budget_export(self, export_language, data_language, data) -> ExportResult:
        return budget_workbook(data, export_language=export_language, data_language=data_language)


def register_builtin(registry_module) -> None:
    """Register the standard budget export plugin (from AppConfig.ready)."""
    registry_module.register(StandardBudgetExport())
