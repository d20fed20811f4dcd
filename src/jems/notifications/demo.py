"""Demo data: the demo applicant and programme user roles may read "My notifications" and every demo call also
notifies step-1 submissions. `jems load_demo` runs all demos in one transaction, so the status changes of the
demo applications (e.g. the concept note submitted in step 1) send their signals when it commits, after this
configuration: the demo applicant then finds the notification on the dashboard. Idempotent."""

from jems.accounts.models import Role, User
from jems.accounts.privileges import (
    ADMINISTRATOR_ROLE_ID,
    APPLICANT_USER_ROLE_ID,
    PROGRAMME_USER_ROLE_ID,
    Privilege,
)
from jems.accounts.services import update_role
from jems.calls.models import Call
from jems.calls.notifications.codelists import PROJECT, NotificationType
from jems.calls.notifications.models import CallNotificationConfiguration
from jems.calls.notifications.services import ConfigurationInput, update_configurations

STEP1_SUBJECT = "[projectIdentifier] [projectAcronym]: concept note submitted"
STEP1_BODY = ("The concept note [projectIdentifier] ([projectAcronym]) was submitted to step 1 of the call "
              "[callName] by [userName].\n\nThe joint secretariat of [programmeName] checks its eligibility next.")


def _readers(admin) -> None:
    for role in Role.objects.filter(pk__in=(APPLICANT_USER_ROLE_ID, PROGRAMME_USER_ROLE_ID)).order_by("pk"):
        if Privilege.NotificationsRetrieve not in role.permissions:
            update_role(actor=admin, role_id=role.pk, name=role.name, default_for_registered_user=None,
                        permissions=[*role.permissions, Privilege.NotificationsRetrieve])


def _step1_configuration(admin) -> None:
    configured = set(CallNotificationConfiguration.objects.filter(type=NotificationType.ProjectSubmittedStep1)
                     .values_list("call_id", flat=True))
    for call in Call.objects.exclude(pk__in=configured).order_by("pk"):
        update_configurations(actor=admin, call_id=call.pk, tab=PROJECT, configurations=[ConfigurationInput(
            type=NotificationType.ProjectSubmittedStep1, active=True, send_to_manager=True,
            send_to_project_assigned=True, email_subject=STEP1_SUBJECT, email_body=STEP1_BODY)])


def load(stdout) -> None:
    admin = User.objects.filter(role_id=ADMINISTRATOR_ROLE_ID).order_by("pk").first()
    if admin is None:
        return
    _readers(admin)
    _step1_configuration(admin)
