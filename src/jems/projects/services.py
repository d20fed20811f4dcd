"""State changes of projects: apply (create), section A.1/A.2, collaborators and monitor assignments.

Every function takes an explicit `actor`, checks privileges and project access (404 for no access),
runs in one transaction and writes its Jems audit row in it."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from jems.accounts.models import User
from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.audit.actions import AuditAction
from jems.audit.services import AuditProject, record
from jems.calls import services as call_services
from jems.core.errors import ValidationFailed
from jems.core.translatable import translation_errors
from jems.programme.identifiers import project_custom_identifier
from jems.programme.languages import input_languages

from . import access
from .models import (
    ALREADY_CONTRACTED,
    ApplicationStatus,
    CollaboratorLevel,
    Project,
    ProjectAssignment,
    ProjectCollaborator,
    ProjectStatusHistory,
    ProjectVersion,
)

ACRONYM_MAX = 25
TITLE_MAX = 250
INTRO_MAX = 2000
DURATION_MAX = 999


def audit_project(project: Project) -> AuditProject:
    return AuditProject(id=project.pk, custom_identifier=project.custom_identifier, name=project.acronym)


# Sections of the form outside this module register a function project -> {key: data} here (from their
# AppConfig.ready); their data is frozen into each version with section A's.
SNAPSHOT_PARTS: list = []


def form_snapshot(project: Project) -> dict:
    """The application-form data frozen in a version: section A, plus each registered section's part."""
    snapshot = _identification_snapshot(project)
    for part in SNAPSHOT_PARTS:
        snapshot.update(part(project))
    return snapshot


# The inverse of SNAPSHOT_PARTS: sections register (rank, function(project, snapshot, ids)) here from their
# AppConfig.ready. restore_version runs them by rank (partners before the rows that point at them); `ids` maps
# each frozen id to the live id ({"partners": {old: new}, "activities": …}) for the few rows that had to be
# recreated under a new id because their old one was taken.
RESTORE_PARTS: list = []


def register_restore(rank: int, part) -> None:
    """Add a section's restore function (from its AppConfig.ready; once)."""
    if (rank, part) not in RESTORE_PARTS:
        RESTORE_PARTS.append((rank, part))


def sync_rows(model, live_ids, frozen: list[dict], id_key: str, values) -> dict[int, int]:
    """Write the frozen rows of one table back by id in a fixed number of queries: rows whose id is live are
    updated, the others recreated under their frozen id (one by one under a new id where another row holds it).
    `values(data)` gives the column values of a frozen row; live rows not frozen are left to the caller.
    Answers frozen id -> live id."""
    live_ids = set(live_ids)
    missing = [data[id_key] for data in frozen if data[id_key] not in live_ids]
    taken = set(model.objects.filter(pk__in=missing).values_list("pk", flat=True)) if missing else set()
    updated, created, mapping = [], [], {}
    for data in frozen:
        row = model(pk=data[id_key], **values(data))
        if data[id_key] in live_ids:
            updated.append(row)
        elif data[id_key] in taken:
            row.pk = None
            row.save(force_insert=True)
        else:
            created.append(row)
        mapping[data[id_key]] = row.pk
    if updated:
        model.objects.bulk_update(updated, list(values(frozen[0])))
    model.objects.bulk_create(created)
    return mapping


def restore_version(project: Project, version_row: ProjectVersion) -> None:
    """Replace the live application form with the data frozen in `version_row` (one transaction): section A
    here, every other section through its RESTORE_PARTS entry. Used when a modification is rejected."""
    snapshot = version_row.snapshot or {}
    with transaction.atomic():
        project = Project.objects.select_for_update().get(pk=project.pk)
        _restore_identification(project, snapshot)
        ids: dict[str, dict] = {}
        for _rank, part in sorted(RESTORE_PARTS, key=lambda entry: entry[0]):
            part(project, snapshot, ids)


def _restore_identification(project: Project, snapshot: dict) -> None:
    objective = None
    if snapshot.get("specificObjective"):
        objective = project.call.specific_objectives.filter(
            programme_objective_policy=snapshot["specificObjective"]).first()
    project.acronym = snapshot.get("acronym") or project.acronym
    project.title = dict(snapshot.get("title") or {})
    project.duration = snapshot.get("duration")
    project.specific_objective = objective
    project.intro = dict(snapshot.get("intro") or {})
    project.save(update_fields=["acronym", "title", "duration", "specific_objective", "intro"])


def _identification_snapshot(project: Project) -> dict:
    so = project.specific_objective
    return {
        "acronym": project.acronym,
        "title": dict(project.title or {}),
        "duration": project.duration,
        "specificObjective": so.programme_objective_policy if so else None,
        "specificObjectiveCode": so.code if so else None,
        "programmePriorityCode": so.priority.code if so else None,
        "intro": dict(project.intro or {}),
    }


def _next_version(project: Project) -> str:
    count = ProjectVersion.objects.filter(project=project).count()
    return f"{count + 1}.0"


