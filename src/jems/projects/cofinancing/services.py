"""Updates of a partner's co-financing (finance-rules §2.1–2.2, features §4.8).

`update_cofinancing` saves the management set, `update_spf_cofinancing` the SPF set of an SPF call. Both take
the set in the form of `parts` (`{"finances": [...], "partnerContributions": [...]}`), load the partner like
the other partner tabs (404 when the project is not visible, 403 without form-edit rights, 422 when the status
is not editable), validate everything and replace the stored lines in one transaction. A refusal is a 422 with
one error per field (`finances[1].percentage`, `partnerContributions[0].name`, …) and leaves the stored data as
it was. Like Jems, no audit row is written for co-financing changes."""

from decimal import Decimal, InvalidOperation

from django.db import transaction

from jems.calls.models import CallFund, CallType
from jems.core.errors import ValidationFailed
from jems.projects.partners.services import _editable_partner
from jems.projects.visibility import visible_fields

from . import parts
from .models import MAX_FINANCES, NAME_MAX, ContributionStatus, FundType

HUNDRED = Decimal("100")
CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("999999999.99")
ADD_ORIGIN_FIELD = "PARTNER_ADD_NEW_CONTRIBUTION_ORIGIN"


def _err(key: str, **args) -> dict:
    return {"i18nKey": key, "i18nArguments": {k: str(v) for k, v in args.items()}}


def _decimal(value) -> Decimal | None:
    """The value as a finite Decimal with at most 2 decimals, else None."""
    if value is None or isinstance(value, float | bool):
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    if not number.is_finite() or number != number.quantize(CENT, rounding="ROUND_DOWN"):
        return None
    return number.quantize(CENT)


def _value(item: dict, key: str):
    value = item.get(key)
    return getattr(value, "value", value)


def _clean_finances(finances: list, call_funds: dict[int, CallFund], additional_allowed: bool,
                    errors: dict) -> list[dict]:
    """The lines as stored: fund lines offered by the call at a rate within the call's, one partner-contribution
    line, at most 5 lines (and at most the call's funds + 1), the percentages adding up to exactly 100."""
    cleaned, seen, main_count, contribution_count, total = [], set(), 0, 0, Decimal(0)
    if len(finances) > min(MAX_FINANCES, len(call_funds) + 1):
        errors["finances"] = _err("project.partner.coFinancing.maximum.lines",
                                  max=min(MAX_FINANCES, len(call_funds) + 1))
        return []
    for index, item in enumerate(finances):
        path = f"finances[{index}]"
        fund_type = _value(item, "fundType")
        percentage = _decimal(item.get("percentage"))
        if percentage is None or not (0 <= percentage <= HUNDRED):
            errors[f"{path}.percentage"] = _err("project.partner.coFinancing.percentage.invalid")
        fund_id = item.get("fundId")
        if fund_type == FundType.PartnerContribution:
            contribution_count += 1
            fund_id = None
        elif fund_type == FundType.MainFund:
            main_count += 1
            call_fund = call_funds.get(fund_id) if isinstance(fund_id, int) else None
            if call_fund is None:
                errors[f"{path}.fundId"] = _err("project.partner.coFinancing.fund.not.in.call")
            elif fund_id in seen:
                errors[f"{path}.fundId"] = _err("project.partner.coFinancing.fund.not.unique")
            elif percentage is not None and not call_fund.adjustable and percentage != call_fund.rate:
                errors[f"{path}.percentage"] = _err("project.partner.coFinancing.percentage.not.call.rate",
                                                    rate=call_fund.rate)
            elif percentage is not None and percentage > call_fund.rate:
                errors[f"{path}.percentage"] = _err("project.partner.coFinancing.percentage.above.call.rate",
                                                    max=call_fund.rate)
            seen.add(fund_id)
        else:
            errors[f"{path}.fundType"] = _err("project.partner.coFinancing.fund.type.invalid")
        total += percentage or 0
        cleaned.append({"fundType": fund_type, "fundId": fund_id, "percentage": percentage})
    if contribution_count != 1:
        errors.setdefault("finances", _err("project.partner.coFinancing.one.and.only.partner.contribution"))
    elif main_count > 1 and not additional_allowed:
        errors.setdefault("finances", _err("project.partner.coFinancing.additional.fund.not.allowed"))
    elif not any(key.startswith("finances[") for key in errors) and total != HUNDRED:
        errors.setdefault("finances", _err("project.partner.coFinancing.sum.invalid"))
    return cleaned


