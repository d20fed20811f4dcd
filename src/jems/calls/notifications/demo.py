"""Demo data: every demo call notifies the usual project events, partner-report and project-report
steps, with English e-mail texts using the placeholders. Calls that already have a notification
configuration are left alone, so running it again changes nothing."""

from .codelists import NotificationType as T

ADMIN_ROLE_ID = 1

# (type, recipients, subject, body)
DEMO_CONFIGURATIONS = (
    (T.ProjectSubmitted, ("send_to_manager", "send_to_project_assigned"),
     "[projectIdentifier] [projectAcronym] submitted",
     "Dear [userName],\n\nthe application [projectIdentifier] ([projectAcronym]) to the call [callName] has been "
     "submitted.\n\nKind regards,\nthe joint secretariat of [programmeName]"),
    (T.ProjectApproved, ("send_to_manager", "send_to_project_assigned"),
     "[projectAcronym] approved",
     "Dear [userName],\n\nthe monitoring committee approved the project [projectIdentifier] ([projectAcronym]). "
     "The joint secretariat will contact you about contracting.\n\n[programmeName]"),
    (T.ProjectContracted, ("send_to_manager", "send_to_lead_partner", "send_to_project_partners"),
     "[projectAcronym] contracted",
     "Dear [userName],\n\nthe project [projectIdentifier] ([projectAcronym]) is contracted. Reporting can start."),
    (T.PartnerReportSubmitted, ("send_to_manager", "send_to_controllers"),
     "[projectAcronym]: partner report R.[partnerReportNumber] of [partnerName] submitted",
     "Dear [userName],\n\n[partnerName] ([partnerRole] [partnerNumber]) submitted partner report "
     "R.[partnerReportNumber] for reporting period [reportingPeriodNumber]."),
    (T.PartnerReportCertified, ("send_to_lead_partner", "send_to_project_partners"),
     "[projectAcronym]: partner report R.[partnerReportNumber] certified",
     "Dear [userName],\n\nthe controller certified partner report R.[partnerReportNumber] of [partnerName]."),
    (T.ProjectReportSubmitted, ("send_to_project_assigned",),
     "[projectAcronym]: project report PR.[projectReportNumber] submitted",
     "Dear [userName],\n\nthe lead partner submitted project report PR.[projectReportNumber] of "
     "[projectIdentifier] for reporting period [reportingPeriodNumber]."),
    (T.ProjectReportVerificationDoneNotificationSent, ("send_to_project_assigned",),
     "[projectAcronym]: verification of PR.[projectReportNumber] done",
     "Dear [userName],\n\nthe joint secretariat finished the verification of project report "
     "PR.[projectReportNumber] of [projectIdentifier]."),
)


def load(stdout) -> None:
    from jems.accounts.models import User
    from jems.calls.models import Call

    from .codelists import TAB_OF_TYPE
    from .models import CallNotificationConfiguration
    from .services import ConfigurationInput, update_configurations

    admin = User.objects.filter(role_id=ADMIN_ROLE_ID).order_by("pk").first()
    if admin is None:
        return
    configured = set(CallNotificationConfiguration.objects.values_list("call_id", flat=True))
    for call in Call.objects.exclude(pk__in=configured).order_by("pk"):
        by_tab = {}
        for code, recipients, subject, body in DEMO_CONFIGURATIONS:
            by_tab.setdefault(TAB_OF_TYPE[code], []).append(ConfigurationInput(
                type=code, active=True, email_subject=subject, email_body=body,
                **{name: True for name in recipients}))
        for tab, items in by_tab.items():
            update_configurations(actor=admin, call_id=call.pk, tab=tab, configurations=items)
        stdout.write(f"Notification settings of call: {call.name}")
