"""Call pages: application form configuration (a select per field, limited to what the field allows in
this call type and, once the call is published, to making fields more visible) and translation settings
(per language: upload, download, delete the call's override file). Both work without JavaScript and are
read-only for users with only CallRetrieve."""

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from jems.accounts.privileges import Privilege
from jems.calls.navigation import call_context
from jems.core.errors import JemsError
from jems.core.languages import SystemLanguage
from jems.core.messages import text_for
from jems.core.views import app_view

from . import fields as rules
from . import queries, services


def _can_edit(user) -> bool:
    return user.has_privilege(Privilege.CallUpdate)


def _label(status: str, *, shown_only: bool) -> str:
    if status == rules.NONE:
        return _("Hidden")
    if shown_only:
        return _("Shown")
    return {rules.BOTH: _("Step 1 & 2"), rules.STEP_TWO: _("Step 2 only")}[status]


def _choices(state, *, two_step: bool, budget_status: str) -> list[tuple[str, str]]:
    """The options of a field's select: value and label. Without a step selector (one-step calls, and
    budget fields that follow "Budget & Co-financing") a field is just hidden or shown; "shown" keeps
    the current status, or takes the step a new field would get."""
    follows = state.field.follows_budget
    if two_step and not follows:
        return [(value, _label(value, shown_only=False)) for value in state.options]
    visible_options = [value for value in state.options if value != rules.NONE]
    choices = [(rules.NONE, _label(rules.NONE, shown_only=True))] if rules.NONE in state.options else []
    if visible_options:
        if state.visible and state.visibility in visible_options:
            shown = state.visibility
        elif follows and budget_status in visible_options:
            shown = budget_status
        else:
            shown = rules.STEP_TWO if rules.STEP_TWO in visible_options else visible_options[0]
        choices.append((shown, _label(shown, shown_only=True)))
    return choices


def _rows(call, states, *, posted=None, errors=None) -> list[dict]:
    """Sections (A, B, C) with their groups and rows, as the template shows them."""
    two_step = queries.is_two_step(call)
    budget_status = next(state.visibility for state in states if state.id == rules.BUDGET_PARENT_ID)
    sections: list[dict] = []
    for state in states:
        if state.hidden_on_page:
            continue
        if not sections or sections[-1]["title"] != state.field.section:
            sections.append({"title": state.field.section, "groups": []})
        groups = sections[-1]["groups"]
        if not groups or groups[-1]["title"] != state.field.group:
            groups.append({"title": state.field.group, "rows": []})
        choices = _choices(state, two_step=two_step, budget_status=budget_status)
        selected = (posted or {}).get(state.id, state.visibility)
        groups[-1]["rows"].append({
            "state": state, "name": f"field-{state.field.number}", "choices": choices, "selected": selected,
            "fixed": len(choices) <= 1,
            "current": _label(state.visibility, shown_only=not two_step or state.field.follows_budget),
            "error": (errors or {}).get(state.id)})
    return sections


@require_http_methods(["GET", "POST"])
@app_view
def configuration(request, call_id: int):
    call, states = queries.field_configuration(actor=request.user, call_id=call_id)
    can_edit = _can_edit(request.user)
    posted, errors, general_error = None, None, None
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        posted = {}
        for state in states:
            value = request.POST.get(f"field-{state.field.number}")
            if value is not None and not state.hidden_on_page:
                posted[state.id] = value
        try:
            services.update_field_configuration(actor=request.user, call_id=call.pk, fields=[
                services.FieldInput(id=field_id, visible=value != rules.NONE, available_in_step=value)
                for field_id, value in posted.items()], expected_version=request.POST.get("version"))
        except JemsError as error:
            errors = {field_id: text_for(message.get("i18nKey"), message.get("i18nArguments"))
                      for field_id, message in error.form_errors.items()}
            general_error = text_for(error.key, error.args_)
        else:
            messages.success(request, _("The application form configuration is saved."))
            return redirect("call_form_config:configuration", call_id=call.pk)
    sections = _rows(call, states, posted=posted, errors=errors)
    error_links = [{"name": row["name"], "label": row["state"].field.label, "error": row["error"]}
                   for section in sections for group in section["groups"] for row in group["rows"] if row["error"]]
    return render(request, "call_form_config/configuration.html", {
        **call_context(call, "formConfiguration"), "can_edit": can_edit, "spf": queries.is_spf(call),
        "published": queries.is_published(call), "two_step": queries.is_two_step(call),
        "sections": sections, "general_error": general_error, "error_links": error_links,
        "version": queries.version({state.id: state.visibility for state in states})})


# --- translations -----------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@app_view
def translations(request, call_id: int):
    call, rows = queries.translations(actor=request.user, call_id=call_id)
    can_edit = _can_edit(request.user)
    errors: dict[str, str] = {}
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        language = request.POST.get("language", "")
        if language not in SystemLanguage.values:
            raise PermissionDenied
        try:
            if request.POST.get("action") == "delete":
                services.delete_translation_file(actor=request.user, call_id=call.pk, language=language,
                                                 expected_version=request.POST.get("version"))
                messages.success(request, _("The translation file for %(language)s is deleted.")
                                 % {"language": SystemLanguage(language).label})
            else:
                saved = services.upload_translation_file(actor=request.user, call_id=call.pk, language=language,
                                                         upload=request.FILES.get("file"),
                                                         expected_version=request.POST.get("version"))
                messages.success(request, _("The translation file %(name)s is uploaded.") % {"name": saved.file_name})
        except JemsError as error:
            field_error = (error.form_errors or {}).get("file")
            errors[language] = (text_for(field_error["i18nKey"], field_error.get("i18nArguments"))
                                if field_error else text_for(error.key, error.args_))
        else:
            return redirect("call_form_config:translations", call_id=call.pk)
    return render(request, "call_form_config/translations.html", {
        **call_context(call, "translations"), "can_edit": can_edit, "errors": errors,
        "rows": [{"row": row, "version": services.file_version(row.file)} for row in rows]})


@require_GET
@app_view
def translation_download(request, call_id: int, language: str):
    if language not in SystemLanguage.values:
        raise PermissionDenied
    name, content = queries.translation_file_by_language(actor=request.user, call_id=call_id, language=language)
    response = HttpResponse(content, content_type="application/octet-stream")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    response["Content-Length"] = str(len(content))
    return response
