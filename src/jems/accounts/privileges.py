"""The 107 Jems privileges, their three groups, the role-editor trees and the default role sets."""

from dataclasses import dataclass, field
from enum import StrEnum


class Privilege(StrEnum):
    """A permission a role can hold (Jems `UserRolePermission`; names are Jems' own)."""

    # Applicant side ("creator"): not project-scoped, combined with the collaborator level.
    ProjectCreate = "ProjectCreate"
    ProjectCreatorCollaboratorsRetrieve = "ProjectCreatorCollaboratorsRetrieve"
    ProjectCreatorCollaboratorsUpdate = "ProjectCreatorCollaboratorsUpdate"
    ProjectCreatorContractingReportingView = "ProjectCreatorContractingReportingView"
    ProjectCreatorContractingReportingEdit = "ProjectCreatorContractingReportingEdit"
    ProjectCreatorSharedFolderView = "ProjectCreatorSharedFolderView"
    ProjectCreatorSharedFolderEdit = "ProjectCreatorSharedFolderEdit"
    ProjectCreatorReportingProjectCreate = "ProjectCreatorReportingProjectCreate"
    # Programme side ("monitor"): project-scoped.
    ProjectReportingView = "ProjectReportingView"
    ProjectReportingEdit = "ProjectReportingEdit"
    ProjectReportingReOpen = "ProjectReportingReOpen"
    ProjectPartnerControlReportingReOpen = "ProjectPartnerControlReportingReOpen"
    ProjectReportingProjectView = "ProjectReportingProjectView"
    ProjectReportingProjectEdit = "ProjectReportingProjectEdit"
    ProjectReportingProjectReOpen = "ProjectReportingProjectReOpen"
    ProjectReportingVerificationProjectView = "ProjectReportingVerificationProjectView"
    ProjectReportingVerificationProjectEdit = "ProjectReportingVerificationProjectEdit"
    ProjectReportingVerificationFinalize = "ProjectReportingVerificationFinalize"
    ProjectReportingVerificationReOpen = "ProjectReportingVerificationReOpen"
    ProjectReportingChecklistAfterControl = "ProjectReportingChecklistAfterControl"
    ProjectContractingPartnerView = "ProjectContractingPartnerView"
    ProjectContractingPartnerEdit = "ProjectContractingPartnerEdit"
    ProjectContractingPartnerStateAidView = "ProjectContractingPartnerStateAidView"
    ProjectContractingPartnerStateAidEdit = "ProjectContractingPartnerStateAidEdit"
    ProjectContractingView = "ProjectContractingView"
    ProjectSetToContracted = "ProjectSetToContracted"
    ProjectContractingManagementView = "ProjectContractingManagementView"
    ProjectContractingManagementEdit = "ProjectContractingManagementEdit"
    ProjectContractingReportingView = "ProjectContractingReportingView"
    ProjectContractingReportingEdit = "ProjectContractingReportingEdit"
    ProjectContractsView = "ProjectContractsView"
    ProjectContractsEdit = "ProjectContractsEdit"
    ProjectFormRetrieve = "ProjectFormRetrieve"
    ProjectFormUpdate = "ProjectFormUpdate"
    ProjectFileApplicationRetrieve = "ProjectFileApplicationRetrieve"
    ProjectFileApplicationUpdate = "ProjectFileApplicationUpdate"
    ProjectCheckApplicationForm = "ProjectCheckApplicationForm"
    ProjectSubmission = "ProjectSubmission"
    ProjectAssessmentView = "ProjectAssessmentView"
    ProjectAssessmentQualityEnter = "ProjectAssessmentQualityEnter"
    ProjectAssessmentEligibilityEnter = "ProjectAssessmentEligibilityEnter"
    ProjectStatusDecideEligible = "ProjectStatusDecideEligible"
    ProjectStatusDecideIneligible = "ProjectStatusDecideIneligible"
    ProjectStatusDecideApproved = "ProjectStatusDecideApproved"
    ProjectStatusDecideApprovedWithConditions = "ProjectStatusDecideApprovedWithConditions"
    ProjectStatusDecideNotApproved = "ProjectStatusDecideNotApproved"
    ProjectStatusDecisionRevert = "ProjectStatusDecisionRevert"
    ProjectStatusReturnToApplicant = "ProjectStatusReturnToApplicant"
    ProjectStartStepTwo = "ProjectStartStepTwo"
    ProjectFileAssessmentRetrieve = "ProjectFileAssessmentRetrieve"
    ProjectFileAssessmentUpdate = "ProjectFileAssessmentUpdate"
    ProjectAssessmentChecklistUpdate = "ProjectAssessmentChecklistUpdate"
    ProjectAssessmentChecklistConsolidate = "ProjectAssessmentChecklistConsolidate"
    ProjectAssessmentChecklistSelectedRetrieve = "ProjectAssessmentChecklistSelectedRetrieve"
    ProjectAssessmentChecklistSelectedUpdate = "ProjectAssessmentChecklistSelectedUpdate"
    ProjectModificationView = "ProjectModificationView"
    ProjectStatusDecideModificationApproved = "ProjectStatusDecideModificationApproved"
    ProjectStatusDecideModificationNotApproved = "ProjectStatusDecideModificationNotApproved"
    ProjectOpenModification = "ProjectOpenModification"
    ProjectModificationFileAssessmentRetrieve = "ProjectModificationFileAssessmentRetrieve"
    ProjectModificationFileAssessmentUpdate = "ProjectModificationFileAssessmentUpdate"
    ProjectMonitorCollaboratorsRetrieve = "ProjectMonitorCollaboratorsRetrieve"
    ProjectMonitorCollaboratorsUpdate = "ProjectMonitorCollaboratorsUpdate"
    ProjectMonitorSharedFolderView = "ProjectMonitorSharedFolderView"
    ProjectMonitorSharedFolderEdit = "ProjectMonitorSharedFolderEdit"
    ProjectMonitorAuditAndControlView = "ProjectMonitorAuditAndControlView"
    ProjectMonitorAuditAndControlEdit = "ProjectMonitorAuditAndControlEdit"
    ProjectMonitorCloseAuditControl = "ProjectMonitorCloseAuditControl"
    ProjectMonitorCloseAuditControlCorrection = "ProjectMonitorCloseAuditControlCorrection"
    ProjectMonitorReOpenAuditControl = "ProjectMonitorReOpenAuditControl"
    # Top navigation: global.
    PartnerReportsRetrieve = "PartnerReportsRetrieve"
    ProjectReportsRetrieve = "ProjectReportsRetrieve"
    ProjectsWithOwnershipRetrieve = "ProjectsWithOwnershipRetrieve"
    CallPublishedRetrieve = "CallPublishedRetrieve"
    NotificationsRetrieve = "NotificationsRetrieve"
    ProjectRetrieve = "ProjectRetrieve"
    ProjectRetrieveEditUserAssignments = "ProjectRetrieveEditUserAssignments"
    CallRetrieve = "CallRetrieve"
    CallUpdate = "CallUpdate"
    ProgrammeSetupRetrieve = "ProgrammeSetupRetrieve"
    ProgrammeSetupUpdate = "ProgrammeSetupUpdate"
    InstitutionsRetrieve = "InstitutionsRetrieve"
    InstitutionsUpdate = "InstitutionsUpdate"
    InstitutionsUnlimited = "InstitutionsUnlimited"
    AssignmentsUnlimited = "AssignmentsUnlimited"
    InstitutionsAssignmentRetrieve = "InstitutionsAssignmentRetrieve"
    InstitutionsAssignmentUpdate = "InstitutionsAssignmentUpdate"
    PaymentsRetrieve = "PaymentsRetrieve"
    PaymentsUpdate = "PaymentsUpdate"
    AdvancePaymentsRetrieve = "AdvancePaymentsRetrieve"
    AdvancePaymentsUpdate = "AdvancePaymentsUpdate"
    PaymentsToEcRetrieve = "PaymentsToEcRetrieve"
    PaymentsToEcUpdate = "PaymentsToEcUpdate"
    PaymentsAuditRetrieve = "PaymentsAuditRetrieve"
    PaymentsAuditUpdate = "PaymentsAuditUpdate"
    PaymentsAccountRetrieve = "PaymentsAccountRetrieve"
    PaymentsAccountUpdate = "PaymentsAccountUpdate"
    ProgrammeDataExportRetrieve = "ProgrammeDataExportRetrieve"
    UserRetrieve = "UserRetrieve"
    RoleRetrieve = "RoleRetrieve"
    UserCreate = "UserCreate"
    UserUpdate = "UserUpdate"
    UserUpdateRole = "UserUpdateRole"
    UserUpdatePassword = "UserUpdatePassword"
    RoleCreate = "RoleCreate"
    RoleUpdate = "RoleUpdate"
    AuditRetrieve = "AuditRetrieve"


