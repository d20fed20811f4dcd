"""The write layer of priorities and indicators.

Every function takes keyword-only arguments and an explicit `actor`, checks ProgrammeSetupUpdate, validates
(422 with field errors), honours the setup lock (after a call is published: no deletions, no removal of a
specific objective from its priority, no change of a priority's objective) and writes the audit row in the
same transaction.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.audit.actions import AuditAction
from jems.audit.services import diff_description, record
from jems.core.errors import NotFound, ValidationFailed, i18n
from jems.core.translatable import translation_errors
from jems.programme.lock import refuse_if_locked

from .codes import (
    DIMENSION_MAX,
    MAX_CODES_PER_DIMENSION,
    ProgrammeObjective,
    ProgrammeObjectiveDimension,
    ProgrammeObjectivePolicy,
    objective_of,
    official_code,
)
from .models import OutputIndicator, ProgrammePriority, ProgrammeSpecificObjective, ResultIndicator
from .validation import MAX_TARGET, decimal_error, text_error, two_places

MAX_OUTPUT_INDICATORS = 250
MAX_RESULT_INDICATORS = 50
PRIORITY_CODE_MAX = 50
PRIORITY_TITLE_MAX = 300
SPECIFIC_OBJECTIVE_CODE_MAX = 50
LOCATION_CODE_MAX = 255


def _value(item) -> str:
    return str(getattr(item, "value", item))


def _first_text(stored: Mapping[str, str] | None) -> str:
    stored = stored or {}
    return stored.get("EN") or next(iter(stored.values()), "")


# --- priorities --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpecificObjectiveInput:
    """A specific objective as a priority form or request sends it."""

    programme_objective_policy: str
    code: str
    dimension_codes: Mapping[str, Iterable[str]] = field(default_factory=dict)


def _clean_dimension_codes(raw: Mapping | None) -> dict[str, list[str]]:
    """Dimension keys in enum order, codes trimmed, duplicates and empty entries dropped."""
    raw = {_value(dimension): codes for dimension, codes in (raw or {}).items()}
    cleaned = {}
    for dimension in ProgrammeObjectiveDimension.values:
        codes = []
        for code in raw.get(dimension) or ():
            code = str(code).strip()
            if code and code not in codes:
                codes.append(code)
        if codes:
            cleaned[dimension] = codes
    return cleaned


def _dimension_errors(path: str, dimension_codes: dict[str, list[str]], raw_keys: Iterable[str]) -> dict:
    errors = {}
    for key in raw_keys:
        if key not in ProgrammeObjectiveDimension.values:
            errors[f"{path}.dimensionCodes"] = i18n("programme.priority.dimension.invalid", {"dimension": key})
    for dimension, codes in dimension_codes.items():
        where = f"{path}.dimensionCodes.{dimension}"
        if len(codes) > MAX_CODES_PER_DIMENSION:
            errors[where] = i18n("programme.priority.dimension.codes.too.many", {"max": MAX_CODES_PER_DIMENSION})
            continue
        top = DIMENSION_MAX[dimension]
        for code in codes:
            if top is None:
                bad = len(code) > LOCATION_CODE_MAX
            else:
                bad = not (code.isascii() and code.isdigit() and 1 <= int(code) <= top)
            if bad:
                errors[where] = i18n("programme.priority.dimension.code.invalid",
                                     {"code": code[:20], "max": f"{top:03d}" if top else ""})
                break
    return errors


def _priority_errors(*, code: str, title: Mapping, objective: str, objectives: list[SpecificObjectiveInput],
                     priority: ProgrammePriority | None) -> tuple[dict, list[tuple[str, str, dict]]]:
    """Field errors of a priority, and the cleaned specific objectives (policy, code, dimension codes)."""
    errors = {}
    code_error = text_error(code, PRIORITY_CODE_MAX, required=True)
    if code_error:
        errors["code"] = code_error
    elif ProgrammePriority.objects.filter(code=code).exclude(pk=getattr(priority, "pk", None)).exists():
        errors["code"] = i18n("programme.priority.code.already.in.use", {"code": code})
    errors.update(translation_errors("title", title, PRIORITY_TITLE_MAX))
    if objective not in ProgrammeObjective.values:
        errors["objective"] = i18n("common.error.field.required")
    if not objectives:
        errors["specificObjectives"] = i18n("programme.priority.specificObjectives.empty")
    others = {so.programme_objective_policy: so for so in ProgrammeSpecificObjective.objects.select_related("priority")
              .exclude(priority_id=getattr(priority, "pk", None))}
    other_codes = {so.code: so for so in others.values()}
    cleaned, seen_policies, seen_codes = [], set(), set()
    for item in objectives:
        policy = _value(item.programme_objective_policy)
        path = f"specificObjectives.{policy}"
        so_code = (item.code or "").strip()
        if policy not in ProgrammeObjectivePolicy.values:
            errors["specificObjectives"] = i18n("programme.priority.specificObjective.invalid", {"policy": policy})
            continue
        if policy in seen_policies:
            errors[path] = i18n("programme.priority.specificObjective.duplicate", {"policy": official_code(policy)})
            continue
        seen_policies.add(policy)
        if objective in ProgrammeObjective.values and objective_of(policy) != objective:
            errors[path] = i18n("programme.priority.specificObjective.wrong.objective",
                                {"policy": official_code(policy), "objective": objective})
        elif policy in others:
            errors[path] = i18n("programme.priority.specificObjective.already.in.use",
                                {"policy": official_code(policy), "priority": others[policy].priority.code})
        code_error = text_error(so_code, SPECIFIC_OBJECTIVE_CODE_MAX, required=True)
        if code_error:
            errors[f"{path}.code"] = code_error
        elif so_code in seen_codes or so_code in other_codes:
            errors[f"{path}.code"] = i18n("programme.priority.specificObjective.code.already.in.use",
                                          {"code": so_code})
        seen_codes.add(so_code)
        raw_keys = [_value(k) for k in (item.dimension_codes or {})]
        dimension_codes = _clean_dimension_codes(item.dimension_codes)
        errors.update(_dimension_errors(path, dimension_codes, raw_keys))
        cleaned.append((policy, so_code, dimension_codes))
    return errors, cleaned


def _priority_snapshot(priority: ProgrammePriority, objectives) -> dict:
    return {
        "code": priority.code,
        "title": _first_text(priority.title),
        "objective": priority.objective,
        "specific objectives": ", ".join(
            f"{official_code(policy)} ({code})" for policy, code, _dims in objectives) or "-",
        "dimension codes": "; ".join(
            f"{official_code(policy)}: " + ", ".join(f"{dim} {'/'.join(codes)}" for dim, codes in dims.items())
            for policy, _code, dims in objectives if dims) or "-",
    }


def _stored_objectives(priority: ProgrammePriority) -> list[tuple[str, str, dict]]:
    return [(so.programme_objective_policy, so.code, so.dimension_codes)
            for so in priority.specific_objectives.all()]


def _ordered(objectives):
    order = {policy: i for i, policy in enumerate(ProgrammeObjectivePolicy.values)}
    return sorted(objectives, key=lambda item: order[item[0]])


def _used_by_indicators(policies: Iterable[str]) -> set[str]:
    policies = list(policies)
    used = set(OutputIndicator.objects.filter(specific_objective__programme_objective_policy__in=policies)
               .values_list("specific_objective__programme_objective_policy", flat=True))
    used |= set(ResultIndicator.objects.filter(specific_objective__programme_objective_policy__in=policies)
                .values_list("specific_objective__programme_objective_policy", flat=True))
    return used


def create_priority(*, actor, code: str, title: Mapping[str, str], objective: str,
                    specific_objectives: list[SpecificObjectiveInput]) -> ProgrammePriority:
    """Add a priority with its specific objectives (allowed also when the setup is locked)."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    code = (code or "").strip()
    objective = _value(objective)
    with transaction.atomic():
        errors, objectives = _priority_errors(code=code, title=title, objective=objective,
                                              objectives=list(specific_objectives), priority=None)
        if errors:
            raise ValidationFailed(form_errors=errors)
        objectives = _ordered(objectives)
        priority = ProgrammePriority.objects.create(code=code, title=dict(title), objective=objective)
        ProgrammeSpecificObjective.objects.bulk_create([
            ProgrammeSpecificObjective(priority=priority, programme_objective_policy=policy, code=so_code,
                                       dimension_codes=dims)
            for policy, so_code, dims in objectives
        ])
        snapshot = _priority_snapshot(priority, objectives)
        record(AuditAction.PROGRAMME_PRIORITY_ADDED, actor=actor, entity_related_id=priority.pk,
               description=f"New programme priority '{code}' was created:\n"
                           + "\n".join(f"{k}: {v}" for k, v in snapshot.items()))
    return priority


