"""The write layer of checklist templates: create, update, clone and delete (ProgrammeSetupUpdate), the
component edits of the web editor, and `lock_template` for the features that instantiate checklists.

A locked template (used at least once) keeps its structure: only its texts may change, it cannot be
deleted, and it can be cloned. Checklist templates are not part of the programme-setup lock (features.md
§2 "General rule" does not list them): they stay editable after a call is published.
"""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.audit.actions import AuditAction
from jems.audit.services import diff_description, record
from jems.core.errors import NotFound, ValidationFailed

from .components import (
    MAX_CHECKLISTS,
    NAME_MAX,
    ComponentInput,
    TemplateInput,
    check_template,
    component_fingerprint,
    frozen_changes,
    new_metadata,
    settings_fingerprint,
)
from .models import ChecklistComponent, ChecklistType, ComponentType, ProgrammeChecklist

LOCKED_KEY = "programme.checklist.is.locked"
CHANGED_KEY = "programme.checklist.changed.meanwhile"


def _get_for_update(checklist_id: int | None) -> ProgrammeChecklist:
    checklist = None
    if checklist_id is not None:
        checklist = ProgrammeChecklist.objects.select_for_update().filter(pk=checklist_id).first()
    if checklist is None:
        raise NotFound(key="programme.checklist.not.found", args={"id": checklist_id})
    return checklist


def _refuse_locked(checklist: ProgrammeChecklist, what: str) -> None:
    if checklist.locked:
        raise ValidationFailed(f"{what} is not possible: the checklist is in use (locked). Clone it instead.",
                               key=LOCKED_KEY, args={"id": checklist.pk})


def _checklist_type(value) -> str:
    value = str(getattr(value, "value", value))
    if value not in ChecklistType.values:
        raise ValidationFailed(fields={"type": "programme.checklist.type.unknown"})
    return value


def _summary(checklist: ProgrammeChecklist, components: list) -> dict:
    return {"name": checklist.name, "type": checklist.type, "minScore": checklist.min_score,
            "maxScore": checklist.max_score, "allowsDecimalScore": checklist.allows_decimal_score,
            "components": len(components)}


def _content(components: list) -> list:
    return sorted((c.position, c.type, repr(sorted(c.metadata.items()))) for c in components)


def _save(*, actor, checklist: ProgrammeChecklist | None, template: TemplateInput) -> ProgrammeChecklist:
    """Check `template` and write it over `checklist` (None = a new checklist) with its components, in the
    caller's transaction; returns the saved checklist with its components prefetched."""
    template.type = _checklist_type(template.type)
    for component in template.components:
        component.type = str(getattr(component.type, "value", component.type))
        if component.type not in ComponentType.values:
            raise ValidationFailed(fields={"components": "programme.checklist.component.type.unknown"})
    errors, cleaned = check_template(template)
    if checklist is not None and checklist.locked:
        frozen_changes(checklist, template, cleaned, errors)
    if errors:
        locked_only = checklist is not None and checklist.locked and all(
            message["i18nKey"] == "programme.checklist.locked.frozen" for message in errors.values())
        raise ValidationFailed(key=LOCKED_KEY if locked_only else None,
                               args={"id": checklist.pk} if locked_only else None, form_errors=dict(errors))

    creating = checklist is None
    before, existing = {}, {}
    if creating:
        checklist = ProgrammeChecklist()
    else:
        existing = {c.pk: c for c in checklist.components.all()}
        before = _summary(checklist, list(existing.values()))
        before_content = _content(list(existing.values()))
    checklist.type = template.type
    checklist.name = template.name.strip()
    checklist.min_score = template.min_score
    checklist.max_score = template.max_score
    checklist.allows_decimal_score = bool(template.allows_decimal_score)
    checklist.last_modification_date = timezone.now()
    checklist.save()

    keep, new = [], []
    for component, metadata in zip(template.components, cleaned, strict=True):
        row = existing.pop(component.id, None) if component.id is not None else None
        if row is None:
            new.append(ChecklistComponent(checklist=checklist, type=component.type, position=component.position,
                                          metadata=metadata))
        else:
            row.type, row.position, row.metadata = component.type, component.position, metadata
            keep.append(row)
    if existing:
        ChecklistComponent.objects.filter(pk__in=list(existing)).delete()
    if keep:
        ChecklistComponent.objects.bulk_update(keep, ["type", "position", "metadata"])
    if new:
        ChecklistComponent.objects.bulk_create(new)

    components = keep + new
    after = _summary(checklist, components)
    if creating:
        record(AuditAction.CHECKLIST_IS_CREATED, actor=actor, entity_related_id=checklist.pk,
               description=f"Programme checklist {checklist.pk} '{checklist.name}' of type {checklist.type} "
                           f"created with {len(components)} components")
    else:
        changes = diff_description(before, after)
        if before["components"] == after["components"] and before_content != _content(components):
            changes = "\n".join(filter(None, [changes, "components: content changed"]))
        record(AuditAction.CHECKLIST_IS_CHANGED, actor=actor, entity_related_id=checklist.pk,
               description=f"Programme checklist {checklist.pk} '{checklist.name}' changed:\n{changes or 'no changes'}")
    return ProgrammeChecklist.objects.prefetch_related("components").get(pk=checklist.pk)


