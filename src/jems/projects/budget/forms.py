"""The partner budget page without Django form classes: the tables are built from a budget dict (GET) or from the
posted values (POST), each cell knowing its input name, value and error, so that typed values are never lost and
every error is shown next to its field.

Input names: `<list>-<i>-<column>` (texts: `…-<column>-<LANG>`, periods: `…-period-<n>`), `<list>-count`,
`option-<flat-rate key>`."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from jems.core.messages import text_for
from jems.finance.budget import replaced_categories, row_sum

from . import parts
from .models import MAX_ROWS, CostCategory
from .rules import BudgetRules
from .services import SUM_CATEGORIES, amount_error, options_of

C = CostCategory
TEXT_LABELS = {"description": _("Description"), "comments": _("Comments"), "unitType": _("Unit type"),
               "awardProcedures": _("Award procedure")}
STAFF_FUNCTION = _("Staff function")
OPTION_LABELS = {
    "staffCostsFlatRate": _("Staff costs flat rate based on direct costs"),
    "officeAndAdministrationOnStaffCostsFlatRate": _("Office and administration flat rate based on staff costs"),
    "officeAndAdministrationOnDirectCostsFlatRate": _("Office and administration flat rate based on direct costs"),
    "travelAndAccommodationOnStaffCostsFlatRate": _("Travel and accommodation flat rate based on staff costs"),
    "otherCostsOnStaffCostsFlatRate": _("Other costs flat rate based on staff costs"),
}
ROW_PATH = "{key}[{index}]."


def _str(value) -> str:
    return "" if value is None else str(value)


def lenient_sum(units, price) -> Decimal:
    """The row sum of typed values for the live totals: 0 while a value is not a valid amount."""
    clean_units, error_units = amount_error(units if units not in (None, "") else "0")
    clean_price, error_price = amount_error(price if price not in (None, "") else "0")
    if error_units or error_price:
        return Decimal(0)
    return row_sum(clean_units, clean_price)


@dataclass
class Row:
    """One table row: the row dict (parts form, amounts as typed) and its errors by column."""

    index: int
    data: dict
    sum: Decimal = Decimal(0)
    errors: dict = field(default_factory=dict)

    @property
    def id(self):
        return self.data.get("id")

    def period(self, number) -> str:
        return next((_str(p["amount"]) for p in self.data.get("budgetPeriods") or [] if p["number"] == number), "")


@dataclass
class Table:
    """One cost list on the page: which columns it shows, its rows and the errors of the whole list."""

    category: str
    label: str
    columns: list[str]  # text columns shown
    units: bool
    price: bool
    investment: bool
    unit_costs: list  # (id, label, price) choices
    periods: list[int]
    rows: list[Row]
    errors: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return parts.LIST_KEYS[self.category]

    @property
    def can_add(self) -> bool:
        return len(self.rows) < MAX_ROWS

    @property
    def total(self) -> Decimal:
        return sum((r.sum for r in self.rows), Decimal(0))

    def row_label(self, row: Row) -> str:
        return _("%(table)s row %(number)s") % {"table": self.label, "number": row.index + 1}


def shown_categories(rules: BudgetRules, options: dict, has_rows: dict) -> list[str]:
    """The cost lists the page shows: not replaced by a flat rate; unit costs only when the call offers them;
    SPF only in SPF calls."""
    replaced = {SUM_CATEGORIES[name] for name in replaced_categories(options_of(options))}
    shown = [c for c in (C.STAFF, C.TRAVEL, C.EXTERNAL, C.EQUIPMENT, C.INFRASTRUCTURE) if c not in replaced]
    if C.UNIT_COST not in replaced and (rules.multi_unit_costs_allowed or has_rows.get(C.UNIT_COST)):
        shown.append(C.UNIT_COST)
    if rules.spf:
        shown.append(C.SPF)
    return shown


def pick(translations: dict | None) -> str:
    """The English text of a translatable value, else any."""
    translations = translations or {}
    return translations.get("EN") or next(iter(translations.values()), "")


def _unit_cost_label(unit_cost) -> str:
    name = pick(unit_cost.name) or _("Unit cost %(id)s") % {"id": unit_cost.pk}
    return f"{name} ({unit_cost.cost_per_unit})"


def make_table(category, rules: BudgetRules, rows: list[dict]) -> Table:
    """A table of one cost list with the columns the call's form configuration shows."""
    texts = [k for k in parts.TEXTS[category] if k != "unitType" and rules.column_shown(category, k)]
    units = category == C.UNIT_COST or rules.units_shown(category)
    if units and "unitType" in parts.TEXTS[category]:
        texts.append("unitType")
    if category == C.UNIT_COST:
        choices = [(u.pk, _unit_cost_label(u), u.cost_per_unit) for u in rules.multi_unit_costs()]
    elif category == C.SPF:
        choices = []
    else:
        choices = [(u.pk, _unit_cost_label(u), u.cost_per_unit) for u in rules.single_unit_costs(category)]
    prices = {pk: price for pk, _label, price in choices}

    def price(row):
        return prices.get(row.get("unitCostId")) if category == C.UNIT_COST else row.get("pricePerUnit")

    return Table(category=category, label=C(category).label, columns=texts, units=units,
                 price=category != C.UNIT_COST, investment=category in parts.GENERAL
                 and rules.column_shown(category, "investmentId"),
                 unit_costs=choices, periods=rules.periods if rules.periods_shown else [],
                 rows=[Row(i, r, lenient_sum(r.get("numberOfUnits"), price(r))) for i, r in enumerate(rows)])


