"""Notifications: status change → type (§6.2), recipients of the configured groups only, placeholders,
e-mails after commit with MAIL_SENT / MAIL_NOT_SENT, reverts, read state."""

import pytest
from django.core import mail

from jems.audit.models import AuditEvent
from jems.core.errors import Forbidden, NotFound
from jems.notifications import services
from jems.notifications.models import MailStatus, Notification
from jems.programme.models import ProgrammeData
from jems.projects.models import ApplicationStatus as S
from jems.projects.models import Project
from jems.projects.signals import status_changed

from .conftest import configure

pytestmark = pytest.mark.django_db


def send(project, old, new, actor, capture, **extra):
    with capture(execute=True):
        status_changed.send(sender=Project, project=project, old_status=old, new_status=new, actor=actor, **extra)


def recipients(project):
    return set(Notification.objects.filter(project=project).values_list("user__email", flat=True))


@pytest.mark.parametrize(("old", "new", "expected"), [
    (S.STEP1_DRAFT, S.STEP1_SUBMITTED, "ProjectSubmittedStep1"),
    (S.DRAFT, S.SUBMITTED, "ProjectSubmitted"),
    (S.RETURNED_TO_APPLICANT, S.SUBMITTED, "ProjectResubmitted"),
    (S.RETURNED_TO_APPLICANT, S.ELIGIBLE, "ProjectResubmitted"),
    (S.STEP1_ELIGIBLE, S.STEP1_APPROVED, "ProjectApprovedStep1"),
    (S.STEP1_ELIGIBLE, S.STEP1_APPROVED_WITH_CONDITIONS, "ProjectApprovedWithConditionsStep1"),
    (S.STEP1_SUBMITTED, S.STEP1_INELIGIBLE, "ProjectIneligibleStep1"),
    (S.STEP1_ELIGIBLE, S.STEP1_NOT_APPROVED, "ProjectNotApprovedStep1"),
    (S.ELIGIBLE, S.APPROVED, "ProjectApproved"),
    (S.CONDITIONS_SUBMITTED, S.APPROVED, "ProjectApproved"),
    (S.APPROVED_WITH_CONDITIONS, S.APPROVED, None),
    (S.ELIGIBLE, S.APPROVED_WITH_CONDITIONS, "ProjectApprovedWithConditions"),
    (S.SUBMITTED, S.INELIGIBLE, "ProjectIneligible"),
    (S.ELIGIBLE, S.NOT_APPROVED, "ProjectNotApproved"),
    (S.ELIGIBLE, S.RETURNED_TO_APPLICANT, "ProjectReturnedToApplicant"),
    (S.APPROVED_WITH_CONDITIONS, S.RETURNED_TO_APPLICANT_FOR_CONDITIONS, "ProjectReturnedForConditions"),
    (S.RETURNED_TO_APPLICANT_FOR_CONDITIONS, S.CONDITIONS_SUBMITTED, "ProjectConditionsSubmitted"),
    (S.APPROVED, S.CONTRACTED, "ProjectContracted"),
    (S.CONTRACTED, S.IN_MODIFICATION, "ProjectInModification"),
    (S.APPROVED, S.MODIFICATION_PRECONTRACTING, "ProjectInModification"),
    (S.IN_MODIFICATION, S.MODIFICATION_SUBMITTED, "ProjectModificationSubmitted"),
    (S.MODIFICATION_PRECONTRACTING, S.MODIFICATION_PRECONTRACTING_SUBMITTED, "ProjectModificationSubmitted"),
    (S.MODIFICATION_SUBMITTED, S.CONTRACTED, "ProjectModificationApproved"),
    (S.MODIFICATION_PRECONTRACTING_SUBMITTED, S.APPROVED, "ProjectModificationApproved"),
    (S.MODIFICATION_SUBMITTED, S.MODIFICATION_REJECTED, "ProjectModificationRejected"),
    (S.CONTRACTED, S.CLOSED, "ProjectClosed"),
    (S.CLOSED, S.CONTRACTED, None),
    (S.SUBMITTED, S.ELIGIBLE, None),
    (S.STEP1_SUBMITTED, S.STEP1_ELIGIBLE, None),
    (S.STEP1_APPROVED, S.DRAFT, None),
])
def test_status_notification_type(old, new, expected):
    assert services.status_notification_type(old, new) == expected


