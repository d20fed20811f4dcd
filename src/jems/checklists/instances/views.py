"""Pages of the assessment checklists of a project (under "Assessment & Decision"): the list with "start a
checklist" and the choice of visible checklists, and the fill page of one checklist with its actions
(save, finish, return to draft, consolidate, clone, delete) offered only when allowed, and its PDF."""

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jems.core.errors import ValidationFailed
from jems.core.languages import SystemLanguage
from jems.core.messages import text_for
from jems.core.views import app_view, apply_error
from jems.projects.navigation import project_context

from . import export, queries, services
from .answers import plain, score_range
from .forms import AnswersForm, StartForm
from .models import ChecklistInstanceStatus, score_total

ACTIVE = "assessmentChecklists"


def _error_message(request, error: ValidationFailed) -> None:
    messages.error(request, text_for(error.key, error.args_))


def _start(request, acc, form):
    if form.is_valid():
        try:
            instance = services.create_instance(actor=request.user, project_id=acc.project.pk,
                                                template_id=form.cleaned_data["template"])
        except ValidationFailed as error:
            apply_error(form, error, {"programmeChecklistId": "template"})
        else:
            messages.success(request, _("The checklist was started."))
            return redirect("checklist_instances:detail", acc.project.pk, instance.pk)
    return None


def _visibility(request, acc, rows):
    selection = {i.pk: f"visible_{i.pk}" in request.POST for i in rows
                 if i.status == ChecklistInstanceStatus.FINISHED}
    try:
        services.update_selection(actor=request.user, selection=selection)
    except ValidationFailed as error:
        _error_message(request, error)
    else:
        messages.success(request, _("The visible checklists were saved."))
    return redirect("checklist_instances:list", acc.project.pk)


@require_http_methods(["GET", "POST"])
@app_view
def checklist_list(request, project_id: int):
    acc, rights = queries.project_rights(request.user, project_id)
    rows = queries.page_rows(acc, rights)
    templates = queries.startable_templates(acc.project) if rights.fill else []
    action = request.POST.get("action") if request.method == "POST" else None
    form = StartForm(request.POST if action == "start" else None, templates=templates)
    status = 200
    if action == "start":
        if not rights.fill:
            raise PermissionDenied
        response = _start(request, acc, form)
        if response:
            return response
        status = 422
    elif action == "visibility":
        if not rights.select:
            raise PermissionDenied
        return _visibility(request, acc, rows)
    elif action:
        raise PermissionDenied
    return render(request, "checklist_instances/list.html", {
        **project_context(acc, ACTIVE), "rights": rights, "rows": rows, "form": form, "templates": templates,
    }, status=status)


def _save(request, instance, form, action) -> bool:
    """Save the answers and the description (then finish when asked); refusals go onto the form."""
    try:
        services.update_answers(actor=request.user, instance_id=instance.pk, answers=form.answer_inputs())
        if form.cleaned_data["description"] != instance.description:
            services.update_description(actor=request.user, instance_id=instance.pk,
                                        description=form.cleaned_data["description"])
        if action == "finish":
            services.change_status(actor=request.user, instance_id=instance.pk,
                                   status=ChecklistInstanceStatus.FINISHED)
    except ValidationFailed as error:
        apply_error(form, error, form.field_map())
        return False
    return True


SUCCESS = {
    "save": _("The checklist was saved."),
    "finish": _("The checklist was finished."),
    "draft": _("The checklist was returned to draft."),
    "consolidate": _("The checklist was marked as consolidated."),
    "unconsolidate": _("The checklist is no longer consolidated."),
    "delete": _("The checklist was deleted."),
    "clone": _("The checklist was cloned."),
}


# The right (services.allowed_actions) each button needs.
NEEDS = {"save": "fill", "finish": "finish", "draft": "return_to_draft", "consolidate": "consolidate",
         "unconsolidate": "consolidate", "clone": "clone", "delete": "delete"}


def _act(request, instance, action):
    """The actions without answers; returns where to go next."""
    project_id = instance.related_to_id
    if action == "draft":
        services.change_status(actor=request.user, instance_id=instance.pk, status=ChecklistInstanceStatus.DRAFT)
    elif action in ("consolidate", "unconsolidate"):
        services.set_consolidated(actor=request.user, instance_id=instance.pk, consolidated=action == "consolidate")
    elif action == "delete":
        services.delete_instance(actor=request.user, project_id=project_id, instance_id=instance.pk)
        return redirect("checklist_instances:list", project_id)
    elif action == "clone":
        clone = services.clone_instance(actor=request.user, instance_id=instance.pk)
        return redirect("checklist_instances:detail", project_id, clone.pk)
    return redirect("checklist_instances:detail", project_id, instance.pk)


@require_http_methods(["GET", "POST"])
@app_view
def checklist_detail(request, project_id: int, checklist_id: int):
    acc, rights, instance, components = queries.get_instance(actor=request.user, project_id=project_id,
                                                             instance_id=checklist_id)
    allowed = services.allowed_actions(request.user, instance, rights)
    action = request.POST.get("action") if request.method == "POST" else None
    if action and not allowed.get(NEEDS.get(action, ""), False):
        raise PermissionDenied
    low, high = score_range(instance.template)
    score_hint = _("From %(min)s to %(max)s; weight %%(weight)s.") % {"min": plain(low), "max": plain(high)}
    form = AnswersForm(request.POST if action in ("save", "finish") else None, instance=instance,
                       components=components, score_hint=score_hint, disabled=not allowed["fill"])
    status = 200
    if action in ("save", "finish"):
        if form.is_valid() and _save(request, instance, form, action):
            messages.success(request, SUCCESS[action])
            return redirect("checklist_instances:detail", project_id, instance.pk)
        status = 422
    elif action:
        try:
            response = _act(request, instance, action)
        except ValidationFailed as error:
            _error_message(request, error)
            return redirect("checklist_instances:detail", project_id, instance.pk)
        messages.success(request, SUCCESS[action])
        return response
    return render(request, "checklist_instances/detail.html", {
        **project_context(acc, ACTIVE), "instance": instance, "form": form, "allowed": allowed, "rights": rights,
        "total": score_total(instance, components), "has_scores": any(c.type == "SCORE" for c in components),
    }, status=status)


@require_http_methods(["GET"])
@app_view
def checklist_export(request, project_id: int, checklist_id: int):
    """The checklist as a PDF, in the user's interface language when it is a system language (else English)."""
    code = (request.LANGUAGE_CODE or "").upper()
    language = code if code in SystemLanguage.values else SystemLanguage.EN.value
    result = export.export_checklist(actor=request.user, project_id=project_id, checklist_id=checklist_id,
                                     export_language=language)
    response = HttpResponse(result.content, content_type=result.content_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(result.file_name)}"
    return response
