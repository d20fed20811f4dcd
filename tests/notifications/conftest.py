"""Fixtures of the notification tests: the project fixtures, the people around a project and a call that
notifies submissions."""

import pytest

from jems.accounts.models import Role
from jems.accounts.privileges import APPLICANT_USER_ROLE_ID, PROGRAMME_USER_ROLE_ID
from jems.calls.notifications.models import CallNotificationConfiguration
from jems.projects.models import CollaboratorLevel, ProjectAssignment, ProjectCollaborator
from jems.projects.partners.models import PartnerCollaborator, ProjectPartner
from tests.conftest import make_user
from tests.projects.conftest import languages, open_call, project  # noqa: F401 (fixtures)

SUBJECT = "[projectIdentifier] [projectAcronym] submitted"
BODY = "Call [callName] ([callId]), project [projectId] by [userName] in [programmeName]. [partnerName] stays."


@pytest.fixture
def readers(db):
    """Applicants and programme users may read their notifications (only administrators can by default).
    Request it before the users: their roles are read when they are created."""
    for role_id in (APPLICANT_USER_ROLE_ID, PROGRAMME_USER_ROLE_ID):
        role = Role.objects.get(pk=role_id)
        role.permissions = [*role.permissions, "NotificationsRetrieve"]
        role.save()


@pytest.fixture
def people(project, programme_user):  # noqa: F811 (the imported fixture)
    """Everyone around the project: its creator (MANAGE), a VIEW collaborator who wants no e-mails, the lead
    partner's and a partner's team, an assigned programme user, and a stranger."""
    viewer = make_user("viewer@example.org", APPLICANT_USER_ROLE_ID, send_notifications_to_email=False)
    ProjectCollaborator.objects.create(project=project, user=viewer, level=CollaboratorLevel.VIEW)
    lead = ProjectPartner.objects.create(project=project, sort_number=1, role="LEAD_PARTNER", abbreviation="LP")
    other = ProjectPartner.objects.create(project=project, sort_number=2, role="PARTNER", abbreviation="PP")
    lead_user = make_user("lead@example.org", APPLICANT_USER_ROLE_ID)
    partner_user = make_user("partner@example.org", APPLICANT_USER_ROLE_ID)
    PartnerCollaborator.objects.create(partner=lead, user=lead_user, level="EDIT")
    PartnerCollaborator.objects.create(partner=other, user=partner_user, level="VIEW")
    ProjectAssignment.objects.create(project=project, user=programme_user)
    stranger = make_user("stranger@example.org", APPLICANT_USER_ROLE_ID)
    return {"applicant": project.applicant, "viewer": viewer, "lead": lead_user, "partner": partner_user,
            "assigned": programme_user, "stranger": stranger, "lead_partner": lead, "other_partner": other}


def configure(call, notification_type, *recipients, subject=SUBJECT, body=BODY, active=True):
    """Make the call notify `notification_type` to the recipient groups (send_to_* flag names)."""
    return CallNotificationConfiguration.objects.create(
        call=call, type=notification_type, active=active, email_subject=subject, email_body=body,
        **{name: True for name in recipients})