def update_priority(*, actor, priority_id: int, code: str, title: Mapping[str, str], objective: str,
                    specific_objectives: list[SpecificObjectiveInput]) -> ProgrammePriority:
    """Change a priority. Once the setup is locked its objective stays and none of its specific objectives
    may be removed; new ones may be added."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    code = (code or "").strip()
    objective = _value(objective)
    with transaction.atomic():
        priority = ProgrammePriority.objects.select_for_update().filter(pk=priority_id).first()
        if priority is None:
            raise NotFound(key="programme.priority.not.found", args={"id": priority_id})
        before_objectives = _stored_objectives(priority)
        before = _priority_snapshot(priority, before_objectives)
        kept = {_value(item.programme_objective_policy) for item in specific_objectives}
        removed = [policy for policy, _code, _dims in before_objectives if policy not in kept]
        if objective != priority.objective:
            refuse_if_locked(_("Changing the policy objective of a priority"), field="objective")
        if removed:
            refuse_if_locked(_("Removing a specific objective from a priority"), field="specificObjectives")
            used = _used_by_indicators(removed)
            if used:
                raise ValidationFailed(
                    key="programme.priority.specificObjective.used.by.indicator",
                    args={"policies": ", ".join(official_code(p) for p in _ordered_policies(used))},
                    form_errors={"specificObjectives": i18n(
                        "programme.priority.specificObjective.used.by.indicator",
                        {"policies": ", ".join(official_code(p) for p in _ordered_policies(used))})},
                )
        errors, objectives = _priority_errors(code=code, title=title, objective=objective,
                                              objectives=list(specific_objectives), priority=priority)
        if errors:
            raise ValidationFailed(form_errors=errors)
        objectives = _ordered(objectives)
        priority.code, priority.title, priority.objective = code, dict(title), objective
        priority.save()
        existing = {so.programme_objective_policy: so for so in priority.specific_objectives.all()}
        ProgrammeSpecificObjective.objects.filter(priority=priority, programme_objective_policy__in=removed).delete()
        # Codes are unique: free the codes of the kept rows first, so that two objectives may swap codes.
        changed = [existing[p] for p, c, _d in objectives if p in existing and existing[p].code != c]
        for so in changed:
            so.code = f"~{so.pk}~"
        ProgrammeSpecificObjective.objects.bulk_update(changed, ["code"])
        new_rows, updated_rows = [], []
        for policy, so_code, dims in objectives:
            so = existing.get(policy)
            if so is None:
                new_rows.append(ProgrammeSpecificObjective(priority=priority, programme_objective_policy=policy,
                                                           code=so_code, dimension_codes=dims))
            else:
                so.code, so.dimension_codes = so_code, dims
                updated_rows.append(so)
        ProgrammeSpecificObjective.objects.bulk_update(updated_rows, ["code", "dimension_codes"])
        ProgrammeSpecificObjective.objects.bulk_create(new_rows)
        changes = diff_description(before, _priority_snapshot(priority, objectives))
        record(AuditAction.PROGRAMME_PRIORITY_UPDATED, actor=actor, entity_related_id=priority.pk,
               description=f"Programme priority '{code}' was changed:\n{changes or '(no change)'}")
    return priority


def _ordered_policies(policies: Iterable[str]) -> list[str]:
    return [p for p in ProgrammeObjectivePolicy.values if p in set(policies)]


def delete_priority(*, actor, priority_id: int) -> None:
    """Remove a priority with its specific objectives: refused once the setup is locked, and while
    indicators refer to one of its specific objectives."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        priority = ProgrammePriority.objects.select_for_update().filter(pk=priority_id).first()
        if priority is None:
            raise NotFound(key="programme.priority.not.found", args={"id": priority_id})
        refuse_if_locked(_("Deleting a priority"))
        policies = [so.programme_objective_policy for so in priority.specific_objectives.all()]
        used = _used_by_indicators(policies)
        if used:
            raise ValidationFailed(key="programme.priority.used.by.indicator",
                                   args={"policies": ", ".join(official_code(p) for p in _ordered_policies(used))})
        code = priority.code
        priority.delete()
        record(AuditAction.PROGRAMME_PRIORITY_DELETED, actor=actor, entity_related_id=priority_id,
               description=f"Programme priority '{code}' was deleted")