def _current(checklist: ProgrammeChecklist) -> TemplateInput:
    """The stored template as input, to apply one edit of the web editor to it."""
    return TemplateInput(
        type=checklist.type, name=checklist.name, min_score=checklist.min_score, max_score=checklist.max_score,
        allows_decimal_score=checklist.allows_decimal_score,
        components=[ComponentInput(type=c.type, position=c.position, metadata=dict(c.metadata), id=c.pk)
                    for c in checklist.components.all()],
    )


# --- the Jems operations -----------------------------------------------------------------------------


def create_checklist(*, actor, type: str, name: str | None, min_score: Decimal | None = None,
                     max_score: Decimal | None = None, allows_decimal_score: bool = False,
                     components: list[ComponentInput] = ()) -> ProgrammeChecklist:
    """A new checklist template (at most 100), audited CHECKLIST_IS_CREATED."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        if ProgrammeChecklist.objects.count() >= MAX_CHECKLISTS:
            raise ValidationFailed(key="programme.checklist.max.reached", args={"max": MAX_CHECKLISTS})
        template = TemplateInput(type=type, name=name, min_score=min_score, max_score=max_score,
                                 allows_decimal_score=allows_decimal_score, components=list(components))
        return _save(actor=actor, checklist=None, template=template)


def update_checklist(*, actor, checklist_id: int | None, type: str, name: str | None, min_score: Decimal | None = None,
                     max_score: Decimal | None = None, allows_decimal_score: bool = False,
                     components: list[ComponentInput] = ()) -> ProgrammeChecklist:
    """Replace the template's fields and components (components keep their id when it is sent back;
    those left out are removed). A locked template accepts text changes only."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        checklist = _get_for_update(checklist_id)
        template = TemplateInput(type=type, name=name, min_score=min_score, max_score=max_score,
                                 allows_decimal_score=allows_decimal_score, components=list(components))
        return _save(actor=actor, checklist=checklist, template=template)


def delete_checklist(*, actor, checklist_id: int) -> None:
    """Delete an unlocked template with its components, audited CHECKLIST_IS_DELETED."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        checklist = _get_for_update(checklist_id)
        _refuse_locked(checklist, "Deleting the checklist")
        description = f"Programme checklist {checklist.pk} '{checklist.name}' of type {checklist.type} deleted"
        checklist_pk = checklist.pk
        checklist.delete()
        record(AuditAction.CHECKLIST_IS_DELETED, actor=actor, entity_related_id=checklist_pk,
               description=description)


def clone_checklist(*, actor, checklist_id: int) -> ProgrammeChecklist:
    """A new, unlocked copy of a template (locked or not) named "<name> (copy)", audited
    CHECKLIST_IS_CREATED."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        source = ProgrammeChecklist.objects.prefetch_related("components").filter(pk=checklist_id).first()
        if source is None:
            raise NotFound(key="programme.checklist.not.found", args={"id": checklist_id})
        if ProgrammeChecklist.objects.count() >= MAX_CHECKLISTS:
            raise ValidationFailed(key="programme.checklist.max.reached", args={"max": MAX_CHECKLISTS})
        suffix = " (copy)"
        template = _current(source)
        template.name = (source.name or "").strip()[: NAME_MAX - len(suffix)] + suffix
        for component in template.components:
            component.id = None
        return _save(actor=actor, checklist=None, template=template)


