"""The standard budget export plugin (BUDGET_EXPORT, finance-rules §1.7): per-partner budget details and totals
of any version as XLSX, headers in the export language, translatable data in the data language.

The figures are those of the project budget overviews (jems.projects.overviews, computed with jems.finance), so
the workbook equals GET /api/project/{id}/budget, …/budget/perFund and …/budget/perPeriod:

* "D.1 Budget per fund": one row per partner (management part: total = totalCosts − SPF, no SPF rows, §2.4) and
  the total row;
* "D.2 Budget breakdown": per partner the calculated categories split into total / flat rate / real cost / unit
  cost as §1.7 says, and the total row;
* "D.3 Budget per period": the management budget per period per partner and the project totals;
* "Budget lines per partner" (the §1.7 per-row sheet): per partner one line per budget row (cost category as
  "… – real cost" / "… – unit cost", unit cost, description, comments, award procedure, unit type, number of
  units, price per unit; periods = the row's budgetPeriods; total = the row sum), one line per active flat rate
  whose periods are the calculated amounts of §1.5 (the management periods of the overviews) and whose total is
  the calculated category, one line per lump sum in which the partner has a share > 0 (the share in the lump
  sum's period column; a lump sum without a period shows only the total) and one per multi-category unit-cost
  row, in the order staff, travel (a flat rate replaces the rows of its category), external, equipment,
  infrastructure, office FR, lump sums, multi-category unit costs, other FR, then the SPF rows of an SPF
  beneficiary (so that the sheet covers what D.3 lists). The total row sums the period columns of all lines
  and their totals: its total is D.3's, and so is each period when every row is fully split over the periods
  (which the pre-submission check requires) and every lump sum has a period; otherwise the part of a row that is
  not split, and a lump sum without a period, are only in the totals, while D.3 puts them into the last period.

Inactive partners are listed with status "Inactive" and included in all totals. The plugin's data provider is
the project's `ProjectOverviews` (loaded for the acting user, so access is checked before the plugin runs). The
budget rows are read once (`split.cost_rows`, one query for the live form whatever the number of partners and
rows); the overviews take their per-period sums from them instead of reading the period amounts again, and the
unit-cost and lump-sum names come with the queries of section E, so the number of queries is fixed.
"""

from decimal import Decimal

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jems.core.translatable import in_language
from jems.finance import budget as finance_budget
from jems.finance import cofinancing as finance_cofinancing
from jems.finance.budget import CLOSURE, PREPARATION
from jems.finance.rounding import ZERO
from jems.plugins.hookspecs import ExportResult, PluginType, hookimpl
from jems.projects.budget.models import CostCategory
from jems.projects.overviews import queries as overviews
from jems.projects.overviews.inputs import CATEGORY_FIELDS

from . import split
from .xlsx import Book

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
    funds = [in_language(ov.fund_dtos[fid]["abbreviation"], language) or str(fid) for fid in ov.fund_ids]
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


def _breakdown_sheet(book: Book, ov, splits: dict) -> None:
    header = _breakdown_header(_labels())
    book.sheet(_("D.2 Budget breakdown"), [_("Partner number"), _("Partner abbreviation"), _("Status"), *header])
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


# the cost lists of the lines before the office flat rate → their label key in _labels
ROW_LISTS = {CostCategory.STAFF: "staff", CostCategory.TRAVEL: "travel", CostCategory.EXTERNAL: "external",
             CostCategory.EQUIPMENT: "equipment", CostCategory.INFRASTRUCTURE: "infrastructure"}


