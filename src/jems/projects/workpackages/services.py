"""State changes of the C.4 work plan. Each function takes an explicit `actor`, loads the project through
projects.access (404 when not visible), requires form-edit rights (403 for viewers) and an editable status
(422), validates everything (422 with Jems field keys) and saves in one transaction. Data comes as dicts in
the form of `parts` (camelCase keys, translations {language: text}). Jems writes no audit entry for work-plan
edits, so neither do we (like the sibling section B/C apps)."""

from decimal import Decimal, InvalidOperation

from django.db import transaction

from jems.core.errors import ValidationFailed
from jems.priorities.models import OutputIndicator
from jems.programme.languages import input_languages
from jems.projects.models import ALREADY_CONTRACTED
from jems.projects.partners.models import ProjectPartner
from jems.projects.partners.services import (
    AddressData,
    _editable_project,
    _err,
    _nuts_errors,
    _too_long,
    _translations,
)
from jems.projects.schemas import periods

from . import parts
from .models import (
    MAX_ACTIVITIES,
    MAX_DELIVERABLES,
    MAX_INVESTMENTS,
    MAX_OUTPUTS,
    MAX_WORK_PACKAGES,
    Activity,
    Deliverable,
    Investment,
    Output,
    WorkPackage,
)
from .queries import investment_not_found, work_package_not_found

MAX_TARGET_VALUE = Decimal("99999999999.99")  # 13 digits, 2 of them decimals


def _id(value) -> int | None:
    try:
        value = int(value)
    except (TypeError, ValueError):
        return None
    return value if 0 < value < 2**63 else None


def _work_package(project, work_package_id) -> WorkPackage:
    pk = _id(work_package_id)
    row = WorkPackage.objects.select_for_update().filter(pk=pk, project=project).first() if pk else None
    if row is None:
        raise work_package_not_found()
    return row


def _contracted(project) -> bool:
    return project.status in ALREADY_CONTRACTED


def _texts(data: dict, spec: dict, prefix: str, languages, errors: dict) -> dict:
    """{model attribute: translations} of the text keys of `spec`; blank texts are dropped."""
    cleaned = {}
    for key, (attr, limit) in spec.items():
        value = {code: text for code, text in (data.get(key) or {}).items() if text and text.strip()}
        _translations(errors, f"{prefix}{key}", value, limit, languages)
        cleaned[attr] = value
    return cleaned


def _period(errors: dict, key: str, value, numbers: set[int]) -> int | None:
    """A period number of the project (1..n), or None; an error otherwise."""
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = None
    if number not in numbers:
        errors[key] = _err("project.workPackage.period.invalid", max=max(numbers, default=0))
        return None
    return number


def _period_numbers(project) -> set[int]:
    return {p["number"] for p in periods(project.call, project.duration)}


def _renumber(rows) -> list:
    changed = []
    for number, row in enumerate(rows, start=1):
        if row.number != number:
            row.number = number
            changed.append(row)
    return changed


def renumber_work_packages(project) -> None:
    """Jems' numbering: 1..n in the order of the current numbers."""
    WorkPackage.objects.bulk_update(
        _renumber(WorkPackage.objects.filter(project=project).order_by("number", "id")), ["number"])


def _limit_error(key: str, maximum: int) -> ValidationFailed:
    return ValidationFailed(key=key, code="PWP-ERR-MAX", args={"maxAmount": maximum})


# --- work packages --------------------------------------------------------------------------------------------


def _wp_texts(data: dict) -> dict:
    errors: dict = {}
    values = _texts(data, parts.WP_TEXTS, "", input_languages(), errors)
    if errors:
        raise ValidationFailed(form_errors=errors)
    return values


def create_work_package(*, actor, project_id, data: dict) -> WorkPackage:
    """Add a work package (at most 20) with its name, specific objective and communication objective."""
    with transaction.atomic():
        project = _editable_project(actor, project_id)
        count = WorkPackage.objects.filter(project=project).count()
        if count >= MAX_WORK_PACKAGES:
            raise _limit_error("project.workPackage.max.allowed.reached", MAX_WORK_PACKAGES)
        return WorkPackage.objects.create(project=project, number=count + 1, **_wp_texts(data))


