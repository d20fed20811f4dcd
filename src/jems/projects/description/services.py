"""Updates of section C parts (C.1, C.2, C.3, C.7, C.8).

Each function takes the part as a dict in the form of `parts` (camelCase keys, translations {language: text}),
checks that the actor may edit the form (EDIT/MANAGE collaborator or Perm(ProjectFormUpdate), else 404 / 403)
and that the status allows changes (422), validates languages, lengths and table sizes (422 with Jems field
keys) and saves in one transaction. Jems writes no audit entry for these updates, so neither do we."""

from django.db import transaction

from jems.core.errors import Forbidden, ValidationFailed
from jems.core.translatable import translation_errors
from jems.programme.languages import input_languages
from jems.projects import access
from jems.projects.models import Project

from . import parts
from .models import PrincipleEffect, ProjectDescription, TargetGroup

STRATEGY_OTHER = "Other"


def _editable_row(actor, project_id) -> tuple[Project, ProjectDescription]:
    acc = access.load(actor, project_id)
    project = Project.objects.select_for_update().select_related("call").get(pk=acc.project.pk)
    acc.project = project
    if not acc.may_edit_form():
        raise Forbidden()
    if not acc.can_edit_form():
        raise ValidationFailed(key="project.status.not.modifiable", code="P-ERR-STATUS",
                               args={"status": project.status})
    row, _created = ProjectDescription.objects.get_or_create(project=project)
    return project, row


def _text_errors(field: str, value: dict, limit: int, languages: list[str]) -> dict:
    errors = {f"{field}.language.{code.lower()}": {"i18nKey": "project.language.not.input.language",
                                                   "i18nArguments": {"language": code}}
              for code in value if code not in languages}
    errors.update(translation_errors(field, value, limit))
    return errors


def _clean_texts(data: dict, spec: dict, languages, errors: dict) -> dict:
    """{model attribute: translations} for the text keys of `spec` (missing keys become empty)."""
    cleaned = {}
    for key, (attr, limit) in spec.items():
        value = {code: text for code, text in (data.get(key) or {}).items() if text and text.strip()}
        errors.update(_text_errors(key, value, limit, languages))
        cleaned[attr] = value
    return cleaned


def _save(row: ProjectDescription, values: dict) -> None:
    for attr, value in values.items():
        setattr(row, attr, value)
    row.save(update_fields=list(values))


def _error(key, args=None):
    return {"i18nKey": key, "i18nArguments": args or {}}


def update_overall_objective(*, actor, project_id: int, data: dict) -> dict:
    """C.1."""
    with transaction.atomic():
        _project, row = _editable_row(actor, project_id)
        errors: dict = {}
        values = _clean_texts(data, parts.C1_TEXTS, input_languages(), errors)
        if errors:
            raise ValidationFailed(form_errors=errors)
        _save(row, values)
        return parts.c1(row)


def _clean_table(key: str, rows, project, languages, errors: dict) -> list:
    _attr, code_key, text_spec = parts.C2_TABLES[key]
    rows = list(rows or [])
    if len(rows) > parts.TABLE_MAX_ROWS:
        errors[key] = _error("project.description.table.max.rows", {"max": str(parts.TABLE_MAX_ROWS)})
        return []
    allowed_strategies = set(project.call.strategies or []) | {STRATEGY_OTHER}
    cleaned = []
    for index, entry in enumerate(rows):
        item = {}
        if code_key:
            code = entry.get(code_key)
            code = getattr(code, "value", code)
            if code_key == "strategy":
                if code is not None and code not in allowed_strategies:
                    errors[f"{key}[{index}].strategy"] = _error("project.description.strategy.not.in.call")
            elif code not in TargetGroup.values:
                errors[f"{key}[{index}].{code_key}"] = _error("project.description.target.group.invalid")
            item[code_key] = code
        for text_key, limit in text_spec.items():
            value = {c: t for c, t in (entry.get(text_key) or {}).items() if t and t.strip()}
            errors.update(_text_errors(f"{key}[{index}].{text_key}", value, limit, languages))
            item[text_key] = value
        cleaned.append(item)
    return cleaned


def update_relevance(*, actor, project_id: int, data: dict) -> dict:
    """C.2: the texts and the four tables (at most 20 rows each; strategies of the call or Other)."""
    with transaction.atomic():
        project, row = _editable_row(actor, project_id)
        errors: dict = {}
        languages = input_languages()
        values = _clean_texts(data, parts.C2_TEXTS, languages, errors)
        for key, (attr, _code, _spec) in parts.C2_TABLES.items():
            values[attr] = _clean_table(key, data.get(key), project, languages, errors)
        if errors:
            raise ValidationFailed(form_errors=errors)
        _save(row, values)
        return parts.c2(row)


def update_partnership(*, actor, project_id: int, data: dict) -> dict:
    """C.3."""
    with transaction.atomic():
        _project, row = _editable_row(actor, project_id)
        errors: dict = {}
        values = _clean_texts(data, parts.C3_TEXTS, input_languages(), errors)
        if errors:
            raise ValidationFailed(form_errors=errors)
        _save(row, values)
        return parts.c3(row)


def update_management(*, actor, project_id: int, data: dict) -> dict:
    """C.7: texts, the cooperation criteria checkboxes and the horizontal principles' effects."""
    with transaction.atomic():
        _project, row = _editable_row(actor, project_id)
        errors: dict = {}
        values = _clean_texts(data, parts.C7_TEXTS, input_languages(), errors)
        criteria = data.get("projectCooperationCriteria") or {}
        for key, attr in parts.C7_CRITERIA.items():
            values[attr] = bool(criteria.get(key))
        principles = data.get("projectHorizontalPrinciples") or {}
        for key, attr in parts.C7_PRINCIPLES.items():
            effect = principles.get(key)
            effect = getattr(effect, "value", effect) or None
            if effect is not None and effect not in PrincipleEffect.values:
                errors[f"projectHorizontalPrinciples.{key}"] = _error("project.description.effect.invalid")
            values[attr] = effect
        if errors:
            raise ValidationFailed(form_errors=errors)
        _save(row, values)
        return parts.c7(row)


def update_long_term_plans(*, actor, project_id: int, data: dict) -> dict:
    """C.8."""
    with transaction.atomic():
        _project, row = _editable_row(actor, project_id)
        errors: dict = {}
        values = _clean_texts(data, parts.C8_TEXTS, input_languages(), errors)
        if errors:
            raise ValidationFailed(form_errors=errors)
        _save(row, values)
        return parts.c8(row)
