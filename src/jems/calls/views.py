"""Pages of calls: the list, creating a call, and the call's general settings, budget settings,
pre-submission check settings and checklists (paths of calls/navigation.py), publishing, and the "apply"
window check. Views parse, call one service or query, and render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from jems.accounts.privileges import Privilege
from jems.core.errors import JemsError, ValidationFailed
from jems.core.messages import text_for
from jems.core.pagination import PageRequest
from jems.core.views import app_view, apply_error, page_params, pager
from jems.programme.languages import input_languages

from . import plugins, queries, services
from .forms import (
    BudgetForm,
    CallFilterForm,
    GeneralForm,
    PluginForm,
    budget_initial,
    general_initial,
)
from .models import CallType
from .navigation import call_context
from .services import COST_OPTION_FIELDS, FLAT_RATE_FIELDS, REAL_COST_FIELDS, camel

GENERAL_FIELDS = {"name": "name", "type": "type", "startDateTime": "start_date", "endDateTime": "end_date",
                  "endDateTimeStep1": "end_date_step1", "lengthOfPeriod": "length_of_period",
                  "priorityPolicies": "objectives", "strategies": "strategies", "stateAidIds": "state_aids",
                  "funds": "funds"}
BUDGET_FIELDS = {
    **{api: f"flat_rate_{rate_type.value.lower()}" for rate_type, api in FLAT_RATE_FIELDS},
    "lumpSums": "lump_sums", "unitCosts": "unit_costs",
    **{camel(name): name for name in (*REAL_COST_FIELDS, *COST_OPTION_FIELDS)},
}


def _can_edit(user) -> bool:
    return user.has_privilege(Privilege.CallUpdate)


def _require_edit(request) -> None:
    if not _can_edit(request.user):
        raise PermissionDenied


def _field_map(error: JemsError, base: dict) -> dict:
    mapping = dict(base)
    for key in error.form_errors:
        if key.startswith("description."):
            mapping[key] = "description"
    return mapping


def _expected_version(request) -> str | None:
    return request.POST.get("data_version") or None


def _context(request, call, active: str, **extra) -> dict:
    can_edit = _can_edit(request.user)
    return {**call_context(call, active), "can_edit": can_edit, "published": call.is_published,
            "data_version": queries.call_version(call), **extra}


# --- list ------------------------------------------------------------------------------------------------------


@require_GET
@app_view
def call_list(request):
    if not queries.sees_all_calls(request.user):
        raise PermissionDenied
    filters = CallFilterForm(request.GET or None)
    values = filters.cleaned_data if filters.is_valid() else {}
    paging = page_params(request, sort_fields=queries.CALL_SORT_FIELDS | {"start": "start_date", "end": "end_date"},
                         default_sort="id,desc")
    page = PageRequest(paging["page"] - 1, paging["size"], paging["ordering"])
    calls, total = queries.search_calls(actor=request.user, page=page, status=values.get("status") or None,
                                        type=values.get("type") or None, name=values.get("name") or None)
    if not calls and total and paging["page"] > 1:
        last = (total + paging["size"] - 1) // paging["size"]
        page = PageRequest(last - 1, paging["size"], paging["ordering"])
        calls, total = queries.search_calls(actor=request.user, page=page, status=values.get("status") or None,
                                            type=values.get("type") or None, name=values.get("name") or None)
        paging["page"] = last
    return render(request, "calls/call_list.html", {
        "calls": calls, "filters": filters, "paging": paging, "can_create": _can_edit(request.user),
        "pager": pager(request, page=paging["page"], size=paging["size"], total=total), "now": timezone.now()})


# --- general settings ------------------------------------------------------------------------------------------


def _unchanged(new, old):
    """The stored date-time when the page sent it back unchanged (the inputs show whole minutes)."""
    if new is not None and old is not None and new.replace(second=0, microsecond=0) == old.replace(
            second=0, microsecond=0):
        return old
    return new


def _settings_from(form: GeneralForm, call, options) -> services.CallSettings:
    data = dict(form.cleaned_data)
    if call is not None:
        for name in ("start_date", "end_date", "end_date_step1"):
            data[name] = _unchanged(data.get(name), getattr(call, name))
    kept = options["kept"]
    funds = [services.FundRate(fund_id=pk, rate=data.get(f"rate_{pk}"), adjustable=bool(data.get(f"adjustable_{pk}")))
             for pk in form.fund_rows if data.get(f"fund_{pk}")]
    return services.CallSettings(
        name=data["name"], type=call.type if call else data["type"], start_date=data["start_date"],
        end_date=data["end_date"], end_date_step1=data.get("end_date_step1"),
        length_of_period=data["length_of_period"], additional_fund_allowed=data["additional_fund_allowed"],
        direct_contributions_allowed=data["direct_contributions_allowed"], description=data["description"],
        priority_policies=sorted(kept["objectives"] | set(data["objectives"])),
        strategies=sorted(kept["strategies"] | set(data["strategies"])),
        funds=funds, state_aid_ids=sorted(int(pk) for pk in kept["state_aids"] | set(data["state_aids"])))


@require_http_methods(["GET", "POST"])
@app_view
def call_create(request):
    _require_edit(request)
    options = queries.general_options(None)
    initial = {"type": request.GET.get("type") if request.GET.get("type") in CallType.values else CallType.STANDARD}
    form = GeneralForm(request.POST or None, initial=initial, options=options, languages=input_languages())
    if request.method == "POST" and form.is_valid():
        try:
            call = services.create_call(actor=request.user, data=_settings_from(form, None, options))
        except ValidationFailed as error:
            apply_error(form, error, _field_map(error, GENERAL_FIELDS))
        else:
            messages.success(request, _("The call is created."))
            return redirect("calls:general", call_id=call.pk)
    return render(request, "calls/call_create.html", {"form": form})


@require_http_methods(["GET", "POST"])
@app_view
def call_general(request, call_id: int):
    call = queries.call_for_update(actor=request.user, call_id=call_id)
    options = queries.general_options(call)
    can_edit = _can_edit(request.user)
    if request.method == "POST":
        _require_edit(request)
    form = GeneralForm(request.POST or None, initial=general_initial(call), call=call, options=options,
                       languages=input_languages(), read_only=not can_edit)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_call(actor=request.user, call_id=call.pk, data=_settings_from(form, call, options),
                                 expected_version=_expected_version(request))
        except ValidationFailed as error:
            apply_error(form, error, _field_map(error, GENERAL_FIELDS))
        else:
            messages.success(request, _("The call settings are saved."))
            return redirect("calls:general", call_id=call.pk)
    return render(request, "calls/call_general.html", _context(request, call, "general", form=form))


@require_http_methods(["GET", "POST"])
@app_view
def call_publish(request, call_id: int):
    _require_edit(request)
    call = queries.call_for_update(actor=request.user, call_id=call_id)
    errors = []
    if request.method == "POST":
        try:
            services.publish_call(actor=request.user, call_id=call.pk)
        except JemsError as error:
            errors = [text_for(key.get("i18nKey"), key.get("i18nArguments")) for key in error.form_errors.values()] \
                or [text_for(error.key, error.args_)]
        else:
            messages.success(request, _("The call is published."))
            return redirect("calls:general", call_id=call.pk)
    return render(request, "calls/call_publish.html", _context(request, call, "general", errors=errors))


# --- budget settings -------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@app_view
def call_budget(request, call_id: int):
    call = queries.call_for_update(actor=request.user, call_id=call_id)
    options = queries.budget_options(call)
    can_edit = _can_edit(request.user)
    if request.method == "POST":
        _require_edit(request)
    form = BudgetForm(request.POST or None, initial=budget_initial(call), call=call, options=options,
                      read_only=not can_edit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        flat_rates = {rate_type: services.FlatRate(rate=data[f"flat_rate_{key}"],
                                                   adjustable=bool(data[f"flat_adjustable_{key}"]))
                      for rate_type, key in form.flat_rate_rows if data.get(f"flat_{key}")}
        kept = options["kept"]
        try:
            services.update_budget_settings(
                actor=request.user, call_id=call.pk, flat_rates=flat_rates,
                lump_sum_ids=sorted(int(pk) for pk in kept["lump_sums"] | set(data["lump_sums"])),
                unit_cost_ids=sorted(int(pk) for pk in kept["unit_costs"] | set(data["unit_costs"])),
                real_costs={name: data[name] for name in REAL_COST_FIELDS},
                cost_options={name: data[name] for name in COST_OPTION_FIELDS},
                expected_version=_expected_version(request))
        except ValidationFailed as error:
            apply_error(form, error, BUDGET_FIELDS)
        else:
            messages.success(request, _("The budget settings are saved."))
            return redirect("calls:budget", call_id=call.pk)
    return render(request, "calls/call_budget.html", _context(request, call, "budget", form=form))


# --- pre-submission check settings ------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@app_view
def call_plugins(request, call_id: int):
    call = queries.call_for_update(actor=request.user, call_id=call_id)
    can_edit = _can_edit(request.user)
    if request.method == "POST":
        _require_edit(request)
    initial = {field_name: getattr(call, field_name) or "" for field_name, *_rest in plugins.SLOTS}
    form = PluginForm(request.POST or None, initial=initial, call=call, read_only=not can_edit)
    if request.method == "POST" and form.is_valid():
        keys = {field_name: form.cleaned_data.get(field_name, getattr(call, field_name))
                for field_name, *_rest in plugins.SLOTS}
        try:
            services.update_plugins(actor=request.user, call_id=call.pk, keys=keys,
                                    expected_version=_expected_version(request))
        except ValidationFailed as error:
            apply_error(form, error, {api: field_name for field_name, api, *_rest in plugins.SLOTS})
        else:
            messages.success(request, _("The pre-submission check settings are saved."))
            return redirect("calls:plugins", call_id=call.pk)
    return render(request, "calls/call_plugins.html", _context(request, call, "preSubmissionCheck", form=form))


# --- checklists ------------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@app_view
def call_checklists(request, call_id: int):
    if not queries.sees_all_calls(request.user):
        raise PermissionDenied
    call, rows = queries.all_checklists(actor=request.user, call_id=call_id)
    errors = []
    if request.method == "POST":
        _require_edit(request)
        chosen = []
        for value in request.POST.getlist("checklist"):
            try:
                chosen.append(int(value))
            except ValueError:
                continue
        try:
            services.update_checklists(actor=request.user, call_id=call.pk, checklist_ids=chosen,
                                       expected_version=_expected_version(request))
        except JemsError as error:
            errors = [text_for(error.key, error.args_)] + [
                text_for(m.get("i18nKey"), error.args_) for m in error.form_errors.values()]
        else:
            messages.success(request, _("The checklist selection is saved."))
            return redirect("calls:checklists", call_id=call.pk)
    return render(request, "calls/call_checklists.html", _context(request, call, "checklists", rows=rows,
                                                                   errors=errors))


# --- apply ------------------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@app_view
def call_apply(request, call_id: int):
    try:
        call = services.can_apply(request.user, call_id)
    except ValidationFailed as error:
        return render(request, "calls/call_apply.html", {"error": text_for(error.key, error.args_)}, status=422)
    from jems.projects.views import apply

    return apply(request, call)