def update_work_package(*, actor, project_id, work_package_id, data: dict) -> WorkPackage:
    """Save the objectives of a work package (its texts)."""
    with transaction.atomic():
        project = _editable_project(actor, project_id)
        row = _work_package(project, work_package_id)
        values = _wp_texts(data)
        for attr, value in values.items():
            setattr(row, attr, value)
        row.save(update_fields=list(values))
        return row


def delete_work_package(*, actor, project_id, work_package_id) -> None:
    """Delete a work package of a project not yet contracted; the others are renumbered without gaps."""
    with transaction.atomic():
        project = _editable_project(actor, project_id)
        row = _work_package(project, work_package_id)
        if _contracted(project):
            raise ValidationFailed(key="project.workPackage.delete.contracted", code="PWP-ERR-DELETE")
        row.delete()
        renumber_work_packages(project)


def deactivate_work_package(*, actor, project_id, work_package_id) -> WorkPackage:
    """Deactivate a work package of a contracted project (instead of deleting it)."""
    with transaction.atomic():
        project = _editable_project(actor, project_id)
        row = _work_package(project, work_package_id)
        if not _contracted(project):
            raise ValidationFailed(key="project.workPackage.deactivate.not.contracted", code="PWP-ERR-DEACTIVATE")
        if row.deactivated:
            raise ValidationFailed(key="project.workPackage.already.deactivated", code="PWP-ERR-DEACTIVATE")
        row.deactivated = True
        row.save(update_fields=["deactivated"])
        return row


# --- activities -----------------------------------------------------------------------------------------------


def _clean_activities(project, activities: list[dict], numbers, languages, errors) -> list[dict]:
    partner_ids = set(ProjectPartner.objects.filter(project=project).values_list("pk", flat=True))
    contracted = _contracted(project)
    cleaned = []
    for index, entry in enumerate(activities):
        prefix = f"activities[{index}]."
        item = {"id": _id(entry.get("id")), "deactivated": contracted and bool(entry.get("deactivated")),
                **_texts(entry, parts.ACTIVITY_TEXTS, prefix, languages, errors)}
        item["start_period"] = _period(errors, prefix + "startPeriod", entry.get("startPeriod"), numbers)
        item["end_period"] = _period(errors, prefix + "endPeriod", entry.get("endPeriod"), numbers)
        if item["start_period"] and item["end_period"] and item["start_period"] > item["end_period"]:
            errors[prefix + "endPeriod"] = _err("project.workPackage.activity.end.before.start")
        chosen = {_id(p) for p in entry.get("partnerIds") or []}
        if chosen - partner_ids:
            errors[prefix + "partnerIds"] = _err("project.workPackage.activity.partner.not.of.project")
        item["partners"] = sorted(chosen & partner_ids)
        deliverables = list(entry.get("deliverables") or [])
        if len(deliverables) > MAX_DELIVERABLES:
            errors[prefix + "deliverables"] = _err("project.workPackage.deliverable.max.allowed.reached",
                                                   maxAmount=MAX_DELIVERABLES)
            deliverables = []
        item["deliverables"] = []
        for d_index, d in enumerate(deliverables):
            d_prefix = f"{prefix}deliverables[{d_index}]."
            item["deliverables"].append({
                "id": _id(d.get("deliverableId")), "deactivated": contracted and bool(d.get("deactivated")),
                **_texts(d, parts.DELIVERABLE_TEXTS, d_prefix, languages, errors),
                "period": _period(errors, d_prefix + "period", d.get("period"), numbers)})
        cleaned.append(item)
    return cleaned


def _check_kept(existing_ids: set, kept_ids: set, contracted: bool, key: str) -> None:
    if contracted and existing_ids - kept_ids:
        raise ValidationFailed(key=key, code="PWP-ERR-DELETE")


