"""The write layer of simplified cost options: programme lump sums and unit costs.

Every function takes keyword-only arguments and an explicit `actor`, checks ProgrammeSetupUpdate, validates
(422 with field errors), honours the setup lock (after a call is published: no deletions and no change of the
figures and categories that projects rely on) and writes the audit row in the same transaction.
"""

from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.audit.actions import AuditAction
from jems.audit.services import diff_description, record
from jems.core.errors import NotFound, ValidationFailed, i18n
from jems.core.translatable import translation_errors
from jems.priorities.validation import decimal_error, two_places
from jems.programme.lock import refuse_if_locked

from .codes import BudgetCategory, PaymentClaim, ProgrammeLumpSumPhase, is_currency_code
from .models import ProgrammeLumpSum, ProgrammeUnitCost

MAX_LUMP_SUMS = 100
MAX_UNIT_COSTS = 200
MIN_COST = Decimal("0.01")
MAX_COST = Decimal("999999999.99")
NAME_MAX = 50
DESCRIPTION_MAX = 255
UNIT_TYPE_MAX = 25
JUSTIFICATION_MAX = 5000


def _value(item):
    return None if item is None else str(getattr(item, "value", item))


def _first_text(stored: Mapping[str, str] | None) -> str:
    stored = stored or {}
    return stored.get("EN") or next(iter(stored.values()), "")


def _categories(raw: Iterable | None, errors: dict) -> list[str]:
    """Known categories in enum order, without duplicates."""
    wanted = {_value(c) for c in raw or ()}
    unknown = wanted - set(BudgetCategory.values)
    if unknown:
        errors["categories"] = i18n("programme.costOption.category.invalid", {"category": sorted(unknown)[0]})
    return [c for c in BudgetCategory.values if c in wanted]


def _name_errors(name: Mapping[str, str]) -> dict:
    if not any((text or "").strip() for text in name.values()):
        return {"name": i18n("common.error.field.required")}
    return translation_errors("name", name, NAME_MAX)


def _cost_error(value, *, required: bool = True):
    return decimal_error(value, minimum=MIN_COST, maximum=MAX_COST, required=required)


def _payment_claim(value, errors: dict) -> str:
    claim = _value(value) or PaymentClaim.IncurredByBeneficiaries.value
    if claim not in PaymentClaim.values:
        errors["paymentClaim"] = i18n("common.error.field.required")
    return claim


def _refuse_locked_change(before: dict, after: dict, fields: dict[str, str], what: str) -> None:
    """Once the setup is locked, the listed fields (snapshot key -> API field) must keep their values."""
    for key, api_field in fields.items():
        if before.get(key) != after.get(key):
            refuse_if_locked(what, field=api_field)


# --- lump sums -----------------------------------------------------------------------------------------


def _lump_sum_snapshot(lump_sum: ProgrammeLumpSum) -> dict:
    return {
        "name": _first_text(lump_sum.name),
        "description": _first_text(lump_sum.description),
        "cost": lump_sum.cost,
        "phase": lump_sum.phase,
        "categories": ", ".join(lump_sum.categories),
        "splitting allowed": lump_sum.splitting_allowed,
        "fast track": lump_sum.fast_track,
        "payment claim": lump_sum.payment_claim,
    }


LUMP_SUM_LOCKED_FIELDS = {"cost": "cost", "phase": "phase", "categories": "categories",
                          "splitting allowed": "splittingAllowed", "fast track": "fastTrack"}


def _fill_lump_sum(lump_sum: ProgrammeLumpSum, *, name, description, cost, splitting_allowed, fast_track, phase,
                   categories, payment_claim) -> ProgrammeLumpSum:
    name, description = dict(name or {}), dict(description or {})
    errors = _name_errors(name)
    errors.update(translation_errors("description", description, DESCRIPTION_MAX))
    error = _cost_error(cost)
    if error:
        errors["cost"] = error
    phase = _value(phase)
    if phase is not None and phase not in ProgrammeLumpSumPhase.values:
        errors["phase"] = i18n("common.error.field.required")
    chosen = _categories(categories, errors)
    if "categories" not in errors and len(chosen) < 2:
        errors["categories"] = i18n("lump.sum.categories.min.2")
    claim = _payment_claim(payment_claim, errors)
    if errors:
        raise ValidationFailed(form_errors=errors)
    lump_sum.name, lump_sum.description, lump_sum.cost = name, description, two_places(cost)
    lump_sum.splitting_allowed, lump_sum.fast_track = bool(splitting_allowed), bool(fast_track)
    lump_sum.phase, lump_sum.categories, lump_sum.payment_claim = phase, chosen, claim
    return lump_sum


