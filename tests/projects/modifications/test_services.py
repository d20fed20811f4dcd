"""Modification requests: filing, accepting (the status machine opens the modification), declining,
comments; every refusal (role, project, status, pending request, bad input) and the audit trail."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.audit.models import AuditEvent
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.projects.files import services as file_services
from jems.projects.files.models import FileCategory
from jems.projects.models import ApplicationStatus, CollaboratorLevel, Project, ProjectCollaborator
from jems.projects.modifications import queries, services
from jems.projects.modifications.models import RequestStatus
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def file_request(actor, project, **extra):
    data = {"reason": "Partner PP2 leaves", "sections": ["B", "D"]} | extra
    return services.file_request(actor=actor, project_id=project.pk, **data)


def test_file_accept_and_comment(applicant, programme_user, contracted, django_capture_on_commit_callbacks):
    item = file_request(applicant, contracted, uploads=[SimpleUploadedFile("why.pdf", b"x")])
    assert item.status == RequestStatus.PENDING and item.sections == ["B", "D"]
    assert [f.category for f in item.attachments.all()] == [FileCategory.MODIFICATION]
    services.comment(actor=programme_user, project_id=contracted.pk, request_id=item.pk, text="Which budget?")
    services.comment(actor=applicant, project_id=contracted.pk, request_id=item.pk, text="Staff costs.")
    with django_capture_on_commit_callbacks(execute=True):
        services.accept(actor=programme_user, project_id=contracted.pk, request_id=item.pk, note="Go ahead")
    item.refresh_from_db()
    assert item.status == RequestStatus.ACCEPTED and item.answered_by == programme_user
    assert Project.objects.get(pk=contracted.pk).status == ApplicationStatus.IN_MODIFICATION
    [got] = queries.thread(contracted)
    assert [c.text for c in got.comments.all()] == ["Which budget?", "Staff costs."]
    descriptions = list(AuditEvent.objects.filter(action="APPLICATION_STATUS_CHANGED").order_by("id")
                        .values_list("description", flat=True))[1:]  # after the creation
    assert descriptions[0].startswith(f"Modification request {item.pk}: filed for sections B, D with 1")
    assert "from CONTRACTED to IN_MODIFICATION" in descriptions[-2]
    assert descriptions[-1].endswith("accepted, the project is now IN_MODIFICATION")
    # the modification is open: no new request
    with pytest.raises(ValidationFailed) as error:
        file_request(applicant, contracted)
    assert error.value.key == "project.modification.request.status.not.allowed"


def test_approved_project_opens_a_precontracting_modification(applicant, programme_user, project):
    project.status = ApplicationStatus.APPROVED
    project.save(update_fields=["status"])
    item = file_request(applicant, project)
    services.accept(actor=programme_user, project_id=project.pk, request_id=item.pk)
    assert Project.objects.get(pk=project.pk).status == ApplicationStatus.MODIFICATION_PRECONTRACTING


def test_decline(applicant, programme_user, contracted):
    item = file_request(applicant, contracted)
    with pytest.raises(ValidationFailed) as error:
        services.decline(actor=programme_user, project_id=contracted.pk, request_id=item.pk, note=" ")
    assert error.value.field_messages() == {"note": "project.modification.request.note.empty"}
    services.decline(actor=programme_user, project_id=contracted.pk, request_id=item.pk, note="Not needed")
    assert Project.objects.get(pk=contracted.pk).status == ApplicationStatus.CONTRACTED
    with pytest.raises(ValidationFailed) as error:
        services.accept(actor=programme_user, project_id=contracted.pk, request_id=item.pk)
    assert error.value.key == "project.modification.request.answered"
    file_request(applicant, contracted)  # a new request after the answer


def test_input_refusals(applicant, contracted):
    with pytest.raises(ValidationFailed) as error:
        file_request(applicant, contracted, reason="", sections=[])
    assert error.value.field_messages() == {"reason": "project.modification.request.reason.empty",
                                            "sections": "project.modification.request.sections.empty"}
    with pytest.raises(ValidationFailed) as error:
        file_request(applicant, contracted, reason="r" * 5001, sections=["F"])
    assert error.value.field_messages() == {"reason": "common.error.field.max.length",
                                            "sections": "project.modification.request.sections.invalid"}
    with pytest.raises(ValidationFailed) as error:
        file_request(applicant, contracted, file_ids=[999999])
    assert error.value.field_messages() == {"fileIds": "project.modification.request.file.invalid"}
    own = file_services.upload(actor=applicant, project_id=contracted.pk, category=FileCategory.MODIFICATION,
                               upload=SimpleUploadedFile("plan.pdf", b"x"))
    item = file_request(applicant, contracted, file_ids=[own.pk])
    assert list(item.attachments.all()) == [own]
    with pytest.raises(ValidationFailed) as error:
        file_request(applicant, contracted)
    assert error.value.key == "project.modification.request.pending"
    with pytest.raises(ValidationFailed) as error:
        services.comment(actor=applicant, project_id=contracted.pk, request_id=item.pk, text="")
    assert error.value.field_messages() == {"text": "project.modification.comment.empty"}


def test_role_project_and_status_refusals(applicant, programme_user, project):
    with pytest.raises(ValidationFailed) as error:
        file_request(applicant, project)  # a draft
    assert error.value.key == "project.modification.request.status.not.allowed"
    project.status = ApplicationStatus.CONTRACTED
    project.save(update_fields=["status"])
    with pytest.raises(Forbidden):
        file_request(programme_user, project)  # not a form editor
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    with pytest.raises(Forbidden):
        file_request(viewer, project)
    item = file_request(applicant, project)
    services.comment(actor=viewer, project_id=project.pk, request_id=item.pk, text="Seen")
    for user in (applicant, viewer):
        with pytest.raises(Forbidden):
            services.accept(actor=user, project_id=project.pk, request_id=item.pk)
        with pytest.raises(Forbidden):
            services.decline(actor=user, project_id=project.pk, request_id=item.pk, note="no")
    other = make_user("other@example.org", APPLICANT_USER_ROLE_ID)
    with pytest.raises(NotFound):
        file_request(other, project)
    with pytest.raises(NotFound):
        services.comment(actor=other, project_id=project.pk, request_id=item.pk, text="x")
    with pytest.raises(NotFound):
        services.accept(actor=programme_user, project_id=project.pk, request_id=item.pk + 100)
