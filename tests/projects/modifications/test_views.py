"""The Modification page: request form with inline errors, accept / decline / comment, modification files,
past decisions; refusals and a fixed number of queries."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.projects.files.models import FileCategory, ProjectFile
from jems.projects.models import ApplicationStatus, Project
from jems.projects.modifications.models import ModificationComment, ModificationRequest, RequestStatus
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def url(project, suffix=""):
    return f"/app/project/detail/{project.pk}/modification{suffix}"


def test_request_with_inline_errors_then_accept(applicant, programme_user, contracted):
    client = login(applicant)
    page = client.get(url(contracted)).content.decode()
    assert "Request a modification" in page and "Accept request" not in page
    response = client.post(url(contracted), {"reason": ""})
    assert response.status_code == 422
    page = response.content.decode()
    assert 'aria-describedby="sections_error"' in page and "Enter the reason" not in page  # form-level required
    assert 'id="id_reason_error"' in page
    response = client.post(url(contracted), {"reason": "New partner", "sections": ["B"],
                                             "attachment": SimpleUploadedFile("why.pdf", b"abc")})
    assert response.status_code == 302
    item = ModificationRequest.objects.get()
    page = client.get(url(contracted)).content.decode()
    assert "why.pdf" in page and "A modification request is waiting" in page
    programme = login(programme_user)
    page = programme.get(url(contracted)).content.decode()
    assert f"Accept request {item.pk}" in page and "Modification decisions" in page
    response = programme.post(url(contracted, f"/{item.pk}/decline"), {f"d{item.pk}-note": ""})
    assert response.status_code == 422 and f'id="id_d{item.pk}-note_error"' in response.content.decode()
    response = programme.post(url(contracted, f"/{item.pk}/comment"), {f"c{item.pk}-text": "Fine"})
    assert response.status_code == 302 and ModificationComment.objects.get().text == "Fine"
    response = programme.post(url(contracted, f"/{item.pk}/accept"), {f"a{item.pk}-note": "Open"})
    assert response.status_code == 302
    assert Project.objects.get(pk=contracted.pk).status == ApplicationStatus.IN_MODIFICATION
    item.refresh_from_db()
    assert item.status == RequestStatus.ACCEPTED


def test_refusals(applicant, programme_user, contracted):
    programme = login(programme_user)
    assert programme.post(url(contracted), {"reason": "x", "sections": ["A"]}).status_code == 403
    item = ModificationRequest.objects.create(project=contracted, reason="r", sections=["A"],
                                              project_status="CONTRACTED", requested_by=applicant,
                                              requested_at=timezone.now())
    client = login(applicant)
    assert client.post(url(contracted, f"/{item.pk}/accept"), {}).status_code == 403
    assert client.post(url(contracted, "/files"), {}).status_code == 403
    other = login(make_user("other@example.org", APPLICANT_USER_ROLE_ID))
    assert other.get(url(contracted)).status_code == 404
    assert programme.post(url(contracted, "/999999/decline"), {"d999999-note": "x"}).status_code == 404
    # programme modification files
    response = programme.post(url(contracted, "/files"), {"file": SimpleUploadedFile("decision.pdf", b"x")})
    assert response.status_code == 302
    assert ProjectFile.objects.get().category == FileCategory.MODIFICATION
    # a draft project: the form is replaced by the reason
    ModificationRequest.objects.all().delete()
    Project.objects.filter(pk=contracted.pk).update(status=ApplicationStatus.DRAFT)
    page = client.get(url(contracted)).content.decode()
    assert "for an approved or contracted project (the project is Draft)" in page and "Send the request" not in page


def test_query_count_is_fixed(applicant, programme_user, contracted):
    client = login(programme_user)
    client.get(url(contracted))
    counts = []
    for rows in (10, 200):
        ModificationRequest.objects.all().delete()
        for n in range(rows):
            item = ModificationRequest.objects.create(
                project=contracted, reason=f"r{n}", sections=["A", "C"], project_status="CONTRACTED",
                requested_by=applicant, requested_at=timezone.now(), status=RequestStatus.DECLINED,
                answered_by=programme_user, answered_at=timezone.now(), answer_note="no")
            ModificationComment.objects.create(request=item, author=applicant, text="c", created_at=timezone.now())
        with CaptureQueriesContext(connection) as done:
            assert client.get(url(contracted)).status_code == 200
        counts.append(len(done))
    assert counts[0] == counts[1], counts