def create_lump_sum(*, actor, name: Mapping[str, str], description: Mapping[str, str] | None = None, cost,
                    splitting_allowed: bool, fast_track: bool = False, phase: str | None = None,
                    categories: Iterable[str] = (),
                    payment_claim: str = PaymentClaim.IncurredByBeneficiaries) -> ProgrammeLumpSum:
    """Add a lump sum (at most 100; allowed also when the setup is locked)."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        if ProgrammeLumpSum.objects.count() >= MAX_LUMP_SUMS:
            raise ValidationFailed(key="lump.sum.max.allowed.reached", args={"max": MAX_LUMP_SUMS})
        lump_sum = _fill_lump_sum(ProgrammeLumpSum(), name=name, description=description, cost=cost,
                                  splitting_allowed=splitting_allowed, fast_track=fast_track, phase=phase,
                                  categories=categories, payment_claim=payment_claim)
        lump_sum.save()
        snapshot = _lump_sum_snapshot(lump_sum)
        record(AuditAction.PROGRAMME_LUMP_SUM_ADDED, actor=actor, entity_related_id=lump_sum.pk,
               description=f"Programme lump sum (id={lump_sum.pk}) '{snapshot['name']}' was added:\n"
                           + "\n".join(f"{k}: {v}" for k, v in snapshot.items()))
    return lump_sum


def update_lump_sum(*, actor, lump_sum_id: int | None, name: Mapping[str, str],
                    description: Mapping[str, str] | None = None, cost, splitting_allowed: bool,
                    fast_track: bool = False, phase: str | None = None, categories: Iterable[str] = (),
                    payment_claim: str = PaymentClaim.IncurredByBeneficiaries) -> ProgrammeLumpSum:
    """Change a lump sum. Once the setup is locked, its cost, phase, categories, splitting and fast-track flag
    stay as they are; texts and the payment claim may change."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        lump_sum = ProgrammeLumpSum.objects.select_for_update().filter(pk=lump_sum_id).first()
        if lump_sum_id is None or lump_sum is None:
            raise NotFound(key="programme.lumpSum.not.found", args={"id": lump_sum_id})
        before = _lump_sum_snapshot(lump_sum)
        lump_sum = _fill_lump_sum(lump_sum, name=name, description=description, cost=cost,
                                  splitting_allowed=splitting_allowed, fast_track=fast_track, phase=phase,
                                  categories=categories, payment_claim=payment_claim)
        after = _lump_sum_snapshot(lump_sum)
        _refuse_locked_change(before, after, LUMP_SUM_LOCKED_FIELDS, _("Changing the figures of a lump sum"))
        lump_sum.save()
        record(AuditAction.PROGRAMME_LUMP_SUM_CHANGED, actor=actor, entity_related_id=lump_sum.pk,
               description=f"Programme lump sum (id={lump_sum.pk}) '{after['name']}' was changed:\n"
                           f"{diff_description(before, after) or '(no change)'}")
    return lump_sum