def test_submission_notifies_the_configured_groups_only(project, people, django_capture_on_commit_callbacks):
    ProgrammeData.objects.update_or_create(pk=1, defaults={"title": "Interreg Aurora"})
    configure(project.call, "ProjectSubmitted", "send_to_manager", "send_to_project_assigned")
    configure(project.call, "ProjectApproved", "send_to_lead_partner", "send_to_project_partners")
    send(project, S.DRAFT, S.SUBMITTED, people["applicant"], django_capture_on_commit_callbacks)

    assert recipients(project) == {"applicant@example.org", "viewer@example.org", "programme@example.org"}
    row = Notification.objects.get(project=project, user=people["applicant"])
    assert row.type == "ProjectSubmitted" and row.read_at is None
    assert row.subject == f"{project.custom_identifier} GREEN submitted"
    assert row.body == (f"Call Open call ({project.call_id}), project {project.pk} by applicant@example.org in "
                        "Interreg Aurora. [partnerName] stays.")
    assert len({n.group_id for n in Notification.objects.all()}) == 1

    # e-mail to everyone who wants it (not the viewer), after the commit, audited MAIL_SENT
    assert sorted(m.to[0] for m in mail.outbox) == ["applicant@example.org", "programme@example.org"]
    message = mail.outbox[0]
    assert message.subject == row.subject and "Interreg Aurora" in message.body
    assert f"/app/project/detail/{project.pk}" in message.body
    assert "Interreg Aurora" in message.alternatives[0][0]
    sent = AuditEvent.objects.filter(action="MAIL_SENT").order_by("id")
    assert [e.project_id for e in sent] == [str(project.pk)] * 2
    assert "applicant@example.org" in sent[0].description and "ProjectSubmitted" in sent[0].description
    statuses = dict(Notification.objects.values_list("user__email", "mail_status"))
    assert statuses == {"applicant@example.org": MailStatus.SENT, "programme@example.org": MailStatus.SENT,
                        "viewer@example.org": MailStatus.NONE}


def test_partner_teams(project, people, django_capture_on_commit_callbacks):
    configure(project.call, "ProjectContracted", "send_to_lead_partner")
    send(project, S.APPROVED, S.CONTRACTED, people["assigned"], django_capture_on_commit_callbacks)
    assert recipients(project) == {"lead@example.org"}
    configure(project.call, "ProjectClosed", "send_to_lead_partner", "send_to_project_partners", "send_to_manager")
    send(project, S.CONTRACTED, S.CLOSED, people["assigned"], django_capture_on_commit_callbacks)
    closed = set(Notification.objects.filter(type="ProjectClosed").values_list("user__email", flat=True))
    assert closed == {"lead@example.org", "partner@example.org", "applicant@example.org", "viewer@example.org"}


def test_a_user_in_two_groups_gets_one_notification(project, people, django_capture_on_commit_callbacks):
    configure(project.call, "ProjectClosed", "send_to_manager", "send_to_lead_partner")
    from jems.projects.partners.models import PartnerCollaborator

    PartnerCollaborator.objects.create(partner=people["lead_partner"], user=people["applicant"], level="EDIT")
    send(project, S.CONTRACTED, S.CLOSED, people["assigned"], django_capture_on_commit_callbacks)
    assert Notification.objects.filter(user=people["applicant"]).count() == 1
    assert len([m for m in mail.outbox if m.to == ["applicant@example.org"]]) == 1


def test_nothing_when_inactive_unconfigured_reverted_or_nobody(project, people, django_capture_on_commit_callbacks):
    configure(project.call, "ProjectSubmitted", "send_to_manager", active=False)
    send(project, S.DRAFT, S.SUBMITTED, people["applicant"], django_capture_on_commit_callbacks)
    send(project, S.ELIGIBLE, S.APPROVED, people["assigned"], django_capture_on_commit_callbacks)  # not configured
    configure(project.call, "ProjectResubmitted", "send_to_manager")
    send(project, S.ELIGIBLE, S.SUBMITTED, people["assigned"], django_capture_on_commit_callbacks, reverted=True)
    configure(project.call, "ProjectClosed")  # active, nobody chosen
    send(project, S.CONTRACTED, S.CLOSED, people["assigned"], django_capture_on_commit_callbacks)
    assert not Notification.objects.exists() and not mail.outbox
    assert not AuditEvent.objects.filter(action__in=["MAIL_SENT", "MAIL_NOT_SENT"]).exists()


def test_inactive_users_get_no_mail_and_a_blank_subject_gets_a_default(project, people,
                                                                       django_capture_on_commit_callbacks):
    people["assigned"].status = "INACTIVE"
    people["assigned"].save()
    configure(project.call, "ProjectSubmitted", "send_to_project_assigned", subject="", body="")
    send(project, S.DRAFT, S.SUBMITTED, people["applicant"], django_capture_on_commit_callbacks)
    row = Notification.objects.get()
    assert row.user == people["assigned"] and row.mail_status == MailStatus.NONE and not mail.outbox
    assert row.subject == f"{project.custom_identifier} GREEN: Submitted" and row.body == ""