def posted_count(post, key) -> int:
    try:
        return max(0, min(int(post.get(f"{key}-count", "0")), MAX_ROWS))
    except ValueError:
        return 0


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def posted_rows(post, category, rules: BudgetRules, stored: list[dict], languages) -> list[dict]:
    """The rows of one list as posted, in parts form; columns the call hides keep the stored values."""
    key = parts.LIST_KEYS[category]
    table = make_table(category, rules, [])
    stored_by_id = {r["id"]: r for r in stored}
    unit_costs = {pk: price for pk, _label, price in table.unit_costs}
    rows = []
    for index in range(posted_count(post, key)):
        name = f"{key}-{index}-"
        row_id = _int(post.get(f"{name}id"))
        old = stored_by_id.get(row_id, {})
        row = {"id": row_id if old else None}
        for text in parts.TEXTS[category]:
            if text in table.columns:
                row[text] = {code: post.get(f"{name}{text}-{code}", "") for code in languages
                             if post.get(f"{name}{text}-{code}", "").strip()}
            else:
                row[text] = dict(old.get(text) or {})
        row["unitCostId"] = _int(post.get(f"{name}unitCostId")) if table.unit_costs else old.get("unitCostId")
        row["numberOfUnits"] = (post.get(f"{name}numberOfUnits", "").strip() if table.units
                                else _str(old.get("numberOfUnits") or "1"))
        if table.price:
            price = post.get(f"{name}pricePerUnit", "").strip()
            row["pricePerUnit"] = unit_costs.get(row["unitCostId"], price)
        if category in parts.GENERAL:
            row["investmentId"] = (_int(post.get(f"{name}investmentId")) if table.investment
                                   else old.get("investmentId"))
        row["budgetPeriods"] = [{"number": n, "amount": post.get(f"{name}period-{n}", "").strip()}
                                for n in table.periods if post.get(f"{name}period-{n}", "").strip()]
        rows.append(row)
    return rows


def posted_options(post, rules: BudgetRules, stored: dict) -> tuple[dict, dict]:
    """(options, errors) from the options part of the form; flat rates the call does not offer keep the stored
    value (none)."""
    options, errors = dict(stored), {}
    for key, (maximum, _adjustable) in rules.flat_rates.items():
        raw = post.get(f"option-{key}", "").strip()
        if not raw:
            options[key] = None
        elif raw.isdigit():
            options[key] = int(raw)
        else:
            options[key] = None
            errors[key] = text_for("project.partner.budget.options.flat.rate.range", {"max": maximum})
    return options, errors


