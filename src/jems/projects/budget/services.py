"""Updates of a partner budget (finance-rules §1.1, §1.2): the flat-rate options and each cost list.

Every function checks like the other partner tabs that the actor may edit the form (404 when the project is not
visible, 403 without edit rights) and that the status allows changes (422), validates the whole input and then
saves in one transaction; any error is a 422 with field errors and nothing is stored. Row sums are recomputed
(`jems.finance.budget.row_sum`), the client's value is ignored. Jems writes no audit entry for budget updates,
so neither do we."""

from decimal import Decimal, InvalidOperation

from django.db import transaction

from jems.core.errors import ValidationFailed
from jems.core.translatable import translation_errors
from jems.finance.budget import BudgetOptions, replaced_categories, row_sum
from jems.programme.languages import input_languages
from jems.projects.models import ALREADY_CONTRACTED, ProjectVersion
from jems.projects.partners.services import _editable_partner
from jems.projects.workpackages.models import Investment

from . import parts
from .models import MAX_ROWS, BudgetCostRow, CostCategory, PartnerBudgetOptions
from .rules import BudgetRules

C = CostCategory
MAX_AMOUNT = Decimal("999999999.99")
# CategorySums field -> cost list (for the flat-rate side effects)
SUM_CATEGORIES = {"staff": C.STAFF, "travel": C.TRAVEL, "external": C.EXTERNAL, "equipment": C.EQUIPMENT,
                  "infrastructure": C.INFRASTRUCTURE, "unit_costs": C.UNIT_COST}


def _error(key, args=None) -> dict:
    return {"i18nKey": key, "i18nArguments": {k: str(v) for k, v in (args or {}).items()}}


def amount_error(value) -> tuple[Decimal | None, dict | None]:
    """(the value as Decimal, None) or (None, error) for an amount: a number, ≥ 0, scale ≤ 2, ≤ 999 999 999.99."""
    if isinstance(value, float):
        value = str(value)
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None, _error("project.partner.budget.number.invalid")
    if not number.is_finite():
        return None, _error("project.partner.budget.number.invalid")
    if number < 0:
        return None, _error("project.partner.budget.number.negative")
    if number > MAX_AMOUNT:
        return None, _error("project.partner.budget.number.max", {"max": "999 999 999.99"})
    if number.as_tuple().exponent < -2 and number != number.quantize(Decimal("0.01")):
        return None, _error("project.partner.budget.number.scale", {"scale": 2})
    return number.quantize(Decimal("0.01")), None


# --- options ---------------------------------------------------------------------------------------------------


def options_of(data: dict) -> BudgetOptions:
    """The finance-layer options of an options dict (API keys)."""
    return BudgetOptions(**{attr: data.get(key) for key, attr in parts.OPTION_KEYS.items()})


def _option_errors(data: dict, rules: BudgetRules, stored: dict, partner) -> dict:
    errors = {}
    for key, value in data.items():
        if value is None:
            continue
        if key not in rules.flat_rates:
            errors[key] = _error("project.partner.budget.options.flat.rate.not.in.call")
            continue
        maximum, adjustable = rules.flat_rates[key]
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= maximum:
            errors[key] = _error("project.partner.budget.options.flat.rate.range", {"max": maximum})
        elif not adjustable and value != maximum:
            errors[key] = _error("project.partner.budget.options.flat.rate.fixed", {"rate": maximum})
    used = {k for k, v in data.items() if v is not None}
    office = {"officeAndAdministrationOnStaffCostsFlatRate", "officeAndAdministrationOnDirectCostsFlatRate"}
    if office <= used:
        errors.setdefault("officeAndAdministrationOnDirectCostsFlatRate",
                          _error("project.partner.budget.options.office.combination"))
    if "otherCostsOnStaffCostsFlatRate" in used and used & (office | {"travelAndAccommodationOnStaffCostsFlatRate",
                                                                       "staffCostsFlatRate"}):
        errors.setdefault("otherCostsOnStaffCostsFlatRate", _error("project.partner.budget.options.other.combination"))
    if partner.project.status in ALREADY_CONTRACTED and not _created_after_last_version(partner):
        for key in data:
            if (data[key] is None) != (stored.get(key) is None):
                errors.setdefault(key, _error("project.partner.budget.options.contracted.switch"))
    return errors


