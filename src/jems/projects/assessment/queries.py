"""Reads of the status machine: decision panels per step, modification decisions, the actions a user may run
now (from the transition table and the user's privileges, for the page buttons)."""

from dataclasses import dataclass

from jems.accounts.access import has_global
from jems.accounts.privileges import Privilege
from jems.core.errors import Forbidden
from jems.projects import access
from jems.projects.models import ApplicationStatus as S
from jems.projects.models import Project, ProjectStatusHistory
from jems.projects.schemas import status_dto

from . import services
from . import transitions as tt
from .models import EligibilityAssessment, ProjectDecisions, QualityAssessment

MODIFICATION_SUBMITTED = {S.MODIFICATION_PRECONTRACTING_SUBMITTED, S.MODIFICATION_SUBMITTED}


@dataclass
class StepPanel:
    """The assessments and decisions of one step (Jems ProjectDecision)."""

    step: int
    eligibility_assessment: EligibilityAssessment | None
    quality_assessment: QualityAssessment | None
    eligibility_decision: ProjectStatusHistory | None
    pre_funding_decision: ProjectStatusHistory | None
    final_funding_decision: ProjectStatusHistory | None
    modification_decision: ProjectStatusHistory | None

    @property
    def empty(self) -> bool:
        return not any((self.eligibility_assessment, self.quality_assessment, self.eligibility_decision,
                        self.pre_funding_decision, self.final_funding_decision, self.modification_decision))


def _decisions(project: Project) -> ProjectDecisions | None:
    related = ("eligibility_step1__user", "funding_step1__user", "eligibility_step2__user",
               "pre_funding_step2__user", "funding_step2__user", "modification__user", "contracted__user")
    return ProjectDecisions.objects.select_related(*related).filter(project=project).first()


def panels(project: Project) -> tuple[StepPanel, StepPanel, ProjectStatusHistory | None]:
    """Step-1 and step-2 panels and the contracted decision (four queries)."""
    d = _decisions(project)
    eligibility = {a.step: a for a in EligibilityAssessment.objects.filter(project=project)}
    quality = {a.step: a for a in QualityAssessment.objects.filter(project=project)}
    step1 = StepPanel(1, eligibility.get(1), quality.get(1), d and d.eligibility_step1, None,
                      d and d.funding_step1, None)
    step2 = StepPanel(2, eligibility.get(2), quality.get(2), d and d.eligibility_step2, d and d.pre_funding_step2,
                      d and d.funding_step2, d and d.modification)
    return step1, step2, d and d.contracted


def _assessment_dto(assessment) -> dict | None:
    if assessment is None:
        return None
    return {"result": assessment.result, "updated": assessment.updated, "note": assessment.note}


def _row(row) -> dict | None:
    return status_dto(row) if row is not None else None


def _panel_dto(panel: StepPanel) -> dict | None:
    if panel.empty:
        return None
    return {"quality_assessment": _assessment_dto(panel.quality_assessment),
            "eligibility_assessment": _assessment_dto(panel.eligibility_assessment),
            "eligibility_decision": _row(panel.eligibility_decision),
            "pre_funding_decision": _row(panel.pre_funding_decision),
            "final_funding_decision": _row(panel.final_funding_decision),
            "modification_decision": _row(panel.modification_decision)}


def detail_part(project: Project, viewer) -> dict:
    """The decision part of ProjectDetailDTO (registered in jems.projects.schemas.DETAIL_PARTS); only for viewers
    holding the global ProjectAssessmentView (§1.5), nothing otherwise."""
    if viewer is None or not has_global(viewer, Privilege.ProjectAssessmentView):
        return {}
    step1, step2, contracted = panels(project)
    return {"first_step_decision": _panel_dto(step1), "second_step_decision": _panel_dto(step2),
            "contracted_decision": _row(contracted)}


def modification_decisions(project: Project) -> list[ProjectStatusHistory]:
    """Every modification decision: the approval rows and the MODIFICATION_REJECTED rows (one query)."""
    rows = list(ProjectStatusHistory.objects.filter(project=project).select_related("user").order_by("id"))
    out = []
    for previous, row in zip(rows, rows[1:], strict=False):
        if row.status == S.MODIFICATION_REJECTED or (
                previous.status in MODIFICATION_SUBMITTED and row.status in (S.APPROVED, S.CONTRACTED)):
            out.append(row)
    return out


def get_modification_decisions(*, actor, project_id) -> list[ProjectStatusHistory]:
    """GET modification-decisions: Perm(ProjectModificationView) (403), 404 when not visible."""
    acc = access.load(actor, project_id)
    if not acc.perm(Privilege.ProjectModificationView):
        raise Forbidden()
    return modification_decisions(acc.project)


def allowed_actions(acc: access.ProjectAccess) -> list[tt.Transition]:
    """The table rows the user may run now: the status allows it, the user holds the privilege and every guard
    that does not depend on the decision payload passes."""
    project = acc.project
    ctx = services.context(project)
    return [row for row in tt.TRANSITIONS if project.status in row.sources and acc.perm(row.privilege)
            and tt.failing_guard(row, ctx) is None]


def can_revert(acc: access.ProjectAccess) -> str | None:
    """The revert target when the user may revert now, else None."""
    if not acc.perm(Privilege.ProjectStatusDecisionRevert):
        return None
    return services.revert_target(acc.project)


def overview(project: Project) -> dict:
    """Template context of the project overview: the decision panels per step and the key dates (first
    submission per step, last resubmission, contracted decision)."""
    step1, step2, contracted = panels(project)
    submitted = list(ProjectStatusHistory.objects.filter(project=project, status__in=(S.STEP1_SUBMITTED, S.SUBMITTED))
                     .order_by("id").values_list("status", "updated"))
    step1_dates = [when for status, when in submitted if status == S.STEP1_SUBMITTED]
    step2_dates = [when for status, when in submitted if status == S.SUBMITTED]
    return {"step1": step1, "step2": step2, "contracted": contracted,
            "two_step": bool(project.call.end_date_step1) or not step1.empty,
            "key_dates": {"first_submission_step1": step1_dates[0] if step1_dates else None,
                          "first_submission": step2_dates[0] if step2_dates else None,
                          "last_resubmission": step2_dates[-1] if len(step2_dates) > 1 else None}}
