"""Programme → Simplified cost options: the lists of lump sums and unit costs and their forms.

Each view parses its form, calls one service or query and renders. Users with ProgrammeSetupRetrieve only
see the pages read-only. Service refusals show next to the fields they concern, with the input kept.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from jems.accounts.privileges import Privilege
from jems.core.errors import ValidationFailed
from jems.core.messages import text_for
from jems.core.views import app_view
from jems.priorities.ui import (
    CONFLICT_TEXT,
    apply_service_error,
    check_version,
    disable_all,
    mark_invalid,
    model_fingerprint,
    text_in,
)
from jems.programme.languages import input_languages
from jems.programme.lock import is_setup_locked
from jems.programme.navigation import programme_context

from . import queries, services
from .codes import BudgetCategory, ProgrammeLumpSumPhase
from .forms import LumpSumForm, UnitCostForm


def _can_edit(user) -> bool:
    return user.has_privilege(Privilege.ProgrammeSetupUpdate)


def _context(request, **extra) -> dict:
    return {**programme_context("costs", request.user), "can_edit": _can_edit(request.user), "locked": is_setup_locked(), **extra}


def _require_edit(request) -> None:
    if not _can_edit(request.user):
        raise PermissionDenied


def _category_labels(categories) -> list[str]:
    return [str(BudgetCategory(c).label) for c in categories if c in BudgetCategory.values]


@require_GET
@app_view
def cost_list(request):
    lump_sums = queries.list_lump_sums(actor=request.user)
    unit_costs = queries.list_unit_costs(actor=request.user)
    return render(request, "cost_options/cost_list.html", _context(
        request,
        lump_sums=[{"item": ls, "name": text_in(ls.name),
                    "phase": ProgrammeLumpSumPhase(ls.phase).label if ls.phase else "",
                    "categories": _category_labels(ls.categories)} for ls in lump_sums],
        unit_costs=[{"item": uc, "name": text_in(uc.name), "type": text_in(uc.type),
                     "categories": _category_labels(uc.categories)} for uc in unit_costs],
        max_lump_sums=services.MAX_LUMP_SUMS, max_unit_costs=services.MAX_UNIT_COSTS))


def _delete(request, delete, **ids) -> tuple[bool, list[str]]:
    try:
        delete(actor=request.user, **ids)
    except ValidationFailed as error:
        return False, [text_for(error.key, error.args_)]
    return True, []


def _cost_option_page(request, *, kind: str, item=None):
    actor = request.user
    can_edit = _can_edit(actor)
    languages = input_languages()
    lump_sum = kind == "lump_sum"
    form_class = LumpSumForm if lump_sum else UnitCostForm
    initial = {}
    if item is not None:
        initial = {"name": item.name, "description": item.description, "categories": item.categories,
                   "payment_claim": item.payment_claim}
        if lump_sum:
            initial.update(cost=item.cost, phase=item.phase, fast_track=item.fast_track,
                           splitting_allowed="true" if item.splitting_allowed else "false")
        else:
            initial.update(type=item.type, justification=item.justification, cost_per_unit=item.cost_per_unit,
                           foreign_currency_code=item.foreign_currency_code or "",
                           cost_per_unit_foreign_currency=item.cost_per_unit_foreign_currency,
                           one_cost_category="true" if item.one_cost_category else "false")
    data, conflict = None, False
    if request.method == "POST":
        data, conflict = check_version(request.POST, model_fingerprint(item) if item else None)
    elif item is not None:
        initial["version"] = model_fingerprint(item)
    form = form_class(data, initial=initial, languages=languages)
    general = []
    if request.method == "POST":
        _require_edit(request)
        if request.POST.get("action") == "delete" and item is not None:
            if lump_sum:
                done, general = _delete(request, services.delete_lump_sum, lump_sum_id=item.pk)
            else:
                done, general = _delete(request, services.delete_unit_cost, unit_cost_id=item.pk)
            if done:
                messages.success(request, _("The lump sum is deleted.") if lump_sum else _("The unit cost is deleted."))
                return redirect("cost_options:cost_list")
            form = form_class(initial=initial, languages=languages)
        elif conflict:
            form.add_error(None, CONFLICT_TEXT)
        elif form.is_valid():
            data = form.cleaned_data
            values = {"name": data["name"], "description": data["description"], "categories": data["categories"],
                      "payment_claim": data["payment_claim"]}
            try:
                if lump_sum:
                    values.update(cost=data["cost"], phase=data["phase"], fast_track=data["fast_track"],
                                  splitting_allowed=data["splitting_allowed"])
                    if item is None:
                        saved = services.create_lump_sum(actor=actor, **values)
                    else:
                        saved = services.update_lump_sum(actor=actor, lump_sum_id=item.pk, **values)
                else:
                    values.update(type=data["type"], justification=data["justification"],
                                  cost_per_unit=data["cost_per_unit"],
                                  foreign_currency_code=data["foreign_currency_code"] or None,
                                  cost_per_unit_foreign_currency=data["cost_per_unit_foreign_currency"],
                                  one_cost_category=data["one_cost_category"],
                                  project_defined=item.project_defined if item else False)
                    if item is None:
                        saved = services.create_unit_cost(actor=actor, **values)
                    else:
                        saved = services.update_unit_cost(actor=actor, unit_cost_id=item.pk, **values)
            except ValidationFailed as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("The lump sum is saved.") if lump_sum else _("The unit cost is saved."))
                name = "cost_options:lump_sum_detail" if lump_sum else "cost_options:unit_cost_detail"
                return redirect(name, saved.pk)
    if not can_edit:
        disable_all(form)
    mark_invalid(form)
    return render(request, "cost_options/cost_option_detail.html", _context(
        request, form=form, item=item, creating=item is None, kind=kind, general_errors=general,
        title=text_in(item.name) if item else ""))


@require_http_methods(["GET", "POST"])
@app_view
def lump_sum_create(request):
    _require_edit(request)
    return _cost_option_page(request, kind="lump_sum")


@require_http_methods(["GET", "POST"])
@app_view
def lump_sum_detail(request, lump_sum_id: int):
    item = queries.get_lump_sum(actor=request.user, lump_sum_id=lump_sum_id)
    return _cost_option_page(request, kind="lump_sum", item=item)


@require_http_methods(["GET", "POST"])
@app_view
def unit_cost_create(request):
    _require_edit(request)
    return _cost_option_page(request, kind="unit_cost")


@require_http_methods(["GET", "POST"])
@app_view
def unit_cost_detail(request, unit_cost_id: int):
    item = queries.get_unit_cost(actor=request.user, unit_cost_id=unit_cost_id)
    return _cost_option_page(request, kind="unit_cost", item=item)