# --- indicators ----------------------------------------------------------------------------------------

IDENTIFIER_MAX = 10
CODE_MAX = 6
NAME_MAX = 255
UNIT_MAX = 255
REFERENCE_YEAR_MAX = 10
SOURCE_MAX = 1000
COMMENT_MAX = 1000


def _specific_objective(policy, errors: dict) -> ProgrammeSpecificObjective | None:
    if policy is None or _value(policy) == "":
        errors["programmeObjectivePolicy"] = i18n("common.error.field.required")
        return None
    policy = _value(policy)
    so = ProgrammeSpecificObjective.objects.select_related("priority").filter(
        programme_objective_policy=policy).first()
    if so is None:
        errors["programmeObjectivePolicy"] = i18n("programme.indicator.specificObjective.not.set.up",
                                                  {"policy": policy})
    return so


def _common_indicator_errors(model, *, identifier: str, code: str | None, name: Mapping, measurement_unit: Mapping,
                             final_target, indicator_id: int | None) -> dict:
    errors = {}
    error = text_error(identifier, IDENTIFIER_MAX, required=True)
    if error:
        errors["identifier"] = error
    elif model.objects.filter(identifier=identifier).exclude(pk=indicator_id).exists():
        errors["identifier"] = i18n("programme.indicator.identifier.already.in.use", {"identifier": identifier})
    error = text_error(code, CODE_MAX)
    if error:
        errors["code"] = error
    errors.update(translation_errors("name", name, NAME_MAX))
    errors.update(translation_errors("measurementUnit", measurement_unit, UNIT_MAX))
    error = decimal_error(final_target, minimum=Decimal(0), maximum=MAX_TARGET)
    if error:
        errors["finalTarget"] = error
    return errors


