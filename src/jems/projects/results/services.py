"""Update of the C.5 results (PUT semantics of ProjectResultApi: the list sent is the new list of results,
numbered 1..n in its order).

The actor must be able to edit the form (EDIT/MANAGE collaborator or Perm(ProjectFormUpdate): 403 otherwise,
404 for projects they do not see) in a status that allows changes (422). Each row is checked (indicator of the
programme, baseline and target value from 0 to 999 999 999.99 with at most two decimals, delivery period of
the project, description of at most 1000 characters per input language) and errors are reported per field
(`results[i].<field>`). After contracting, results are deactivated instead of removed, and a deactivated result
stays deactivated. Jems writes no audit entry for these updates, so neither do we."""

from decimal import Decimal

from django.db import transaction

from jems.core.errors import Forbidden, ValidationFailed
from jems.core.translatable import translation_errors
from jems.priorities.models import ResultIndicator
from jems.priorities.validation import decimal_error
from jems.programme.languages import input_languages
from jems.projects import access
from jems.projects.models import ALREADY_CONTRACTED, Project
from jems.projects.schemas import periods

from . import parts
from .models import MAX_DESCRIPTION, MAX_RESULTS, ProjectResult

MAX_VALUE = Decimal("999999999.99")
FIELDS = ("programme_result_indicator_id", "baseline", "target_value", "period_number", "description", "deactivated")


def _error(key: str, **args) -> dict:
    return {"i18nKey": key, "i18nArguments": {k: str(v) for k, v in args.items()}}


def _editable_project(actor, project_id) -> Project:
    """The project locked for update, after the access (404), edit-right (403) and status (422) checks."""
    acc = access.load(actor, project_id)
    if not acc.may_edit_form():
        raise Forbidden()
    acc.project = Project.objects.select_for_update().select_related("call").get(pk=acc.project.pk)
    if not acc.can_edit_form():
        raise ValidationFailed(key="project.status.not.modifiable", code="P-ERR-STATUS",
                               args={"status": acc.project.status})
    return acc.project


def _known_indicators(results: list[dict]) -> set[int]:
    ids = {r.get("programmeResultIndicatorId") for r in results}
    ids = {i for i in ids if isinstance(i, int) and 0 < i < 2**63}
    return set(ResultIndicator.objects.filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()


def _row_errors(index: int, data: dict, *, indicators: set[int], period_numbers: set[int], languages,
                contracted: bool, was_deactivated: bool) -> dict:
    prefix = f"results[{index}]"
    errors: dict = {}
    indicator = data.get("programmeResultIndicatorId")
    if indicator is not None and indicator not in indicators:
        errors[f"{prefix}.programmeResultIndicatorId"] = _error("project.results.indicator.not.exists")
    for key, required in (("baseline", True), ("targetValue", False)):
        error = decimal_error(data.get(key), minimum=Decimal(0), maximum=MAX_VALUE, required=required)
        if error:
            errors[f"{prefix}.{key}"] = error
    period = data.get("periodNumber")
    if period is not None and period not in period_numbers:
        errors[f"{prefix}.periodNumber"] = _error("project.results.period.not.of.project")
    description = data.get("description") or {}
    for code in description:
        if code not in languages:
            errors[f"{prefix}.description.language.{code.lower()}"] = _error(
                "project.language.not.input.language", language=code)
    errors.update(translation_errors(f"{prefix}.description", description, MAX_DESCRIPTION))
    deactivated = bool(data.get("deactivated"))
    if was_deactivated and not deactivated:
        errors[f"{prefix}.deactivated"] = _error("project.results.deactivated.cannot.be.activated")
    elif deactivated and not was_deactivated and not contracted:
        errors[f"{prefix}.deactivated"] = _error("project.results.deactivate.not.contracted")
    return errors


def _values(data: dict) -> dict:
    target = data.get("targetValue")
    return {
        "programme_result_indicator_id": data.get("programmeResultIndicatorId"),
        "baseline": Decimal(data["baseline"]).quantize(Decimal("0.01")),
        "target_value": None if target is None else Decimal(target).quantize(Decimal("0.01")),
        "period_number": data.get("periodNumber"),
        "description": {code: text for code, text in (data.get("description") or {}).items() if text},
        "deactivated": bool(data.get("deactivated")),
    }


def update_results(*, actor, project_id, results: list[dict]) -> list[dict]:
    """Replace the project's results by `results` (at most 20, numbered in list order) and return them as saved.
    Each item: programmeResultIndicatorId, baseline, targetValue, periodNumber, description {language: text},
    deactivated and resultNumber (the number it had, identifying existing results after contracting)."""
    with transaction.atomic():
        project = _editable_project(actor, project_id)
        results = list(results or [])
        if len(results) > MAX_RESULTS:
            raise ValidationFailed(key="project.results.max.allowed.count.reached", code="PR-ERR-MAX",
                                   args={"maxAmount": str(MAX_RESULTS)})
        existing = list(ProjectResult.objects.filter(project=project).order_by("number", "id"))
        contracted = project.status in ALREADY_CONTRACTED
        deactivated_numbers = {row.number for row in existing if row.deactivated}
        if contracted and not {row.number for row in existing} <= {r.get("resultNumber") for r in results}:
            raise ValidationFailed(key="project.results.delete.contracted", code="PR-ERR-DELETE")
        indicators = _known_indicators(results)
        period_numbers = {p["number"] for p in periods(project.call, project.duration)}
        languages = input_languages()
        errors: dict = {}
        for index, data in enumerate(results):
            errors.update(_row_errors(index, data, indicators=indicators, period_numbers=period_numbers,
                                      languages=languages, contracted=contracted,
                                      was_deactivated=data.get("resultNumber") in deactivated_numbers))
        if errors:
            raise ValidationFailed(form_errors=errors)
        _store(project, existing, [_values(data) for data in results])
    return parts.live(project.pk)


def _store(project: Project, existing: list[ProjectResult], values: list[dict]) -> None:
    """Write the new list over the stored rows (reused in order), creating or deleting the difference."""
    changed, created = [], []
    for number, row_values in enumerate(values, start=1):
        row = existing[number - 1] if number <= len(existing) else ProjectResult(project=project)
        row.number = number
        for name, value in row_values.items():
            setattr(row, name, value)
        (changed if row.pk else created).append(row)
    ProjectResult.objects.filter(pk__in=[row.pk for row in existing[len(values):]]).delete()
    ProjectResult.objects.bulk_update(changed, ["number", *FIELDS])
    ProjectResult.objects.bulk_create(created)