P = Privilege


class PrivilegeGroup(StrEnum):
    """The three regions of the role editor."""

    GLOBAL = "global"
    APPLICANT = "applicant"
    PROJECT = "project"


# --- The role-editor trees ------------------------------------------------------------------------
# A node is either a section with children, or a leaf: `view`/`edit` pair (hidden / view / edit), a
# view-only leaf (hidden / view) or a single toggle.


@dataclass(frozen=True)
class Node:
    """One entry of a role-editor tree."""

    label: str
    view: Privilege | None = None
    edit: Privilege | None = None
    children: tuple["Node", ...] = field(default=())

    @property
    def kind(self) -> str:
        if self.children:
            return "SECTION_HEADER"
        if self.view and self.edit:
            return "HIDDEN_VIEW_EDIT"
        if self.view:
            return "HIDDEN_VIEW"
        return "TOGGLE_EDIT"

    def privileges(self) -> list[Privilege]:
        own = [p for p in (self.view, self.edit) if p]
        return own + [p for child in self.children for p in child.privileges()]


def section(label, *children):
    return Node(label, children=tuple(children))


def pair(label, view, edit):
    return Node(label, view=view, edit=edit)


def view_only(label, view):
    return Node(label, view=view)


def toggle(label, edit):
    return Node(label, edit=edit)