def create_version(*, actor, project: Project) -> ProjectVersion:
    """Open a new major version (creation, return to applicant, start of step 2, modification call it, before
    the status changes): the form as it is now is frozen into the previous version's snapshot (written once)
    and the new version becomes the current one. Audited as APPLICATION_VERSION_RECORDED."""
    project = Project.objects.select_related("specific_objective__priority").get(pk=project.pk)  # fresh data
    ProjectVersion.objects.filter(project=project, snapshot__isnull=True).update(snapshot=form_snapshot(project))
    version = ProjectVersion.objects.create(project=project, version=_next_version(project), user=actor,
                                            status=project.status, snapshot=None)
    record(AuditAction.APPLICATION_VERSION_RECORDED, actor=actor, project=audit_project(project),
           description=f"New project version \"V.{version.version}\" is recorded by user: {actor.email}")
    return version


def _validate_acronym(acronym) -> str:
    acronym = (acronym or "").strip()
    if not acronym:
        raise ValidationFailed(fields={"acronym": "project.acronym.should.not.be.empty"})
    if len(acronym) > ACRONYM_MAX:
        raise ValidationFailed(form_errors={"acronym": {
            "i18nKey": "common.error.field.max.length",
            "i18nArguments": {"actualLength": str(len(acronym)), "requiredLength": str(ACRONYM_MAX)}}})
    return acronym


def create_project(*, actor, call_id: int, acronym: str) -> Project:
    """Apply to a published call within its window: the project in DRAFT (STEP1_DRAFT in a two-step call),
    its custom identifier, the first status-history row, version 1.0 and the applicant as MANAGE."""
    require(actor, Privilege.ProjectCreate)
    acronym = _validate_acronym(acronym)
    call = call_services.can_apply(actor, call_id)
    status = ApplicationStatus.STEP1_DRAFT if call.end_date_step1 else ApplicationStatus.DRAFT
    with transaction.atomic():
        project = Project.objects.create(call=call, acronym=acronym, status=status, applicant=actor)
        project.custom_identifier = project_custom_identifier(project.pk, call.pk)
        history = ProjectStatusHistory.objects.create(project=project, status=status, user=actor)
        project.current_status = history
        project.save(update_fields=["custom_identifier", "current_status"])
        ProjectCollaborator.objects.create(project=project, user=actor, level=CollaboratorLevel.MANAGE)
        record(AuditAction.APPLICATION_STATUS_CHANGED, actor=actor, project=audit_project(project),
               description=f"Project application created with status {status}")
        create_version(actor=actor, project=project)
    return project


@dataclass
class Identification:
    """Section A.1/A.2 as entered: acronym, translatable title, duration, specific objective policy, summary."""

    acronym: str | None
    title: dict[str, str]
    duration: int | None
    specific_objective: str | None
    intro: dict[str, str]


def _translation_language_errors(field: str, value: dict[str, str], languages: list[str]) -> dict:
    return {f"{field}.language.{code.lower()}": {"i18nKey": "project.language.not.input.language",
                                                 "i18nArguments": {"language": code}}
            for code in value if code not in languages}


def update_identification(*, actor, project_id: int, data: Identification) -> Project:
    """Save A.1/A.2 while the status allows changes (canBeModified) by an EDIT/MANAGE collaborator or
    Perm(ProjectFormUpdate). Translations only in input languages, each within its length limit."""
    with transaction.atomic():
        acc = access.load(actor, project_id)
        project = Project.objects.select_for_update().get(pk=acc.project.pk)
        acc.project = project
        if not acc.may_edit_form():
            raise access.not_found() if not acc.can_view() else _forbidden()
        if not acc.can_edit_form():
            raise ValidationFailed(key="project.status.not.modifiable", code="P-ERR-STATUS",
                                   args={"status": project.status})
        errors: dict = {}
        acronym = (data.acronym or "").strip()
        if not acronym:
            errors["acronym"] = {"i18nKey": "project.acronym.should.not.be.empty", "i18nArguments": {}}
        elif len(acronym) > ACRONYM_MAX:
            errors["acronym"] = {"i18nKey": "common.error.field.max.length",
                                 "i18nArguments": {"actualLength": str(len(acronym)),
                                                   "requiredLength": str(ACRONYM_MAX)}}
        languages = input_languages()
        for field, value, limit in (("title", data.title, TITLE_MAX), ("intro", data.intro, INTRO_MAX)):
            errors.update(_translation_language_errors(field, value, languages))
            errors.update(translation_errors(field, value, limit))
        if data.duration is not None and not (1 <= data.duration <= DURATION_MAX):
            errors["duration"] = {"i18nKey": "project.duration.size.max", "i18nArguments": {"max": str(DURATION_MAX)}}
        objective = None
        if data.specific_objective:
            objective = project.call.specific_objectives.filter(
                programme_objective_policy=data.specific_objective).select_related("priority").first()
            if objective is None:
                errors["specificObjective"] = {"i18nKey": "project.specific.objective.not.in.call",
                                               "i18nArguments": {}}
        if project.status in ALREADY_CONTRACTED and objective != project.specific_objective and not errors.get(
                "specificObjective"):
            errors["specificObjective"] = {"i18nKey": "project.specific.objective.locked", "i18nArguments": {}}
        if errors:
            raise ValidationFailed(form_errors=errors)
        project.acronym = acronym
        project.title = data.title
        project.duration = data.duration
        project.specific_objective = objective
        project.intro = data.intro
        project.save(update_fields=["acronym", "title", "duration", "specific_objective", "intro"])
    return project


