"""Assessments (recorded once per step, never edited, workflows §1.5) and the project's decision pointers
(Jems keeps pointers from the project to specific status-history rows, workflows §1.2)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EligibilityResult(models.TextChoices):
    """Jems `ProjectAssessmentEligibilityResult`."""

    PASSED = "PASSED", _("Passed")
    FAILED = "FAILED", _("Failed")


class QualityResult(models.TextChoices):
    """Jems `ProjectAssessmentQualityResult`."""

    RECOMMENDED_FOR_FUNDING = "RECOMMENDED_FOR_FUNDING", _("Recommended for funding")
    RECOMMENDED_WITH_CONDITIONS = "RECOMMENDED_WITH_CONDITIONS", _("Recommended with conditions")
    NOT_RECOMMENDED = "NOT_RECOMMENDED", _("Not recommended")


class EligibilityAssessment(models.Model):
    """The eligibility assessment of one step (1 or 2) of a project: result, note, who and when."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="eligibility_assessments")
    step = models.PositiveSmallIntegerField()
    result = models.CharField(max_length=8, choices=EligibilityResult.choices)
    note = models.TextField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["step"]
        constraints = [models.UniqueConstraint(fields=["project", "step"], name="eligibility_assessment_once")]


class QualityAssessment(models.Model):
    """The quality assessment of one step (1 or 2) of a project: result, note, who and when."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="quality_assessments")
    step = models.PositiveSmallIntegerField()
    result = models.CharField(max_length=32, choices=QualityResult.choices)
    note = models.TextField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["step"]
        constraints = [models.UniqueConstraint(fields=["project", "step"], name="quality_assessment_once")]


def _pointer():
    return models.ForeignKey("projects.ProjectStatusHistory", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")


class ProjectDecisions(models.Model):
    """The decision pointers of a project (Jems `decisionEligibilityStep1/2`, `decisionFundingStep1`,
    `decisionPreFundingStep2`, `decisionFundingStep2`, `modificationDecision`, `contractedDecision`) and the
    time of the last approved version. Field names are the keys used by transitions.py."""

    project = models.OneToOneField("projects.Project", on_delete=models.CASCADE, related_name="decisions")
    eligibility_step1 = _pointer()
    funding_step1 = _pointer()
    eligibility_step2 = _pointer()
    pre_funding_step2 = _pointer()
    funding_step2 = _pointer()
    modification = _pointer()
    contracted = _pointer()
    approved_version_at = models.DateTimeField(null=True, blank=True)