def _indicator_snapshot(indicator) -> dict:
    so = indicator.specific_objective
    data = {
        "identifier": indicator.identifier,
        "code": indicator.code,
        "name": _first_text(indicator.name),
        "measurement unit": _first_text(indicator.measurement_unit),
        "specific objective": official_code(so.programme_objective_policy) if so else None,
        "final target": indicator.final_target,
    }
    if isinstance(indicator, OutputIndicator):
        data["milestone"] = indicator.milestone
        data["result indicator"] = indicator.result_indicator.identifier if indicator.result_indicator else None
    else:
        data.update({"baseline": indicator.baseline, "reference year": indicator.reference_year,
                     "source of data": _first_text(indicator.source_of_data),
                     "comment": _first_text(indicator.comment)})
    return data


def _refuse_when_full(model, maximum: int, key: str) -> None:
    if model.objects.count() >= maximum:
        raise ValidationFailed(key=key, args={"max": maximum})


def _save_output_indicator(indicator: OutputIndicator | None, *, identifier, code, name, measurement_unit,
                           programme_objective_policy, milestone, final_target, result_indicator_id):
    identifier = (identifier or "").strip()
    code = (code or "").strip() or None
    name, measurement_unit = dict(name or {}), dict(measurement_unit or {})
    errors = _common_indicator_errors(OutputIndicator, identifier=identifier, code=code, name=name,
                                      measurement_unit=measurement_unit, final_target=final_target,
                                      indicator_id=getattr(indicator, "pk", None))
    so = _specific_objective(programme_objective_policy, errors)
    error = decimal_error(milestone, minimum=Decimal(0), maximum=MAX_TARGET)
    if error:
        errors["milestone"] = error
    result = None
    if result_indicator_id is not None:
        result = ResultIndicator.objects.filter(pk=result_indicator_id).first()
        if result is None:
            errors["resultIndicatorId"] = i18n("programme.indicator.result.not.found", {"id": result_indicator_id})
    if errors:
        raise ValidationFailed(form_errors=errors)
    indicator = indicator or OutputIndicator()
    indicator.identifier, indicator.code, indicator.name = identifier, code, name
    indicator.measurement_unit, indicator.specific_objective = measurement_unit, so
    indicator.milestone, indicator.final_target = two_places(milestone), two_places(final_target)
    indicator.result_indicator = result
    indicator.save()
    return indicator


