"""Reads of section C (C.1–C.3, C.7, C.8): the live description or the one frozen in a version."""

from jems.calls.form_config.catalogue import FIELD_ROWS
from jems.calls.form_config.queries import field_visibility
from jems.projects import access
from jems.projects import queries as project_queries
from jems.projects.models import is_in_step1

from . import parts
from .models import ProjectDescription


def description_of(project, snapshot: dict | None) -> dict:
    """The parts as dicts: from the version snapshot when one is given, else from the live row."""
    if snapshot is not None:
        frozen = snapshot.get("description") or {}
        base = parts.empty()
        return {name: {**base[name], **(frozen.get(name) or {})} for name in base}
    row = ProjectDescription.objects.filter(project=project).first() or ProjectDescription()
    return parts.as_dict(row)


def get_description(*, actor, project_id, version: str | None = None):
    """(access, version row or None, snapshot or None, parts) for a user who may see the project (else 404)."""
    acc = access.load(actor, project_id)
    row, snapshot = project_queries.version_snapshot(acc.project, version)
    return acc, row, snapshot, description_of(acc.project, snapshot)


# configuration name (e.g. PROJECT_OVERALL_OBJECTIVE) -> field id (application.config.project.overall.objective)
FIELD_IDS = {row[1]: row[2] for row in FIELD_ROWS}


def visible_fields(project) -> set[str]:
    """Configuration names (PROJECT_…) of the fields the call shows for this project in its current step."""
    step1 = is_in_step1(project.status)
    names = {field_id: name for name, field_id in FIELD_IDS.items()}
    return {names.get(field, field) for field, status in field_visibility(project.call_id).items()
            if status != "NONE" and not (step1 and status == "STEP_TWO_ONLY")}
