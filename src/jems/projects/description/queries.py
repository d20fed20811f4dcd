"""Reads of section C (C.1–C.3, C.7, C.8): the live description or the one frozen in a version."""

from jems.projects import access
from jems.projects.visibility import FIELD_IDS, visible_fields  # noqa: F401  (re-exported for section pages)
from jems.projects import queries as project_queries

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