GLOBAL_TREE = section(
    "Top navigation bar",
    section(
        "Dashboard",
        toggle("My partner reports", P.PartnerReportsRetrieve),
        toggle("My project reports", P.ProjectReportsRetrieve),
        toggle("My applications", P.ProjectsWithOwnershipRetrieve),
        toggle("Open calls", P.CallPublishedRetrieve),
        toggle("My notifications", P.NotificationsRetrieve),
    ),
    section(
        "Applications",
        view_only("All applications", P.ProjectRetrieve),
        toggle("Assign users to applications", P.ProjectRetrieveEditUserAssignments),
    ),
    pair("Calls", P.CallRetrieve, P.CallUpdate),
    section(
        "Programme",
        pair("Programme setup", P.ProgrammeSetupRetrieve, P.ProgrammeSetupUpdate),
        view_only("Data export", P.ProgrammeDataExportRetrieve),
    ),
    section(
        "Controllers",
        pair("Institutions", P.InstitutionsRetrieve, P.InstitutionsUpdate),
        toggle("All institutions (unlimited)", P.InstitutionsUnlimited),
        pair("Assignment", P.InstitutionsAssignmentRetrieve, P.InstitutionsAssignmentUpdate),
        toggle("All assignments (unlimited)", P.AssignmentsUnlimited),
    ),
    section(
        "Payments",
        pair("Payments to projects", P.PaymentsRetrieve, P.PaymentsUpdate),
        pair("Advance payments", P.AdvancePaymentsRetrieve, P.AdvancePaymentsUpdate),
        pair("Payment applications to EC", P.PaymentsToEcRetrieve, P.PaymentsToEcUpdate),
        pair("Payment export (audit)", P.PaymentsAuditRetrieve, P.PaymentsAuditUpdate),
        pair("Accounts", P.PaymentsAccountRetrieve, P.PaymentsAccountUpdate),
    ),
    section(
        "System",
        section(
            "Users",
            view_only("User list", P.UserRetrieve),
            toggle("Create users", P.UserCreate),
            toggle("Edit users", P.UserUpdate),
            toggle("Change user role", P.UserUpdateRole),
            toggle("Set user passwords", P.UserUpdatePassword),
        ),
        section(
            "Roles",
            view_only("Role list", P.RoleRetrieve),
            toggle("Create roles", P.RoleCreate),
            toggle("Edit roles", P.RoleUpdate),
        ),
        view_only("Audit log", P.AuditRetrieve),
    ),
)

APPLICANT_TREE = section(
    "Applicant side (projects the user collaborates on)",
    toggle("Create applications", P.ProjectCreate),
    pair("Project privileges", P.ProjectCreatorCollaboratorsRetrieve, P.ProjectCreatorCollaboratorsUpdate),
    section(
        "Contracting",
        pair("Project reporting schedule", P.ProjectCreatorContractingReportingView,
             P.ProjectCreatorContractingReportingEdit),
        pair("Partner state aid", P.ProjectContractingPartnerStateAidView, P.ProjectContractingPartnerStateAidEdit),
    ),
    pair("Shared folder", P.ProjectCreatorSharedFolderView, P.ProjectCreatorSharedFolderEdit),
    toggle("Create project reports", P.ProjectCreatorReportingProjectCreate),
)

