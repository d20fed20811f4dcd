"""Check & Submit page: run the call's pre-submission check (result tree per section, severities shown as
text and badge), then submit after a confirmation step (plain forms, no JavaScript needed). Shows the status and
the submission (status) history. Anyone who sees the project may run the check; the Submit button is enabled
only for users allowed to submit, in a submittable status, within the call window and after a passing check."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from jems.core.errors import JemsError
from jems.core.messages import text_for
from jems.core.views import app_view
from jems.projects import access
from jems.projects.models import ApplicationStatus, ProjectStatusHistory
from jems.projects.navigation import project_context

from . import services

# message key (without the plugin prefix) of a tree node → side-navigation key of the page to fix it on
SECTION_PAGES = {"section.a": "identification", "section.b": "partners", "b.partner": "partners",
                 "c1": "overallObjective", "c2": "relevance", "c3": "partnership", "c4": "workPackages",
                 "c4.wp": "workPackages", "c5": "results", "c7": "management", "c8": "futurePlans"}
SEVERITY = {"ERROR": gettext_lazy("Error"), "WARNING": gettext_lazy("Warning"), "INFO": gettext_lazy("Info")}


def _nodes(messages_, links: dict[str, str]) -> list[dict]:
    """The check tree as template data: text, severity, issue count, link to the section page."""
    out = []
    for message in messages_:
        short = message.key.removeprefix("standard.check.")
        out.append({"text": text_for(message.key, message.args), "type": message.type.value,
                    "severity": SEVERITY[message.type.value], "issues": message.issue_count,
                    "url": links.get(SECTION_PAGES.get(short, "")), "children": _nodes(message.children, links)})
    return out


def _counts(messages_) -> tuple[int, int]:
    errors = warnings = 0
    for message in messages_:
        if message.children:
            e, w = _counts(message.children)
            errors, warnings = errors + e, warnings + w
        elif message.type == "ERROR":
            errors += 1
        elif message.type == "WARNING":
            warnings += 1
    return errors, warnings


@require_http_methods(["GET", "POST"])
@app_view
def check(request, project_id: int):
    acc = access.load(request.user, project_id)
    action = request.POST.get("action") if request.method == "POST" else None
    result, status, error = None, 200, None
    if action == "submit":
        try:
            new_status = services.submit(actor=request.user, project_id=acc.project.pk)
        except JemsError as refusal:
            error, status = text_for(refusal.key, refusal.args_), refusal.status
            acc = access.load(request.user, project_id)
            if isinstance(refusal, services.CheckFailed):
                result = services.run_check(acc.project, request.user)
        else:
            messages.success(request, _("The application was submitted. Its status is now %(status)s.")
                             % {"status": ApplicationStatus(new_status).label})
            return redirect("project_submission:check", project_id=acc.project.pk)
    elif action in ("check", "confirm"):
        result = services.run_check(acc.project, request.user)
    state = services.submission(acc)
    can_submit = state.refusal is None and result is not None and result.submission_allowed
    context = project_context(acc, "checkAndSubmit")
    links = {item["key"]: item["url"] for item in context["project_menu"] if item["url"]}
    errors, warnings = _counts(result.messages) if result else (0, 0)
    history = list(ProjectStatusHistory.objects.filter(project=acc.project).select_related("user").order_by("-id"))
    return render(request, "submission/check.html", {
        **context, "result": result, "tree": _nodes(result.messages, links) if result else [],
        "errors": errors, "warnings": warnings, "state": state, "can_submit": can_submit,
        "confirm": action == "confirm" and can_submit, "error": error, "history": history,
        "refusal": text_for(state.refusal.key, state.refusal.args_) if state.refusal else None,
    }, status=status)