def create_output_indicator(*, actor, identifier: str, code: str | None, name: Mapping[str, str],
                            measurement_unit: Mapping[str, str], programme_objective_policy: str | None,
                            milestone=None, final_target=None, result_indicator_id: int | None = None
                            ) -> OutputIndicator:
    """Add an output indicator (at most 250) for a specific objective that is set up in a priority."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        _refuse_when_full(OutputIndicator, MAX_OUTPUT_INDICATORS, "programme.indicator.output.max.reached")
        indicator = _save_output_indicator(
            None, identifier=identifier, code=code, name=name, measurement_unit=measurement_unit,
            programme_objective_policy=programme_objective_policy, milestone=milestone, final_target=final_target,
            result_indicator_id=result_indicator_id)
        snapshot = _indicator_snapshot(indicator)
        record(AuditAction.PROGRAMME_INDICATOR_ADDED, actor=actor, entity_related_id=indicator.pk,
               description=f"Programme output indicator '{indicator.identifier}' was created:\n"
                           + "\n".join(f"{k}: {v}" for k, v in snapshot.items()))
    return indicator


def update_output_indicator(*, actor, indicator_id: int, identifier: str, code: str | None,
                            name: Mapping[str, str], measurement_unit: Mapping[str, str],
                            programme_objective_policy: str | None, milestone=None, final_target=None,
                            result_indicator_id: int | None = None) -> OutputIndicator:
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        indicator = OutputIndicator.objects.select_for_update().filter(pk=indicator_id).first()
        if indicator is None:
            raise NotFound(key="programme.indicator.not.found", args={"id": indicator_id})
        before = _indicator_snapshot(indicator)
        indicator = _save_output_indicator(
            indicator, identifier=identifier, code=code, name=name, measurement_unit=measurement_unit,
            programme_objective_policy=programme_objective_policy, milestone=milestone, final_target=final_target,
            result_indicator_id=result_indicator_id)
        changes = diff_description(before, _indicator_snapshot(indicator))
        record(AuditAction.PROGRAMME_INDICATOR_EDITED, actor=actor, entity_related_id=indicator.pk,
               description=f"Programme output indicator '{indicator.identifier}' was changed:\n"
                           f"{changes or '(no change)'}")
    return indicator


def delete_output_indicator(*, actor, indicator_id: int) -> None:
    """Remove an output indicator; refused once the setup is locked."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        indicator = OutputIndicator.objects.select_for_update().filter(pk=indicator_id).first()
        if indicator is None:
            raise NotFound(key="programme.indicator.not.found", args={"id": indicator_id})
        refuse_if_locked(_("Deleting an output indicator"))
        identifier = indicator.identifier
        indicator.delete()
        record(AuditAction.PROGRAMME_INDICATOR_DELETED, actor=actor, entity_related_id=indicator_id,
               description=f"Programme output indicator '{identifier}' was deleted")