def _created_after_last_version(partner) -> bool:
    """The partner was added in the current modification (after the last approved version was frozen)."""
    last = (ProjectVersion.objects.filter(project_id=partner.project_id).exclude(snapshot=None)
            .order_by("-id").values_list("created_at", flat=True).first())
    return last is None or partner.created_at > last


def update_options(*, actor, partner_id, data: dict) -> dict:
    """Save the partner's flat rates (§1.2: offered by the call, ≤ its rate, equal to it when not adjustable,
    allowed combinations, no switching on/off once contracted) and delete the rows the flat rates replace."""
    with transaction.atomic():
        partner = _editable_partner(actor, partner_id)
        rules = BudgetRules.of(partner.project)
        data = {key: data.get(key) for key in parts.OPTION_KEYS}
        row = PartnerBudgetOptions.objects.filter(partner=partner).first()
        errors = _option_errors(data, rules, parts.options_dict(row), partner)
        if errors:
            raise ValidationFailed(form_errors=errors)
        row = row or PartnerBudgetOptions(partner=partner)
        for key, attr in parts.OPTION_KEYS.items():
            setattr(row, attr, data[key])
        row.save()
        replaced = [SUM_CATEGORIES[name] for name in replaced_categories(options_of(data))]
        if replaced:
            BudgetCostRow.objects.filter(partner=partner, category__in=replaced).delete()
        return parts.options_dict(row)


# --- cost lists ------------------------------------------------------------------------------------------------


def _text_errors(errors: dict, prefix: str, key: str, value: dict, languages) -> dict:
    value = {code: text for code, text in (value or {}).items() if text and str(text).strip()}
    for code in value:
        if code not in languages:
            errors[f"{prefix}.{key}.language.{code.lower()}"] = _error("project.language.not.input.language",
                                                                        {"language": code})
    errors.update(translation_errors(f"{prefix}.{key}", value, parts.TEXT_MAX))
    return value