def update_activities(*, actor, project_id, work_package_id, activities: list[dict]) -> None:
    """Replace the activities of a work package (at most 20, each with at most 20 deliverables). Rows keep
    their ids when sent back with them; numbers follow the order. Periods must be periods of the project and
    the partners involved partners of the project. After contracting, rows can be deactivated, not removed."""
    with transaction.atomic():
        project = _editable_project(actor, project_id)
        row = _work_package(project, work_package_id)
        activities = list(activities or [])
        if len(activities) > MAX_ACTIVITIES:
            raise _limit_error("project.workPackage.activity.max.allowed.reached", MAX_ACTIVITIES)
        errors: dict = {}
        cleaned = _clean_activities(project, activities, _period_numbers(project), input_languages(), errors)
        if errors:
            raise ValidationFailed(form_errors=errors)
        existing = {a.pk: a for a in Activity.objects.filter(work_package=row)}
        existing_deliverables = {d.pk: d for d in Deliverable.objects.filter(activity__work_package=row)}
        kept = {a["id"] for a in cleaned if a["id"] in existing}
        kept_deliverables = {d["id"] for a in cleaned if a["id"] in existing for d in a["deliverables"]
                             if d["id"] in existing_deliverables
                             and existing_deliverables[d["id"]].activity_id == a["id"]}
        contracted = _contracted(project)
        _check_kept(set(existing), kept, contracted, "project.workPackage.activity.delete.contracted")
        _check_kept(set(existing_deliverables), kept_deliverables, contracted,
                    "project.workPackage.deliverable.delete.contracted")
        Deliverable.objects.filter(activity__work_package=row).exclude(pk__in=kept_deliverables).delete()
        Activity.objects.filter(work_package=row).exclude(pk__in=kept).delete()
        for number, item in enumerate(cleaned, start=1):
            _save_activity(row, existing.get(item["id"]), number, item, existing_deliverables, kept_deliverables)


def _save_activity(row, activity, number, item, existing_deliverables, kept_deliverables) -> None:
    activity = activity or Activity(work_package=row)
    activity.number = number
    for attr in ("title", "description", "start_period", "end_period", "deactivated"):
        setattr(activity, attr, item[attr])
    activity.save()
    activity.partners.set(item["partners"])
    new, changed = [], []
    for d_number, d in enumerate(item["deliverables"], start=1):
        target = existing_deliverables[d["id"]] if d["id"] in kept_deliverables else Deliverable(activity=activity)
        target.number = d_number
        for attr in ("title", "description", "period", "deactivated"):
            setattr(target, attr, d[attr])
        (changed if target.pk else new).append(target)
    Deliverable.objects.bulk_create(new)
    Deliverable.objects.bulk_update(changed, ["number", "title", "description", "period", "deactivated"])


# --- outputs --------------------------------------------------------------------------------------------------