class _Lines:
    """The lines of one partner in the per-row sheet (finance-rules §1.7 "Sheet 2"): each line is (the cells
    after the partner columns and before the periods, period → amount, total); `sums` collects the period
    amounts of the lines (the rows' through the overviews' Σ per category) for the total row."""

    def __init__(self, ov, pid: int, rows: list[split.CostRow], unit_costs: dict, language: str, labels: dict):
        self.ov, self.pid, self.language, self.labels = ov, pid, language, labels
        self.unit_costs = unit_costs
        self.real = range(1, ov.period_count + 1)
        self.by_category: dict[str, list[split.CostRow]] = {}
        for row in rows:
            self.by_category.setdefault(row.category, []).append(row)
        self.lines: list[tuple[list, dict[int, Decimal], Decimal]] = []
        self.sums: list[dict[int, Decimal]] = []

    def rows(self, category: str, label: str) -> None:
        """One line per budget row of the category; periods = the row's budgetPeriods (real periods only)."""
        real_cost, unit_cost = _("real cost"), _("unit cost")
        for row in self.by_category.get(category, ()):
            unit = self.unit_costs.get(row.unit_cost_id)
            if category == CostCategory.UNIT_COST:
                kind, price = label, unit.cost_per_unit if unit else None
            else:
                kind, price = f"{label} – {unit_cost if row.unit_cost_id else real_cost}", row.price_per_unit
            unit_type = row.unit_type or (in_language(unit.type, self.language) if unit else "")
            cells = [kind, in_language(unit.name, self.language) if unit else None, row.description or None,
                     row.comments or None, row.award_procedures or None, unit_type or None, row.number_of_units,
                     price]
            periods = row.periods
            if PREPARATION in periods or CLOSURE in periods:  # rows are split over the real periods only
                periods = {k: v for k, v in periods.items() if k not in (PREPARATION, CLOSURE)}
            self.lines.append((cells, periods, row.row_sum))
        amounts = self.ov.period_amounts[self.pid].get(CATEGORY_FIELDS[category], {})
        self.sums.append({k: v for k, v in amounts.items() if k in self.real})

    def flat_rate(self, name: str, rate: int | None, label: str) -> None:
        """The line of an active flat rate: the calculated category per period (§1.5) and in total."""
        if rate is None:
            return
        periods = self.ov.management_periods[self.pid]
        values = {k: getattr(periods[k], name) for k in self.real}
        self.lines.append(([label, None, f"{rate} %", None, None, None, None, None], values,
                           getattr(self.ov.partner_totals[self.pid], name)))
        self.sums.append(values)

    def lump_sums(self, names: dict[int, dict]) -> None:
        """One line per project lump sum in which the partner has a share > 0, the share in its period column
        (only the total when the lump sum has no period)."""
        numbers = set(self.ov.period_numbers)
        for row, lump_sum in zip(self.ov.lump_sum_rows, self.ov.lump_sums, strict=True):
            share = lump_sum.shares.get(self.pid, ZERO)
            if share > 0:
                values = {lump_sum.period: share} if lump_sum.period in numbers else {}
                name = in_language(names.get(row["programmeLumpSumId"]), self.language)
                self.lines.append(([self.labels["lump_sums"], None, name or None, None, None, None, None, None],
                                   values, share))
                self.sums.append(values)

    def build(self, lump_sum_names: dict[int, dict]) -> "_Lines":
        """Staff, travel, external, equipment, infrastructure, office FR, lump sums, multi-category unit costs,
        other FR (§1.7), then the SPF rows of an SPF beneficiary; a flat rate replaces the rows of its category."""
        options, labels = self.ov.inputs[self.pid].options, self.labels
        staff_rate = options.staff_costs_flat_rate
        travel_rate = options.travel_and_accommodation_on_staff_costs_flat_rate
        for category, name in ROW_LISTS.items():
            if category == CostCategory.STAFF and staff_rate is not None:
                self.flat_rate("staff", staff_rate, _("Staff costs flat rate"))
            elif category == CostCategory.TRAVEL and travel_rate is not None:
                self.flat_rate("travel", travel_rate, _("Travel and accommodation flat rate"))
            else:
                self.rows(category, labels[name])
        office = (options.office_and_administration_on_staff_costs_flat_rate
                  if options.office_and_administration_on_staff_costs_flat_rate is not None
                  else options.office_and_administration_on_direct_costs_flat_rate)
        self.flat_rate("office", office, f"{labels['office']} – {_('flat rate')}")
        self.lump_sums(lump_sum_names)
        self.rows(CostCategory.UNIT_COST, labels["unit_costs"])
        self.flat_rate("other", options.other_costs_on_staff_costs_flat_rate, _("Other costs flat rate"))
        self.rows(CostCategory.SPF, str(CostCategory.SPF.label))
        return self


def _lines_sheet(book: Book, ov, rows: dict[int, list[split.CostRow]], language: str) -> None:
    """The per-row sheet (finance-rules §1.7): the lines of every partner and the total row, which sums the
    period columns of all lines."""
    numbers, real = ov.period_numbers, range(1, ov.period_count + 1)
    book.sheet(_("Budget lines per partner"), [
        _("Partner number"), _("Partner abbreviation"), _("Status"), _("Cost category"), _("Unit cost"),
        _("Description"), _("Comments"), _("Award procedure"), _("Unit type"), _("Number of units"),
        _("Price per unit"), *(_period_label(k, ov.period_count) for k in numbers), _("Total")])
    labels = _labels()
    unit_costs = split.unit_costs(ov.project, ov.snapshot)
    names = split.lump_sum_names(ov.project)
    sums: list[dict[int, Decimal]] = [dict.fromkeys(numbers, ZERO)]
    total = ZERO
    for pid in ov.inputs:
        partner = _partner_cells(ov.summaries[pid])
        lines = _Lines(ov, pid, rows.get(pid, []), unit_costs, language, labels).build(names)
        for cells, periods, line_total in lines.lines:
            get = periods.get
            book.row([*partner, *cells, get(PREPARATION), *[get(k) for k in real], get(CLOSURE), line_total])
            total += line_total
        sums += lines.sums
    column_sums = finance_budget.sum_periods(sums)
    book.row([_("Total"), *[None] * 10, *(column_sums[k] for k in numbers), total], bold=True)


def budget_workbook(ov, *, export_language: str, data_language: str) -> ExportResult:
    """The budget workbook of the loaded overviews of a project (live or a version)."""
    rows = split.cost_rows(list(ov.inputs), ov.snapshot, data_language)
    ov.use_row_periods({pid: [(row.category, row.periods) for row in items] for pid, items in rows.items()})
    with translation.override(export_language.lower()):
        book = Book()
        _per_fund_sheet(book, ov, data_language)
        _breakdown_sheet(book, ov, split.real_and_unit(rows))
        _per_period_sheet(book, ov)
        _lines_sheet(book, ov, rows, data_language)
    project = ov.project
    name = project.custom_identifier or str(project.pk)
    version = ov.version_row.version if ov.version_row else "current"
    stamp = timezone.now().strftime("%y%m%d_%H%M%S")
    return book.result(f"{name}_{project.acronym}_budget_{version}_{stamp}.xlsx")


class StandardBudgetExport:
    """The standard BUDGET_EXPORT plugin: XLSX with the budget details and totals (finance-rules §1.7)."""

    key = PLUGIN_KEY
    plugin_type = PluginType.BUDGET_EXPORT
    name = gettext_lazy("Standard budget export")
    version = "1.0"
    description = gettext_lazy("XLSX: budget per fund, budget breakdown, budget per period and budget lines of "
                               "every partner")

    @hookimpl
    def jems_budget_export(self, export_language, data_language, data) -> ExportResult:
        return budget_workbook(data, export_language=export_language, data_language=data_language)


def register_builtin(registry_module) -> None:
    """Register the standard budget export plugin (from AppConfig.ready)."""
    registry_module.register(StandardBudgetExport())
