"""Services of the project foundation: apply, A.1/A.2, collaborators, monitor assignments."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.audit.models import AuditEvent
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.projects import services
from jems.projects.models import (
    ApplicationStatus,
    CollaboratorLevel,
    Project,
    ProjectAssignment,
    ProjectCollaborator,
    ProjectVersion,
)
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def ident(**kw):
    data = {"acronym": "GREEN", "title": {"EN": "Green rivers"}, "duration": 24, "specific_objective": None,
            "intro": {}}
    data.update(kw)
    return services.Identification(**data)


def test_create_project(applicant, open_call, languages):
    project = services.create_project(actor=applicant, call_id=open_call.pk, acronym=" GREEN ")
    assert project.acronym == "GREEN" and project.status == ApplicationStatus.DRAFT
    assert project.custom_identifier.endswith(f"{project.pk:05d}")
    assert project.current_status.status == ApplicationStatus.DRAFT and project.current_status.user == applicant
    version = ProjectVersion.objects.get(project=project)
    assert version.version == "1.0" and version.snapshot is None  # the current version is the live form
    assert ProjectCollaborator.objects.get(project=project).level == CollaboratorLevel.MANAGE
    assert AuditEvent.objects.filter(action="APPLICATION_STATUS_CHANGED", project_id=str(project.pk)).exists()


def test_two_step_call_starts_in_step1_draft(applicant, open_call):
    open_call.end_date_step1 = timezone.now() + timedelta(days=5)
    open_call.save()
    project = services.create_project(actor=applicant, call_id=open_call.pk, acronym="TWO")
    assert project.status == ApplicationStatus.STEP1_DRAFT


def test_create_refusals(applicant, programme_user, open_call, ended_call):
    with pytest.raises(Forbidden):
        services.create_project(actor=programme_user, call_id=open_call.pk, acronym="X")
    with pytest.raises(ValidationFailed) as error:
        services.create_project(actor=applicant, call_id=open_call.pk, acronym="  ")
    assert "acronym" in error.value.form_errors
    with pytest.raises(ValidationFailed) as error:
        services.create_project(actor=applicant, call_id=open_call.pk, acronym="A" * 26)
    assert error.value.form_errors["acronym"]["i18nKey"] == "common.error.field.max.length"
    with pytest.raises(ValidationFailed) as error:
        services.create_project(actor=applicant, call_id=ended_call.pk, acronym="LATE")
    assert error.value.key == "call.already.ended"
    assert AuditEvent.objects.filter(action="CALL_ALREADY_ENDED").exists()
    with pytest.raises(NotFound):
        services.create_project(actor=applicant, call_id=999999, acronym="NONE")
    assert not Project.objects.exists()


def test_update_identification(project, applicant):
    updated = services.update_identification(actor=applicant, project_id=project.pk, data=ident(
        title={"EN": "Green rivers", "DE": "Grüne Flüsse"}, specific_objective="Digitisation",
        intro={"EN": "Summary"}, duration=36))
    assert updated.title == {"EN": "Green rivers", "DE": "Grüne Flüsse"}
    assert updated.specific_objective.code == "SO1.2" and updated.duration == 36
    # opening version 2.0 freezes the form into version 1.0, which never changes afterwards
    services.create_version(actor=applicant, project=updated)
    first, second = ProjectVersion.objects.filter(project=project).order_by("id")
    assert first.snapshot["title"]["DE"] == "Grüne Flüsse" and first.snapshot["specificObjectiveCode"] == "SO1.2"
    assert second.version == "2.0" and second.snapshot is None
    services.update_identification(actor=applicant, project_id=project.pk, data=ident(title={"EN": "New"}))
    first.refresh_from_db()
    assert first.snapshot["title"]["EN"] == "Green rivers"
    assert AuditEvent.objects.filter(action="APPLICATION_VERSION_RECORDED").count() == 2


def test_update_identification_refusals(project, applicant, languages):
    with pytest.raises(ValidationFailed) as error:
        services.update_identification(actor=applicant, project_id=project.pk, data=ident(
            title={"EN": "T" * 251, "FR": "Titre"}, intro={"DE": "x" * 2001}, duration=0,
            specific_objective="Growth", acronym=""))
    errors = error.value.form_errors
    assert errors["title.language.en"]["i18nKey"] == "common.error.field.max.length"
    assert errors["title.language.fr"]["i18nKey"] == "project.language.not.input.language"
    assert errors["intro.language.de"]["i18nArguments"]["requiredLength"] == "2000"
    assert {"duration", "specificObjective", "acronym"} <= set(errors)


def test_missing_translations_are_allowed_while_drafting(project, applicant):
    """Only the pre-submission check asks for every input language (features §4.12); saving a draft with
    only some languages filled is allowed."""
    saved = services.update_identification(actor=applicant, project_id=project.pk, data=ident(title={"EN": "Only"}))
    assert saved.title == {"EN": "Only"}


def test_update_refused_by_status_and_level(project, applicant):
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    with pytest.raises(Forbidden):
        services.update_identification(actor=viewer, project_id=project.pk, data=ident())
    other = make_user("other@example.org", APPLICANT_USER_ROLE_ID)
    with pytest.raises(NotFound):
        services.update_identification(actor=other, project_id=project.pk, data=ident())
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.SUBMITTED)
    with pytest.raises(ValidationFailed) as error:
        services.update_identification(actor=applicant, project_id=project.pk, data=ident())
    assert error.value.key == "project.status.not.modifiable"


def test_collaborators(project, applicant, programme_user):
    make_user("colleague@example.org", APPLICANT_USER_ROLE_ID)
    rows = services.update_collaborators(actor=applicant, project_id=project.pk, collaborators=[
        (applicant.email, "MANAGE"), ("Colleague@example.org", "VIEW")])
    assert sorted(r.level for r in rows) == ["MANAGE", "VIEW"]
    assert AuditEvent.objects.filter(action="PROJECT_USER_ASSIGNMENT_APPLICANTS").exists()
    with pytest.raises(ValidationFailed) as error:
        services.update_collaborators(actor=applicant, project_id=project.pk,
                                      collaborators=[(applicant.email, "EDIT")])
    assert error.value.key == "project.collaborators.manage.required"
    with pytest.raises(ValidationFailed) as error:  # programme users do not hold ProjectCreate
        services.update_collaborators(actor=applicant, project_id=project.pk, collaborators=[
            (applicant.email, "MANAGE"), (programme_user.email, "VIEW"), ("nobody@example.org", "VIEW")])
    assert len(error.value.form_errors) == 2
    colleague = ProjectCollaborator.objects.get(project=project, level="VIEW").user
    with pytest.raises(NotFound):  # a VIEW collaborator without collaborator rights ... sees only 404/403
        services.update_collaborators(actor=colleague, project_id=project.pk + 1000,
                                      collaborators=[(colleague.email, "MANAGE")])
    with pytest.raises(Forbidden):
        services.update_collaborators(actor=colleague, project_id=project.pk,
                                      collaborators=[(colleague.email, "MANAGE")])


def test_assignments_and_role_change(project, admin_user, programme_user, monitor):
    services.update_assignments(actor=admin_user, changes=[services.AssignmentChange(project.pk, {monitor.pk}, set())])
    assert ProjectAssignment.objects.filter(project=project, user=monitor).exists()
    assert AuditEvent.objects.filter(action="PROJECT_USER_ASSIGNMENT_PROGRAMME").exists()
    with pytest.raises(Forbidden):
        services.update_assignments(actor=programme_user, changes=[])
    with pytest.raises(ValidationFailed):
        services.update_assignments(actor=admin_user, changes=[
            services.AssignmentChange(project.pk, {project.applicant_id}, set())])
    with pytest.raises(NotFound):
        services.update_assignments(actor=admin_user, changes=[services.AssignmentChange(99999, set(), set())])
    from jems.accounts.signals import role_changed

    role_changed.send(sender=type(monitor), user=monitor)
    assert not ProjectAssignment.objects.filter(user=monitor).exists()


def test_specific_objective_locked_after_contracting(project, applicant):
    services.update_identification(actor=applicant, project_id=project.pk,
                                   data=ident(specific_objective="Digitisation"))
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.IN_MODIFICATION)
    saved = services.update_identification(actor=applicant, project_id=project.pk,
                                           data=ident(specific_objective="Digitisation", duration=30))
    assert saved.duration == 30
    with pytest.raises(ValidationFailed) as error:
        services.update_identification(actor=applicant, project_id=project.pk, data=ident(specific_objective=None))
    assert error.value.form_errors["specificObjective"]["i18nKey"] == "project.specific.objective.locked"
