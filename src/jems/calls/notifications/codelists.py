"""Code lists of the call notification configuration (code-lists.md §6.1, workflows-and-permissions.md §6):
the notification types, which tab of a call configures which types (in the Jems order), the recipient
flags each tab offers, and the placeholders usable in e-mail subjects and bodies."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationType(models.TextChoices):
    """Jems `NotificationType` (38 codes); `SystemMessage` is sent by Jems itself and not configurable."""

    ProjectSubmittedStep1 = "ProjectSubmittedStep1", _("Step 1 Submitted")
    ProjectSubmitted = "ProjectSubmitted", _("Submitted")
    ProjectApprovedStep1 = "ProjectApprovedStep1", _("Step 1 Approved")
    ProjectApprovedWithConditionsStep1 = "ProjectApprovedWithConditionsStep1", _("Step 1 Approved with conditions")
    ProjectIneligibleStep1 = "ProjectIneligibleStep1", _("Step 1 Ineligible")
    ProjectNotApprovedStep1 = "ProjectNotApprovedStep1", _("Step 1 Not approved")
    ProjectApproved = "ProjectApproved", _("Approved")
    ProjectApprovedWithConditions = "ProjectApprovedWithConditions", _("Approved with conditions")
    ProjectIneligible = "ProjectIneligible", _("Ineligible")
    ProjectNotApproved = "ProjectNotApproved", _("Not approved")
    ProjectReturnedToApplicant = "ProjectReturnedToApplicant", _("Returned to applicant")
    ProjectResubmitted = "ProjectResubmitted", _("Re-submitted")
    ProjectReturnedForConditions = "ProjectReturnedForConditions", _("Returned for conditions")
    ProjectConditionsSubmitted = "ProjectConditionsSubmitted", _("Conditions submitted")
    ProjectContracted = "ProjectContracted", _("Contracted")
    ProjectInModification = "ProjectInModification", _("In modification")
    ProjectModificationSubmitted = "ProjectModificationSubmitted", _("Modification submitted")
    ProjectModificationApproved = "ProjectModificationApproved", _("Modification approved")
    ProjectModificationRejected = "ProjectModificationRejected", _("Modification rejected")
    ProjectClosed = "ProjectClosed", _("Closed")
    PartnerReportSubmitted = "PartnerReportSubmitted", _("Submitted")
    PartnerReportReOpen = "PartnerReportReOpen", _("Reopened")
    PartnerReportControlOngoing = "PartnerReportControlOngoing", _("Control ongoing")
    PartnerReportCertified = "PartnerReportCertified", _("Certified")
    PartnerReportReOpenCertified = "PartnerReportReOpenCertified", _("Control Reopened")
    ProjectReportSubmitted = "ProjectReportSubmitted", _("Submitted")
    ProjectReportReOpen = "ProjectReportReOpen", _("Reopen project report")
    ProjectReportVerificationOngoing = "ProjectReportVerificationOngoing", _("Verification ongoing")
    ProjectReportVerificationDoneNotificationSent = (
        "ProjectReportVerificationDoneNotificationSent", _("Verification done by JS"))
    ProjectReportVerificationFinalized = "ProjectReportVerificationFinalized", _("Verification finalised")
    ProjectReportVerificationReOpen = "ProjectReportVerificationReOpen", _("Verification reopen")
    SharedFolderFileUpload = "SharedFolderFileUpload", _("Shared folder upload")
    SharedFolderFileDelete = "SharedFolderFileDelete", _("Shared folder deletion")
    ControlCommunicationFileUpload = "ControlCommunicationFileUpload", _("Control comm upload")
    ControlCommunicationFileDelete = "ControlCommunicationFileDelete", _("Control comm delete")
    ProjectReportVerificationFileUpload = "ProjectReportVerificationFileUpload", _("Verification communication upload")
    ProjectReportVerificationFileDelete = "ProjectReportVerificationFileDelete", _("Verification communication deletion")
    SystemMessage = "SystemMessage", _("System message")


T = NotificationType

# What triggers each type (the Jems info text shown under the type).
TRIGGERS = {
    T.ProjectSubmittedStep1: _("This trigger event relates to the step 1 submission of the Application Form during "
                               "the step 1 phase of the call"),
    T.ProjectSubmitted: _("This trigger event relates to initial submission of the Application Form (e.g. submission "
                          "due to modifications does not trigger this event)"),
    T.ProjectApprovedStep1: _("This trigger event relates to the project decision approval during the step 1 phase "
                              "of the call"),
    T.ProjectApprovedWithConditionsStep1: _("This trigger event relates to the project decision approval with "
                                            "conditions during the step 1 phase of the call"),
    T.ProjectIneligibleStep1: _("This trigger event relates to setting the project decision ineligible during the "
                                "step 1 phase of the call"),
    T.ProjectNotApprovedStep1: _("This trigger event relates to the project decision Not Approved during the step 1 "
                                 "phase of the call"),
    T.ProjectApproved: _("This trigger event relates to the project approval decision (e.g. approval due to "
                         "modifications does not trigger this event)"),
    T.ProjectApprovedWithConditions: _("This trigger event relates to the project approval with conditions decision"),
    T.ProjectIneligible: _("This trigger event relates to setting the project decision ineligible"),
    T.ProjectNotApproved: _("This trigger event relates to the project decision Not-Approved (e.g. rejection during "
                            "a project modifications does not trigger this event)"),
    T.ProjectReturnedToApplicant: _("This trigger event relates to the project action hand-back during project "
                                    "assessment"),
    T.ProjectResubmitted: _("This trigger event relates to the action of re-submitted by the applicant after the "
                            "project has been handed back during project assessment (e.g. re-submission after the "
                            "decision Project Approved with conditions does not trigger this event)"),
    T.ProjectReturnedForConditions: _("This trigger event relates to the action of hand-back after the project has "
                                      "been Approved with conditions (e.g. hand-back in any other status does not "
                                      "trigger this event)"),
    T.ProjectConditionsSubmitted: _("This trigger event relates to the action of re-submission after the project has "
                                    "been Returned for conditions (e.g. re-submission in any other status does not "
                                    "trigger this event)"),
    T.ProjectContracted: _("This trigger event relates to the action when the project has been set to Contracted"),
    T.ProjectInModification: _("This trigger event relates to the action of Opening a project for changes to the "
                               "Application form both before and after setting the project to contracted (e.g. this "
                               "event is not triggered for project changes before Approval)"),
    T.ProjectModificationSubmitted: _("This trigger event relates to the action of submitting a project after changes "
                                      "to the Application form were made both before and after setting the project "
                                      "to contracted (e.g. this event is not triggered for project changes before "
                                      "Approval)"),
    T.ProjectModificationApproved: _("This trigger event relates to the action of Approving a project modification "
                                     "both before and after setting the project to contracted"),
    T.ProjectModificationRejected: _("This trigger event relates to the action of Rejecting a project modification "
                                     "both before and after setting the project to contracted"),
    T.ProjectClosed: _("This trigger event relates to the action when the project has been set to Closed"),
    T.PartnerReportSubmitted: _("Triggered anytime a partner user submits a partner report"),
    T.PartnerReportReOpen: _("Triggered anytime a partner report is reopened (from status submitted or control work "
                             "ongoing)"),
    T.PartnerReportControlOngoing: _("Triggered anytime a controller user starts the control work"),
    T.PartnerReportCertified: _("Triggered anytime a partner report is certified"),
    T.PartnerReportReOpenCertified: _("Triggered anytime a control report is reopened"),
    T.ProjectReportSubmitted: _("Triggered anytime a manager user submits a project report"),
    T.ProjectReportReOpen: _("Triggered anytime a project report reopened"),
    T.ProjectReportVerificationOngoing: _("Triggered anytime a programme user starts the verification work"),
    T.ProjectReportVerificationDoneNotificationSent: _("Triggered manually in Project report verification every time "
                                                       "button \"Notify verification by JS is done\" is pressed"),
    T.ProjectReportVerificationFinalized: _("Triggered anytime a programme user finalises the verification work"),
    T.ProjectReportVerificationReOpen: _("Triggered anytime a project report verification reopened"),
    T.SharedFolderFileUpload: _("This file trigger event relates to the action of uploading file to shared folder "
                                "section of project"),
    T.SharedFolderFileDelete: _("This file trigger event relates to the action of deleting file from shared folder "
                                "section of project"),
    T.ControlCommunicationFileUpload: _("Triggered anytime a file uploaded to control communication section"),
    T.ControlCommunicationFileDelete: _("Triggered anytime a file deleted from control communication section"),
    T.ProjectReportVerificationFileUpload: _("Triggered every time a user uploads in Verification Communication"),
    T.ProjectReportVerificationFileDelete: _("Triggered every time a user deletes from Verification Communication"),
}

# Project types triggered before the approval: no lead partner or partners exist yet, so those
# recipients cannot be chosen for them (the "*" of code-lists.md §6.1).
PRE_APPROVAL = frozenset({
    T.ProjectSubmittedStep1, T.ProjectSubmitted, T.ProjectApprovedStep1, T.ProjectApprovedWithConditionsStep1,
    T.ProjectIneligibleStep1, T.ProjectNotApprovedStep1, T.ProjectApproved, T.ProjectApprovedWithConditions,
    T.ProjectIneligible, T.ProjectNotApproved, T.ProjectReturnedToApplicant, T.ProjectResubmitted,
    T.ProjectReturnedForConditions, T.ProjectConditionsSubmitted,
})

RECIPIENTS = (
    ("send_to_manager", _("Project: Manager")),
    ("send_to_lead_partner", _("Project: LP")),
    ("send_to_project_partners", _("Project: PPs")),
    ("send_to_project_assigned", _("Programme: Project assigned")),
    ("send_to_controllers", _("Programme: Controllers")),
)
FLAGS = tuple(name for name, _label in RECIPIENTS)


@dataclass(frozen=True)
class Tab:
    """One tab of the notification settings of a call: its URL/API key, title, types and recipients."""

    key: str
    title: str
    types: tuple
    recipients: tuple


PROJECT = "project"
PARTNER_REPORT = "partnerReport"
PROJECT_REPORT = "projectReport"

TABS = {
    PROJECT: Tab(PROJECT, _("Project"), (
        T.ProjectSubmittedStep1, T.ProjectSubmitted, T.ProjectApprovedStep1, T.ProjectApprovedWithConditionsStep1,
        T.ProjectIneligibleStep1, T.ProjectNotApprovedStep1, T.ProjectApproved, T.ProjectApprovedWithConditions,
        T.ProjectIneligible, T.ProjectNotApproved, T.ProjectReturnedToApplicant, T.ProjectResubmitted,
        T.ProjectReturnedForConditions, T.ProjectConditionsSubmitted, T.ProjectContracted, T.ProjectInModification,
        T.ProjectModificationSubmitted, T.ProjectModificationApproved, T.ProjectModificationRejected,
        T.SharedFolderFileUpload, T.SharedFolderFileDelete, T.ProjectClosed,
    ), FLAGS[:4]),
    PARTNER_REPORT: Tab(PARTNER_REPORT, _("Partner report"), (
        T.PartnerReportSubmitted, T.PartnerReportReOpen, T.PartnerReportControlOngoing, T.PartnerReportCertified,
        T.PartnerReportReOpenCertified, T.ControlCommunicationFileUpload, T.ControlCommunicationFileDelete,
    ), FLAGS),
    PROJECT_REPORT: Tab(PROJECT_REPORT, _("Project report"), (
        T.ProjectReportSubmitted, T.ProjectReportReOpen, T.ProjectReportVerificationOngoing,
        T.ProjectReportVerificationDoneNotificationSent, T.ProjectReportVerificationFinalized,
        T.ProjectReportVerificationReOpen, T.ProjectReportVerificationFileUpload,
        T.ProjectReportVerificationFileDelete,
    ), FLAGS[:4]),
}

TAB_OF_TYPE = {code: tab.key for tab in TABS.values() for code in tab.types}

# Placeholders usable in subject and body (case-sensitive), with the Jems description.
PLACEHOLDERS = (
    ("[programmeName]", _("Programme name as provided in the programme setup e.g. Interreg Aurora")),
    ("[callId]", _("Generated system ID for the call e.g. 7")),
    ("[callName]", _("Call name as provided in call identification e.g. Call Title Name")),
    ("[projectId]", _("Generated system ID for the project e.g. 15")),
    ("[projectIdentifier]", _("Project as shown in Jems (including prefix) e.g. INT4300093")),
    ("[projectAcronym]", _("Project Acronym as provided in project identification e.g. Project Title Name")),
    ("[partnerId]", _("Generated system ID for the partner e.g. 23")),
    ("[partnerRole]", _("Partner role as provided in partner identification e.g. LEAD_PARTNER")),
    ("[partnerNumber]", _("Generated partner number e.g. 3")),
    ("[partnerName]", _("Partner abbreviated name as provided in partner identification e.g. Partner-Three")),
    ("[partnerReportId]", _("Generated system ID for the partner report e.g. 31")),
    ("[partnerReportNumber]", _("Generated partner report number e.g. 5")),
    ("[projectReportId]", _("Generated system ID for the project report e.g. 49")),
    ("[projectReportNumber]", _("Generated project report number e.g. 9")),
    ("[reportingPeriodNumber]", _("Reporting period number e.g. 1")),
    ("[reportingPeriodStart]", _("Reporting period start month e.g. 2")),
    ("[reportingPeriodEnd]", _("Reporting period end month e.g. 4")),
    ("[fileUsername]", _("Username of who triggered the action, upload/deletion of a file e.g. jose@jems.eu "
                         "[Only events involving files]")),
    ("[fileName]", _("Name of the file that was uploaded/deleted e.g. test.pdf [Only events involving files]")),
    ("[userName]", _("User triggering the action - e.g. pieter.louwers@interact-eu.net")),
)

# Limits of the e-mail texts (the columns of Jems' project_call_project_notification_configuration).
SUBJECT_MAX_LENGTH = 255
BODY_MAX_LENGTH = 10000