def delete_lump_sum(*, actor, lump_sum_id: int) -> None:
    """Remove a lump sum; refused once the setup is locked."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        lump_sum = ProgrammeLumpSum.objects.select_for_update().filter(pk=lump_sum_id).first()
        if lump_sum is None:
            raise NotFound(key="programme.lumpSum.not.found", args={"id": lump_sum_id})
        refuse_if_locked(_("Deleting a lump sum"))
        name = _first_text(lump_sum.name)
        lump_sum.delete()
        record(AuditAction.PROGRAMME_LUMP_SUM_DELETED, actor=actor, entity_related_id=lump_sum_id,
               description=f"Programme lump sum (id={lump_sum_id}) '{name}' was deleted")


# --- unit costs ----------------------------------------------------------------------------------------


def _unit_cost_snapshot(unit_cost: ProgrammeUnitCost) -> dict:
    return {
        "name": _first_text(unit_cost.name),
        "description": _first_text(unit_cost.description),
        "type": _first_text(unit_cost.type),
        "justification": _first_text(unit_cost.justification),
        "cost per unit": unit_cost.cost_per_unit,
        "cost per unit in foreign currency": unit_cost.cost_per_unit_foreign_currency,
        "foreign currency": unit_cost.foreign_currency_code,
        "one cost category": unit_cost.one_cost_category,
        "categories": ", ".join(unit_cost.categories),
        "project defined": unit_cost.project_defined,
        "payment claim": unit_cost.payment_claim,
    }


UNIT_COST_LOCKED_FIELDS = {"cost per unit": "costPerUnit",
                           "cost per unit in foreign currency": "costPerUnitForeignCurrency",
                           "foreign currency": "foreignCurrencyCode", "one cost category": "oneCostCategory",
                           "categories": "categories"}


def _fill_unit_cost(unit_cost: ProgrammeUnitCost, *, name, description, type, justification, cost_per_unit,
                    cost_per_unit_foreign_currency, foreign_currency_code, one_cost_category, categories,
                    project_defined, payment_claim) -> ProgrammeUnitCost:
    name, description = dict(name or {}), dict(description or {})
    unit_type, justification = dict(type or {}), dict(justification or {})
    errors = _name_errors(name)
    errors.update(translation_errors("description", description, DESCRIPTION_MAX))
    errors.update(translation_errors("type", unit_type, UNIT_TYPE_MAX))
    errors.update(translation_errors("justification", justification, JUSTIFICATION_MAX))
    error = _cost_error(cost_per_unit)
    if error:
        errors["costPerUnit"] = error
    currency = (foreign_currency_code or "").strip().upper() or None
    foreign_cost = cost_per_unit_foreign_currency
    if currency is None and foreign_cost is not None:
        errors["foreignCurrencyCode"] = i18n("unit.cost.foreign.currency.code.missing")
    elif currency is not None and not is_currency_code(currency):
        errors["foreignCurrencyCode"] = i18n("unit.cost.foreign.currency.code.invalid", {"code": currency[:10]})
    if currency is not None:
        error = _cost_error(foreign_cost)
        if error:
            errors["costPerUnitForeignCurrency"] = error
    chosen = _categories(categories, errors)
    if "categories" not in errors:
        if one_cost_category:
            if len(chosen) != 1:
                errors["categories"] = i18n("unit.cost.categories.exactly.1")
            elif chosen[0] == BudgetCategory.OfficeAndAdministrationCosts:
                errors["categories"] = i18n("unit.cost.categories.office.not.allowed")
        elif len(chosen) < 2:
            errors["categories"] = i18n("unit.cost.categories.min.2")
    claim = _payment_claim(payment_claim, errors)
    if errors:
        raise ValidationFailed(form_errors=errors)
    unit_cost.name, unit_cost.description, unit_cost.type = name, description, unit_type
    unit_cost.justification, unit_cost.cost_per_unit = justification, two_places(cost_per_unit)
    unit_cost.cost_per_unit_foreign_currency = two_places(foreign_cost) if currency else None
    unit_cost.foreign_currency_code = currency
    unit_cost.one_cost_category, unit_cost.categories = bool(one_cost_category), chosen
    unit_cost.project_defined, unit_cost.payment_claim = bool(project_defined), claim
    return unit_cost


def create_unit_cost(*, actor, name: Mapping[str, str], description: Mapping[str, str] | None = None,
                     type: Mapping[str, str] | None = None, justification: Mapping[str, str] | None = None,
                     cost_per_unit, cost_per_unit_foreign_currency=None, foreign_currency_code: str | None = None,
                     one_cost_category: bool, categories: Iterable[str] = (), project_defined: bool = False,
                     payment_claim: str = PaymentClaim.IncurredByBeneficiaries) -> ProgrammeUnitCost:
    """Add a unit cost (at most 200; allowed also when the setup is locked)."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        if ProgrammeUnitCost.objects.filter(project__isnull=True).count() >= MAX_UNIT_COSTS:
            raise ValidationFailed(key="unit.cost.max.allowed.reached", args={"max": MAX_UNIT_COSTS})
        unit_cost = _fill_unit_cost(
            ProgrammeUnitCost(), name=name, description=description, type=type, justification=justification,
            cost_per_unit=cost_per_unit, cost_per_unit_foreign_currency=cost_per_unit_foreign_currency,
            foreign_currency_code=foreign_currency_code, one_cost_category=one_cost_category, categories=categories,
            project_defined=project_defined, payment_claim=payment_claim)
        unit_cost.save()
        snapshot = _unit_cost_snapshot(unit_cost)
        record(AuditAction.PROGRAMME_UNIT_COST_ADDED, actor=actor, entity_related_id=unit_cost.pk,
               description=f"Programme unit cost (id={unit_cost.pk}) '{snapshot['name']}' was added:\n"
                           + "\n".join(f"{k}: {v}" for k, v in snapshot.items()))
    return unit_cost


