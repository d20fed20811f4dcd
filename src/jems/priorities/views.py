"""Programme → Priorities and Programme → Indicators pages.

Each view parses its form, calls one service or query and renders. Users with ProgrammeSetupRetrieve only
see the pages read-only. Service refusals show next to the fields they concern, with the input kept. The
priority form works without JavaScript: "Update the form" re-renders it with the specific objectives of the
chosen policy objective and the dimension codes of the selected ones (htmx does this on change).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from jems.accounts.privileges import Privilege
from jems.core.errors import JemsError, ValidationFailed
from jems.core.messages import text_for
from jems.core.views import app_view
from jems.programme.languages import input_languages
from jems.programme.lock import is_setup_locked
from jems.programme.navigation import programme_context

from . import queries, services
from .codes import (
    CONFIGURABLE_DIMENSIONS,
    ProgrammeObjective,
    ProgrammeObjectiveDimension,
    ProgrammeObjectivePolicy,
    allowed_codes,
    official_code,
    policies_of,
)
from .forms import (
    INDICATOR_FIELD_MAP,
    OutputIndicatorForm,
    PriorityForm,
    ResultIndicatorForm,
    read_specific_objectives,
    stored_specific_objectives,
)
from .ui import (
    CONFLICT_TEXT,
    apply_service_error,
    check_version,
    disable_all,
    fingerprint,
    mark_invalid,
    message_text,
    model_fingerprint,
    text_in,
)


def _can_edit(user) -> bool:
    return user.has_privilege(Privilege.ProgrammeSetupUpdate)


def _context(request, key: str, **extra) -> dict:
    return {**programme_context(key, request.user), "can_edit": _can_edit(request.user), "locked": is_setup_locked(), **extra}


def _require_edit(request) -> None:
    if not _can_edit(request.user):
        raise PermissionDenied


# --- priorities ------------------------------------------------------------------------------------------


@require_GET
@app_view
def priority_list(request):
    priorities = queries.list_priorities(actor=request.user)
    rows = [{
        "priority": priority,
        "title": text_in(priority.title),
        "objective_label": ProgrammeObjective(priority.objective).label,
        "objectives": [{"official": official_code(so.programme_objective_policy), "code": so.code,
                        "label": ProgrammeObjectivePolicy(so.programme_objective_policy).label}
                       for so in queries.sorted_objectives(priority)],
    } for priority in priorities]
    return render(request, "priorities/priority_list.html", _context(request, "priorities", rows=rows))


def _normalised(code: str) -> str:
    code = str(code).strip()
    return f"{int(code):03d}" if code.isascii() and code.isdigit() else code


def _priority_rows(objective, state, *, taken, with_indicators, stored, locked, errors):
    """The specific objectives of the chosen policy objective for the template, with their dimension codes."""
    rows = []
    for policy in policies_of(objective) if objective in ProgrammeObjective.values else ():
        row_state = state.get(policy) or {"selected": False, "code": "", "dims": {}}
        row_errors = errors.get(policy, {})
        chosen = {dim: {_normalised(c) for c in row_state["dims"].get(dim, [])} for dim in CONFIGURABLE_DIMENSIONS}
        dimensions = []
        for dim in CONFIGURABLE_DIMENSIONS:
            codes = allowed_codes(dim)
            selected = [c for c in codes if c in chosen[dim]]
            dimensions.append({
                "key": dim, "label": ProgrammeObjectiveDimension(dim).label, "selected": selected,
                "codes": [{"value": c, "checked": c in chosen[dim]} for c in codes],
                "error": row_errors.get("dims", {}).get(dim),
            })
        rows.append({
            "policy": policy, "official": official_code(policy), "label": ProgrammeObjectivePolicy(policy).label,
            "selected": row_state["selected"], "code": row_state["code"], "taken_by": taken.get(policy),
            "has_indicators": policy in with_indicators, "fixed": locked and policy in stored,
            "error": row_errors.get("row"), "code_error": row_errors.get("code"), "dimensions": dimensions,
            "open_dimensions": any(d["error"] for d in dimensions),
        })
    return rows


def _split_priority_error(error: JemsError, form, policies) -> tuple[dict, str | None, list[str]]:
    """Put a priority refusal where it belongs: the main fields on the form, specific-objective errors per row
    ({policy: {"row", "code", "dims": {dimension: text}}}), the list error and the rest as general errors."""
    rows: dict[str, dict] = {}
    list_error, general = None, []
    for path, message in (error.form_errors or {}).items():
        text = message_text(error, message)
        parts = path.split(".")
        if parts[0] == "specificObjectives" and len(parts) == 1:
            list_error = text
        elif parts[0] == "specificObjectives" and parts[1] in policies:
            row = rows.setdefault(parts[1], {"dims": {}})
            if len(parts) == 2:
                row["row"] = text
            elif parts[2] == "code":
                row["code"] = text
            elif len(parts) > 3 and parts[3] in CONFIGURABLE_DIMENSIONS:
                row["dims"][parts[3]] = text
            else:
                row["row"] = text
        elif parts[0] in ("code", "title", "objective"):
            form.add_error(parts[0], text)
        else:
            general.append(text)
    if not error.form_errors:
        general.append(text_for(error.key, error.args_))
    return rows, list_error, general


def _priority_version(priority) -> str | None:
    if priority is None:
        return None
    return fingerprint({"code": priority.code, "title": priority.title, "objective": priority.objective,
                        "objectives": sorted((so.programme_objective_policy, so.code, so.dimension_codes)
                                             for so in priority.specific_objectives.all())})


def _priority_page(request, priority=None):
    actor = request.user
    can_edit = _can_edit(actor)
    locked = is_setup_locked()
    languages = input_languages()
    stored = stored_specific_objectives(priority) if priority else {}
    taken = queries.taken_policies(actor=actor, exclude_priority_id=priority.pk if priority else None)
    errors, list_error, general = {}, None, []
    if request.method == "POST":
        _require_edit(request)
        action = request.POST.get("action", "save")
        if action == "delete" and priority is not None:
            try:
                services.delete_priority(actor=actor, priority_id=priority.pk)
            except ValidationFailed as error:
                general.append(text_for(error.key, error.args_))
            else:
                messages.success(request, _("The priority %(code)s is deleted.") % {"code": priority.code})
                return redirect("priorities:priority_list")
        data = request.POST.copy()
        conflict = False
        if action == "save":
            data, conflict = check_version(data, _priority_version(priority))
        if locked and priority is not None:  # the objective and the saved specific objectives stay
            data["objective"] = priority.objective
            for policy in stored:
                if policy not in data.getlist("so"):
                    data.appendlist("so", policy)
        form = PriorityForm(data, languages=languages, initial={"objective": priority.objective} if priority else {})
        objective = data.get("objective") or ""
        state = read_specific_objectives(data, objective)
        valid = form.is_valid()
        if conflict:
            form.add_error(None, CONFLICT_TEXT)
        elif action == "save" and valid:
            inputs = [services.SpecificObjectiveInput(
                policy, row["code"], {**row["dims"], **stored.get(policy, {}).get("other_dims", {})})
                for policy, row in state.items() if row["selected"]]
            try:
                if priority is None:
                    saved = services.create_priority(actor=actor, code=form.cleaned_data["code"],
                                                     title=form.cleaned_data["title"], objective=objective,
                                                     specific_objectives=inputs)
                else:
                    saved = services.update_priority(actor=actor, priority_id=priority.pk,
                                                     code=form.cleaned_data["code"], title=form.cleaned_data["title"],
                                                     objective=objective, specific_objectives=inputs)
            except ValidationFailed as error:
                errors, list_error, general = _split_priority_error(error, form, state)
            else:
                messages.success(request, _("The priority %(code)s is saved.") % {"code": saved.code})
                return redirect("priorities:priority_detail", priority_id=saved.pk)
        elif action != "save":
            form.errors.clear()  # only re-rendered for the chosen objective: no errors yet
    else:
        initial = {"code": priority.code, "title": priority.title, "objective": priority.objective,
                   "version": _priority_version(priority)} if priority else {}
        form = PriorityForm(initial=initial, languages=languages)
        objective = priority.objective if priority else ""
        state = stored
    if not can_edit:
        disable_all(form)
    # The objective dropdown offers the objectives with free specific objectives (and the priority's own).
    free = {p for p in ProgrammeObjectivePolicy.values if p not in taken}
    form.fields["objective"].choices = [choice for choice in form.fields["objective"].choices
                                        if not choice[0] or choice[0] == objective
                                        or any(p in free for p in policies_of(choice[0]))]
    if locked and priority is not None:
        form.fields["objective"].disabled = True
    mark_invalid(form)
    rows = _priority_rows(objective, state, taken=taken, with_indicators=queries.policies_with_indicators(),
                          stored=stored, locked=locked, errors=errors)
    summary = [(f"so-{row['policy']}" if not row["code_error"] else f"so-{row['policy']}-code",
                f"{row['official']}: {row['error'] or row['code_error']}")
               for row in rows if row["error"] or row["code_error"]]
    summary += [(f"so-{row['policy']}-{dim['key']}-001", f"{row['official']} {dim['label']}: {dim['error']}")
                for row in rows for dim in row["dimensions"] if dim["error"]]
    return render(request, "priorities/priority_detail.html", _context(
        request, "priorities", form=form, priority=priority, creating=priority is None, objective=objective,
        objective_label=ProgrammeObjective(objective).label if objective in ProgrammeObjective.values else "",
        rows=rows, selected_rows=[row for row in rows if row["selected"]], list_error=list_error,
        general_errors=general, so_summary=summary, read_only=not can_edit))


@require_http_methods(["GET", "POST"])
@app_view
def priority_create(request):
    _require_edit(request)
    return _priority_page(request)


@require_http_methods(["GET", "POST"])
@app_view
def priority_detail(request, priority_id: int):
    priority = queries.get_priority(actor=request.user, priority_id=priority_id)
    return _priority_page(request, priority)


# --- indicators ----------------------------------------------------------------------------------------


@require_GET
@app_view
def indicator_list(request):
    outputs = queries.list_output_indicators(actor=request.user)
    results = queries.list_result_indicators(actor=request.user)
    return render(request, "priorities/indicator_list.html", _context(
        request, "indicators",
        outputs=[{"indicator": i, "name": text_in(i.name), "unit": text_in(i.measurement_unit)} for i in outputs],
        results=[{"indicator": i, "name": text_in(i.name), "unit": text_in(i.measurement_unit)} for i in results],
        has_objectives=bool(outputs or results) or bool(queries.taken_policies(actor=request.user)),
        max_outputs=services.MAX_OUTPUT_INDICATORS, max_results=services.MAX_RESULT_INDICATORS))


def _objective_choices(actor):
    return [(so.programme_objective_policy, queries.specific_objective_label(so))
            for so in queries.set_up_specific_objectives(actor=actor)]


def _indicator_page(request, *, kind: str, indicator=None):
    actor = request.user
    can_edit = _can_edit(actor)
    languages = input_languages()
    objectives = _objective_choices(actor)
    output = kind == "output"
    extra = {}
    if output:
        extra["results"] = [(r.pk, f"{r.identifier} – {text_in(r.name)}")
                            for r in queries.list_result_indicators(actor=actor)]
    form_class = OutputIndicatorForm if output else ResultIndicatorForm
    initial = {}
    if indicator is not None:
        so = indicator.specific_objective
        initial = {"identifier": indicator.identifier, "code": indicator.code or "", "name": indicator.name,
                   "specific_objective": so.programme_objective_policy if so else "",
                   "measurement_unit": indicator.measurement_unit, "final_target": indicator.final_target}
        if output:
            initial.update({"milestone": indicator.milestone, "result_indicator": indicator.result_indicator_id})
        else:
            initial.update({"baseline": indicator.baseline, "reference_year": indicator.reference_year,
                            "source_of_data": indicator.source_of_data, "comment": indicator.comment})
    data, conflict = None, False
    if request.method == "POST":
        data, conflict = check_version(request.POST, model_fingerprint(indicator) if indicator else None)
        initial["version"] = data.get("version")
    elif indicator is not None:
        initial["version"] = model_fingerprint(indicator)
    form = form_class(data, initial=initial, languages=languages, objectives=objectives, **extra)
    general = []
    list_url = "priorities:indicator_list"
    if request.method == "POST":
        _require_edit(request)
        if request.POST.get("action") == "delete" and indicator is not None:
            delete = services.delete_output_indicator if output else services.delete_result_indicator
            try:
                delete(actor=actor, indicator_id=indicator.pk)
            except ValidationFailed as error:
                general.append(text_for(error.key, error.args_))
                form = form_class(initial=initial, languages=languages, objectives=objectives, **extra)
            else:
                messages.success(request, _("The indicator %(id)s is deleted.") % {"id": indicator.identifier})
                return redirect(list_url)
        elif conflict:
            form.add_error(None, CONFLICT_TEXT)
        elif form.is_valid():
            data = form.prefill_from_code(languages)
            values = {"identifier": data["identifier"], "code": data["code"] or None, "name": data["name"],
                      "measurement_unit": data["measurement_unit"],
                      "programme_objective_policy": data["specific_objective"] or None,
                      "final_target": data["final_target"]}
            if output:
                values.update(milestone=data["milestone"], result_indicator_id=data["result_indicator"])
                save = services.create_output_indicator if indicator is None else services.update_output_indicator
            else:
                values.update(baseline=data["baseline"], reference_year=data["reference_year"],
                              source_of_data=data["source_of_data"], comment=data["comment"])
                save = services.create_result_indicator if indicator is None else services.update_result_indicator
            if indicator is not None:
                values["indicator_id"] = indicator.pk
            try:
                saved = save(actor=actor, **values)
            except ValidationFailed as error:
                apply_service_error(form, error, INDICATOR_FIELD_MAP)
            else:
                messages.success(request, _("The indicator %(id)s is saved.") % {"id": saved.identifier})
                return redirect(f"priorities:{kind}_indicator_detail", indicator_id=saved.pk)
    if not can_edit:
        disable_all(form)
    mark_invalid(form)
    return render(request, "priorities/indicator_detail.html", _context(
        request, "indicators", form=form, indicator=indicator, creating=indicator is None, kind=kind,
        has_objectives=bool(objectives), general_errors=general))


@require_http_methods(["GET", "POST"])
@app_view
def output_indicator_create(request):
    _require_edit(request)
    return _indicator_page(request, kind="output")


@require_http_methods(["GET", "POST"])
@app_view
def output_indicator_detail(request, indicator_id: int):
    indicator = queries.get_output_indicator(actor=request.user, indicator_id=indicator_id)
    return _indicator_page(request, kind="output", indicator=indicator)


@require_http_methods(["GET", "POST"])
@app_view
def result_indicator_create(request):
    _require_edit(request)
    return _indicator_page(request, kind="result")


@require_http_methods(["GET", "POST"])
@app_view
def result_indicator_detail(request, indicator_id: int):
    indicator = queries.get_result_indicator(actor=request.user, indicator_id=indicator_id)
    return _indicator_page(request, kind="result", indicator=indicator)