PROJECT_TREE = section(
    "Programme side (all projects or assigned projects)",
    section(
        "Application form",
        pair("Application form", P.ProjectFormRetrieve, P.ProjectFormUpdate),
        pair("Application annexes", P.ProjectFileApplicationRetrieve, P.ProjectFileApplicationUpdate),
        toggle("Check application form", P.ProjectCheckApplicationForm),
        toggle("Submit application", P.ProjectSubmission),
    ),
    section(
        "Assessment and decision",
        view_only("Assessment panel", P.ProjectAssessmentView),
        toggle("Enter quality assessment", P.ProjectAssessmentQualityEnter),
        toggle("Enter eligibility assessment", P.ProjectAssessmentEligibilityEnter),
        toggle("Decide eligible", P.ProjectStatusDecideEligible),
        toggle("Decide ineligible", P.ProjectStatusDecideIneligible),
        toggle("Decide approved", P.ProjectStatusDecideApproved),
        toggle("Decide approved with conditions", P.ProjectStatusDecideApprovedWithConditions),
        toggle("Decide not approved", P.ProjectStatusDecideNotApproved),
        toggle("Revert decision", P.ProjectStatusDecisionRevert),
        toggle("Return to applicant", P.ProjectStatusReturnToApplicant),
        toggle("Start step 2", P.ProjectStartStepTwo),
        pair("Assessment files", P.ProjectFileAssessmentRetrieve, P.ProjectFileAssessmentUpdate),
        toggle("Fill assessment checklists", P.ProjectAssessmentChecklistUpdate),
        toggle("Consolidate assessment checklists", P.ProjectAssessmentChecklistConsolidate),
        pair("Checklists selected for the project", P.ProjectAssessmentChecklistSelectedRetrieve,
             P.ProjectAssessmentChecklistSelectedUpdate),
    ),
    section(
        "Modification",
        view_only("Modification panel", P.ProjectModificationView),
        toggle("Approve modification", P.ProjectStatusDecideModificationApproved),
        toggle("Reject modification", P.ProjectStatusDecideModificationNotApproved),
        toggle("Open modification", P.ProjectOpenModification),
        pair("Modification files", P.ProjectModificationFileAssessmentRetrieve,
             P.ProjectModificationFileAssessmentUpdate),
    ),
    pair("Project privileges", P.ProjectMonitorCollaboratorsRetrieve, P.ProjectMonitorCollaboratorsUpdate),
    pair("Shared folder", P.ProjectMonitorSharedFolderView, P.ProjectMonitorSharedFolderEdit),
    section(
        "Contracting",
        pair("Contract monitoring", P.ProjectContractingView, P.ProjectSetToContracted),
        pair("Contracts and agreements", P.ProjectContractsView, P.ProjectContractsEdit),
        pair("Project managers", P.ProjectContractingManagementView, P.ProjectContractingManagementEdit),
        pair("Project reporting schedule", P.ProjectContractingReportingView, P.ProjectContractingReportingEdit),
        pair("Partner details", P.ProjectContractingPartnerView, P.ProjectContractingPartnerEdit),
    ),
    section(
        "Reporting",
        pair("Partner reports", P.ProjectReportingView, P.ProjectReportingEdit),
        toggle("Re-open partner reports", P.ProjectReportingReOpen),
        toggle("Re-open certified control", P.ProjectPartnerControlReportingReOpen),
        toggle("Control checklists after control", P.ProjectReportingChecklistAfterControl),
        pair("Project reports", P.ProjectReportingProjectView, P.ProjectReportingProjectEdit),
        toggle("Re-open project reports", P.ProjectReportingProjectReOpen),
        pair("Verification", P.ProjectReportingVerificationProjectView, P.ProjectReportingVerificationProjectEdit),
        toggle("Finalise verification", P.ProjectReportingVerificationFinalize),
        toggle("Re-open verification", P.ProjectReportingVerificationReOpen),
    ),
    section(
        "Audit and control",
        pair("Audits and controls", P.ProjectMonitorAuditAndControlView, P.ProjectMonitorAuditAndControlEdit),
        toggle("Close audit or control", P.ProjectMonitorCloseAuditControl),
        toggle("Close correction", P.ProjectMonitorCloseAuditControlCorrection),
        toggle("Re-open audit or control", P.ProjectMonitorReOpenAuditControl),
    ),
)

TREES = {PrivilegeGroup.GLOBAL: GLOBAL_TREE, PrivilegeGroup.APPLICANT: APPLICANT_TREE,
         PrivilegeGroup.PROJECT: PROJECT_TREE}

