"""The write layer of calls: general settings, budget settings, plugin selection, checklists, publishing,
and the "apply" window check.

Every function takes keyword-only arguments and an explicit `actor`, checks the privilege (CallUpdate for
changes), applies the rules of features §3 — a published call may only be extended: later end dates and
additions, never removals, never another start date, period length or type — and writes the audit row in
the same transaction. Refusals are 422 with field errors named like the API properties.
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.audit.actions import AuditAction
from jems.audit.services import record
from jems.checklists.models import ProgrammeChecklist
from jems.core.errors import NotFound, ValidationFailed
from jems.core.translatable import translation_errors
from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
from jems.priorities.models import ProgrammeSpecificObjective
from jems.programme.models import ProgrammeFund, ProgrammeStrategy, StateAid

from . import plugins, queries
from .models import Call, CallFlatRate, CallFund, CallStatus, CallType, FlatRateType

NAME_MAX = 250
DESCRIPTION_MAX = 1000
PERIOD_MIN, PERIOD_MAX = 1, 99

# Flat-rate types and their API property names (FlatRateSetupDTO).
FLAT_RATE_FIELDS = (
    (FlatRateType.STAFF_COSTS, "staffCostFlatRateSetup"),
    (FlatRateType.OFFICE_AND_ADMINISTRATION_ON_STAFF_COSTS, "officeAndAdministrationOnStaffCostsFlatRateSetup"),
    (FlatRateType.OFFICE_AND_ADMINISTRATION_ON_OTHER_COSTS, "officeAndAdministrationOnDirectCostsFlatRateSetup"),
    (FlatRateType.TRAVEL_AND_ACCOMMODATION_ON_STAFF_COSTS, "travelAndAccommodationOnStaffCostsFlatRateSetup"),
    (FlatRateType.OTHER_COSTS_ON_STAFF_COSTS, "otherCostsOnStaffCostsFlatRateSetup"),
)
FLAT_RATE_FIELD = dict(FLAT_RATE_FIELDS)

# Allowed real costs: model field and API property name (AllowedRealCostsDTO share the name in camelCase).
REAL_COST_FIELDS = (
    "allow_real_staff_costs",
    "allow_real_travel_and_accommodation_costs",
    "allow_real_external_expertise_and_services_costs",
    "allow_real_equipment_costs",
    "allow_real_infrastructure_costs",
)
COST_OPTION_FIELDS = ("project_defined_unit_cost_allowed", "project_defined_lump_sum_allowed")


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


@dataclass
class FundRate:
    fund_id: int
    rate: Decimal
    adjustable: bool = True


@dataclass
class CallSettings:
    """The general settings of a call (CallUpdateRequestDTO)."""

    name: str
    type: str
    start_date: datetime
    end_date: datetime
    length_of_period: int | None
    end_date_step1: datetime | None = None
    additional_fund_allowed: bool = False
    direct_contributions_allowed: bool = True
    description: dict = field(default_factory=dict)
    priority_policies: list[str] = field(default_factory=list)
    strategies: list[str] = field(default_factory=list)
    funds: list[FundRate] = field(default_factory=list)
    state_aid_ids: list[int] = field(default_factory=list)


@dataclass
class FlatRate:
    rate: int
    adjustable: bool = True


def _error(field_name: str, key: str, **args):
    return ValidationFailed(fields={field_name: key}, key=key, args=args)


def _long(value) -> bool:
    """Whether an id fits the 64-bit ids of the database (larger ones exist nowhere)."""
    return isinstance(value, int) and -(2**63) <= value < 2**63


def _longs(values) -> list[int]:
    """The ids that can exist (others are reported as unknown by the caller's set comparison)."""
    return [value for value in values if _long(value)]


def _locked_call(call_id, expected_version: str | None = None) -> Call:
    if not _long(call_id):
        raise NotFound(key="call.not.found", code="S-CALL-404")
    call = Call.objects.select_for_update().filter(pk=call_id).first()
    if call is None:
        raise NotFound(key="call.not.found", code="S-CALL-404")
    if expected_version is not None and expected_version != queries.call_version(call):
        raise ValidationFailed(key="call.changed.meanwhile", code="S-CALL-VERSION")
    return call


# --- snapshots for audit descriptions ------------------------------------------------------------------


def _snapshot(call: Call) -> dict:
    return {
        "name": call.name,
        "description": dict(sorted(call.description.items())),
        "type": call.type,
        "startDateTime": call.start_date.isoformat() if call.start_date else None,
        "endDateTimeStep1": call.end_date_step1.isoformat() if call.end_date_step1 else None,
        "endDateTime": call.end_date.isoformat() if call.end_date else None,
        "lengthOfPeriod": call.length_of_period,
        "additionalFundAllowed": call.additional_fund_allowed,
        "directContributionsAllowed": call.direct_contributions_allowed,
        "priorityPolicies": sorted(call.specific_objectives.values_list("programme_objective_policy", flat=True)),
        "strategies": sorted(call.strategies),
        "funds": sorted(f"{fund_id}:{rate}{'' if adjustable else ' fixed'}" for fund_id, rate, adjustable
                        in call.funds.values_list("fund_id", "rate", "adjustable")),
        "stateAidIds": sorted(call.state_aids.values_list("id", flat=True)),
    }


def _changes(before: dict, after: dict) -> str:
    return "\n".join(f"{key}: {before.get(key)} -> {after.get(key)}" for key in after if before.get(key) != after.get(key))


# --- general settings ----------------------------------------------------------------------------------


def _validate_settings(data: CallSettings, *, call: Call | None) -> dict:
    """Check the settings; return the resolved objectives, funds and state aids. Collects all field errors."""
    errors: dict[str, str] = {}
    form_errors: dict[str, dict] = {}
    name = (data.name or "").strip()
    if not name:
        errors["name"] = "common.error.field.blank"
    elif len(name) > NAME_MAX:
        form_errors["name"] = {"i18nKey": "common.error.field.max.length",
                               "i18nArguments": {"actualLength": str(len(name)), "requiredLength": str(NAME_MAX)}}
    elif Call.objects.filter(name=name).exclude(pk=call.pk if call else None).exists():
        errors["name"] = "call.name.already.exists"
    form_errors.update(translation_errors("description", data.description or {}, DESCRIPTION_MAX))
    if data.type not in CallType.values:
        errors["type"] = "call.type.invalid"
    elif call is not None and data.type != call.type:
        errors["type"] = "call.type.fixed"
    if data.start_date and data.end_date and data.end_date <= data.start_date:
        errors["endDateTime"] = "call.end.date.before.start"
    if data.end_date_step1 is not None and data.start_date and data.end_date and not (
            data.start_date < data.end_date_step1 < data.end_date):
        errors["endDateTimeStep1"] = "call.step1.end.date.outside"
    if data.length_of_period is None or not PERIOD_MIN <= data.length_of_period <= PERIOD_MAX:
        errors["lengthOfPeriod"] = "call.length.of.period.invalid"

    policies = set(data.priority_policies)
    objectives = list(ProgrammeSpecificObjective.objects.filter(programme_objective_policy__in=policies))
    if len(objectives) != len(policies):
        errors["priorityPolicies"] = "call.objective.unknown"
    strategies = set(data.strategies)
    active = set(ProgrammeStrategy.objects.filter(strategy__in=strategies, active=True)
                 .values_list("strategy", flat=True))
    if strategies - active:
        errors["strategies"] = "call.strategy.unknown"
    fund_ids = [rate.fund_id for rate in data.funds]
    funds = {fund.pk: fund for fund in ProgrammeFund.objects.filter(pk__in=_longs(fund_ids), selected=True)}
    if len(set(fund_ids)) != len(fund_ids) or set(fund_ids) - set(funds):
        errors["funds"] = "call.fund.unknown"
    for rate in data.funds:
        if not _rate_ok(rate.rate):
            errors["funds"] = "call.fund.rate.invalid"
    aid_ids = set(data.state_aid_ids)
    aids = list(StateAid.objects.filter(pk__in=_longs(aid_ids)))
    if len(aids) != len(aid_ids):
        errors["stateAidIds"] = "call.state.aid.unknown"
    if errors or form_errors:
        raise ValidationFailed(fields=errors, form_errors=form_errors)
    return {"name": name, "objectives": objectives, "state_aids": aids}


def _rate_ok(rate) -> bool:
    try:
        rate = Decimal(rate)
    except (InvalidOperation, TypeError, ValueError):
        return False
    return rate.is_finite() and Decimal(0) <= rate <= Decimal(100) and rate == rate.quantize(Decimal("0.01"))


def _refuse_published_changes(call: Call, data: CallSettings, objectives) -> None:
    """A published call may only be extended (features §3)."""
    errors = {}
    if data.start_date != call.start_date:
        errors["startDateTime"] = "call.published.start.date.fixed"
    if data.length_of_period != call.length_of_period:
        errors["lengthOfPeriod"] = "call.published.length.of.period.fixed"
    if data.end_date < call.end_date:
        errors["endDateTime"] = "call.published.end.date.earlier"
    if (data.end_date_step1 is None) != (call.end_date_step1 is None):
        errors["endDateTimeStep1"] = "call.published.steps.fixed"
    elif call.end_date_step1 is not None and data.end_date_step1 < call.end_date_step1:
        errors["endDateTimeStep1"] = "call.published.end.date.earlier"
    old_policies = set(call.specific_objectives.values_list("programme_objective_policy", flat=True))
    if not old_policies <= {so.programme_objective_policy for so in objectives}:
        errors["priorityPolicies"] = "call.published.objectives.removed"
    if not set(call.strategies) <= set(data.strategies):
        errors["strategies"] = "call.published.strategies.removed"
    if not set(call.funds.values_list("fund_id", flat=True)) <= {rate.fund_id for rate in data.funds}:
        errors["funds"] = "call.published.funds.removed"
    if not set(call.state_aids.values_list("id", flat=True)) <= set(data.state_aid_ids):
        errors["stateAidIds"] = "call.published.state.aids.removed"
    if errors:
        raise ValidationFailed(fields=errors, key="call.published.only.extensions")


def _write_settings(call: Call, data: CallSettings, resolved: dict) -> None:
    call.name = resolved["name"]
    call.description = dict(data.description or {})
    call.type = data.type
    call.start_date = data.start_date
    call.end_date = data.end_date
    call.end_date_step1 = data.end_date_step1
    call.length_of_period = data.length_of_period
    call.additional_fund_allowed = data.additional_fund_allowed
    call.direct_contributions_allowed = data.direct_contributions_allowed
    call.strategies = sorted(set(data.strategies))
    try:
        with transaction.atomic():
            call.save()
    except IntegrityError:
        raise _error("name", "call.name.already.exists") from None
    call.specific_objectives.set(resolved["objectives"])
    call.state_aids.set(resolved["state_aids"])
    wanted = {rate.fund_id: rate for rate in data.funds}
    call.funds.exclude(fund_id__in=wanted).delete()
    existing = {row.fund_id: row for row in call.funds.all()}
    for fund_id, rate in wanted.items():
        row = existing.get(fund_id) or CallFund(call=call, fund_id=fund_id)
        row.rate = Decimal(rate.rate)
        row.adjustable = rate.adjustable
        row.save()


def create_call(*, actor, data: CallSettings) -> Call:
    """Create a DRAFT call (CALL_ADDED)."""
    require(actor, Privilege.CallUpdate)
    with transaction.atomic():
        resolved = _validate_settings(data, call=None)
        call = Call()
        _write_settings(call, data, resolved)
        record(AuditAction.CALL_ADDED, actor=actor, entity_related_id=call.pk,
               description=f"A new call id={call.pk} '{call.name}' was created")
    return call


def update_call(*, actor, call_id: int, data: CallSettings, expected_version: str | None = None) -> Call:
    """Change the general settings (CALL_CONFIGURATION_CHANGED listing the changes). `expected_version` (pages):
    refused when the call changed since the page was shown."""
    require(actor, Privilege.CallUpdate)
    with transaction.atomic():
        call = _locked_call(call_id, expected_version)
        resolved = _validate_settings(data, call=call)
        if call.is_published:
            _refuse_published_changes(call, data, resolved["objectives"])
        before = _snapshot(call)
        _write_settings(call, data, resolved)
        changes = _changes(before, _snapshot(call))
        if changes:
            _audit_change(actor, call, changes)
    return call


def _audit_change(actor, call: Call, changes: str) -> None:
    record(AuditAction.CALL_CONFIGURATION_CHANGED, actor=actor, entity_related_id=call.pk,
           description=f"Configuration of {call.status.lower()} call id={call.pk} name='{call.name}' changed:\n"
                       f"{changes}")


# --- budget settings -----------------------------------------------------------------------------------


def update_flat_rates(*, actor, call_id: int, flat_rates: dict[str, FlatRate]) -> Call:
    """Set the flat rates offered (type → rate 1–100 and adjustable); types left out are not offered.
    A published call keeps each flat rate it offered, unchanged."""
    require(actor, Privilege.CallUpdate)
    errors = {}
    for rate_type, setup in flat_rates.items():
        if rate_type not in FLAT_RATE_FIELD:
            raise ValidationFailed(fields={"flatRates": "call.flat.rate.type.invalid"})
        if not isinstance(setup.rate, int) or not 1 <= setup.rate <= 100:
            errors[FLAT_RATE_FIELD[rate_type]] = "call.flat.rate.out.of.range"
    if errors:
        raise ValidationFailed(fields=errors)
    with transaction.atomic():
        call = _locked_call(call_id)
        existing = {row.type: row for row in call.flat_rates.all()}
        if call.is_published:
            changed = {FLAT_RATE_FIELD[t]: "call.published.flat.rate.fixed" for t, row in existing.items()
                       if t not in flat_rates or (flat_rates[t].rate, flat_rates[t].adjustable)
                       != (row.rate, row.adjustable)}
            if changed:
                raise ValidationFailed(fields=changed, key="call.published.only.extensions")
        before = {t: f"{row.rate}%{'' if row.adjustable else ' fixed'}" for t, row in existing.items()}
        call.flat_rates.exclude(type__in=list(flat_rates)).delete()
        for rate_type, setup in flat_rates.items():
            row = existing.get(rate_type) or CallFlatRate(call=call, type=rate_type)
            row.rate, row.adjustable = setup.rate, setup.adjustable
            row.save()
        after = {t: f"{s.rate}%{'' if s.adjustable else ' fixed'}" for t, s in flat_rates.items()}
        if before != after:
            _audit_change(actor, call, f"flatRates: {_fmt(before)} -> {_fmt(after)}")
    return call


def _fmt(mapping: dict) -> str:
    return "{" + ", ".join(f"{key}={value}" for key, value in sorted(mapping.items())) + "}"


def _update_cost_option_set(*, actor, call_id: int, ids, queryset, relation: str, field_name: str) -> Call:
    require(actor, Privilege.CallUpdate)
    wanted = set(ids)
    with transaction.atomic():
        call = _locked_call(call_id)
        found = set(queryset.filter(pk__in=_longs(wanted)).values_list("pk", flat=True))
        if found != wanted:
            raise ValidationFailed(fields={field_name: f"call.{field_name}.unknown"},
                                   args={"ids": ", ".join(str(i) for i in sorted(wanted - found))})
        manager = getattr(call, relation)
        before = set(manager.values_list("pk", flat=True))
        if call.is_published and not before <= wanted:
            raise ValidationFailed(fields={field_name: f"call.published.{field_name}.removed"},
                                   key="call.published.only.extensions")
        if before != wanted:
            manager.set(sorted(wanted))
            _audit_change(actor, call, f"{field_name}: {sorted(before)} -> {sorted(wanted)}")
    return call


def update_lump_sums(*, actor, call_id: int, lump_sum_ids) -> Call:
    """Select the programme lump sums offered in the call (a published call keeps its lump sums)."""
    return _update_cost_option_set(actor=actor, call_id=call_id, ids=lump_sum_ids,
                                   queryset=ProgrammeLumpSum.objects,
                                   relation="lump_sums", field_name="lumpSums")


def update_unit_costs(*, actor, call_id: int, unit_cost_ids) -> Call:
    """Select the programme unit costs offered in the call (a published call keeps its unit costs); unit costs
    proposed by a project are not programme unit costs."""
    return _update_cost_option_set(actor=actor, call_id=call_id, ids=unit_cost_ids,
                                   queryset=ProgrammeUnitCost.objects.filter(project__isnull=True),
                                   relation="unit_costs", field_name="unitCosts")


def _update_switches(*, actor, call_id: int, values: dict[str, bool], fields: tuple[str, ...]) -> Call:
    require(actor, Privilege.CallUpdate)
    with transaction.atomic():
        call = _locked_call(call_id)
        if call.is_published:
            off = {camel(name): "call.published.switch.off" for name in fields
                   if getattr(call, name) and not values[name]}
            if off:
                raise ValidationFailed(fields=off, key="call.published.only.extensions")
        changes = []
        for name in fields:
            if getattr(call, name) != bool(values[name]):
                changes.append(f"{camel(name)}: {getattr(call, name)} -> {bool(values[name])}")
                setattr(call, name, bool(values[name]))
        if changes:
            call.save(update_fields=list(fields))
            _audit_change(actor, call, "\n".join(changes))
    return call


def update_allowed_real_costs(*, actor, call_id: int, values: dict[str, bool]) -> Call:
    """Switch real costs per cost category on or off (a published call may only switch them on)."""
    return _update_switches(actor=actor, call_id=call_id, values=values, fields=REAL_COST_FIELDS)


def update_cost_options(*, actor, call_id: int, values: dict[str, bool]) -> Call:
    """Allow project-defined unit costs and lump sums (a published call may only switch them on)."""
    return _update_switches(actor=actor, call_id=call_id, values=values, fields=COST_OPTION_FIELDS)


# --- plugins, checklists ---------------------------------------------------------------------------------


def update_plugins(*, actor, call_id: int, keys: dict[str, str | None], expected_version: str | None = None) -> Call:
    """Select the plugin of each check (call field → key; blank = none). Keys must be offered for the slot."""
    require(actor, Privilege.CallUpdate)
    errors = {}
    cleaned = {}
    for field_name, api_name, plugin_type, _label in plugins.SLOTS:
        key = (keys.get(field_name) or "").strip() or None
        refusal = plugins.refusal(plugin_type, key) if key is not None else None
        if refusal:
            errors[api_name] = refusal
        cleaned[field_name] = key
    if errors:
        raise ValidationFailed(fields=errors)
    with transaction.atomic():
        call = _locked_call(call_id, expected_version)
        changes = []
        for field_name, api_name, _type, _label in plugins.SLOTS:
            if getattr(call, field_name) != cleaned[field_name]:
                changes.append(f"{api_name}: {getattr(call, field_name)} -> {cleaned[field_name]}")
                setattr(call, field_name, cleaned[field_name])
        if changes:
            call.save(update_fields=list(cleaned))
            _audit_change(actor, call, "\n".join(changes))
    return call


def update_checklists(*, actor, call_id: int, checklist_ids, expected_version: str | None = None) -> Call:
    """Select the checklist templates available in the call's projects (CALL_CHECKLISTS_CHANGED). Selecting a
    template does not lock it: templates lock when their first instance is created."""
    require(actor, Privilege.CallUpdate)
    wanted = set(checklist_ids)
    with transaction.atomic():
        call = _locked_call(call_id, expected_version)
        found = set(ProgrammeChecklist.objects.filter(pk__in=_longs(wanted)).values_list("pk", flat=True))
        if found != wanted:
            raise ValidationFailed(fields={"checklists": "call.checklist.unknown"},
                                   args={"ids": ", ".join(str(i) for i in sorted(wanted - found))})
        before = set(call.checklists.values_list("pk", flat=True))
        if before != wanted:
            call.checklists.set(sorted(wanted))
            record(AuditAction.CALL_CHECKLISTS_CHANGED, actor=actor, entity_related_id=call.pk,
                   description=f"Selected checklists of call id={call.pk} name='{call.name}' changed: "
                               f"{sorted(before)} -> {sorted(wanted)}")
    return call


# --- publishing and applying ---------------------------------------------------------------------------


def publish_call(*, actor, call_id: int) -> Call:
    """DRAFT → PUBLISHED (one way; CALL_PUBLISHED). Needs funds, specific objectives and a pre-submission
    check plugin. Publishing locks the programme setup."""
    require(actor, Privilege.CallUpdate)
    with transaction.atomic():
        call = _locked_call(call_id)
        if call.is_published:
            raise ValidationFailed(key="call.already.published", code="S-CALL-PUB")
        errors = {}
        if not call.funds.exists():
            errors["funds"] = "call.publish.funds.missing"
        if not call.specific_objectives.exists():
            errors["priorityPolicies"] = "call.publish.objectives.missing"
        if not (call.pre_submission_check_plugin_key or "").strip():
            errors["preSubmissionCheckPluginKey"] = "call.publish.plugin.missing"
        if errors:
            raise ValidationFailed(fields=errors, key="call.publish.incomplete", code="S-CALL-PUB")
        call.status = CallStatus.PUBLISHED
        call.save(update_fields=["status"])
        record(AuditAction.CALL_PUBLISHED, actor=actor, entity_related_id=call.pk,
               description=f"Call id={call.pk} '{call.name}' published")
    return call


def apply_window_end(call: Call):
    """Projects can be created until the step-1 end date of a two-step call, else until the end date."""
    return call.end_date_step1 or call.end_date


def can_apply(actor, call_id: int) -> Call:
    """The call an applicant may apply to now; refused (422) before the start or after the (step-1) end date,
    the latter audited as CALL_ALREADY_ENDED."""
    require(actor, Privilege.CallPublishedRetrieve)
    call = Call.objects.filter(pk=call_id, status=CallStatus.PUBLISHED).first() if _long(call_id) else None
    if call is None:
        raise NotFound(key="call.not.found", code="S-CALL-404")
    now = timezone.now()
    if now < call.start_date:
        raise ValidationFailed(key="call.not.open", args={"start": call.start_date.isoformat()})
    if now > apply_window_end(call):
        with transaction.atomic():
            record(AuditAction.CALL_ALREADY_ENDED, actor=actor, entity_related_id=call.pk,
                   description=f"Attempted unsuccessfully to apply for call '{call.name}' (id={call.pk}) "
                               f"that is already closed")
        raise ValidationFailed(key="call.already.ended", args={"name": call.name})
    return call


def update_budget_settings(*, actor, call_id: int, flat_rates: dict[str, FlatRate], lump_sum_ids, unit_cost_ids,
                           real_costs: dict[str, bool], cost_options: dict[str, bool],
                           expected_version: str | None = None) -> Call:
    """The budget-settings page in one transaction: flat rates, lump sums, unit costs, allowed real costs and
    project-defined cost options (each part with its own rules and audit row when it changes)."""
    require(actor, Privilege.CallUpdate)
    with transaction.atomic():
        _locked_call(call_id, expected_version)
        update_flat_rates(actor=actor, call_id=call_id, flat_rates=flat_rates)
        update_lump_sums(actor=actor, call_id=call_id, lump_sum_ids=lump_sum_ids)
        update_unit_costs(actor=actor, call_id=call_id, unit_cost_ids=unit_cost_ids)
        update_allowed_real_costs(actor=actor, call_id=call_id, values=real_costs)
        return update_cost_options(actor=actor, call_id=call_id, values=cost_options)