class _RowCheck:
    """Validates one list of rows against the rules and turns it into model values."""

    def __init__(self, category, rules: BudgetRules, options: BudgetOptions, investments: set[int], languages):
        self.category, self.rules, self.investments, self.languages = category, rules, investments, languages
        self.key = parts.LIST_KEYS[category]
        self.options = options
        self.errors: dict = {}

    def _add(self, path, key, args=None):
        self.errors.setdefault(path, _error(key, args))

    def clean(self, rows: list[dict]) -> list[dict]:
        category = self.category
        if category == C.SPF and not self.rules.spf:
            self._add(self.key, "project.partner.budget.spf.not.spf.call")
        if rows and category in [SUM_CATEGORIES[n] for n in replaced_categories(self.options)]:
            self._add(self.key, "project.partner.budget.flat.rate.replaces.category")
        if len(rows) > MAX_ROWS:
            self._add(self.key, "project.partner.budget.max.allowed", {"max": MAX_ROWS})
            return []
        ids = [r.get("id") for r in rows if r.get("id") is not None]
        if len(ids) != len(set(ids)):
            self._add(self.key, "project.partner.budget.id.not.unique")
        if category == C.UNIT_COST and rows and not self.rules.multi_unit_costs_allowed:
            self._add(self.key, "project.partner.budget.unit.costs.not.allowed")
        return [self._row(index, row) for index, row in enumerate(rows)]

    def _row(self, index: int, row: dict) -> dict:
        prefix = f"{self.key}[{index}]"
        category, rules = self.category, self.rules
        units, error = amount_error(row.get("numberOfUnits"))
        if error:
            self.errors[f"{prefix}.numberOfUnits"] = error
        unit_cost_id = row.get("unitCostId")
        unit_cost = rules.unit_costs.get(unit_cost_id) if unit_cost_id is not None else None
        price = None
        if category == C.UNIT_COST:
            if unit_cost is None or unit_cost.one_cost_category:
                self._add(f"{prefix}.unitCostId", "project.partner.budget.unit.cost.not.multi")
            else:
                price = unit_cost.cost_per_unit
        else:
            price, error = amount_error(row.get("pricePerUnit"))
            if error:
                self.errors[f"{prefix}.pricePerUnit"] = error
            if unit_cost_id is not None:
                allowed = unit_cost is not None and (category == C.SPF or unit_cost in rules.single_unit_costs(category))
                if not allowed:
                    self._add(f"{prefix}.unitCostId", "project.partner.budget.unit.cost.not.available")
                elif price is not None and price != unit_cost.cost_per_unit:
                    self._add(f"{prefix}.pricePerUnit", "project.partner.budget.unit.cost.price.differs",
                              {"price": unit_cost.cost_per_unit})
            elif category in rules.real_costs and not rules.real_costs[category]:
                self._add(f"{prefix}.unitCostId", "project.partner.budget.real.costs.not.allowed")
        texts = {key: _text_errors(self.errors, prefix, key, row.get(key), self.languages)
                 for key in parts.TEXTS[category]}
        if unit_cost_id is None and category != C.UNIT_COST and not rules.units_shown(category):
            if units is not None and units != 1:
                self._add(f"{prefix}.numberOfUnits", "project.partner.budget.units.hidden")
            if texts.get("unitType"):
                self._add(f"{prefix}.unitType", "project.partner.budget.units.hidden")
        investment_id = row.get("investmentId") if category in parts.GENERAL else None
        if investment_id is not None and investment_id not in self.investments:
            self._add(f"{prefix}.investmentId", "project.partner.budget.investment.not.found")
        periods = self._periods(prefix, row.get("budgetPeriods") or [])
        values = {"id": row.get("id"), "number_of_units": units, "price_per_unit": price,
                  "unit_cost_id": unit_cost_id if unit_cost is not None else None,
                  "investment_id": investment_id, "periods": periods,
                  **{parts.TEXTS[category][key]: value for key, value in texts.items()}}
        if units is not None and price is not None:
            values["row_sum"] = row_sum(units, price)
        return values

    def _periods(self, prefix: str, periods: list) -> list[dict]:
        if periods and not self.rules.periods_shown:
            self._add(f"{prefix}.budgetPeriods", "project.partner.budget.periods.hidden")
            return []
        cleaned, seen = [], set()
        for period in periods:
            number = period.get("number")
            if number not in self.rules.periods or number in seen:
                self._add(f"{prefix}.budgetPeriods", "project.partner.budget.period.not.exists",
                          {"number": number})
                continue
            seen.add(number)
            amount, error = amount_error(period.get("amount") if period.get("amount") is not None else 0)
            if error:
                self.errors[f"{prefix}.budgetPeriods.{number}"] = error
                continue
            cleaned.append({"number": number, "amount": str(amount)})
        return sorted(cleaned, key=lambda p: p["number"])


def update_costs(*, actor, partner_id, category: str, rows: list[dict]) -> list[dict]:
    """Replace one cost list of the partner (rows keep their id when it is sent back, new rows get one, rows not
    sent are deleted) after checking every rule of finance-rules §1.1; returns the saved list."""
    category = CostCategory(category)
    with transaction.atomic():
        partner = _editable_partner(actor, partner_id)
        project = partner.project
        rules = BudgetRules.of(project)
        options_row = PartnerBudgetOptions.objects.filter(partner=partner).first()
        options = options_of(parts.options_dict(options_row))
        investments = set(Investment.objects.filter(work_package__project=project).values_list("pk", flat=True))
        check = _RowCheck(category, rules, options, investments, input_languages())
        cleaned = check.clean(list(rows or []))
        if check.errors:
            raise ValidationFailed(form_errors=check.errors)
        _store(partner, category, cleaned)
        saved = BudgetCostRow.objects.filter(partner=partner, category=category).order_by("sort_number", "id")
        return [parts.row_dict(r) for r in saved]


def _store(partner, category, cleaned: list[dict]) -> None:
    existing = {r.pk: r for r in BudgetCostRow.objects.filter(partner=partner, category=category)}
    updated, created = [], []
    fields = [f for f in cleaned[0] if f != "id"] + ["sort_number"] if cleaned else []
    for number, values in enumerate(cleaned, start=1):
        row = existing.pop(values["id"], None) or BudgetCostRow(partner=partner, category=category)
        for name, value in values.items():
            if name != "id":
                setattr(row, name, value)
        row.sort_number = number
        (updated if row.pk else created).append(row)
    if existing:
        BudgetCostRow.objects.filter(pk__in=list(existing)).delete()
    if updated:
        BudgetCostRow.objects.bulk_update(updated, fields)
    if created:
        BudgetCostRow.objects.bulk_create(created)
