"""Updates of section E: the project lump sums (E.1) and the project-proposed unit costs (E.2.1).

Each function takes an explicit `actor`, loads the project through projects.access (404 when it is not visible),
requires form-edit rights (403 for viewers) and an editable status (422), validates everything before writing
(422 with field errors, nothing stored on refusal) and saves in one transaction. Jems writes no audit entry for
these application-form edits, so neither do we."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from math import ceil

from django.db import transaction
from django.db.models import ProtectedError

from jems.core.errors import NotFound, ValidationFailed, i18n
from jems.cost_options.models import ProgrammeUnitCost
from jems.cost_options.services import _fill_unit_cost
from jems.finance import lumpsums as finance
from jems.projects.models import ALREADY_CONTRACTED
from jems.projects.partners.models import ProjectPartner
from jems.projects.partners.services import _editable_project

from . import parts
from .models import MAX_PROJECT_LUMP_SUMS, ProjectLumpSum, ProjectPartnerLumpSum

MAX_PROJECT_UNIT_COSTS = 10  # features §4.10
MAX_AMOUNT = Decimal("999999999.99")  # finance-rules §0


@dataclass(frozen=True)
class ShareData:
    """A partner's share of one lump sum as entered (amount still unparsed)."""

    partner_id: int | None
    amount: object


@dataclass(frozen=True)
class LumpSumData:
    """One E.1 row as entered: the programme lump sum, the period and the partner shares."""

    programme_lump_sum_id: int | None
    period: int | None
    shares: tuple[ShareData, ...] = ()


def period_count(project, snapshot: dict | None = None) -> int:
    """n = ceil(duration / call period length) (finance-rules §1.5), with the duration of the live form or of a
    version snapshot; 0 while the duration is not set."""
    duration = snapshot.get("duration") if snapshot is not None else project.duration
    length = project.call.length_of_period or 0
    if not duration or not length:
        return 0
    return ceil(duration / length)


def allowed_periods(project) -> list[int]:
    """The periods a lump sum may be paid in: preparation (0), 1..n and closure (255) (finance-rules §3)."""
    return finance.valid_periods(period_count(project))


def _amount(value) -> tuple[Decimal | None, dict | None]:
    """A share amount: a number 0 … 999 999 999.99 with at most two decimals."""
    if value is None or value == "":
        return Decimal("0.00"), None
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, TypeError, ValueError):
        return None, i18n("project.lumpSum.amount.invalid")
    if not number.is_finite():
        return None, i18n("project.lumpSum.amount.invalid")
    if number < 0 or number > MAX_AMOUNT:
        return None, i18n("project.lumpSum.amount.out.of.range", {"max": f"{MAX_AMOUNT:,}"})
    if number != number.quantize(Decimal("0.01")):
        return None, i18n("project.lumpSum.amount.decimals", {"max": 2})
    return number.quantize(Decimal("0.01")), None


def _shares(prefix: str, row: LumpSumData, partners: set[int], errors: dict) -> dict[int, Decimal]:
    """Partner id → amount of one row; unknown or repeated partners and bad amounts become field errors."""
    shares: dict[int, Decimal] = {}
    for position, share in enumerate(row.shares):
        field = f"{prefix}.lumpSumContributions[{position}]"
        if share.partner_id not in partners:
            errors[f"{field}.partnerId"] = i18n("project.lumpSum.partner.not.of.project")
        elif share.partner_id in shares:
            errors[f"{field}.partnerId"] = i18n("project.lumpSum.partner.duplicate")
        else:
            amount, error = _amount(share.amount)
            if error:
                errors[f"{field}.amount"] = error
            else:
                shares[share.partner_id] = amount
    return shares


# finance.lump_sum_errors codes → (field of the row, i18n key)
RULE_ERRORS = {"splitting.not.allowed": ("lumpSumContributions", "project.lumpSum.splitting.not.allowed"),
               "period.invalid": ("period", "project.lumpSum.period.invalid")}


def _validate(project, rows: list[LumpSumData]) -> list[finance.LumpSum]:
    """The rows as finance lump sums, or ValidationFailed with every field error (finance-rules §3)."""
    offered = {item.pk: item for item in project.call.lump_sums.all()}
    partners = set(ProjectPartner.objects.filter(project=project).values_list("pk", flat=True))
    errors: dict = {}
    lump_sums = []
    for index, row in enumerate(rows):
        prefix = f"lumpSums[{index}]"
        programme = offered.get(row.programme_lump_sum_id)
        if programme is None:
            errors[f"{prefix}.programmeLumpSumId"] = i18n("project.lumpSum.not.offered.by.call")
        lump_sums.append(finance.LumpSum(
            period=row.period, shares=_shares(prefix, row, partners, errors),
            cost=programme.cost if programme else Decimal(0),
            splitting_allowed=programme.splitting_allowed if programme else True,
            fast_track=programme.fast_track if programme else False))
    for index, code in finance.lump_sum_errors(lump_sums, period_count(project)):
        if index is None:
            raise ValidationFailed(key="project.lumpSum.max.allowed.reached", code="PLS-ERR-MAX",
                                   args={"max": MAX_PROJECT_LUMP_SUMS},
                                   form_errors={"lumpSums": i18n("project.lumpSum.max.allowed.reached",
                                                                 {"max": MAX_PROJECT_LUMP_SUMS})})
        field, key = RULE_ERRORS[code]
        errors.setdefault(f"lumpSums[{index}].{field}", i18n(key))
    if errors:
        raise ValidationFailed(form_errors=errors)
    return lump_sums