def test_mail_not_sent_is_audited(project, people, django_capture_on_commit_callbacks, monkeypatch):
    def fail(self, *args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", fail)
    configure(project.call, "ProjectSubmitted", "send_to_project_assigned")
    send(project, S.DRAFT, S.SUBMITTED, people["applicant"], django_capture_on_commit_callbacks)
    row = Notification.objects.get()
    assert row.mail_status == MailStatus.NOT_SENT
    event = AuditEvent.objects.get(action="MAIL_NOT_SENT")
    assert "programme@example.org" in event.description and "connection refused" in event.description


def test_partner_placeholders(project, people, django_capture_on_commit_callbacks):
    configure(project.call, "SharedFolderFileUpload", "send_to_manager",
              subject="[partnerName] ([partnerRole] [partnerNumber], id [partnerId])", body="")
    partner = people["other_partner"]
    with django_capture_on_commit_callbacks(execute=True):
        rows = services.notify("SharedFolderFileUpload", project=project, actor=people["applicant"], partner=partner)
    assert {row.subject for row in rows} == {f"PP (PARTNER 2, id {partner.pk})"}
    assert all(row.partner == partner for row in Notification.objects.all())


def test_real_submission_notifies(project, people, django_capture_on_commit_callbacks):
    from jems.projects.submission import services as submission

    configure(project.call, "ProjectSubmitted", "send_to_manager", "send_to_project_assigned")
    with django_capture_on_commit_callbacks(execute=True):
        assert submission.submit(actor=people["applicant"], project_id=project.pk) == S.SUBMITTED
    assert recipients(project) == {"applicant@example.org", "viewer@example.org", "programme@example.org"}
    assert {m.to[0] for m in mail.outbox} == {"applicant@example.org", "programme@example.org"}


def test_mark_read(readers, project, people, django_capture_on_commit_callbacks):
    configure(project.call, "ProjectSubmitted", "send_to_manager", "send_to_project_assigned")
    send(project, S.DRAFT, S.SUBMITTED, people["applicant"], django_capture_on_commit_callbacks)
    mine = Notification.objects.get(user=people["applicant"])
    theirs = Notification.objects.get(user=people["assigned"])
    first = services.mark_read(actor=people["applicant"], notification_id=mine.pk).read_at
    assert first is not None
    assert services.mark_read(actor=people["applicant"], notification_id=mine.pk).read_at == first
    with pytest.raises(NotFound):
        services.mark_read(actor=people["applicant"], notification_id=theirs.pk)
    with pytest.raises(NotFound):
        services.mark_read(actor=people["applicant"], notification_id="x")
    assert services.mark_all_read(actor=people["assigned"]) == 1
    assert Notification.objects.filter(read_at__isnull=True).count() == 1  # the viewer's


def test_mark_read_needs_the_privilege(project, people, django_capture_on_commit_callbacks):
    configure(project.call, "ProjectSubmitted", "send_to_manager")
    send(project, S.DRAFT, S.SUBMITTED, people["applicant"], django_capture_on_commit_callbacks)
    mine = Notification.objects.get(user=people["applicant"])
    with pytest.raises(Forbidden):
        services.mark_read(actor=people["applicant"], notification_id=mine.pk)
    with pytest.raises(Forbidden):
        services.mark_all_read(actor=people["applicant"])


def test_real_transitions_notify_and_a_revert_does_not(project, people, admin_user,
                                                        django_capture_on_commit_callbacks):
    from jems.projects.assessment import services as assessment
    from jems.projects.assessment.transitions import Action
    from jems.projects.submission import services as submission

    for code in ("ProjectSubmitted", "ProjectResubmitted", "ProjectReturnedToApplicant"):
        configure(project.call, code, "send_to_manager")
    pid, applicant = project.pk, people["applicant"]

    def types():
        return list(Notification.objects.filter(user=applicant).order_by("id").values_list("type", flat=True))

    with django_capture_on_commit_callbacks(execute=True):
        submission.submit(actor=applicant, project_id=pid)
    with django_capture_on_commit_callbacks(execute=True):
        assessment.set_eligibility_assessment(actor=admin_user, project_id=pid, result="PASSED", note=None)
        assessment.transition(actor=admin_user, project_id=pid, action=Action.SET_AS_ELIGIBLE,
                              data=assessment.Decision(date=project.created_at.date()))
    with django_capture_on_commit_callbacks(execute=True):
        assert assessment.revert(actor=admin_user, project_id=pid) == S.SUBMITTED  # ELIGIBLE → SUBMITTED: silent
    assert types() == ["ProjectSubmitted"]
    with django_capture_on_commit_callbacks(execute=True):
        assessment.transition(actor=admin_user, project_id=pid, action=Action.RETURN_TO_APPLICANT)
    with django_capture_on_commit_callbacks(execute=True):
        submission.submit(actor=applicant, project_id=pid)
    assert types() == ["ProjectSubmitted", "ProjectReturnedToApplicant", "ProjectResubmitted"]
    assert [m.to for m in mail.outbox].count(["applicant@example.org"]) == 3