def place_errors(tables: dict[str, Table], form_errors: dict, option_errors: dict, general: list) -> None:
    """Put the service's field errors (`staffCosts[0].pricePerUnit`, `…budgetPeriods.2`, option keys) next to
    their fields; anything else goes to the page's general errors."""
    for path, message in form_errors.items():
        text = text_for(message.get("i18nKey"), message.get("i18nArguments"))
        if path in parts.OPTION_KEYS:
            option_errors[path] = text
            continue
        head, _dot, rest = path.partition(".")
        key, _bracket, index = head.partition("[")
        table = tables.get(key)
        if table is None:
            general.append(text)
            continue
        if not index:
            table.errors.append(text)
            continue
        number = _int(index.rstrip("]"))
        if number is None or number >= len(table.rows):
            table.errors.append(text)
            continue
        column = rest.split(".")[0]
        if column == "budgetPeriods":
            period = rest.split(".")[1] if rest.count(".") else ""
            column = f"period-{period}" if period else "budgetPeriods"
        table.rows[number].errors.setdefault(column, text)


# --- cells of the rendered table ---------------------------------------------------------------------------------


def headers(table: Table) -> list[str]:
    """The column headers of a table in cell order (see `cells`)."""
    out = [STAFF_FUNCTION if (c == "description" and table.category == C.STAFF) else TEXT_LABELS[c]
           for c in table.columns if c != "unitType"]
    if table.investment:
        out.append(_("Investment"))
    if "unitType" in table.columns:
        out.append(TEXT_LABELS["unitType"])
    if table.unit_costs or table.category == C.UNIT_COST:
        out.append(_("Unit cost"))
    if table.units:
        out.append(_("Number of units"))
    if table.price:
        out.append(_("Price per unit"))
    out += [_("Period %(number)s") % {"number": n} for n in table.periods]
    out.append(_("Total"))
    return out


def cells(table: Table, row: Row, languages, investments) -> list[dict]:
    """The cells of one row in header order: each with its inputs (name, id, value, accessible label) and its
    error (shown under the input and referenced by aria-describedby)."""
    prefix = f"{table.key}-{row.index}-"
    row_label = table.row_label(row)
    labels = headers(table)
    out = []

    def add(kind, column, **extra):
        label = labels[len(out)]
        out.append({"kind": kind, "id": f"{prefix}{column}", "name": f"{prefix}{column}",
                    "label": f"{row_label}: {label}", "error": row.errors.get(column), **extra})

    def add_text(column):
        value = row.data.get(column) or {}
        add("text", column, inputs=[{"name": f"{prefix}{column}-{code}", "id": f"{prefix}{column}-{code}",
                                     "language": code, "value": value.get(code, "")} for code in languages])

    for column in table.columns:
        if column != "unitType":
            add_text(column)
    if table.investment:
        add("select", "investmentId", value=row.data.get("investmentId"), choices=investments,
            empty=_("No investment"))
    if "unitType" in table.columns:
        add_text("unitType")
    if table.unit_costs or table.category == C.UNIT_COST:
        choices = [(pk, label) for pk, label, _price in table.unit_costs]
        add("select", "unitCostId", value=row.data.get("unitCostId"), choices=choices,
            empty=_("Real cost") if table.category != C.UNIT_COST else _("Choose a unit cost"))
    if table.units:
        add("number", "numberOfUnits", value=_str(row.data.get("numberOfUnits")))
    if table.price:
        add("number", "pricePerUnit", value=_str(row.data.get("pricePerUnit")))
    for number in table.periods:
        add("number", f"period-{number}", value=row.period(number))
    add("sum", "rowSum", value=row.sum)
    if row.errors.get("budgetPeriods"):  # an unknown or hidden period: shown at the first period (or the sum)
        target = next((c for c in out if c["id"].startswith(f"{prefix}period-")), out[-1])
        target["error"] = target["error"] or row.errors["budgetPeriods"]
    return out
