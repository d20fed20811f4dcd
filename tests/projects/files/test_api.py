"""ProjectFileApi (application annexes): every served operation, its refusals, headers and query counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.projects.files import services
from jems.projects.files.models import FileCategory, ProjectFile
from jems.projects.models import CollaboratorLevel, ProjectCollaborator
from jems.projects.partners.models import PartnerRole, ProjectPartner
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def post_file(client, project, name="Annex ä.pdf", content=b"hello", query="type=APPLICATION"):
    return client.client.post(f"/api/project/{project.pk}/file/upload?{query}",
                              {"file": SimpleUploadedFile(name, content)}, **client.headers)


def test_upload_list_describe_download_delete(api_as, applicant, project):
    client = api_as(applicant)
    response = post_file(client, project)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["name"] == "Annex ä.pdf" and body["size"] == 5 and body["sizeString"] == "5 B"
    assert body["projectId"] == project.pk and body["category"] == "APPLICATION" and body["description"] == ""
    assert body["uploadedBy"]["email"] == applicant.email
    file_id = body["id"]
    page = client.get(f"/api/project/{project.pk}/file/list", type="APPLICATION").json()
    assert page["totalElements"] == 1 and page["content"][0]["id"] == file_id
    response = client.put(f"/api/project/{project.pk}/file/{file_id}/description", "Signed letter",
                          content_type="text/plain")
    assert response.status_code == 200 and response.json()["description"] == "Signed letter"
    response = client.get(f"/api/project/{project.pk}/file/download/{file_id}")
    assert response.status_code == 200 and response.content == b"hello"
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == "attachment; filename*=UTF-8''Annex%20%C3%A4.pdf"
    assert response["Content-Length"] == "5"
    response = client.delete(f"/api/project/{project.pk}/file/{file_id}")
    assert response.status_code == 200 and response.content == b""
    assert client.get(f"/api/project/{project.pk}/file/download/{file_id}").status_code == 404


def test_partner_category_and_refusals(api_as, applicant, project, settings):
    client = api_as(applicant)
    partner = ProjectPartner.objects.create(project=project, role=PartnerRole.LEAD_PARTNER, abbreviation="LP",
                                            sort_number=1)
    assert post_file(client, project, query=f"type=PARTNER&id={partner.pk}").status_code == 200
    page = client.get(f"/api/project/{project.pk}/file/list", type="PARTNER", id=partner.pk).json()
    assert page["totalElements"] == 1 and page["content"][0]["category"] == "PARTNER"
    response = post_file(client, project, query=f"type=PARTNER&id={partner.pk}")
    assert response.status_code == 422
    assert response.json()["formErrors"]["file"]["i18nKey"] == "file.upload.message.duplicate"
    assert post_file(client, project, query="type=INVESTMENT&id=1").status_code == 422
    assert post_file(client, project, query="type=PARTNER").status_code == 422
    assert client.get(f"/api/project/{project.pk}/file/list", type="INVESTMENT").status_code == 422
    assert post_file(client, project, query="type=NOPE").status_code in (400, 422)
    settings.MAX_UPLOAD_FILE_SIZE_MB = 1
    response = post_file(client, project, name="big.bin", content=b"x" * (1024 * 1024 + 1))
    assert response.status_code == 422
    assert response.json()["formErrors"]["file"]["i18nKey"] == "project.file.size.too.big"
    file_id = ProjectFile.objects.get().pk
    response = client.put(f"/api/project/{project.pk}/file/{file_id}/description", "d" * 251,
                          content_type="text/plain")
    assert response.status_code == 422
    # an empty body clears the description
    response = client.put(f"/api/project/{project.pk}/file/{file_id}/description", "", content_type="text/plain")
    assert response.status_code == 200 and response.json()["description"] == ""


def test_access_refusals(api_as, applicant, project):
    item = services.upload(actor=applicant, project_id=project.pk, category=FileCategory.APPLICATION,
                           upload=SimpleUploadedFile("a.txt", b"a"))
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    client = api_as(viewer)
    assert client.get(f"/api/project/{project.pk}/file/download/{item.pk}").status_code == 200
    assert post_file(client, project).status_code == 403
    assert client.delete(f"/api/project/{project.pk}/file/{item.pk}").status_code == 403
    assert client.put(f"/api/project/{project.pk}/file/{item.pk}/description", "x",
                      content_type="text/plain").status_code == 403
    other = api_as(make_user("other@example.org", APPLICANT_USER_ROLE_ID))
    assert other.get(f"/api/project/{project.pk}/file/list", type="APPLICATION").status_code == 404
    assert other.get(f"/api/project/{project.pk}/file/download/{item.pk}").status_code == 404
    assert other.delete(f"/api/project/{project.pk}/file/{item.pk}").status_code == 404
    assert api_as().get(f"/api/project/{project.pk}/file/list", type="APPLICATION").status_code == 401


def test_list_query_count_is_fixed(api_as, applicant, project):
    client = api_as(applicant)

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/api/project/{project.pk}/file/list", type="APPLICATION", size=100)
        assert response.status_code == 200
        return len(queries), response.json()["totalElements"]

    def add(n, start):
        for i in range(start, start + n):
            services.upload(actor=applicant, project_id=project.pk, category=FileCategory.APPLICATION,
                            upload=SimpleUploadedFile(f"f{i}.txt", b"x"))

    add(1, 0)
    count()  # warm the per-process caches
    one, total = count()
    assert total == 1
    add(29, 1)
    thirty, total = count()
    assert total == 30 and one == thirty


def test_bad_input_never_500(api_as, applicant, project):
    client = api_as(applicant)
    response = client.client.post(f"/api/project/{project.pk}/file/upload?type=APPLICATION", {}, **client.headers)
    assert response.status_code in (400, 422)
    assert client.get(f"/api/project/{project.pk}/file/list").status_code in (400, 422)
    assert client.get(f"/api/project/{project.pk}/file/list", type="APPLICATION", sort="nope").status_code == 422
    assert client.get(f"/api/project/{project.pk}/file/download/abc").status_code in (400, 404, 422)


def test_investment_category(api_as, applicant, project):
    from jems.projects.workpackages.models import Investment, WorkPackage

    investment = Investment.objects.create(work_package=WorkPackage.objects.create(project=project, number=1),
                                           number=1)
    client = api_as(applicant)
    response = post_file(client, project, query=f"type=INVESTMENT&id={investment.pk}")
    assert response.status_code == 200 and response.json()["category"] == "INVESTMENT"
    page = client.get(f"/api/project/{project.pk}/file/list", type="INVESTMENT", id=investment.pk).json()
    assert page["totalElements"] == 1
    assert client.get(f"/api/project/{project.pk}/file/list", type="APPLICATION").json()["totalElements"] == 0
    missing = post_file(client, project, query="type=INVESTMENT&id=999999")
    assert missing.status_code == 422 and missing.json()["formErrors"]["id"]["i18nKey"] == \
        "project.file.investment.not.found"