GROUP_OF: dict[Privilege, PrivilegeGroup] = {
    privilege: group for group, tree in TREES.items() for privilege in tree.privileges()
}

# Project-scoped privileges (Jems `projectRelated`): the programme side, except the one that
# concerns the checklist selection of a call.
PROJECT_RELATED = frozenset(
    p for p, g in GROUP_OF.items() if g == PrivilegeGroup.PROJECT
) - {P.ProjectAssessmentChecklistSelectedUpdate}

# Who may be assigned to monitor projects (workflows §3.1, "project-monitor set").
GLOBAL_PROJECT_RETRIEVE = frozenset({P.ProjectRetrieve, P.ProjectRetrieveEditUserAssignments})
PROJECT_MONITOR_SET = frozenset({
    P.ProjectFormRetrieve, P.ProjectFileApplicationRetrieve, P.ProjectCheckApplicationForm,
    P.ProjectAssessmentView, P.ProjectStatusDecisionRevert, P.ProjectStatusReturnToApplicant,
    P.ProjectStartStepTwo, P.ProjectFileAssessmentRetrieve, P.ProjectContractingView, P.ProjectSetToContracted,
    P.ProjectReportingView, P.ProjectReportingEdit, P.ProjectModificationView, P.ProjectOpenModification,
    P.ProjectModificationFileAssessmentRetrieve,
})

ADMINISTRATOR_ROLE_ID = 1
PROGRAMME_USER_ROLE_ID = 2
APPLICANT_USER_ROLE_ID = 3

# The fresh-install administrator holds everything except these (workflows §3.2).
ADMINISTRATOR_DEFAULT = frozenset(Privilege) - {
    P.InstitutionsRetrieve, P.ProjectCreatorReportingProjectCreate, P.ProjectReportingProjectReOpen,
    P.ProjectReportingVerificationReOpen, P.ProjectContractingPartnerStateAidView,
    P.ProjectContractingPartnerStateAidEdit,
}

PROGRAMME_USER_DEFAULT = frozenset({
    P.ProjectReportingView, P.ProjectContractingPartnerView, P.ProjectContractingView, P.ProjectSetToContracted,
    P.ProjectContractingManagementView, P.ProjectContractingReportingView, P.ProjectContractsEdit,
    P.ProjectFormRetrieve, P.ProjectFileApplicationRetrieve, P.ProjectCheckApplicationForm,
    P.ProjectAssessmentView, P.ProjectAssessmentQualityEnter, P.ProjectAssessmentEligibilityEnter,
    P.ProjectStatusDecideEligible, P.ProjectStatusDecideIneligible, P.ProjectStatusDecideApproved,
    P.ProjectStatusDecideApprovedWithConditions, P.ProjectStatusDecideNotApproved,
    P.ProjectStatusReturnToApplicant, P.ProjectStartStepTwo, P.ProjectFileAssessmentRetrieve,
    P.ProjectFileAssessmentUpdate, P.ProjectAssessmentChecklistUpdate, P.ProjectAssessmentChecklistSelectedRetrieve,
    P.ProjectModificationView, P.ProjectStatusDecideModificationApproved, P.ProjectStatusDecideModificationNotApproved,
    P.ProjectOpenModification, P.ProjectModificationFileAssessmentRetrieve, P.ProjectModificationFileAssessmentUpdate,
    P.ProjectMonitorCollaboratorsRetrieve, P.ProjectMonitorCollaboratorsUpdate, P.ProjectsWithOwnershipRetrieve,
    P.ProjectMonitorSharedFolderEdit, P.CallPublishedRetrieve, P.ProjectRetrieve, P.CallRetrieve,
    P.ProgrammeSetupRetrieve, P.InstitutionsRetrieve, P.InstitutionsAssignmentRetrieve, P.PaymentsRetrieve,
    P.AdvancePaymentsRetrieve, P.ProgrammeDataExportRetrieve, P.AuditRetrieve,
})

APPLICANT_USER_DEFAULT = frozenset({
    P.CallPublishedRetrieve, P.ProjectsWithOwnershipRetrieve, P.ProjectCreate,
    P.ProjectCreatorCollaboratorsRetrieve, P.ProjectCreatorCollaboratorsUpdate,
    P.ProjectCreatorReportingProjectCreate,
})


def ordered(privileges) -> list[str]:
    """Privilege names in catalogue order (stable output for the API and the audit description)."""
    wanted = {str(p) for p in privileges}
    return [p.value for p in Privilege if p.value in wanted]