def _forbidden():
    from jems.core.errors import Forbidden

    return Forbidden()


def update_collaborators(*, actor, project_id: int, collaborators: list[tuple[str, str]]) -> list[ProjectCollaborator]:
    """Replace the project collaborators with (e-mail, level) pairs: MANAGE collaborators with
    ProjectCreatorCollaboratorsUpdate, or Perm(ProjectMonitorCollaboratorsUpdate). Every user must exist and
    hold ProjectCreate; at least one MANAGE remains. Audited as PROJECT_USER_ASSIGNMENT_APPLICANTS."""
    with transaction.atomic():
        acc = access.load(actor, project_id)
        if not acc.can_manage_collaborators():
            raise _forbidden()
        project = Project.objects.select_for_update().get(pk=acc.project.pk)
        wanted: dict[str, str] = {}
        errors: dict = {}
        for email, level in collaborators:
            email = (email or "").strip().lower()
            if level not in CollaboratorLevel.values:
                errors[f"level.{email}"] = {"i18nKey": "project.collaborator.level.invalid", "i18nArguments": {}}
            wanted[email] = level
        match = Q()
        for email in wanted:
            match |= Q(email__iexact=email)
        users = {u.email.lower(): u for u in User.objects.select_related("role").filter(match)} if wanted else {}
        for email in wanted:
            user = users.get(email)
            if user is None or not user.has_privilege(Privilege.ProjectCreate):
                errors[f"userEmail.{email}"] = {"i18nKey": "project.collaborator.user.not.applicant",
                                                "i18nArguments": {"email": email}}
        if errors:
            raise ValidationFailed(form_errors=errors)
        if CollaboratorLevel.MANAGE not in wanted.values():
            raise ValidationFailed(key="project.collaborators.manage.required", code="P-ERR-COLLAB")
        ProjectCollaborator.objects.filter(project=project).delete()
        rows = ProjectCollaborator.objects.bulk_create(
            [ProjectCollaborator(project=project, user=users[email], level=level) for email, level in wanted.items()])
        listing = ", ".join(f"{email}: {level}" for email, level in sorted(wanted.items()))
        record(AuditAction.PROJECT_USER_ASSIGNMENT_APPLICANTS, actor=actor, project=audit_project(project),
               description=f"Following users were assigned to project {project.custom_identifier}: [{listing}]")
    return rows


@dataclass
class AssignmentChange:
    """One row of updateProjectUserAssignments."""

    project_id: int
    add: set[int]
    remove: set[int]


def update_assignments(*, actor, changes: list[AssignmentChange]) -> None:
    """Assign programme users to projects / unassign them (ProjectRetrieveEditUserAssignments). Only the
    assignable monitor users of accounts.queries.monitor_users may be added. Audited per project as
    PROJECT_USER_ASSIGNMENT_PROGRAMME."""
    from jems.accounts.queries import monitor_users

    require(actor, Privilege.ProjectRetrieveEditUserAssignments)
    allowed = {u.pk: u for u in monitor_users(actor=actor)}
    with transaction.atomic():
        projects = Project.objects.in_bulk([c.project_id for c in changes if 0 < c.project_id < 2**63])
        for change in changes:
            if change.project_id not in projects:
                raise access.not_found()
            bad = sorted(change.add - set(allowed))
            if bad:
                raise ValidationFailed(key="project.assignment.user.not.assignable", code="P-ERR-ASSIGN",
                                       args={"userIds": ", ".join(map(str, bad))})
        for change in changes:
            project = projects[change.project_id]
            ProjectAssignment.objects.filter(project=project, user_id__in=change.remove - change.add).delete()
            existing = set(ProjectAssignment.objects.filter(project=project).values_list("user_id", flat=True))
            ProjectAssignment.objects.bulk_create(
                [ProjectAssignment(project=project, user_id=uid) for uid in sorted(change.add - existing)])
            emails = sorted(ProjectAssignment.objects.filter(project=project).values_list("user__email", flat=True))
            record(AuditAction.PROJECT_USER_ASSIGNMENT_PROGRAMME, actor=actor, project=audit_project(project),
                   description=f"Project can be monitored by following users: {', '.join(emails)}")


def drop_assignments_on_role_change(sender, user=None, **kwargs) -> None:
    """A user whose role changed loses their monitor assignments (workflows §3.3)."""
    if user is not None:
        ProjectAssignment.objects.filter(user=user).delete()
