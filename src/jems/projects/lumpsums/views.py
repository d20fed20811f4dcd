"""Pages of section E: "E – Lump sums and unit costs" (E.1 table, E.2 unit-cost overview, E.2.1 list of the
project's proposed unit costs) and the page of one proposed unit cost. Editable while the status allows and for
editors; read-only otherwise, for VIEW collaborators and for past versions (?version=). Rows are added and
removed with plain submit buttons (no JavaScript needed)."""

import re
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from jems.core.errors import ValidationFailed
from jems.core.messages import text_for
from jems.core.views import app_view
from jems.cost_options.codes import BudgetCategory
from jems.cost_options.forms import UnitCostForm
from jems.priorities.ui import apply_service_error, disable_all, mark_invalid, text_in
from jems.programme.languages import input_languages
from jems.projects.models import ALREADY_CONTRACTED
from jems.projects.navigation import project_context
from jems.projects.visibility import visible_fields

from . import queries, services
from .forms import LumpSumRowForm, amount_field
from .models import MAX_PROJECT_LUMP_SUMS

ROW_ERROR = re.compile(r"^lumpSums\[(\d+)\]\.(\w+)(?:\[(\d+)\]\.(\w+))?$")
DESCRIPTION_FIELD = "PROJECT_LUMP_SUMS_DESCRIPTION"  # form configuration field 48


class Page:
    """What the section E pages need: access, version, E.1 rows, partners, periods, editability."""

    def __init__(self, request, project_id):
        self.version = request.GET.get("version") or None
        self.acc, row, self.snapshot, self.rows = queries.get_lump_sums(
            actor=request.user, project_id=project_id, version=self.version)
        self.project = self.acc.project
        self.editable = self.snapshot is None and self.acc.can_edit_form()
        self.version_row = row if self.snapshot is not None else None
        self.partners = queries.partner_columns(self.project, self.snapshot)
        self.period_count = services.period_count(self.project, self.snapshot)
        self.programmes = queries.programme_lump_sums(self.project)
        self.proposals_allowed = self.project.call.project_defined_unit_cost_allowed
        self.unit_costs_editable = (self.editable and self.proposals_allowed
                                    and self.project.status not in ALREADY_CONTRACTED)

    def context(self, **extra):
        return {**project_context(self.acc, "lumpSums", self.version), "editable": self.editable,
                "version_row": self.version_row, "version_query": f"?version={self.version}" if self.version else "",
                **extra}


def _lump_sum_choices(programmes: dict) -> list[tuple[str, str]]:
    return [(str(pk), f"{text_in(item['name']) or pk} ({item['cost']:,.2f} EUR)")
            for pk, item in programmes.items()]


def _decimal(text) -> Decimal | None:
    try:
        value = Decimal(str(text).strip())
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() and value == value.quantize(Decimal("0.01")) else None


def _row_forms(page: Page, data=None, initials=None, count=0) -> list[LumpSumRowForm]:
    args = {"lump_sums": _lump_sum_choices(page.programmes), "period_count": page.period_count,
            "partners": page.partners, "disabled": not page.editable}
    if data is not None:
        return [LumpSumRowForm(data, prefix=f"ls-{i}", number=i + 1, **args) for i in range(count)]
    return [LumpSumRowForm(initial=initial, prefix=f"ls-{i}", number=i + 1, **args)
            for i, initial in enumerate(initials or [])]


def _initial(row: dict) -> dict:
    initial = {"programmeLumpSumId": str(row["programmeLumpSumId"]),
               "period": "" if row["period"] is None else str(row["period"])}
    for share in row["lumpSumContributions"]:
        initial[amount_field(share["partnerId"])] = f"{share['amount']:.2f}"
    return initial


def _raw(form) -> dict:
    """The values a bound form was posted with, usable as the initial data of a fresh unbound form."""
    return {name: form[name].value() for name in form.fields}


def _posted_count(post) -> int:
    try:
        return max(0, min(int(post.get("ls-count", "0")), MAX_PROJECT_LUMP_SUMS + 1))
    except ValueError:
        return 0