def lock_template(checklist_id: int) -> None:
    """Mark a template as used (called by the features that create checklist instances, inside their own
    transaction and after their own permission check). Idempotent; not audited (Jems does not either)."""
    if not ProgrammeChecklist.objects.filter(pk=checklist_id).update(locked=True):
        raise NotFound(key="programme.checklist.not.found", args={"id": checklist_id})


# --- the web editor: one change per request -------------------------------------------------------------


def _refuse_changed(expected: str | None, current: str) -> None:
    if expected and expected != current:
        raise ValidationFailed("Someone else changed this meanwhile.", key=CHANGED_KEY, args={"current": current})


def update_settings(*, actor, checklist_id: int, type: str, name: str | None, min_score: Decimal | None,
                    max_score: Decimal | None, allows_decimal_score: bool,
                    expected: str | None = None) -> ProgrammeChecklist:
    """Change the template's own fields and keep its components. `expected` is the settings fingerprint
    the editor started from: a different current one refuses the save (someone else changed them)."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        checklist = _get_for_update(checklist_id)
        _refuse_changed(expected, settings_fingerprint(checklist))
        template = _current(checklist)
        template.type, template.name = type, name
        template.min_score, template.max_score = min_score, max_score
        template.allows_decimal_score = allows_decimal_score
        return _save(actor=actor, checklist=checklist, template=template)


def add_component(*, actor, checklist_id: int, component_type: str) -> ChecklistComponent:
    """Append a component of the type with its default metadata (at most 200 components)."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        checklist = _get_for_update(checklist_id)
        _refuse_locked(checklist, "Adding a component")
        component_type = str(getattr(component_type, "value", component_type))
        if component_type not in ComponentType.values:
            raise ValidationFailed(fields={"type": "programme.checklist.component.type.unknown"})
        template = _current(checklist)
        position = max((c.position for c in template.components), default=-1) + 1
        template.components.append(ComponentInput(type=component_type, position=position,
                                                  metadata=new_metadata(component_type)))
        saved = _save(actor=actor, checklist=checklist, template=template)
        return max(saved.components.all(), key=lambda c: c.pk)


def _component_index(template: TemplateInput, component_id: int) -> int:
    for index, component in enumerate(template.components):
        if component.id == component_id:
            return index
    raise NotFound(key="programme.checklist.component.not.found", args={"id": component_id})


def update_component(*, actor, checklist_id: int, component_id: int, metadata: dict,
                     expected: str | None = None) -> ChecklistComponent:
    """Change the metadata of one component (Jems property names); a locked template takes texts only.
    `expected` is the component fingerprint the editor started from (optimistic locking)."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        checklist = _get_for_update(checklist_id)
        template = _current(checklist)
        index = _component_index(template, component_id)
        stored = next(c for c in checklist.components.all() if c.pk == component_id)
        _refuse_changed(expected, component_fingerprint(stored))
        template.components[index].metadata = {**template.components[index].metadata, **metadata}
        try:
            saved = _save(actor=actor, checklist=checklist, template=template)
        except ValidationFailed as error:
            # Paths of this component's fields lose their list prefix: `metadata.question` → `question`.
            prefix = f"components[{index}].metadata."
            error.form_errors = {(path[len(prefix):] if path.startswith(prefix) else path): message
                                 for path, message in error.form_errors.items()}
            raise
        return next(c for c in saved.components.all() if c.pk == component_id)


def move_component(*, actor, checklist_id: int, component_id: int, offset: int) -> None:
    """Move one component up (offset -1) or down (+1); positions are renumbered from 0."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        checklist = _get_for_update(checklist_id)
        _refuse_locked(checklist, "Moving a component")
        template = _current(checklist)
        index = _component_index(template, component_id)
        target = min(max(index + offset, 0), len(template.components) - 1)
        if target == index:
            return  # already first or last: nothing changes, nothing is audited
        components = template.components
        components.insert(target, components.pop(index))
        for position, component in enumerate(components):
            component.position = position
        _save(actor=actor, checklist=checklist, template=template)


def delete_component(*, actor, checklist_id: int, component_id: int) -> None:
    """Remove one component of an unlocked template."""
    require(actor, Privilege.ProgrammeSetupUpdate)
    with transaction.atomic():
        checklist = _get_for_update(checklist_id)
        _refuse_locked(checklist, "Removing a component")
        template = _current(checklist)
        template.components.pop(_component_index(template, component_id))
        _save(actor=actor, checklist=checklist, template=template)