def update_unit_cost(*, actor, unit_cost_id: int | None, name: Mapping[str, str],
                     description: Mapping[str, str] | None = None, type: Mapping[str, str] | None = None,
                     justification: Mapping[str, str] | None = None, cost_per_unit,
                     cost_per_unit_foreign_currency=None, foreign_currency_code: str | None = None,
                     one_cost_category: bool, categories: Iterable[str] = (), project_defined: bool = False,
                     payment_claim: str = PaymentClaim.IncurredByBeneficiaries) -> ProgrammeUnitCost:
    """Change a unit cost. Once the setup is locked, its costs, currency and categories stay as they are;
    texts, the project-defined flag and the payment claim may change."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        unit_cost = ProgrammeUnitCost.objects.select_for_update().filter(pk=unit_cost_id, project__isnull=True).first()
        if unit_cost_id is None or unit_cost is None:
            raise NotFound(key="programme.unitCost.not.found", args={"id": unit_cost_id})
        before = _unit_cost_snapshot(unit_cost)
        unit_cost = _fill_unit_cost(
            unit_cost, name=name, description=description, type=type, justification=justification,
            cost_per_unit=cost_per_unit, cost_per_unit_foreign_currency=cost_per_unit_foreign_currency,
            foreign_currency_code=foreign_currency_code, one_cost_category=one_cost_category, categories=categories,
            project_defined=project_defined, payment_claim=payment_claim)
        after = _unit_cost_snapshot(unit_cost)
        _refuse_locked_change(before, after, UNIT_COST_LOCKED_FIELDS, _("Changing the figures of a unit cost"))
        unit_cost.save()
        record(AuditAction.PROGRAMME_UNIT_COST_CHANGED, actor=actor, entity_related_id=unit_cost.pk,
               description=f"Programme unit cost (id={unit_cost.pk}) '{after['name']}' was changed:\n"
                           f"{diff_description(before, after) or '(no change)'}")
    return unit_cost


def delete_unit_cost(*, actor, unit_cost_id: int) -> None:
    """Remove a unit cost; refused once the setup is locked."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        unit_cost = ProgrammeUnitCost.objects.select_for_update().filter(pk=unit_cost_id, project__isnull=True).first()
        if unit_cost is None:
            raise NotFound(key="programme.unitCost.not.found", args={"id": unit_cost_id})
        refuse_if_locked(_("Deleting a unit cost"))
        name = _first_text(unit_cost.name)
        unit_cost.delete()
        record(AuditAction.PROGRAMME_UNIT_COST_DELETED, actor=actor, entity_related_id=unit_cost_id,
               description=f"Programme unit cost (id={unit_cost_id}) '{name}' was deleted")