def _table(page: Page, forms: list[LumpSumRowForm]) -> list[dict]:
    """The E.1 rows for the template: form, programme lump sum, amounts, row total and split status."""
    shown = DESCRIPTION_FIELD in visible_fields(page.project)
    rows = []
    for form in forms:
        programme = page.programmes.get(_decimal(form["programmeLumpSumId"].value() or "x") or 0)
        amounts = [_decimal(form[amount_field(p["id"])].value() or "0") for p in page.partners]
        total = sum((a for a in amounts if a is not None), Decimal("0.00"))
        cost = programme["cost"] if programme else None
        rows.append({"form": form, "programme": programme, "amounts": amounts, "total": total, "cost": cost,
                     "description": text_in(programme["description"]) if programme and shown else "",
                     "difference": (cost - total) if cost is not None else None,
                     "excess": (total - cost) if cost is not None else None,
                     "cells": [form[amount_field(p["id"])] for p in page.partners]})
    return rows


def _place_errors(error: ValidationFailed, forms, positions, table_errors: list[str]) -> None:
    """Service field errors onto the row inputs; `positions[i][j]` is the partner of share j of row i."""
    for path, message in (error.form_errors or {}).items():
        text = text_for(message["i18nKey"], message.get("i18nArguments"))
        match = ROW_ERROR.match(path)
        if not match or int(match.group(1)) >= len(forms):
            table_errors.append(text)
            continue
        form = forms[int(match.group(1))]
        field, share, share_field = match.group(2), match.group(3), match.group(4)
        if share is not None and share_field == "amount":
            form.add_error(amount_field(positions[int(match.group(1))][int(share)]), text)
        elif field in form.fields:
            form.add_error(field, text)
        else:
            form.add_error(None, text)
    if not error.form_errors:
        table_errors.append(text_for(error.key, error.args_))


def _usage_table(page: Page) -> list[dict]:
    """E.2: every unit cost the project may use with, per partner, the units and the amount its budget uses."""
    usage = queries.unit_cost_usage(page.project, page.snapshot)
    lines = []
    labels = dict(BudgetCategory.choices)
    for item in queries.available_unit_costs(page.project, page.snapshot):
        used = usage.get(item["id"], {})
        cells = [used.get(p["id"]) for p in page.partners]
        lines.append({"item": item, "name": text_in(item["name"]), "unit_type": text_in(item["type"]),
                      "categories": ", ".join(str(labels.get(c, c)) for c in item["categories"]),
                      "cells": cells, "total": sum((c[1] for c in cells if c), Decimal("0.00"))})
    return lines


@require_http_methods(["GET", "POST"])
@app_view
def lump_sums(request, project_id: int):
    """E – Lump sums and unit costs."""
    page = Page(request, project_id)
    post = request.POST if request.method == "POST" else None
    if post is not None and not page.editable:
        raise PermissionDenied
    status, table_errors = 200, []
    if post is None:
        forms = _row_forms(page, initials=[_initial(row) for row in page.rows])
    else:
        forms = _row_forms(page, data=post, count=_posted_count(post))
        action = post.get("action", "save")
        if action != "save":  # add or remove a row: re-show what was typed, nothing is saved
            values = [_raw(form) for form in forms]
            kind, _sep, index = action.partition(":")
            if kind == "add" and len(values) < MAX_PROJECT_LUMP_SUMS:
                values.append({})
            elif kind == "remove" and index.isdigit() and int(index) < len(values):
                del values[int(index)]
            forms = _row_forms(page, initials=values)
        else:
            if all([form.is_valid() for form in forms]):
                positions = [[partner_id for partner_id, _amount in form.shares()] for form in forms]
                rows = [services.LumpSumData(
                    programme_lump_sum_id=form.cleaned_data["programmeLumpSumId"], period=form.cleaned_data["period"],
                    shares=tuple(services.ShareData(partner_id=pid, amount=amount) for pid, amount in form.shares()))
                    for form in forms]
                try:
                    services.update_lump_sums(actor=request.user, project_id=page.project.pk, rows=rows)
                except ValidationFailed as error:
                    _place_errors(error, forms, positions, table_errors)
                else:
                    messages.success(request, _("E.1 – Project lump sums were saved."))
                    return redirect("project_lumpsums:lump_sums", project_id=page.project.pk)
            status = 422
    for form in forms:
        mark_invalid(form)
    rows = _table(page, forms)
    error_summary = [(form[name].auto_id if name != "__all__" else None,
                      form[name].label if name != "__all__" else None,
                      error if name != "__all__" else _("Row %(n)s: %(error)s") % {"n": form.number, "error": error})
                     for form in forms if form.is_bound for name, errors in form.errors.items() for error in errors]
    column_totals = [sum((row["amounts"][i] or Decimal(0) for row in rows), Decimal("0.00"))
                     for i in range(len(page.partners))]
    proposed = queries.proposed_unit_costs_of(page.project, page.snapshot)
    return render(request, "lumpsums/lump_sums.html", page.context(
        rows=rows, partners=page.partners, column_totals=column_totals,
        grand_total=sum(column_totals, Decimal("0.00")), table_errors=table_errors, error_summary=error_summary,
        max_rows=MAX_PROJECT_LUMP_SUMS, can_add=page.editable and len(rows) < MAX_PROJECT_LUMP_SUMS,
        show_description=DESCRIPTION_FIELD in visible_fields(page.project), usage=_usage_table(page),
        proposed=[{"item": item, "name": text_in(item["name"]), "unit_type": text_in(item["type"])}
                  for item in proposed],
        show_proposed=page.proposals_allowed or bool(proposed), unit_costs_editable=page.unit_costs_editable,
        can_propose=page.unit_costs_editable and len(proposed) < services.MAX_PROJECT_UNIT_COSTS,
        max_unit_costs=services.MAX_PROJECT_UNIT_COSTS), status=status)