def _clean_contributions(contributions: list, partner, spf: bool, single: bool, errors: dict) -> list[dict]:
    """The contribution rows as stored. Management set: exactly one row is the partner itself (named after the
    partner, Public or Private), every other row has a name; SPF set: every row has a name. All rows need a
    legal status and an amount 0 ≤ amount ≤ 999 999 999.99 with at most 2 decimals."""
    cleaned = []
    own = [index for index, item in enumerate(contributions) if item.get("partner")]
    if single and len(contributions) > 1:
        errors["partnerContributions"] = _err("project.partner.contribution.only.one.allowed")
    elif not spf and len(own) != 1:
        errors["partnerContributions"] = _err("project.partner.contribution.one.and.only.partner.contribution")
    elif spf and len(own) > 1:
        errors["partnerContributions"] = _err("project.partner.contribution.one.and.only.partner.contribution")
    for index, item in enumerate(contributions):
        path = f"partnerContributions[{index}]"
        is_partner = bool(item.get("partner"))
        name = (item.get("name") or "").strip()
        if is_partner and not spf:
            name = partner.abbreviation
        elif not name:
            errors[f"{path}.name"] = _err("project.partner.contribution.name.is.mandatory")
        elif len(name) > NAME_MAX:
            errors[f"{path}.name"] = _err("common.error.field.max.length", actualLength=len(name),
                                          requiredLength=NAME_MAX)
        status = _value(item, "status")
        if status not in ContributionStatus.values:
            errors[f"{path}.status"] = _err("project.partner.contribution.status.is.mandatory")
        elif is_partner and not spf and status == ContributionStatus.AutomaticPublic:
            errors[f"{path}.status"] = _err("project.partner.contribution.partner.status.invalid")
        raw_amount = item.get("amount")
        amount = _decimal(raw_amount)
        if raw_amount is None:
            errors[f"{path}.amount"] = _err("project.partner.contribution.amount.is.mandatory")
        elif amount is None or not (0 <= amount <= MAX_AMOUNT):
            errors[f"{path}.amount"] = _err("project.partner.contribution.amount.invalid")
        cleaned.append({"name": name, "status": status, "amount": amount, "partner": is_partner})
    return cleaned


def _update(actor, partner_id, data: dict, kind: str) -> dict:
    _key, line_model, contribution_model = parts.KINDS[kind]
    with transaction.atomic():
        partner = _editable_partner(actor, partner_id)
        project = partner.project
        call = project.call
        spf = kind == "spf"
        if spf and call.type != CallType.SPF:
            raise ValidationFailed(key="project.partner.spf.cofinancing.call.not.spf", code="PP-CF-ERR")
        call_funds = {row.fund_id: row for row in CallFund.objects.filter(call=call)}
        errors: dict = {}
        finances = _clean_finances(list(data.get("finances") or []), call_funds, call.additional_fund_allowed,
                                   errors)
        single = not spf and ADD_ORIGIN_FIELD not in visible_fields(project)
        contributions = _clean_contributions(list(data.get("partnerContributions") or []), partner, spf, single,
                                             errors)
        if errors:
            raise ValidationFailed(key="project.partner.coFinancing.invalid", code="PP-CF-ERR", form_errors=errors)
        line_model.objects.filter(project_partner=partner).delete()
        contribution_model.objects.filter(project_partner=partner).delete()
        line_model.objects.bulk_create([
            line_model(project_partner=partner, fund_type=f["fundType"], fund_id=f["fundId"],
                       percentage=f["percentage"], order_nr=index + 1) for index, f in enumerate(finances)])
        contribution_model.objects.bulk_create([
            contribution_model(project_partner=partner, name=c["name"], status=c["status"], amount=c["amount"],
                               partner=c["partner"], order_nr=index + 1) for index, c in enumerate(contributions)])
    return parts.live(project.pk, kind, partner.pk).get(partner.pk) or parts.empty()


def update_cofinancing(*, actor, partner_id, data: dict) -> dict:
    """Replace the partner's co-financing (funds, partner-contribution line, contribution origins)."""
    return _update(actor, partner_id, data, "management")


def update_spf_cofinancing(*, actor, partner_id, data: dict) -> dict:
    """Replace the partner's SPF co-financing (SPF calls only; every contribution source is named)."""
    return _update(actor, partner_id, data, "spf")
