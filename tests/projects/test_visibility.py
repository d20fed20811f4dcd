"""Field visibility of the call's form configuration on the project pages: hidden fields are not shown and keep
their stored values; STEP_TWO_ONLY fields are hidden in step 1; one-field sections leave the navigation."""

import pytest
from django.test import Client

from jems.projects.models import ApplicationStatus, Project
from jems.projects.visibility import visible_fields
from tests.conftest import PASSWORD
from tests.projects.conftest import show_fields

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def test_a_step_two_title_is_not_shown_in_step_one_and_keeps_its_value(applicant, project):
    Project.objects.filter(pk=project.pk).update(title={"EN": "Kept title"}, status=ApplicationStatus.STEP1_DRAFT)
    show_fields(project.call, "PROJECT_TITLE", visibility="STEP_TWO_ONLY")
    show_fields(project.call, "PROJECT_SUMMARY")
    client = login(applicant)
    url = f"/app/project/detail/{project.pk}/applicationFormIdentification"
    page = client.get(url)
    assert page.status_code == 200 and b'name="title_0"' not in page.content and b'name="intro_0"' in page.content
    response = client.post(url, {"acronym": "GREENER", "title_0": "Injected", "duration": "24", "intro_0": "S"})
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.acronym == "GREENER" and project.title == {"EN": "Kept title"} and "S" in project.intro.values()


def test_step_two_only_fields_are_hidden_in_step_one(project):
    show_fields(project.call, "PROJECT_TITLE", visibility="STEP_TWO_ONLY")
    assert "PROJECT_TITLE" in visible_fields(Project.objects.get(pk=project.pk))
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.STEP1_DRAFT)
    assert "PROJECT_TITLE" not in visible_fields(Project.objects.get(pk=project.pk))


@pytest.mark.parametrize(("field", "label", "hidden", "status"), [
    ("PARTNER_ASSOCIATED_ORGANIZATIONS", b"B.2 \xe2\x80\x93 Associated", "NONE", ApplicationStatus.DRAFT),
    ("PROJECT_OVERALL_OBJECTIVE", b"C.1 \xe2\x80\x93 Overall", "NONE", ApplicationStatus.DRAFT),
    ("PROJECT_PARTNERSHIP", b"C.3 \xe2\x80\x93 Partnership", "STEP_TWO_ONLY", ApplicationStatus.STEP1_DRAFT),
    ("PARTNER_BUDGET_AND_CO_FINANCING", b"E \xe2\x80\x93 Lump sums", "STEP_TWO_ONLY", ApplicationStatus.STEP1_DRAFT)])
def test_one_field_sections_follow_their_field_in_the_navigation(applicant, project, field, label, hidden, status):
    Project.objects.filter(pk=project.pk).update(status=status)
    client = login(applicant)
    show_fields(project.call, field, visibility=hidden)
    assert label not in client.get(f"/app/project/detail/{project.pk}").content
    show_fields(project.call, field)
    assert label in client.get(f"/app/project/detail/{project.pk}").content


def test_partner_tabs_hide_what_the_call_hides_and_keep_the_stored_values(applicant, project):
    from jems.projects.partners.models import PartnerRole, ProjectPartner

    partner = ProjectPartner.objects.create(project=project, abbreviation="CITY", role=PartnerRole.LEAD_PARTNER,
                                            sort_number=1, pic="123456789", nace="A_01_1",
                                            organization_role={"EN": "Kept"})
    show_fields(project.call, "PARTNER_PIC", "PARTNER_NACE_GROUP_LEVEL", visibility="NONE")
    client = login(applicant)
    base = f"/app/project/detail/{project.pk}/applicationFormPartner/{partner.pk}"
    page = client.get(f"{base}/identity").content
    assert b'name="pic"' not in page and b'name="nace"' not in page and b'name="abbreviation"' in page
    assert b"/motivation" not in page  # the three motivation fields are hidden by default: no tab
    assert b"/budget" in page and b"/coFinancing" in page
    response = client.post(f"{base}/identity", {"abbreviation": "TOWN", "role": "LEAD_PARTNER", "pic": "999999999",
                                                "partner_type": "Sme"})
    assert response.status_code == 302
    partner.refresh_from_db()
    assert (partner.abbreviation, partner.pic, partner.nace) == ("TOWN", "123456789", "A_01_1")
    show_fields(project.call, "PARTNER_MOTIVATION_ROLE")
    assert b"/motivation" in client.get(f"{base}/identity").content
    motivation = client.get(f"{base}/motivation").content
    assert b'name="organization_role_0"' in motivation and b'name="organization_relevance_0"' not in motivation


def test_budget_tabs_follow_field_45(applicant, project):
    from jems.projects.partners.models import PartnerRole, ProjectPartner

    partner = ProjectPartner.objects.create(project=project, abbreviation="CITY", role=PartnerRole.LEAD_PARTNER,
                                            sort_number=1)
    Project.objects.filter(pk=project.pk).update(status=ApplicationStatus.STEP1_DRAFT)
    show_fields(project.call, "PARTNER_BUDGET_AND_CO_FINANCING", visibility="STEP_TWO_ONLY")
    page = login(applicant).get(f"/app/project/detail/{project.pk}/applicationFormPartner/{partner.pk}/identity")
    assert b"/budget" not in page.content and b"/coFinancing" not in page.content
