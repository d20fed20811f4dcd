"""The annex page: upload (multipart, no JS), inline errors, description, download, delete, read-only
for viewers, 404 for others, and a fixed number of queries."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.projects.files import services
from jems.projects.files.models import FileCategory, ProjectFile
from jems.projects.models import CollaboratorLevel, ProjectCollaborator
from jems.projects.partners.models import PartnerRole, ProjectPartner
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def url(project, suffix=""):
    return f"/app/project/detail/{project.pk}/annexes{suffix}"


def test_upload_describe_download_delete(applicant, project):
    client = login(applicant)
    page = client.get(url(project))
    assert page.status_code == 200 and b'enctype="multipart/form-data"' in page.content
    response = client.post(url(project), {"file": SimpleUploadedFile("plan.txt", b"plan"), "description": "Plan"})
    assert response.status_code == 302
    item = ProjectFile.objects.get()
    assert (item.name, item.description, item.category) == ("plan.txt", "Plan", "APPLICATION")
    page = client.get(url(project))
    assert b"plan.txt" in page.content and b"4 B" in page.content
    response = client.get(url(project, f"/{item.pk}/download"))
    assert response.content == b"plan" and response["Content-Disposition"] == "attachment; filename*=UTF-8''plan.txt"
    client.post(url(project, f"/{item.pk}/description"), {"description": "New"})
    item.refresh_from_db()
    assert item.description == "New"
    assert client.post(url(project, f"/{item.pk}/delete")).status_code == 302
    assert not ProjectFile.objects.exists()


def test_partner_category_and_inline_errors(applicant, project):
    partner = ProjectPartner.objects.create(project=project, role=PartnerRole.LEAD_PARTNER, abbreviation="CITY",
                                            sort_number=1)
    client = login(applicant)
    assert b"LP1 CITY" in client.get(url(project)).content
    response = client.post(url(project, f"?partner={partner.pk}"), {"file": SimpleUploadedFile("a.txt", b"a")})
    assert response.status_code == 302 and ProjectFile.objects.get().partner == partner
    response = client.post(url(project, f"?partner={partner.pk}"),
                           {"file": SimpleUploadedFile("a.txt", b"a"), "description": "kept"})
    assert response.status_code == 422
    assert b"A file with this name already exists here." in response.content and b"field--invalid" in response.content
    assert b"kept" in response.content
    assert client.post(url(project), {"description": "x"}).status_code == 422
    assert client.get(url(project, "?partner=999999")).status_code == 404


def test_viewer_read_only_and_other_applicant(applicant, project):
    item = services.upload(actor=applicant, project_id=project.pk, category=FileCategory.APPLICATION,
                           upload=SimpleUploadedFile("a.txt", b"a"))
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    client = login(viewer)
    page = client.get(url(project))
    assert page.status_code == 200 and b"a.txt" in page.content
    assert b"multipart/form-data" not in page.content and b"Delete" not in page.content
    assert client.post(url(project), {"file": SimpleUploadedFile("b.txt", b"b")}).status_code == 403
    assert client.post(url(project, f"/{item.pk}/delete")).status_code == 403
    other = login(make_user("other@example.org", APPLICANT_USER_ROLE_ID))
    assert other.get(url(project)).status_code == 404
    assert other.get(url(project, f"/{item.pk}/download")).status_code == 404


def test_page_query_count_is_fixed(applicant, project):
    client = login(applicant)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(project)).status_code == 200
        return len(queries)

    def add(start, n):
        for i in range(start, start + n):
            services.upload(actor=applicant, project_id=project.pk, category=FileCategory.APPLICATION,
                            upload=SimpleUploadedFile(f"f{i}.txt", b"x"))

    add(0, 1)
    count()  # warm the per-process caches
    one = count()
    add(1, 29)
    assert count() == one


def test_investment_category(applicant, project):
    from jems.projects.workpackages.models import Investment, WorkPackage

    investment = Investment.objects.create(work_package=WorkPackage.objects.create(project=project, number=1),
                                           number=1)
    client = login(applicant)
    assert b"Investment I1.1" in client.get(url(project)).content
    response = client.post(url(project, f"?investment={investment.pk}"), {"file": SimpleUploadedFile("i.txt", b"i")})
    assert response.status_code == 302 and response["Location"].endswith(f"?investment={investment.pk}")
    item = ProjectFile.objects.get()
    assert item.investment == investment and item.category == "INVESTMENT"
    page = client.get(url(project, f"?investment={investment.pk}"))
    assert b"Files of investment I1.1" in page.content and b"i.txt" in page.content
    assert b"i.txt" not in client.get(url(project)).content
    assert client.post(url(project, f"/{item.pk}/delete"))["Location"].endswith(f"?investment={investment.pk}")
    assert client.get(url(project, "?investment=999999")).status_code == 404