def _target_value(errors: dict, key: str, value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        errors[key] = _err("common.error.field.invalid.value")
        return None
    if not number.is_finite() or number < 0 or number > MAX_TARGET_VALUE:
        errors[key] = _err("project.workPackage.output.target.value.range", max=MAX_TARGET_VALUE)
    elif number.as_tuple().exponent < -2 and number != number.quantize(Decimal("0.01")):
        errors[key] = _err("project.workPackage.output.target.value.decimals")
    else:
        return number.quantize(Decimal("0.01"))
    return None


def update_outputs(*, actor, project_id, work_package_id, outputs: list[dict]) -> None:
    """Replace the outputs of a work package (at most 10): programme output indicator (must exist), target
    value (a Decimal ≥ 0 with at most 2 decimals), delivery period (a period of the project), texts."""
    with transaction.atomic():
        project = _editable_project(actor, project_id)
        row = _work_package(project, work_package_id)
        outputs = list(outputs or [])
        if len(outputs) > MAX_OUTPUTS:
            raise _limit_error("project.workPackage.output.max.allowed.reached", MAX_OUTPUTS)
        numbers, languages = _period_numbers(project), input_languages()
        wanted = {_id(o.get("programmeOutputIndicatorId")) for o in outputs} - {None}
        indicators = set(OutputIndicator.objects.filter(pk__in=wanted).values_list("pk", flat=True))
        errors: dict = {}
        rows = []
        for index, entry in enumerate(outputs):
            prefix = f"outputs[{index}]."
            indicator = entry.get("programmeOutputIndicatorId")
            if indicator not in (None, "") and _id(indicator) not in indicators:
                errors[prefix + "programmeOutputIndicatorId"] = _err("project.workPackage.output.indicator.invalid")
            rows.append(Output(
                work_package=row, number=index + 1,
                programme_output_indicator_id=_id(indicator) if _id(indicator) in indicators else None,
                target_value=_target_value(errors, prefix + "targetValue", entry.get("targetValue")),
                period_number=_period(errors, prefix + "periodNumber", entry.get("periodNumber"), numbers),
                deactivated=_contracted(project) and bool(entry.get("deactivated")),
                **_texts(entry, parts.OUTPUT_TEXTS, prefix, languages, errors)))
        if errors:
            raise ValidationFailed(form_errors=errors)
        if _contracted(project) and len(rows) < row.outputs.count():
            raise ValidationFailed(key="project.workPackage.output.delete.contracted", code="PWP-ERR-DELETE")
        row.outputs.all().delete()
        Output.objects.bulk_create(rows)


# --- investments ----------------------------------------------------------------------------------------------


def _investment_values(project, data: dict) -> dict:
    errors: dict = {}
    values = _texts(data, parts.INVESTMENT_TEXTS, "", input_languages(), errors)
    values["expected_delivery_period"] = _period(errors, "expectedDeliveryPeriod",
                                                 data.get("expectedDeliveryPeriod"), _period_numbers(project))
    address = data.get("address") or {}
    for key, (attr, limit) in parts.ADDRESS.items():
        value = (address.get(key) or "").strip()
        if len(value) > limit:
            errors[f"address.{key}"] = _too_long(value, limit)
        values[attr] = value
    nuts = _nuts_errors([AddressData(type="", country_code=values["country_code"],
                                     nuts_region2_code=values["nuts_region2_code"],
                                     nuts_region3_code=values["nuts_region3_code"])])
    names = {"countryCode": "countryCode", "nutsRegion2Code": "region2Code", "nutsRegion3Code": "region3Code"}
    for key, value in nuts.items():
        errors["address." + names[key.rsplit(".", 1)[1]]] = value
    if errors:
        raise ValidationFailed(form_errors=errors)
    return values


def _investment(row: WorkPackage, investment_id) -> Investment:
    pk = _id(investment_id)
    found = Investment.objects.select_for_update().filter(pk=pk, work_package=row).first() if pk else None
    if found is None:
        raise investment_not_found()
    return found


def add_investment(*, actor, project_id, work_package_id, data: dict) -> Investment:
    """Add an investment (at most 20 per work package): texts, expected delivery period, address with NUTS."""
    with transaction.atomic():
        project = _editable_project(actor, project_id)
        row = _work_package(project, work_package_id)
        count = row.investments.count()
        if count >= MAX_INVESTMENTS:
            raise _limit_error("project.workPackage.investment.max.allowed.reached", MAX_INVESTMENTS)
        return Investment.objects.create(work_package=row, number=count + 1, **_investment_values(project, data))


def update_investment(*, actor, project_id, work_package_id, investment_id, data: dict) -> Investment:
    """Save an investment; after contracting it may also be deactivated (`deactivated`)."""
    with transaction.atomic():
        project = _editable_project(actor, project_id)
        row = _work_package(project, work_package_id)
        found = _investment(row, investment_id)
        for attr, value in _investment_values(project, data).items():
            setattr(found, attr, value)
        if _contracted(project) and data.get("deactivated"):
            found.deactivated = True
        found.save()
        return found


def delete_investment(*, actor, project_id, work_package_id, investment_id) -> None:
    """Delete an investment of a project not yet contracted; the others are renumbered without gaps."""
    with transaction.atomic():
        project = _editable_project(actor, project_id)
        row = _work_package(project, work_package_id)
        found = _investment(row, investment_id)
        if _contracted(project):
            raise ValidationFailed(key="project.workPackage.investment.delete.contracted", code="PWP-ERR-DELETE")
        found.delete()
        Investment.objects.bulk_update(_renumber(row.investments.order_by("number", "id")), ["number"])
