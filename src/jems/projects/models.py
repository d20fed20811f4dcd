"""Projects (applications): the project with its status and status history, its immutable versions, its
collaborators (application-form users) and its monitor assignments (programme users).

Later sections of the application form (partners, C sections, annexes, check & submit) hang off `Project`
and add their data to the version snapshot (see services.form_snapshot)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jems.core.translatable import TranslatableField


class ApplicationStatus(models.TextChoices):
    """Jems `ApplicationStatus` (24 values, workflows §1.1)."""

    STEP1_DRAFT = "STEP1_DRAFT", _("Step 1 Draft")
    STEP1_SUBMITTED = "STEP1_SUBMITTED", _("Step 1 Submitted")
    STEP1_ELIGIBLE = "STEP1_ELIGIBLE", _("Step 1 Eligible")
    STEP1_INELIGIBLE = "STEP1_INELIGIBLE", _("Step 1 Ineligible")
    STEP1_APPROVED = "STEP1_APPROVED", _("Step 1 Approved")
    STEP1_APPROVED_WITH_CONDITIONS = "STEP1_APPROVED_WITH_CONDITIONS", _("Step 1 Approved with conditions")
    STEP1_NOT_APPROVED = "STEP1_NOT_APPROVED", _("Step 1 Not approved")
    DRAFT = "DRAFT", _("Draft")
    SUBMITTED = "SUBMITTED", _("Submitted")
    CONDITIONS_SUBMITTED = "CONDITIONS_SUBMITTED", _("Conditions submitted")
    RETURNED_TO_APPLICANT = "RETURNED_TO_APPLICANT", _("Returned to applicant")
    RETURNED_TO_APPLICANT_FOR_CONDITIONS = "RETURNED_TO_APPLICANT_FOR_CONDITIONS", _("Returned for conditions")
    ELIGIBLE = "ELIGIBLE", _("Eligible")
    INELIGIBLE = "INELIGIBLE", _("Ineligible")
    APPROVED = "APPROVED", _("Approved")
    APPROVED_WITH_CONDITIONS = "APPROVED_WITH_CONDITIONS", _("Approved with conditions")
    MODIFICATION_PRECONTRACTING = "MODIFICATION_PRECONTRACTING", _("In modification precontracted")
    MODIFICATION_PRECONTRACTING_SUBMITTED = "MODIFICATION_PRECONTRACTING_SUBMITTED", _("Modification precontracted submitted")
    MODIFICATION_REJECTED = "MODIFICATION_REJECTED", _("Rejected")
    IN_MODIFICATION = "IN_MODIFICATION", _("In modification")
    MODIFICATION_SUBMITTED = "MODIFICATION_SUBMITTED", _("Modification submitted")
    NOT_APPROVED = "NOT_APPROVED", _("Not approved")
    CONTRACTED = "CONTRACTED", _("Contracted")
    CLOSED = "CLOSED", _("Closed")


S = ApplicationStatus
MODIFIABLE_BEFORE_APPROVED = frozenset({S.DRAFT, S.STEP1_DRAFT, S.RETURNED_TO_APPLICANT,
                                        S.RETURNED_TO_APPLICANT_FOR_CONDITIONS})
MODIFIABLE_AFTER_APPROVED = frozenset({S.MODIFICATION_PRECONTRACTING, S.IN_MODIFICATION})
CAN_BE_MODIFIED = MODIFIABLE_BEFORE_APPROVED | MODIFIABLE_AFTER_APPROVED
ALREADY_CONTRACTED = frozenset({S.CONTRACTED, S.IN_MODIFICATION, S.MODIFICATION_SUBMITTED, S.MODIFICATION_REJECTED,
                                S.CLOSED})


def can_be_modified(status: str) -> bool:
    """Jems `canBeModified`: the application form is editable in this status."""
    return status in CAN_BE_MODIFIED


def is_in_step1(status: str) -> bool:
    return status.startswith("STEP1_")


class CollaboratorLevel(models.TextChoices):
    """Jems `ProjectCollaboratorLevel`."""

    VIEW = "VIEW", _("View")
    EDIT = "EDIT", _("Edit")
    MANAGE = "MANAGE", _("Manage")


class Project(models.Model):
    """An application to a call: its custom identifier, acronym, current status (the latest status-history row
    is kept in `current_status`), the applicant who created it and the section-A data of the form."""

    call = models.ForeignKey("calls.Call", on_delete=models.PROTECT, related_name="projects")
    custom_identifier = models.CharField(max_length=31, blank=True, default="")
    acronym = models.CharField(max_length=25)
    status = models.CharField(max_length=40, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT)
    current_status = models.ForeignKey("ProjectStatusHistory", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+")
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="created_projects")
    title = TranslatableField()
    duration = models.PositiveIntegerField(null=True, blank=True)
    specific_objective = models.ForeignKey("priorities.ProgrammeSpecificObjective", null=True, blank=True,
                                           on_delete=models.PROTECT, related_name="projects")
    intro = TranslatableField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self):
        return f"{self.custom_identifier} {self.acronym}"


class ProjectStatusHistory(models.Model):
    """One status the project entered (Jems `project_status`): who, when, decision and entry-into-force date."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="status_history")
    status = models.CharField(max_length=40, choices=ApplicationStatus.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated = models.DateTimeField(auto_now_add=True)
    decision_date = models.DateField(null=True, blank=True)
    entry_into_force_date = models.DateField(null=True, blank=True)
    note = models.TextField(null=True, blank=True)

    class Meta:
        ordering = ["id"]


class ProjectVersion(models.Model):
    """A major version of the application form ("1.0", "2.0", …). The latest version is the current one: its
    data is the live form and `snapshot` is null. Opening the next version freezes the form into the previous
    version's `snapshot`, which never changes afterwards (see services.create_version)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="versions")
    version = models.CharField(max_length=10)
    created_at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=40, choices=ApplicationStatus.choices)
    snapshot = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["project", "version"], name="project_version_unique")]

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("A project version is immutable (services.create_version freezes it).")
        super().save(*args, **kwargs)


class ProjectCollaborator(models.Model):
    """An application-form user of a project (Jems `account_project_collaborator`) with VIEW / EDIT / MANAGE."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="collaborators")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_collaborations")
    level = models.CharField(max_length=8, choices=CollaboratorLevel.choices)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="project_collaborator_unique")]


class ProjectAssignment(models.Model):
    """A programme user assigned to monitor a project (Jems `account_project`)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="assignments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_assignments")

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="project_assignment_unique")]
