"""Pages of Programme → Checklists: the list, the create page, the editor of one template (its fields and
its components: add, edit, move, delete; clone; delete) and a preview as a respondent sees it.

Every action is an ordinary form POST (no JavaScript needed) that calls one service and redirects back;
a refusal re-renders the page with the errors next to the fields, keeping what was typed.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jems.core.errors import NotFound, ValidationFailed
from jems.core.messages import text_for
from jems.core.views import app_view, apply_error, page_params
from jems.programme.navigation import programme_context

from . import queries, services
from .components import MAX_CHECKLISTS, MAX_COMPONENTS, settings_fingerprint
from .forms import SETTINGS_FIELDS, AddComponentForm, ChecklistForm, component_form, take_current_fingerprint
from .models import ChecklistType, ComponentType

LIST_SORT = {"id": "id", "name": "name", "type": "type", "locked": "locked",
             "lastModified": "last_modification_date"}


def _context(request, **extra) -> dict:
    return {**programme_context("checklists", request.user), **extra}


def _detail_url(checklist_id: int, anchor: str = "") -> str:
    url = reverse("checklists:detail", args=[checklist_id])
    return f"{url}#{anchor}" if anchor else url


@require_GET
@app_view
def checklist_list(request):
    actor = request.user
    paging = page_params(request, sort_fields=LIST_SORT, default_sort="id")
    checklists = queries.list_checklists(actor=actor, ordering=paging["ordering"])
    return render(request, "checklists/list.html", _context(
        request, checklists=checklists, paging=paging, can_edit=queries.can_edit(actor),
        max_checklists=MAX_CHECKLISTS,
    ))


@require_http_methods(["GET", "POST"])
@app_view
def checklist_create(request):
    actor = request.user
    if not queries.can_edit(actor):
        raise PermissionDenied
    initial = {"type": request.GET.get("type") if request.GET.get("type") in ChecklistType.values
               else ChecklistType.APPLICATION_FORM_ASSESSMENT, "min_score": 0, "max_score": 10}
    form = ChecklistForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            checklist = services.create_checklist(
                actor=actor, type=data["type"], name=data["name"], min_score=data["min_score"],
                max_score=data["max_score"], allows_decimal_score=data["allows_decimal_score"])
        except ValidationFailed as error:
            apply_error(form, error, SETTINGS_FIELDS)
        else:
            messages.success(request, _("The checklist is created. Now add its components."))
            return redirect("checklists:detail", checklist_id=checklist.pk)
    return render(request, "checklists/create.html", _context(request, form=form))


def _settings_initial(checklist) -> dict:
    return {"name": checklist.name, "type": checklist.type, "min_score": checklist.min_score,
            "max_score": checklist.max_score, "allows_decimal_score": checklist.allows_decimal_score,
            "fingerprint": settings_fingerprint(checklist)}


def _render_detail(request, checklist, *, settings_form=None, bound=None, add_form=None):
    """The editor page; `bound` = (component id, bound form with errors) replaces that component's form."""
    actor = request.user
    can_edit = queries.can_edit(actor)
    locked = checklist.locked
    if settings_form is None:
        settings_form = ChecklistForm(initial=_settings_initial(checklist), can_edit=can_edit, locked=locked)
    components = list(checklist.components.all())
    rows = []
    for number, component in enumerate(components, start=1):
        if bound and bound[0] == component.pk:
            form = bound[1]
        else:
            form = component_form(component, can_edit=can_edit, locked=locked)
        rows.append({"component": component, "form": form, "number": number,
                     "first": number == 1, "last": number == len(components)})
    return render(request, "checklists/detail.html", _context(
        request, checklist=checklist, settings_form=settings_form, rows=rows,
        add_form=add_form or AddComponentForm(), can_edit=can_edit,
        can_change_structure=can_edit and not locked, max_components=MAX_COMPONENTS,
        component_count=len(components),
    ))


@require_http_methods(["GET", "POST"])
@app_view
def checklist_detail(request, checklist_id: int):
    actor = request.user
    checklist = queries.get_checklist(actor=actor, checklist_id=checklist_id)
    if request.method == "GET":
        return _render_detail(request, checklist)
    form = ChecklistForm(request.POST, initial=_settings_initial(checklist), can_edit=queries.can_edit(actor),
                         locked=checklist.locked)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.update_settings(actor=actor, checklist_id=checklist.pk, type=data["type"], name=data["name"],
                                     min_score=data["min_score"], max_score=data["max_score"],
                                     allows_decimal_score=data["allows_decimal_score"],
                                     expected=data["fingerprint"])
        except ValidationFailed as error:
            take_current_fingerprint(form, error)
            apply_error(form, error, SETTINGS_FIELDS)
        else:
            messages.success(request, _("The checklist is saved."))
            return redirect(_detail_url(checklist.pk))
    return _render_detail(request, checklist, settings_form=form)


