"""The modification-request API (our addition): list, create with attachments, accept, decline, comment;
refusals (401/403/404/422) and a fixed number of queries."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.projects.models import ApplicationStatus, Project
from jems.projects.modifications.models import ModificationComment, ModificationRequest
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def base(project):
    return f"/api/project/{project.pk}/modificationRequest"


def test_round_trip(api_as, applicant, programme_user, contracted):
    own = api_as(applicant)
    response = own.client.post(f"/api/project/{contracted.pk}/file/upload?type=MODIFICATION",
                               {"file": SimpleUploadedFile("plan.pdf", b"abc")}, **own.headers)
    file_id = response.json()["id"]
    response = own.post(base(contracted), {"reason": "More time", "sections": ["C", "A"], "fileIds": [file_id]})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["sections"] == ["A", "C"] and body["status"] == "PENDING" and body["projectStatus"] == "CONTRACTED"
    assert [f["name"] for f in body["attachments"]] == ["plan.pdf"] and body["answeredBy"] is None
    request_id = body["id"]
    programme = api_as(programme_user)
    response = programme.post(f"{base(contracted)}/{request_id}/comment", {"text": "Why?"})
    assert response.status_code == 200 and response.json()["author"]["email"] == programme_user.email
    response = programme.put(f"{base(contracted)}/{request_id}/accept", {"note": "ok"})
    assert response.status_code == 200 and response.json()["status"] == "ACCEPTED"
    assert Project.objects.get(pk=contracted.pk).status == ApplicationStatus.IN_MODIFICATION
    listed = own.get(base(contracted)).json()
    assert [r["id"] for r in listed] == [request_id] and listed[0]["comments"][0]["text"] == "Why?"
    history = programme.get(f"/api/project/{contracted.pk}/modification-decisions")
    assert history.status_code == 200


def test_refusals(api_as, applicant, programme_user, contracted):
    own = api_as(applicant)
    response = own.post(base(contracted), {"reason": "", "sections": ["X"]})
    assert response.status_code == 422
    assert set(response.json()["formErrors"]) == {"reason", "sections"}
    assert api_as(programme_user).post(base(contracted), {"reason": "r", "sections": ["A"]}).status_code == 403
    request_id = own.post(base(contracted), {"reason": "r", "sections": ["A"]}).json()["id"]
    assert own.put(f"{base(contracted)}/{request_id}/accept", {}).status_code == 403
    response = api_as(programme_user).put(f"{base(contracted)}/{request_id}/decline", {"note": ""})
    assert response.status_code == 422 and "note" in response.json()["formErrors"]
    other = api_as(make_user("other@example.org", APPLICANT_USER_ROLE_ID))
    assert other.get(base(contracted)).status_code == 404
    assert api_as(None).get(base(contracted)).status_code == 401
    assert api_as(programme_user).put(f"{base(contracted)}/999999/accept", {}).status_code == 404


def test_list_query_count_is_fixed(api_as, applicant, contracted):
    client = api_as(applicant)
    client.get(base(contracted))
    counts = []
    for rows in (10, 200):
        ModificationRequest.objects.all().delete()
        for n in range(rows):
            item = ModificationRequest.objects.create(project=contracted, reason=f"r{n}", sections=["A"],
                                                      project_status="CONTRACTED", requested_by=applicant,
                                                      requested_at=timezone.now())
            ModificationComment.objects.create(request=item, author=applicant, text="c", created_at=timezone.now())
        with CaptureQueriesContext(connection) as done:
            response = client.get(base(contracted))
        assert response.status_code == 200 and len(response.json()) == rows
        counts.append(len(done))
    assert counts[0] == counts[1], counts