def _save_result_indicator(indicator: ResultIndicator | None, *, identifier, code, name, measurement_unit,
                           programme_objective_policy, baseline, reference_year, final_target, source_of_data,
                           comment):
    identifier = (identifier or "").strip()
    code = (code or "").strip() or None
    reference_year = (reference_year or "").strip() or None
    name, measurement_unit = dict(name or {}), dict(measurement_unit or {})
    source_of_data, comment = dict(source_of_data or {}), dict(comment or {})
    errors = _common_indicator_errors(ResultIndicator, identifier=identifier, code=code, name=name,
                                      measurement_unit=measurement_unit, final_target=final_target,
                                      indicator_id=getattr(indicator, "pk", None))
    so = _specific_objective(programme_objective_policy, errors)
    error = decimal_error(baseline, minimum=Decimal(0), maximum=MAX_TARGET)
    if error:
        errors["baseline"] = error
    error = text_error(reference_year, REFERENCE_YEAR_MAX)
    if error:
        errors["referenceYear"] = error
    errors.update(translation_errors("sourceOfData", source_of_data, SOURCE_MAX))
    errors.update(translation_errors("comment", comment, COMMENT_MAX))
    if errors:
        raise ValidationFailed(form_errors=errors)
    indicator = indicator or ResultIndicator()
    indicator.identifier, indicator.code, indicator.name = identifier, code, name
    indicator.measurement_unit, indicator.specific_objective = measurement_unit, so
    indicator.baseline, indicator.reference_year = two_places(baseline), reference_year
    indicator.final_target = two_places(final_target)
    indicator.source_of_data, indicator.comment = source_of_data, comment
    indicator.save()
    return indicator


def create_result_indicator(*, actor, identifier: str, code: str | None, name: Mapping[str, str],
                            measurement_unit: Mapping[str, str], programme_objective_policy: str | None,
                            baseline=None, reference_year: str | None = None, final_target=None,
                            source_of_data: Mapping[str, str] | None = None,
                            comment: Mapping[str, str] | None = None) -> ResultIndicator:
    """Add a result indicator (at most 50) for a specific objective that is set up in a priority."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        _refuse_when_full(ResultIndicator, MAX_RESULT_INDICATORS, "programme.indicator.result.max.reached")
        indicator = _save_result_indicator(
            None, identifier=identifier, code=code, name=name, measurement_unit=measurement_unit,
            programme_objective_policy=programme_objective_policy, baseline=baseline,
            reference_year=reference_year, final_target=final_target, source_of_data=source_of_data,
            comment=comment)
        snapshot = _indicator_snapshot(indicator)
        record(AuditAction.PROGRAMME_INDICATOR_ADDED, actor=actor, entity_related_id=indicator.pk,
               description=f"Programme result indicator '{indicator.identifier}' was created:\n"
                           + "\n".join(f"{k}: {v}" for k, v in snapshot.items()))
    return indicator


def update_result_indicator(*, actor, indicator_id: int, identifier: str, code: str | None,
                            name: Mapping[str, str], measurement_unit: Mapping[str, str],
                            programme_objective_policy: str | None, baseline=None,
                            reference_year: str | None = None, final_target=None,
                            source_of_data: Mapping[str, str] | None = None,
                            comment: Mapping[str, str] | None = None) -> ResultIndicator:
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        indicator = ResultIndicator.objects.select_for_update().filter(pk=indicator_id).first()
        if indicator is None:
            raise NotFound(key="programme.indicator.not.found", args={"id": indicator_id})
        before = _indicator_snapshot(indicator)
        indicator = _save_result_indicator(
            indicator, identifier=identifier, code=code, name=name, measurement_unit=measurement_unit,
            programme_objective_policy=programme_objective_policy, baseline=baseline,
            reference_year=reference_year, final_target=final_target, source_of_data=source_of_data,
            comment=comment)
        changes = diff_description(before, _indicator_snapshot(indicator))
        record(AuditAction.PROGRAMME_INDICATOR_EDITED, actor=actor, entity_related_id=indicator.pk,
               description=f"Programme result indicator '{indicator.identifier}' was changed:\n"
                           f"{changes or '(no change)'}")
    return indicator


def delete_result_indicator(*, actor, indicator_id: int) -> None:
    """Remove a result indicator (output indicators linked to it lose the link); refused once the setup is
    locked."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        indicator = ResultIndicator.objects.select_for_update().filter(pk=indicator_id).first()
        if indicator is None:
            raise NotFound(key="programme.indicator.not.found", args={"id": indicator_id})
        refuse_if_locked(_("Deleting a result indicator"))
        identifier = indicator.identifier
        indicator.delete()
        record(AuditAction.PROGRAMME_INDICATOR_DELETED, actor=actor, entity_related_id=indicator_id,
               description=f"Programme result indicator '{identifier}' was deleted")
