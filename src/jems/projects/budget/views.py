"""The partner "Budget" tab (features §4.7): flat-rate options, one table per cost list with per-period amounts
(when the call shows periods), unit-cost rows, SPF rows in SPF calls, the computed categories and the totals.

Totals follow the typing through htmx (`recalculate`: the form is posted, nothing is saved, the totals fragment
and the row sums come back); without JavaScript "Save changes" recalculates. "Add row" / "Remove row" are plain
submit buttons that re-show the typed values without saving. Saving runs every update in one transaction: when
any part is refused nothing is stored and each error is shown next to its field. `?version=` is read-only."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from jems.core.errors import NotFound, ValidationFailed
from jems.core.messages import text_for
from jems.core.views import app_view
from jems.finance.budget import replaced_categories
from jems.programme.languages import input_languages
from jems.projects.partners.views import _context
from jems.projects.workpackages.models import Investment

from . import forms, parts, queries, services
from .models import CostCategory
from .totals import budget_totals

C = CostCategory


class Page:
    """What the tab needs: the partner budget (live or of a version), editability, rules and languages."""

    def __init__(self, request, project_id, partner_id):
        self.version = request.GET.get("version") or None
        self.pb = queries.partner_budget(actor=request.user, partner_id=partner_id, version=self.version)
        if self.pb.acc.project.pk != project_id:
            raise NotFound(key="project.partner.not.exists", code="PP-ERR")
        self.editable = self.pb.snapshot is None and self.pb.acc.can_edit_form()
        if request.method == "POST" and not self.editable:
            raise PermissionDenied
        self.rules = self.pb.rules()
        self.languages = input_languages()

    def tables(self, options: dict, costs: dict) -> dict[str, forms.Table]:
        has_rows = {c: bool(costs[parts.LIST_KEYS[c]]) for c in C}
        return {parts.LIST_KEYS[c]: forms.make_table(c, self.rules, costs[parts.LIST_KEYS[c]])
                for c in forms.shown_categories(self.rules, options, has_rows)}

    def posted(self, post) -> tuple[dict, dict, dict]:
        """(options, option errors, costs) as typed; lists the page does not show keep their stored rows."""
        options, option_errors = forms.posted_options(post, self.rules, self.pb.budget["options"])
        costs = dict(self.pb.budget["costs"])
        stored_shown = self.tables(self.pb.budget["options"], costs)
        for key, table in stored_shown.items():
            costs[key] = forms.posted_rows(post, table.category, self.rules, self.pb.budget["costs"][key],
                                           self.languages)
        return options, option_errors, costs

    def totals(self, options: dict, costs: dict):
        """The calculated budget of typed values (invalid amounts count as 0)."""
        lenient = {key: [{**row, "rowSum": forms.lenient_sum(row.get("numberOfUnits"), row.get(
            "pricePerUnit", self._unit_price(row)))} for row in rows] for key, rows in costs.items()}
        clean = {k: v if isinstance(v, int) and v > 0 else None for k, v in options.items()}
        return budget_totals({"options": clean, "costs": lenient}, self.pb.lump_sums)

    def _unit_price(self, row):
        unit_cost = self.rules.unit_costs.get(row.get("unitCostId"))
        return unit_cost.cost_per_unit if unit_cost else None

    def _investments(self) -> list[tuple[int, str]]:
        rows = (Investment.objects.filter(work_package__project=self.pb.acc.project)
                .select_related("work_package").order_by("work_package__number", "number"))
        return [(i.pk, f"I{i.work_package.number}.{i.number} {forms.pick(i.title)}".strip()) for i in rows]

    def render(self, request, options, costs, tables, *, option_errors=None, general=None, status=200):
        pb = self.pb
        option_rows = [{"key": key, "label": forms.OPTION_LABELS[key], "maximum": maximum, "adjustable": adjustable,
                        "value": options.get(key), "error": (option_errors or {}).get(key)}
                       for key, (maximum, adjustable) in self.rules.flat_rates.items()]
        choices = [(pk, label) for pk, label in self._investments()]
        for table in tables.values():
            table.headers = forms.headers(table)
            table.rendered = [(row, forms.cells(table, row, self.languages, choices)) for row in table.rows]
        context = {**_context(pb.acc, self.version, pb.version_row, self.editable, "budget", pb.partner),
                   "options": option_rows, "tables": list(tables.values()), "totals": self.totals(options, costs),
                   "spf": self.rules.spf, "languages": self.languages, "general_errors": general or [],
                   "has_errors": bool(general or option_errors or any(
                       t.errors or any(r.errors for r in t.rows) for t in tables.values()))}
        return render(request, "budget/partner_budget.html", context, status=status)


@require_http_methods(["GET", "POST"])
@app_view
def partner_budget(request, project_id: int, partner_id: int):
    page = Page(request, project_id, partner_id)
    if request.method == "GET":
        budget = page.pb.budget
        return page.render(request, budget["options"], budget["costs"],
                           page.tables(budget["options"], budget["costs"]))
    options, option_errors, costs = page.posted(request.POST)
    action = request.POST.get("action", "save")
    if action != "save":
        tables = page.tables(page.pb.budget["options"], costs)
        _add_or_remove(action, tables, costs)
        return page.render(request, options, costs, page.tables(page.pb.budget["options"], costs),
                           option_errors=option_errors)
    if not option_errors:
        form_errors, general = _save(request.user, page, options, costs)
        if not form_errors and not general:
            messages.success(request, _("The partner budget was saved."))
            return redirect("project_budget:partner_budget", project_id=project_id, partner_id=partner_id)
    else:
        form_errors, general = {}, []
    tables = page.tables(page.pb.budget["options"], costs)
    forms.place_errors(tables, form_errors, option_errors, general)
    return page.render(request, options, costs, tables, option_errors=option_errors, general=general, status=422)


def _add_or_remove(action: str, tables: dict, costs: dict) -> None:
    kind, _sep, target = action.partition(":")
    key, _sep, index = target.partition(":")
    if key not in tables:
        return
    if kind == "add" and tables[key].can_add:
        costs[key] = [*costs[key], {"id": None, "budgetPeriods": []}]
    elif kind == "remove" and index.isdigit() and int(index) < len(costs[key]):
        costs[key] = [r for i, r in enumerate(costs[key]) if i != int(index)]


def _save(actor, page: Page, options: dict, costs: dict) -> tuple[dict, list]:
    """Save options and the shown lists in one transaction; on any refusal roll everything back and return the
    collected (field errors, general errors)."""
    form_errors: dict = {}
    general: list = []
    partner_id = page.pb.partner["id"]
    with transaction.atomic():
        for call, kwargs in _updates(page, options, costs):
            try:
                call(actor=actor, partner_id=partner_id, **kwargs)
            except ValidationFailed as error:
                form_errors.update(error.form_errors)
                if not error.form_errors:
                    general.append(text_for(error.key, error.args_))
        if form_errors or general:
            transaction.set_rollback(True)
    return form_errors, general


def _updates(page: Page, options: dict, costs: dict):
    yield services.update_options, {"data": options}
    replaced = {services.SUM_CATEGORIES[n] for n in replaced_categories(services.options_of(options))}
    for key, table in page.tables(page.pb.budget["options"], costs).items():
        if table.category not in replaced:
            yield services.update_costs, {"category": table.category, "rows": costs[key]}


@require_POST
@app_view
def recalculate(request, project_id: int, partner_id: int):
    """The totals fragment (and the row sums, out of band) of the typed values; nothing is saved."""
    page = Page(request, project_id, partner_id)
    options, _errors, costs = page.posted(request.POST)
    tables = page.tables(page.pb.budget["options"], costs)
    return render(request, "budget/_totals.html", {"totals": page.totals(options, costs), "spf": page.rules.spf,
                                                   "tables": list(tables.values()), "oob": True})
