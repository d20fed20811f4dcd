"""Pages of the project foundation: Applications list and Assignment tab, apply, project overview, A.1/A.2
and project privileges. Every project page answers 404 for a missing project and for one the user may not see."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jems.accounts.access import has_global
from jems.accounts.privileges import Privilege
from jems.calls.models import Call
from jems.core.errors import JemsError, ValidationFailed
from jems.core.messages import text_for
from jems.core.pagination import PageRequest
from jems.core.views import app_view, apply_error, page_params, pager
from jems.programme.languages import input_languages

from . import queries, services
from .forms import ApplyForm, CollaboratorFormSet, IdentificationForm, ProjectFilterForm
from .models import ALREADY_CONTRACTED
from .navigation import project_context
from .visibility import visible_fields

SORT_FIELDS = {"id": "id", "acronym": "acronym", "call": "call__name", "status": "status"}


def _tabs(request, active):
    tabs = []
    if has_global(request.user, Privilege.ProjectRetrieve):
        tabs.append(("list", _("Applications"), "projects:list"))
    if has_global(request.user, Privilege.ProjectRetrieveEditUserAssignments):
        tabs.append(("assignment", _("Assignment"), "projects:assignment"))
    return {"tabs": tabs, "active_tab": active}


def _filter_search(request):
    calls = list(Call.objects.order_by("name").only("id", "name"))
    form = ProjectFilterForm(request.GET or None, calls=calls)
    search = queries.ProjectSearch()
    if form.is_valid():
        data = form.cleaned_data
        search = queries.ProjectSearch(id=data["id"] or None, acronym=data["acronym"] or None,
                                       statuses={data["status"]} if data["status"] else None,
                                       calls={data["call"]} if data["call"] else None)
    return form, search


@require_http_methods(["GET"])
@app_view
def project_list(request):
    """Applications (global ProjectRetrieve) with filters and paging."""
    if not has_global(request.user, Privilege.ProjectRetrieve):
        if has_global(request.user, Privilege.ProjectRetrieveEditUserAssignments):
            return redirect("projects:assignment")
        raise PermissionDenied
    form, search = _filter_search(request)
    paging = page_params(request, sort_fields=SORT_FIELDS, default_sort="id,desc")
    page, size, ordering = paging["page"], paging["size"], paging["ordering"]
    items, total = queries.list_projects(actor=request.user, search=search,
                                         page=PageRequest(page - 1, size, ordering))
    return render(request, "projects/project_list.html", {
        "form": form, "projects": items, "paging": paging, "pager": pager(request, page=page, size=size, total=total),
        **_tabs(request, "list")})


@require_http_methods(["GET", "POST"])
@app_view
def assignment(request):
    """The project ↔ monitor-user matrix (ProjectRetrieveEditUserAssignments)."""
    from jems.accounts.queries import monitor_users

    if not has_global(request.user, Privilege.ProjectRetrieveEditUserAssignments):
        raise PermissionDenied
    users = monitor_users(actor=request.user)
    form, search = _filter_search(request)
    paging = page_params(request, sort_fields=SORT_FIELDS, default_sort="id,desc")
    page, size, ordering = paging["page"], paging["size"], paging["ordering"]
    items, total = queries.projects_with_users(actor=request.user, search=search,
                                               page=PageRequest(page - 1, size, ordering))
    if request.method == "POST":
        user_ids = {u.pk for u in users}
        changes = []
        for project in items:
            chosen = {int(v) for v in request.POST.getlist(f"p{project.pk}") if v.isdigit()} & user_ids
            current = {u.pk for u in project.assigned_users}
            if chosen != current:
                changes.append(services.AssignmentChange(project.pk, chosen - current, current - chosen))
        try:
            services.update_assignments(actor=request.user, changes=changes)
        except JemsError as error:
            messages.error(request, text_for(error.key, error.args_))
        else:
            messages.success(request, _("The assignments were saved."))
        return redirect(request.get_full_path())
    rows = [{"project": p, "assigned": {u.pk for u in p.assigned_users}} for p in items]
    return render(request, "projects/assignment.html", {
        "form": form, "rows": rows, "users": users, "paging": paging, "pager": pager(request, page=page, size=size, total=total),
        **_tabs(request, "assignment")})


def apply(request, call):
    """The create-application form of a call (called by the calls apply view within the window)."""
    form = ApplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.create_project(actor=request.user, call_id=call.pk,
                                              acronym=form.cleaned_data["acronym"])
        except ValidationFailed as error:
            apply_error(form, error)
        else:
            messages.success(request, _("Your application was created."))
            return redirect("projects:detail", project_id=project.pk)
    from jems.calls.services import apply_window_end

    return render(request, "projects/apply.html", {"call": call, "form": form, "window_end": apply_window_end(call)},
                  status=422 if form.errors else 200)


@require_http_methods(["GET"])
@app_view
def detail(request, project_id: int):
    acc = queries.get_project(actor=request.user, project_id=project_id)
    history = list(acc.project.status_history.select_related("user").order_by("-id"))
    from jems.projects.assessment.queries import overview  # decision panels and key dates

    decisions = overview(acc.project) if has_global(request.user, Privilege.ProjectAssessmentView) else {}
    return render(request, "projects/detail.html", {**project_context(acc, "overview"), "history": history,
                                                    **decisions})


@require_http_methods(["GET", "POST"])
@app_view
def identification(request, project_id: int):
    """A.1/A.2: editable while the status allows and for editors; any version read-only via ?version=."""
    acc = queries.get_project(actor=request.user, project_id=project_id)
    project = acc.project
    version = request.GET.get("version") or None
    row, snapshot = queries.version_snapshot(project, version)
    languages = input_languages()
    objectives = list(project.call.specific_objectives.select_related("priority").order_by("code"))
    editable = snapshot is None and acc.can_edit_form()
    if snapshot is not None:
        initial = {"acronym": snapshot.get("acronym"), "title": snapshot.get("title") or {},
                   "duration": snapshot.get("duration"), "specific_objective": snapshot.get("specificObjective") or "",
                   "intro": snapshot.get("intro") or {}}
    else:
        initial = {"acronym": project.acronym, "title": project.title, "duration": project.duration,
                   "specific_objective": project.specific_objective.programme_objective_policy
                   if project.specific_objective else "", "intro": project.intro}
    form = IdentificationForm(request.POST if request.method == "POST" and editable else None, initial=initial,
                              languages=languages, objectives=objectives, visible=visible_fields(project),
                              disabled=not editable)
    if project.status in ALREADY_CONTRACTED:  # the specific objective is locked after contracting
        form.fields["specific_objective"].disabled = True
    status = 200
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.update_identification(actor=request.user, project_id=project.pk, data=services.Identification(
                    acronym=data["acronym"], title=data["title"], duration=data["duration"],
                    specific_objective=data["specific_objective"] or None, intro=data["intro"]))
            except ValidationFailed as error:
                apply_error(form, error, {f"title.language.{c.lower()}": "title" for c in languages}
                            | {f"intro.language.{c.lower()}": "intro" for c in languages}
                            | {"specificObjective": "specific_objective"})
            else:
                messages.success(request, _("Section A was saved."))
                return redirect("projects:identification", project_id=project.pk)
        status = 422
    return render(request, "projects/identification.html", {
        **project_context(acc, "identification", version), "form": form, "editable": editable,
        "version_row": row if snapshot is not None else None}, status=status)


@require_http_methods(["GET", "POST"])
@app_view
def privileges(request, project_id: int):
    """Application-form collaborators by e-mail with their level, and below them one team per partner
    (jems.projects.partners.team_page); each form is saved on its own."""
    from jems.projects.partners import team_page

    acc, rows = queries.collaborators(actor=request.user, project_id=project_id)
    can_manage = acc.can_manage_collaborators()
    teams, saved = team_page.handle(request, acc, can_manage)
    if saved is not None:
        return saved
    posted = request.method == "POST" and team_page.POST_KEY not in request.POST
    initial = [{"email": r.user.email, "level": r.level} for r in rows]
    formset = CollaboratorFormSet(request.POST if posted else None, initial=initial, prefix="collab")
    error = None
    if posted:
        if not can_manage:
            raise PermissionDenied
        if formset.is_valid():
            pairs = [(f.cleaned_data["email"], f.cleaned_data["level"]) for f in formset.forms
                     if f.cleaned_data.get("email") and not f.cleaned_data.get("DELETE")]
            try:
                services.update_collaborators(actor=request.user, project_id=acc.project.pk, collaborators=pairs)
            except ValidationFailed as failure:
                error = text_for(failure.key, failure.args_) if not failure.form_errors else " ".join(
                    text_for(m["i18nKey"], m["i18nArguments"]) for m in failure.form_errors.values())
            else:
                messages.success(request, _("The project privileges were saved."))
                return redirect("projects:privileges", project_id=acc.project.pk)
    failed = error or formset.errors and any(formset.errors) or any(t.error for t in teams)
    return render(request, "projects/privileges.html", {
        **project_context(acc, "privileges"), "formset": formset, "rows": rows, "can_manage": can_manage,
        "error": error, "teams": teams}, status=422 if failed else 200)
