"""Write layer of the notifications (features §1.8, workflows §6).

An event of a project (so far: a status change, `jems.projects.signals.status_changed`) is mapped to its
notification type (§6.2). If the project's call has that type active (jems.calls.notifications), every
recipient of the configured groups gets one in-app notification with the call's subject and body, the
placeholders filled; recipients who are active and want e-mails also get it by e-mail, sent after the
commit by a Celery task (tasks.py) that audits MAIL_SENT / MAIL_NOT_SENT. Users mark their own
notifications as read.
"""

import uuid

from django.db import transaction
from django.utils import timezone

from jems.accounts.models import User, UserStatus
from jems.accounts.privileges import Privilege
from jems.accounts.services import require
from jems.calls.notifications.codelists import NotificationType as T
from jems.calls.notifications.queries import notification_settings
from jems.core.errors import NotFound
from jems.programme.queries import programme_data_row
from jems.projects.models import ApplicationStatus as S
from jems.projects.models import ProjectAssignment, ProjectCollaborator
from jems.projects.partners.models import PartnerCollaborator, PartnerRole

from .models import MailStatus, Notification

SUBJECT_MAX_LENGTH = 255

# new status → type, whatever the previous status was (workflows §6.2)
TYPE_OF_NEW_STATUS = {
    S.STEP1_SUBMITTED: T.ProjectSubmittedStep1,
    S.STEP1_APPROVED: T.ProjectApprovedStep1,
    S.STEP1_APPROVED_WITH_CONDITIONS: T.ProjectApprovedWithConditionsStep1,
    S.STEP1_INELIGIBLE: T.ProjectIneligibleStep1,
    S.STEP1_NOT_APPROVED: T.ProjectNotApprovedStep1,
    S.APPROVED_WITH_CONDITIONS: T.ProjectApprovedWithConditions,
    S.INELIGIBLE: T.ProjectIneligible,
    S.NOT_APPROVED: T.ProjectNotApproved,
    S.RETURNED_TO_APPLICANT: T.ProjectReturnedToApplicant,
    S.RETURNED_TO_APPLICANT_FOR_CONDITIONS: T.ProjectReturnedForConditions,
    S.CONDITIONS_SUBMITTED: T.ProjectConditionsSubmitted,
    S.IN_MODIFICATION: T.ProjectInModification,
    S.MODIFICATION_PRECONTRACTING: T.ProjectInModification,
    S.MODIFICATION_SUBMITTED: T.ProjectModificationSubmitted,
    S.MODIFICATION_PRECONTRACTING_SUBMITTED: T.ProjectModificationSubmitted,
    S.MODIFICATION_REJECTED: T.ProjectModificationRejected,
    S.CLOSED: T.ProjectClosed,
}
# (old status, new status) → type, where the previous status decides (workflows §6.2)
TYPE_OF_TRANSITION = {
    (S.DRAFT, S.SUBMITTED): T.ProjectSubmitted,
    (S.ELIGIBLE, S.APPROVED): T.ProjectApproved,
    (S.CONDITIONS_SUBMITTED, S.APPROVED): T.ProjectApproved,
    (S.MODIFICATION_PRECONTRACTING_SUBMITTED, S.APPROVED): T.ProjectModificationApproved,
    (S.APPROVED, S.CONTRACTED): T.ProjectContracted,
    (S.MODIFICATION_SUBMITTED, S.CONTRACTED): T.ProjectModificationApproved,
}


def status_notification_type(old_status: str, new_status: str) -> str | None:
    """The notification type of a status change (workflows §6.2), or None when the change notifies nobody
    (→ ELIGIBLE, STEP1_ELIGIBLE, drafts, approval from APPROVED_WITH_CONDITIONS, back to CONTRACTED after a
    rejected modification or from CLOSED). A re-submission after a return to the applicant is
    `ProjectResubmitted`, whichever status it goes back to (SUBMITTED, ELIGIBLE, APPROVED …)."""
    if old_status == S.RETURNED_TO_APPLICANT:
        return T.ProjectResubmitted
    if (old_status, new_status) in TYPE_OF_TRANSITION:
        return TYPE_OF_TRANSITION[(old_status, new_status)]
    if new_status == S.SUBMITTED:
        return T.ProjectResubmitted
    return TYPE_OF_NEW_STATUS.get(new_status)


def on_status_changed(sender, *, project, old_status, new_status, actor, reverted: bool = False, **kwargs) -> None:
    """Receiver of `jems.projects.signals.status_changed` (sent after the commit of the change). A reverted
    decision (sent with `reverted=True`) notifies nobody (workflows §6.2, quirk Q3 → fix)."""
    if not reverted:
        notify_status_change(project, old_status, new_status, actor)