def update_lump_sums(*, actor, project_id, rows: list[LumpSumData]) -> list[dict]:
    """Replace the project's E.1 lump sums (at most 50, numbered 1..n in the given order). Each row needs a
    programme lump sum the call offers, a period 0 / 1..n / 255 or none, and shares of partners of the project
    (0 … 999 999 999.99, two decimals, one per partner); a lump sum whose programme setting forbids splitting
    may have only one partner with an amount above 0. A lump sum whose shares do not add up to its cost may be
    saved: the E.1 page and the pre-submission check report it (`queries.lump_sum_issues`)."""
    with transaction.atomic():
        project = _editable_project(actor, project_id)
        rows = list(rows)
        lump_sums = _validate(project, rows)
        ProjectLumpSum.objects.filter(project=project).delete()
        created = ProjectLumpSum.objects.bulk_create([
            ProjectLumpSum(project=project, programme_lump_sum_id=row.programme_lump_sum_id, order_nr=number,
                           period_number=row.period)
            for number, row in enumerate(rows, start=1)])
        ProjectPartnerLumpSum.objects.bulk_create([
            ProjectPartnerLumpSum(project_lump_sum=row, partner_id=partner_id, amount=amount)
            for row, lump_sum in zip(created, lump_sums, strict=True)
            for partner_id, amount in lump_sum.shares.items()])
    return parts.live_lump_sums(project)


# --- E.2.1 project-proposed unit costs ----------------------------------------------------------------------


def _unit_cost_project(actor, project_id):
    """The project locked for update when it may propose unit costs now: form editable, call allows them and
    the project was never contracted (proposed unit costs are locked after contracting)."""
    project = _editable_project(actor, project_id)
    if not project.call.project_defined_unit_cost_allowed:
        raise ValidationFailed(key="project.costOption.unitCost.not.allowed", code="PCO-ERR-CALL")
    if project.status in ALREADY_CONTRACTED:
        raise ValidationFailed(key="project.costOption.unitCost.locked.after.contracting", code="PCO-ERR-LOCKED")
    return project


def unit_cost_not_found(unit_cost_id) -> NotFound:
    return NotFound(key="project.costOption.unitCost.not.found", code="PCO-ERR", args={"id": unit_cost_id})


def _proposed(project, unit_cost_id) -> ProgrammeUnitCost:
    try:
        unit_cost_id = int(unit_cost_id)
    except (TypeError, ValueError):
        raise unit_cost_not_found(unit_cost_id) from None
    unit_cost = None
    if 0 < unit_cost_id < 2**63:
        unit_cost = ProgrammeUnitCost.objects.select_for_update().filter(pk=unit_cost_id, project=project).first()
    if unit_cost is None:
        raise unit_cost_not_found(unit_cost_id)
    return unit_cost


def _fill(unit_cost: ProgrammeUnitCost, values: dict) -> ProgrammeUnitCost:
    """The programme unit-cost rules (same fields and limits), marked as proposed by the project."""
    values = {**values, "project_defined": True}
    return _fill_unit_cost(unit_cost, **values)


UNIT_COST_FIELDS = ("name", "description", "type", "justification", "cost_per_unit", "cost_per_unit_foreign_currency",
                    "foreign_currency_code", "one_cost_category", "categories", "payment_claim")


def create_unit_cost(*, actor, project_id, values: dict) -> ProgrammeUnitCost:
    """Propose a unit cost for the project (at most 10; only when the call allows project-defined unit costs).
    `values` holds the programme unit-cost fields (UNIT_COST_FIELDS)."""
    with transaction.atomic():
        project = _unit_cost_project(actor, project_id)
        if ProgrammeUnitCost.objects.filter(project=project).count() >= MAX_PROJECT_UNIT_COSTS:
            raise ValidationFailed(key="project.costOption.unitCost.max.allowed.reached", code="PCO-ERR-MAX",
                                   args={"max": MAX_PROJECT_UNIT_COSTS})
        unit_cost = _fill(ProgrammeUnitCost(project=project), values)
        unit_cost.save()
    return unit_cost


def update_unit_cost(*, actor, project_id, unit_cost_id, values: dict) -> ProgrammeUnitCost:
    """Change a unit cost the project proposed (404 for any other unit cost)."""
    with transaction.atomic():
        project = _unit_cost_project(actor, project_id)
        unit_cost = _fill(_proposed(project, unit_cost_id), values)
        unit_cost.save()
    return unit_cost


def delete_unit_cost(*, actor, project_id, unit_cost_id) -> None:
    """Withdraw a unit cost the project proposed; refused while a partner budget uses it."""
    with transaction.atomic():
        project = _unit_cost_project(actor, project_id)
        unit_cost = _proposed(project, unit_cost_id)
        try:
            with transaction.atomic():
                unit_cost.delete()
        except ProtectedError:
            raise ValidationFailed(key="project.costOption.unitCost.in.use", code="PCO-ERR-USED") from None
