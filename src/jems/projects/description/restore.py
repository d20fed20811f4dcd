"""Restore section C.1–C.3, C.7, C.8 from a version snapshot (RESTORE_PARTS, used when a modification is
rejected): the one description row gets every frozen value back."""

from . import parts
from .models import ProjectDescription

RANK = 10


def restore(project, snapshot: dict, ids: dict) -> None:
    """RESTORE_PARTS entry: the description of the version (empty when the version had none)."""
    frozen = snapshot.get("description") or parts.empty()
    values: dict = {}
    for part, spec in (("c1", parts.C1_TEXTS), ("c2", parts.C2_TEXTS), ("c3", parts.C3_TEXTS),
                       ("c7", parts.C7_TEXTS), ("c8", parts.C8_TEXTS)):
        data = frozen.get(part) or {}
        values.update({attr: dict(data.get(key) or {}) for key, (attr, _limit) in spec.items()})
    c2 = frozen.get("c2") or {}
    values.update({attr: list(c2.get(key) or []) for key, (attr, _code, _texts) in parts.C2_TABLES.items()})
    c7 = frozen.get("c7") or {}
    criteria = c7.get("projectCooperationCriteria") or {}
    principles = c7.get("projectHorizontalPrinciples") or {}
    values.update({attr: bool(criteria.get(key)) for key, attr in parts.C7_CRITERIA.items()})
    values.update({attr: principles.get(key) for key, attr in parts.C7_PRINCIPLES.items()})
    ProjectDescription.objects.update_or_create(project=project, defaults=values)