@require_POST
@app_view
def component_add(request, checklist_id: int):
    actor = request.user
    form = AddComponentForm(request.POST)
    if form.is_valid():
        try:
            component = services.add_component(actor=actor, checklist_id=checklist_id,
                                               component_type=form.cleaned_data["component_type"])
        except ValidationFailed as error:
            apply_error(form, error, {"type": "component_type"})
        else:
            messages.success(request, _("The component is added at the end. Fill in its fields and save it."))
            return redirect(_detail_url(checklist_id, f"component-{component.pk}"))
    checklist = queries.get_checklist(actor=actor, checklist_id=checklist_id)
    return _render_detail(request, checklist, add_form=form)


@require_POST
@app_view
def component_action(request, checklist_id: int, component_id: int):
    """One form per component; its buttons save the fields, move the component up or down, or delete it."""
    actor = request.user
    action = request.POST.get("action", "save")
    anchor = f"component-{component_id}"
    try:
        if action == "up" or action == "down":
            services.move_component(actor=actor, checklist_id=checklist_id, component_id=component_id,
                                    offset=-1 if action == "up" else 1)
            messages.success(request, _("The component is moved."))
            return redirect(_detail_url(checklist_id, anchor))
        if action == "delete":
            services.delete_component(actor=actor, checklist_id=checklist_id, component_id=component_id)
            messages.success(request, _("The component is deleted."))
            return redirect(_detail_url(checklist_id, "components"))
    except ValidationFailed as error:
        messages.error(request, text_for(error.key, error.args_))
        return redirect(_detail_url(checklist_id, anchor))
    checklist = queries.get_checklist(actor=actor, checklist_id=checklist_id)
    component = next((c for c in checklist.components.all() if c.pk == component_id), None)
    if component is None:
        raise NotFound(key="programme.checklist.component.not.found")
    form = component_form(component, request.POST, can_edit=queries.can_edit(actor), locked=checklist.locked)
    if form.is_valid():
        try:
            services.update_component(actor=actor, checklist_id=checklist_id, component_id=component_id,
                                      metadata=form.metadata(), expected=form.cleaned_data["fingerprint"])
        except ValidationFailed as error:
            take_current_fingerprint(form, error)
            apply_error(form, error, form.FIELDS)
        else:
            messages.success(request, _("The component is saved."))
            return redirect(_detail_url(checklist_id, anchor))
    return _render_detail(request, checklist, bound=(component_id, form))


@require_POST
@app_view
def checklist_clone(request, checklist_id: int):
    actor = request.user
    try:
        clone = services.clone_checklist(actor=actor, checklist_id=checklist_id)
    except ValidationFailed as error:
        messages.error(request, text_for(error.key, error.args_))
        return redirect(_detail_url(checklist_id))
    messages.success(request, _("The checklist is cloned. This is the copy."))
    return redirect("checklists:detail", checklist_id=clone.pk)


@require_http_methods(["GET", "POST"])
@app_view
def checklist_delete(request, checklist_id: int):
    """A confirmation page, then the deletion."""
    actor = request.user
    checklist = queries.get_checklist(actor=actor, checklist_id=checklist_id)
    if not queries.can_edit(actor):
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.delete_checklist(actor=actor, checklist_id=checklist.pk)
        except ValidationFailed as error:
            messages.error(request, text_for(error.key, error.args_))
            return redirect(_detail_url(checklist.pk))
        messages.success(request, _("The checklist “%(name)s” is deleted.") % {"name": checklist.name})
        return redirect("checklists:list")
    return render(request, "checklists/delete.html", _context(request, checklist=checklist))


@require_GET
@app_view
def checklist_preview(request, checklist_id: int):
    """The checklist as an assessor or controller will fill it in (nothing is saved here)."""
    checklist = queries.get_checklist(actor=request.user, checklist_id=checklist_id)
    step = "0.01" if checklist.allows_decimal_score else "1"
    return render(request, "checklists/preview.html", _context(
        request, checklist=checklist, components=list(checklist.components.all()), score_step=step,
        component_types=ComponentType,
    ))