def notify_status_change(project, old_status: str, new_status: str, actor) -> list[Notification]:
    """Notify the status change of `project` by `actor` as the project's call configures its type."""
    notification_type = status_notification_type(old_status, new_status)
    if notification_type is None:
        return []
    return notify(notification_type, project=project, actor=actor)


def recipient_ids(project, config) -> set[int]:
    """The users of the groups that `config` (a CallNotificationConfiguration) selects: project collaborators
    ("managers"), the lead partner's team, the other partners' teams, the programme users assigned to the
    project. Controllers are chosen only for partner-report types, not for project events."""
    ids = set()
    if config.send_to_manager:
        ids.update(ProjectCollaborator.objects.filter(project=project).values_list("user_id", flat=True))
    roles = [role for role, wanted in ((PartnerRole.LEAD_PARTNER, config.send_to_lead_partner),
                                       (PartnerRole.PARTNER, config.send_to_project_partners)) if wanted]
    if roles:
        ids.update(PartnerCollaborator.objects.filter(partner__project=project, partner__role__in=roles)
                   .values_list("user_id", flat=True))
    if config.send_to_project_assigned:
        ids.update(ProjectAssignment.objects.filter(project=project).values_list("user_id", flat=True))
    return ids


def placeholder_values(project, actor, partner=None) -> dict[str, str]:
    """The values of the placeholders of workflows §6.1 that the event knows (report and file placeholders
    belong to events not notified yet and stay as typed)."""
    values = {
        "programmeName": programme_data_row().title or "",
        "callId": str(project.call_id),
        "callName": project.call.name,
        "projectId": str(project.pk),
        "projectIdentifier": project.custom_identifier,
        "projectAcronym": project.acronym,
        "userName": getattr(actor, "email", "") or "",
    }
    if partner is not None:
        values.update({"partnerId": str(partner.pk), "partnerRole": partner.role,
                       "partnerNumber": str(partner.sort_number), "partnerName": partner.abbreviation})
    return values


def fill(text: str, values: dict[str, str]) -> str:
    """Replace every `[name]` placeholder (case-sensitive) that has a value."""
    for name, value in values.items():
        text = text.replace(f"[{name}]", value)
    return text


def wants_mail(user: User) -> bool:
    """E-mail only to active users who enabled e-mail notifications in their profile (workflows §6.1)."""
    return user.status == UserStatus.ACTIVE and user.send_notifications_to_email


def notify(notification_type: str, *, project, actor, partner=None) -> list[Notification]:
    """Send one notification of `notification_type` about `project` (and `partner`) as its call configures it:
    nothing when the type is inactive or nobody is chosen; otherwise one in-app row per recipient (one
    group) and, after the commit, the e-mails of the recipients who want them. Returns the rows."""
    config = notification_settings(project.call_id, notification_type)
    if not config.active:
        return []
    users = list(User.objects.filter(pk__in=recipient_ids(project, config)).order_by("pk"))
    if not users:
        return []
    values = placeholder_values(project, actor, partner)
    subject = fill(config.email_subject, values).strip() or \
        f"{project.custom_identifier} {project.acronym}: {T(notification_type).label}"
    body = fill(config.email_body, values)
    group = uuid.uuid4()
    rows = [Notification(user=user, project=project, partner=partner, type=notification_type,
                         subject=" ".join(subject.split())[:SUBJECT_MAX_LENGTH], body=body, group_id=group,
                         mail_status=MailStatus.QUEUED if wants_mail(user) else MailStatus.NONE)
            for user in users]
    with transaction.atomic():
        Notification.objects.bulk_create(rows)
        if any(row.mail_status == MailStatus.QUEUED for row in rows):
            from .tasks import deliver_notification_mails

            transaction.on_commit(lambda: deliver_notification_mails.delay(str(group)))
    return rows


def mark_read(*, actor, notification_id) -> Notification:
    """Mark one of the actor's own notifications as read (NotificationsRetrieve; another user's is 404).
    Marking a read notification again keeps the first reading time."""
    require(actor, Privilege.NotificationsRetrieve)
    notification = Notification.objects.filter(pk=notification_id, user=actor).first() \
        if str(notification_id).isdigit() else None
    if notification is None:
        raise NotFound(key="notification.not.found")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(*, actor) -> int:
    """Mark every unread notification of the actor as read; answers how many were unread."""
    require(actor, Privilege.NotificationsRetrieve)
    return Notification.objects.filter(user=actor, read_at__isnull=True).update(read_at=timezone.now())
