"""Assessment and modification files: rights per category, status rules, refusals (service, API, page)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.core.pagination import PageRequest
from jems.projects.files import queries, services
from jems.projects.files.models import FileCategory
from jems.projects.models import ApplicationStatus, CollaboratorLevel, ProjectCollaborator
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db
A, M = FileCategory.ASSESSMENT, FileCategory.MODIFICATION


def upload(actor, project, category, name="file.pdf"):
    return services.upload(actor=actor, project_id=project.pk, category=category,
                           upload=SimpleUploadedFile(name, b"data", content_type="application/pdf"))


def set_status(project, status):
    project.status = status
    project.save(update_fields=["status"])


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def test_assessment_files_programme_side_only(applicant, programme_user, project):
    item = upload(programme_user, project, A)  # any status, even a draft
    set_status(project, ApplicationStatus.SUBMITTED)
    upload(programme_user, project, A, name="second.pdf")
    _p, items, total = queries.list_files(actor=programme_user, project_id=project.pk, category=A,
                                          page=PageRequest())
    assert total == 2
    services.set_description(actor=programme_user, project_id=project.pk, file_id=item.pk, description="Report")
    services.delete(actor=programme_user, project_id=project.pk, file_id=item.pk)
    # the applicant never sees them: 403 for the category, 404 for a file
    other = upload(programme_user, project, A, name="third.pdf")
    with pytest.raises(Forbidden):
        queries.list_files(actor=applicant, project_id=project.pk, category=A, page=PageRequest())
    with pytest.raises(Forbidden):
        upload(applicant, project, A, name="mine.pdf")
    for call in (services.download, services.delete):
        with pytest.raises(NotFound):
            call(actor=applicant, project_id=project.pk, file_id=other.pk)
    with pytest.raises(NotFound):
        services.set_description(actor=applicant, project_id=project.pk, file_id=other.pk, description="x")
    # ALL lists only the readable categories
    set_status(project, ApplicationStatus.DRAFT)
    upload(applicant, project, FileCategory.APPLICATION, name="annex.pdf")
    _p, items, total = queries.list_files(actor=applicant, project_id=project.pk, category="ALL",
                                          page=PageRequest())
    assert [i.name for i in items] == ["annex.pdf"]
    _p, items, total = queries.list_files(actor=programme_user, project_id=project.pk, category="ALL",
                                          page=PageRequest())
    assert total == 3


def test_modification_files_status_and_own_files(applicant, programme_user, project):
    with pytest.raises(ValidationFailed) as error:
        upload(applicant, project, M)  # a draft: no modification possible
    assert error.value.key == "project.status.not.modifiable"
    set_status(project, ApplicationStatus.CONTRACTED)
    mine = upload(applicant, project, M)
    theirs = upload(programme_user, project, M, name="decision.pdf")
    # the applicant (form editor) changes their own files only; the programme user every file
    with pytest.raises(Forbidden):
        services.delete(actor=applicant, project_id=project.pk, file_id=theirs.pk)
    with pytest.raises(Forbidden):
        services.set_description(actor=applicant, project_id=project.pk, file_id=theirs.pk, description="x")
    services.set_description(actor=applicant, project_id=project.pk, file_id=mine.pk, description="Mine")
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    services.download(actor=viewer, project_id=project.pk, file_id=theirs.pk)
    with pytest.raises(Forbidden):
        upload(viewer, project, M, name="viewer.pdf")
    for status in (ApplicationStatus.IN_MODIFICATION, ApplicationStatus.MODIFICATION_SUBMITTED,
                   ApplicationStatus.APPROVED, ApplicationStatus.MODIFICATION_PRECONTRACTING):
        set_status(project, status)
        upload(programme_user, project, M, name=f"{status}.pdf")
    set_status(project, ApplicationStatus.CLOSED)
    with pytest.raises(ValidationFailed):
        services.delete(actor=programme_user, project_id=project.pk, file_id=mine.pk)
    services.set_description(actor=programme_user, project_id=project.pk, file_id=mine.pk, description="kept")
    other = make_user("other@example.org", APPLICANT_USER_ROLE_ID)
    with pytest.raises(NotFound):
        queries.list_files(actor=other, project_id=project.pk, category=M, page=PageRequest())


def test_api(api_as, applicant, programme_user, project):
    client = api_as(programme_user)
    response = client.client.post(f"/api/project/{project.pk}/file/upload?type=ASSESSMENT",
                                  {"file": SimpleUploadedFile("report.pdf", b"abc")}, **client.headers)
    assert response.status_code == 200, response.content
    assert response.json()["category"] == "ASSESSMENT"
    file_id = response.json()["id"]
    assert client.get(f"/api/project/{project.pk}/file/list", type="ASSESSMENT").json()["totalElements"] == 1
    own = api_as(applicant)
    assert own.get(f"/api/project/{project.pk}/file/list", type="ASSESSMENT").status_code == 403
    assert own.get(f"/api/project/{project.pk}/file/download/{file_id}").status_code == 404
    assert own.get(f"/api/project/{project.pk}/file/list", type="ALL").json()["totalElements"] == 0
    response = own.client.post(f"/api/project/{project.pk}/file/upload?type=MODIFICATION",
                               {"file": SimpleUploadedFile("request.pdf", b"abc")}, **own.headers)
    assert response.status_code == 422
    set_status(project, ApplicationStatus.CONTRACTED)
    response = own.client.post(f"/api/project/{project.pk}/file/upload?type=MODIFICATION",
                               {"file": SimpleUploadedFile("request.pdf", b"abc")}, **own.headers)
    assert response.status_code == 200 and response.json()["category"] == "MODIFICATION"
    page = client.get(f"/api/project/{project.pk}/file/list", type="MODIFICATION").json()
    assert [f["name"] for f in page["content"]] == ["request.pdf"]
    assert client.delete(f"/api/project/{project.pk}/file/{file_id}").status_code == 200


def test_assessment_page(applicant, programme_user, project):
    client = login(programme_user)
    url = f"/app/project/detail/{project.pk}/assessmentFiles"
    response = client.post(url, {"description": "d" * 251})
    assert response.status_code == 422
    assert 'aria-describedby' in response.content.decode()
    response = client.post(url, {"file": SimpleUploadedFile("report.pdf", b"abc"), "description": "Eligibility"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "report.pdf" in page and "Eligibility" in page and "Delete report.pdf" in page
    assert login(applicant).get(url).status_code == 403
    other = make_user("other@example.org", APPLICANT_USER_ROLE_ID)
    assert login(other).get(url).status_code == 404


def test_assessment_page_query_count(programme_user, project):
    from django.utils import timezone

    from jems.projects.files.models import ProjectFile

    client = login(programme_user)
    url = f"/app/project/detail/{project.pk}/assessmentFiles"
    client.get(url)
    counts = []
    for rows in (10, 200):
        ProjectFile.objects.all().delete()
        ProjectFile.objects.bulk_create(ProjectFile(
            project=project, category=A, name=f"f{n}.pdf", size=1, storage_path=f"x/{n}",
            uploaded_by=programme_user, uploaded_at=timezone.now()) for n in range(rows))
        with CaptureQueriesContext(connection) as done:
            assert client.get(url).status_code == 200
        counts.append(len(done))
    assert counts[0] == counts[1], counts
