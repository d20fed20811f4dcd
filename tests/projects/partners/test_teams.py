"""Partner teams: the service (who may manage, who may join, audit), the access extensions (read-only project,
"My applications"), PartnerUserCollaboratorApi and the blocks of the project privileges page."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jems.accounts.models import Role, UserStatus
from jems.accounts.privileges import APPLICANT_USER_ROLE_ID
from jems.audit.models import AuditEvent
from jems.core.errors import Forbidden, NotFound, ValidationFailed
from jems.projects import access
from jems.projects.models import CollaboratorLevel, Project, ProjectAssignment, ProjectCollaborator
from jems.projects.partners import teams
from jems.projects.partners.models import PartnerCollaborator
from jems.projects.queries import my_project_ids_query
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def member(email, level="VIEW", gdpr=False):
    return teams.TeamMember(email=email, level=level, gdpr=gdpr)


def login(user) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


@pytest.fixture
def reporter(db):
    return make_user("reporter@example.org", APPLICANT_USER_ROLE_ID)


# --- service and access -------------------------------------------------------------------------------------------


def test_update_team_and_audit(applicant, project, partners, reporter):
    lead, uni = partners
    other = make_user("other@example.org", APPLICANT_USER_ROLE_ID)
    rows = teams.update_partner_collaborators(actor=applicant, project_id=project.pk, partner_id=lead.pk, members=[
        member(" Reporter@Example.org ", "EDIT", True), member("other@example.org"), member("")])
    assert [(r.user_id, r.level, r.gdpr) for r in rows] == [(reporter.pk, "EDIT", True), (other.pk, "VIEW", False)]
    event = AuditEvent.objects.filter(action="PROJECT_USER_ASSIGNMENT_APPLICANTS").latest("id")
    assert event.entity_related_id == lead.pk and "reporter@example.org: EDIT (GDPR)" in event.description
    teams.update_partner_collaborators(actor=applicant, project_id=project.pk, partner_id=uni.pk,
                                       members=[member("other@example.org", "EDIT")])
    teams.update_partner_collaborators(actor=applicant, project_id=project.pk, partner_id=lead.pk,
                                       members=[member("other@example.org", "EDIT")])
    assert sorted(PartnerCollaborator.objects.values_list("partner_id", "user_id", "level")) == sorted([
        (lead.pk, other.pk, "EDIT"), (uni.pk, other.pk, "EDIT")])
    assert teams.my_level(actor=other, partner_id=uni.pk) == "EDIT"
    assert teams.my_level(actor=reporter, partner_id=uni.pk) is None
    assert teams.my_level(actor=other, partner_id="x") is None


def test_who_may_join(applicant, project, partners, reporter, programme_user):
    lead, _uni = partners
    make_user("sleeping@example.org", APPLICANT_USER_ROLE_ID, status=UserStatus.INACTIVE)
    with pytest.raises(ValidationFailed) as error:
        teams.update_partner_collaborators(actor=applicant, project_id=project.pk, partner_id=lead.pk, members=[
            member("nobody@example.org"), member("sleeping@example.org"), member(programme_user.email),
            member(reporter.email, "MANAGE")])
    assert error.value.field_messages() == {
        "userEmail.nobody@example.org": "project.partner.collaborator.user.not.found",
        "userEmail.sleeping@example.org": "project.partner.collaborator.user.not.active",
        f"userEmail.{programme_user.email}": "project.partner.collaborator.user.not.applicant",
        f"level.{reporter.email}": "project.partner.collaborator.level.invalid"}
    assert not PartnerCollaborator.objects.exists()


def test_who_may_manage(applicant, project, partners, reporter, monitor, admin_user, open_call):
    lead, _uni = partners
    editor = make_user("editor@example.org", APPLICANT_USER_ROLE_ID)
    ProjectCollaborator.objects.create(project=project, user=editor, level=CollaboratorLevel.EDIT)
    with pytest.raises(Forbidden):
        teams.update_partner_collaborators(actor=editor, project_id=project.pk, partner_id=lead.pk, members=[])
    stranger = make_user("stranger@example.org", APPLICANT_USER_ROLE_ID)
    with pytest.raises(NotFound):
        teams.update_partner_collaborators(actor=stranger, project_id=project.pk, partner_id=lead.pk, members=[])
    other = Project.objects.create(call=open_call, acronym="OTHER", applicant=applicant)
    ProjectCollaborator.objects.create(project=other, user=applicant, level=CollaboratorLevel.MANAGE)
    with pytest.raises(NotFound):  # a partner of another project
        teams.update_partner_collaborators(actor=applicant, project_id=other.pk, partner_id=lead.pk, members=[])
    # the monitor sees the project and its collaborators but lacks ProjectMonitorCollaboratorsUpdate
    ProjectAssignment.objects.create(project=project, user=monitor)
    with pytest.raises(Forbidden):
        teams.update_partner_collaborators(actor=monitor, project_id=project.pk, partner_id=lead.pk, members=[])
    teams.update_partner_collaborators(actor=admin_user, project_id=project.pk, partner_id=lead.pk,
                                       members=[member(reporter.email)])
    assert PartnerCollaborator.objects.get().user == reporter


def test_team_member_sees_the_project_read_only(applicant, project, partners, reporter):
    lead, _uni = partners
    with pytest.raises(NotFound):
        access.load(reporter, project.pk)
    assert project.pk not in set(Project.objects.filter(pk__in=my_project_ids_query(reporter))
                                 .values_list("pk", flat=True))
    teams.update_partner_collaborators(actor=applicant, project_id=project.pk, partner_id=lead.pk,
                                       members=[member(reporter.email, "EDIT")])
    acc = access.load(reporter, project.pk)
    assert acc.can_view() and not acc.may_edit_form() and not acc.can_see_collaborators()
    assert project.pk in set(Project.objects.filter(pk__in=my_project_ids_query(reporter)).values_list("pk", flat=True))


# --- API ----------------------------------------------------------------------------------------------------------


def test_api_operations(api_as, applicant, project, partners, reporter):
    lead, uni = partners
    client = api_as(applicant)
    base = f"/api/projectPartnerCollaborators/forProject/{project.pk}"
    assert client.get(base).json() == []
    response = client.put(f"{base}/forPartner/{uni.pk}", [
        {"userEmail": reporter.email, "level": "EDIT", "gdpr": True}])
    assert response.status_code == 200, response.content
    expected = [{"partnerId": uni.pk, "userId": reporter.pk, "userEmail": reporter.email, "level": "EDIT",
                 "gdpr": True}]
    assert response.json() == expected
    assert client.get(base).json() == expected
    mine = api_as(reporter)
    assert mine.get(f"{base}/myCollaborations").json() == expected
    assert client.get(f"{base}/myCollaborations").json() == []
    level = mine.get(f"/api/projectPartnerCollaborators/forPartner/{uni.pk}/checkMyLevel")
    assert level.status_code == 200 and level.json() == "EDIT"
    none = mine.get(f"/api/projectPartnerCollaborators/forPartner/{lead.pk}/checkMyLevel")
    assert none.status_code == 200 and none.content == b""
    # a team member sees the project but not the collaborators, and cannot manage the teams
    assert mine.get(base).status_code == 404
    assert mine.put(f"{base}/forPartner/{uni.pk}", []).status_code == 403
    assert mine.get(f"/api/project/byId/{project.pk}").status_code == 200
    assert project.pk in [p["id"] for p in mine.get("/api/project/mine").json()["content"]]


def test_api_refusals(api_as, applicant, project, partners, open_call):
    lead, _uni = partners
    client = api_as(applicant)
    base = f"/api/projectPartnerCollaborators/forProject/{project.pk}"
    bad = client.put(f"{base}/forPartner/{lead.pk}", [{"userEmail": "nobody@example.org", "level": "VIEW",
                                                      "gdpr": False}])
    assert bad.status_code == 422
    assert bad.json()["formErrors"]["userEmail.nobody@example.org"]["i18nKey"] == (
        "project.partner.collaborator.user.not.found")
    assert client.put(f"{base}/forPartner/{lead.pk}", [{"userEmail": "x@example.org", "level": "MANAGE",
                                                       "gdpr": False}]).status_code in (400, 422)
    assert client.put(f"{base}/forPartner/999999", []).status_code == 404
    stranger = api_as(make_user("stranger@example.org", APPLICANT_USER_ROLE_ID))
    assert stranger.get(base).status_code == 404
    assert stranger.get(f"{base}/myCollaborations").status_code == 404
    assert stranger.put(f"{base}/forPartner/{lead.pk}", []).status_code == 404
    assert client.get("/api/projectPartnerCollaborators/forProject/999999").status_code == 404


# --- privileges page ----------------------------------------------------------------------------------------------


def page_url(project):
    return f"/app/project/detail/{project.pk}/privileges"


def team_post(partner, rows, initial=0):
    data = {"team_partner": str(partner.pk), f"team{partner.pk}-TOTAL_FORMS": str(len(rows)),
            f"team{partner.pk}-INITIAL_FORMS": str(initial), f"team{partner.pk}-MIN_NUM_FORMS": "0",
            f"team{partner.pk}-MAX_NUM_FORMS": "1000"}
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"team{partner.pk}-{index}-{key}"] = value
    return data


def test_privileges_page_teams(applicant, project, partners, reporter):
    lead, uni = partners
    client = login(applicant)
    page = client.get(page_url(project))
    assert page.status_code == 200 and b"Partner teams" in page.content and b"Save team of UNI" in page.content
    response = client.post(page_url(project), team_post(uni, [{"email": reporter.email, "level": "EDIT",
                                                               "gdpr": "on"}]))
    assert response.status_code == 302
    assert PartnerCollaborator.objects.filter(partner=uni, user=reporter, level="EDIT", gdpr=True).exists()
    assert ProjectCollaborator.objects.filter(project=project).count() == 1  # untouched
    bad = client.post(page_url(project), team_post(lead, [{"email": "nobody@example.org", "level": "VIEW"}]))
    assert bad.status_code == 422
    html = bad.content.decode()
    assert "There is no user with the e-mail nobody@example.org." in html and 'aria-invalid="true"' in html
    assert 'value="nobody@example.org"' in html
    removed = client.post(page_url(project), team_post(
        uni, [{"email": reporter.email, "level": "EDIT", "DELETE": "on"}, {"email": "", "level": "VIEW"}], 1))
    assert removed.status_code == 302 and not PartnerCollaborator.objects.exists()
    assert client.post(page_url(project), {"team_partner": "999999"}).status_code == 404


def test_privileges_page_read_only_and_refusals(applicant, project, partners, reporter, monitor):
    lead, _uni = partners
    teams.update_partner_collaborators(actor=applicant, project_id=project.pk, partner_id=lead.pk,
                                       members=[member(reporter.email, "EDIT", True)])
    ProjectAssignment.objects.create(project=project, user=monitor)
    client = login(monitor)
    page = client.get(page_url(project))
    assert page.status_code == 200 and reporter.email.encode() in page.content and b"Save team" not in page.content
    assert client.post(page_url(project), team_post(lead, [])).status_code == 403
    # the team member sees the project read-only but not the privileges
    member_client = login(reporter)
    assert member_client.get(f"/app/project/detail/{project.pk}").status_code == 200
    assert member_client.get(page_url(project)).status_code == 404
    assert member_client.post(page_url(project), team_post(lead, [])).status_code == 404


def test_privileges_page_query_counts(applicant, project, partners):
    lead, uni = partners
    role = Role.objects.get(pk=APPLICANT_USER_ROLE_ID)

    def add(count, start):
        from jems.accounts.models import User

        users = User.objects.bulk_create([User(email=f"u{i}@example.org", name="U", surname="S", role=role,
                                               status=UserStatus.ACTIVE) for i in range(start, start + count)])
        PartnerCollaborator.objects.bulk_create([PartnerCollaborator(partner=lead if i % 2 else uni, user=u,
                                                                     level="VIEW") for i, u in enumerate(users)])

    client = login(applicant)
    add(10, 0)
    client.get(page_url(project))
    with CaptureQueriesContext(connection) as small:
        assert client.get(page_url(project)).status_code == 200
    add(190, 10)
    with CaptureQueriesContext(connection) as large:
        response = client.get(page_url(project))
        assert response.status_code == 200 and b"u199@example.org" in response.content
    assert len(large) == len(small)

