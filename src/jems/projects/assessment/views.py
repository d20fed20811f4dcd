"""The Assessment & Decision page: decision panels per step (eligibility and quality assessment, eligibility
decision, pre-funding and final funding decision, modification decision), the assessment forms, one form per
status action the user may run now (computed from the transition table and the user's privileges) and the
revert of the last decision, and the list of modification decisions. Plain forms, no JavaScript needed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jems.accounts.access import has_global
from jems.accounts.privileges import Privilege
from jems.core.errors import ValidationFailed
from jems.core.messages import text_for
from jems.core.views import app_view, apply_error
from jems.projects import access
from jems.projects.models import is_in_step1
from jems.projects.navigation import project_context

from . import queries, services
from .forms import FIELD_MAP, AssessmentForm, DecisionForm
from .transitions import ACTION_LABELS

ASSESS = {"eligibility": (services.set_eligibility_assessment, Privilege.ProjectAssessmentEligibilityEnter,
                          services.ELIGIBILITY_STATUSES),
          "quality": (services.set_quality_assessment, Privilege.ProjectAssessmentQualityEnter,
                      services.QUALITY_STATUSES)}


def _assessment_forms(acc, step1, step2, bound: dict) -> list[tuple[str, AssessmentForm]]:
    """The assessment forms the user may fill now (status allows, privilege, not yet concluded in the step)."""
    project = acc.project
    panel = step1 if is_in_step1(project.status) else step2
    done = {"eligibility": panel.eligibility_assessment, "quality": panel.quality_assessment}
    return [(kind, bound.get(kind) or AssessmentForm(kind=kind)) for kind, (_s, privilege, statuses) in ASSESS.items()
            if project.status in statuses and done[kind] is None and acc.perm(privilege)]


def _page(request, acc, bound: dict, status: int = 200):
    step1, step2, contracted = queries.panels(acc.project)
    actions = [{"row": row, "label": ACTION_LABELS[row.action],
                "form": bound.get(row.action) or DecisionForm(row=row)} for row in queries.allowed_actions(acc)]
    return render(request, "assessment/assessment.html", {
        **project_context(acc, "assessmentAndDecision"), "step1": step1, "step2": step2, "contracted": contracted,
        "two_step": bool(acc.project.call.end_date_step1) or not step1.empty,
        "assessment_forms": _assessment_forms(acc, step1, step2, bound), "actions": actions,
        "revert_target": queries.can_revert(acc), "revert_error": bound.get("revert"),
        "modification_decisions": queries.modification_decisions(acc.project),
    }, status=status)


def _assess(request, acc, kind):
    form = AssessmentForm(request.POST, kind=kind)
    if form.is_valid():
        try:
            ASSESS[kind][0](actor=request.user, project_id=acc.project.pk, result=form.cleaned_data["result"],
                            note=form.cleaned_data["note"])
        except ValidationFailed as error:
            apply_error(form, error)
        else:
            return None
    return form


def _act(request, acc, action):
    row = next((r for r in queries.allowed_actions(acc) if r.action == action), None)
    if row is None:
        raise PermissionDenied
    form = DecisionForm(request.POST, row=row)
    if form.is_valid():
        data = services.Decision(date=form.cleaned_data.get("date"), note=form.cleaned_data.get("note") or None,
                                 entry_into_force_date=form.cleaned_data.get("entry_into_force_date"))
        try:
            services.transition(actor=request.user, project_id=acc.project.pk, action=action, data=data)
        except ValidationFailed as error:
            apply_error(form, error, FIELD_MAP)
        else:
            return None
    return form


@require_http_methods(["GET", "POST"])
@app_view
def assessment(request, project_id: int):
    acc = access.load(request.user, project_id)
    if not has_global(request.user, Privilege.ProjectAssessmentView):
        raise PermissionDenied
    if request.method == "GET":
        return _page(request, acc, {})
    kind = request.POST.get("kind")
    if kind in ASSESS:
        failed = _assess(request, acc, kind)
        done = _("The assessment was saved.")
    elif kind == "revert":
        try:
            services.revert(actor=request.user, project_id=acc.project.pk)
        except ValidationFailed as error:
            return _page(request, acc, {"revert": text_for(error.key, error.args_)}, status=422)
        failed, done = None, _("The last decision was reverted.")
    elif kind == "action":
        failed = _act(request, acc, request.POST.get("action"))
        done = None
    else:
        raise PermissionDenied
    if failed is not None:
        return _page(request, acc, {failed.prefix: failed}, status=422)
    acc = access.load(request.user, project_id)
    messages.success(request, done or _("The project status is now %(status)s.")
                     % {"status": acc.project.get_status_display()})
    return redirect("project_assessment:assessment", project_id=acc.project.pk)