# --- E.2.1 one proposed unit cost -----------------------------------------------------------------------------


def _unit_cost_initial(item: dict) -> dict:
    return {"name": item["name"], "description": item["description"], "type": item["type"],
            "justification": item["justification"], "cost_per_unit": item["costPerUnit"],
            "foreign_currency_code": item["foreignCurrencyCode"] or "",
            "cost_per_unit_foreign_currency": item["costPerUnitForeignCurrency"],
            "one_cost_category": "true" if item["oneCostCategory"] else "false", "categories": item["categories"],
            "payment_claim": item["paymentClaim"]}


def _unit_cost_page(request, project_id: int, unit_cost_id: int | None):
    page = Page(request, project_id)
    item = None
    if unit_cost_id is not None:
        item = queries.get_proposed_unit_cost(actor=request.user, project_id=project_id, unit_cost_id=unit_cost_id,
                                              version=page.version)[3]
    elif not page.unit_costs_editable:
        raise PermissionDenied
    if request.method == "POST" and not page.unit_costs_editable:
        raise PermissionDenied
    languages = input_languages()
    form = UnitCostForm(request.POST if request.method == "POST" else None,
                        initial=_unit_cost_initial(item) if item else {}, languages=languages)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            values = {name: data[name] for name in services.UNIT_COST_FIELDS}
            values["foreign_currency_code"] = values["foreign_currency_code"] or None
            try:
                if item is None:
                    saved = services.create_unit_cost(actor=request.user, project_id=page.project.pk, values=values)
                else:
                    saved = services.update_unit_cost(actor=request.user, project_id=page.project.pk,
                                                      unit_cost_id=item["id"], values=values)
            except ValidationFailed as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("The proposed unit cost was saved."))
                return redirect("project_lumpsums:unit_cost_detail", project_id=page.project.pk,
                                unit_cost_id=saved.pk)
        status = 422
    if not page.unit_costs_editable:
        disable_all(form)
    mark_invalid(form)
    back = reverse("project_lumpsums:lump_sums", args=[page.project.pk]) + (
        f"?version={page.version}" if page.version else "")
    return render(request, "lumpsums/unit_cost.html", page.context(
        form=form, item=item, creating=item is None, title=text_in(item["name"]) if item else "", back=back,
        unit_costs_editable=page.unit_costs_editable), status=status)


@require_http_methods(["GET", "POST"])
@app_view
def unit_cost_create(request, project_id: int):
    """E.2.1: propose a unit cost."""
    return _unit_cost_page(request, project_id, None)


@require_http_methods(["GET", "POST"])
@app_view
def unit_cost_detail(request, project_id: int, unit_cost_id: int):
    """E.2.1: one proposed unit cost (editable while the project may change it)."""
    return _unit_cost_page(request, project_id, unit_cost_id)


@require_POST
@app_view
def unit_cost_delete(request, project_id: int, unit_cost_id: int):
    """E.2.1: withdraw a proposed unit cost (refused while a partner budget uses it)."""
    try:
        services.delete_unit_cost(actor=request.user, project_id=project_id, unit_cost_id=unit_cost_id)
    except ValidationFailed as error:
        messages.error(request, text_for(error.key, error.args_))
    else:
        messages.success(request, _("The proposed unit cost was deleted."))
    return redirect(reverse("project_lumpsums:lump_sums", args=[project_id]) + "#proposed-unit-costs")
