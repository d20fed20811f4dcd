"""C.5 results, C.6 time plan and A.4 outputs and results overview pages.

The results page is editable for editors while the status allows, read-only otherwise, for VIEW collaborators
and for past versions (?version=). Rows are added and removed with plain submit buttons (no JavaScript needed);
what was typed is kept. The time plan and the overview are read-only views of the work plan and the results."""

import re
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from jems.core.errors import ValidationFailed
from jems.core.messages import text_for
from jems.core.views import app_view
from jems.priorities.ui import text_in
from jems.programme.languages import input_languages
from jems.projects.description.queries import visible_fields
from jems.projects.models import ALREADY_CONTRACTED
from jems.projects.navigation import project_context
from jems.projects.overviews.views import co_financing_context

from . import overview, queries, services, timeplan
from .forms import ResultRowForm, indicator_options, period_options
from .models import MAX_RESULTS

ROW_ERROR = re.compile(r"^results\[(\d+)\]\.(\w+)")
PREFIX = "result"
EMPTY = {"programmeResultIndicatorId": None, "baseline": Decimal("0"), "targetValue": None, "periodNumber": None,
         "description": {}, "deactivated": False}


class Page:
    """What every page here needs: the project data at the requested version, editability, visible fields."""

    def __init__(self, request, project_id):
        self.version = request.GET.get("version") or None
        self.data = queries.ProjectData(request.user, project_id, self.version)
        self.acc = self.data.access
        self.project = self.data.project
        self.editable = not self.data.is_past_version and self.acc.can_edit_form()
        self.visible = visible_fields(self.project)
        if request.method == "POST" and not self.editable:
            raise PermissionDenied

    def context(self, active, **extra):
        return {**project_context(self.acc, active, self.version), "editable": self.editable,
                "version_row": self.data.version_row if self.data.is_past_version else None, **extra}


def _posted_count(post) -> int:
    try:
        return max(0, min(int(post.get(f"{PREFIX}-count", "0")), MAX_RESULTS + 1))
    except ValueError:
        return 0


def _posted_indicators(post, count) -> set[int]:
    values = (post.get(f"{PREFIX}-{i}-programmeResultIndicatorId", "") for i in range(count))
    return {int(v) for v in values if v.isdigit() and int(v) < 2**63}


def _item(cleaned: dict, stored: dict | None) -> dict:
    """A service item: the row's stored values (for the fields the call hides) overlaid with the posted ones."""
    item = {key: (stored or EMPTY)[key] for key in EMPTY}
    item.update({key: value for key, value in cleaned.items() if key != "resultNumber"})
    item["resultNumber"] = cleaned.get("resultNumber") or 0
    return item


def _number(row: ResultRowForm) -> int | None:
    """The number the row's result had when the page was shown (None for a new row)."""
    value = str(row["resultNumber"].value() or "")
    return int(value) if value.isdigit() else None


def _place_errors(error: ValidationFailed, rows, page_errors: list) -> None:
    if not error.form_errors:
        page_errors.append(text_for(error.key, error.args_))
    for path, message in error.form_errors.items():
        text = text_for(message["i18nKey"], message.get("i18nArguments"))
        match = ROW_ERROR.match(path)
        if match and int(match.group(1)) < len(rows):
            form = rows[int(match.group(1))]
            field = match.group(2)
            form.add_error(field if field in form.fields else None, text)
        else:
            page_errors.append(text)


@require_http_methods(["GET", "POST"])
@app_view
def results(request, project_id: int):
    page = Page(request, project_id)
    stored = page.data.results()
    by_number = {r["resultNumber"]: r for r in stored}
    contracted = page.project.status in ALREADY_CONTRACTED
    post = request.POST if request.method == "POST" else None
    count = _posted_count(post) if post is not None else len(stored)
    chosen = {r["programmeResultIndicatorId"] for r in stored} | (_posted_indicators(post, count) if post else set())
    periods = page.data.periods()
    row_args = {"languages": input_languages(), "periods": period_options(periods), "visible": page.visible,
                "indicators": indicator_options(queries.indicator_options(page.data.specific_objective(), chosen)),
                "contracted": contracted, "disabled": not page.editable}
    page_errors: list[str] = []
    status = 200
    if post is None:
        rows = [ResultRowForm(initial=r, prefix=f"{PREFIX}-{i}", **row_args) for i, r in enumerate(stored)]
    else:
        rows = [ResultRowForm(post, prefix=f"{PREFIX}-{i}", **row_args) for i in range(count)]
        action = post.get("action", "save")
        if action != "save":  # add or remove a row: show what was typed again, nothing is saved
            values = [row.raw() for row in rows]
            kind, _sep, index = action.partition(":")
            if kind == "add" and len(values) < MAX_RESULTS:
                values.append({"baseline": "0"})
            elif kind == "remove" and index.isdigit() and int(index) < len(values):
                del values[int(index)]
            rows = [ResultRowForm(initial=v, prefix=f"{PREFIX}-{i}", **row_args) for i, v in enumerate(values)]
        else:
            if all([row.is_valid() for row in rows]):
                items = [_item(row.cleaned_data, by_number.get(row.cleaned_data.get("resultNumber"))) for row in rows]
                try:
                    services.update_results(actor=request.user, project_id=page.project.pk, results=items)
                except ValidationFailed as error:
                    _place_errors(error, rows, page_errors)
                else:
                    messages.success(request, _("C.5 – Project results were saved."))
                    return redirect("project_results:results", project_id=page.project.pk)
            status = 422
    blocks = [{"form": row, "number": index + 1,
               "removable": page.editable and not (contracted and _number(row) in by_number)}
              for index, row in enumerate(rows)]
    return render(request, "results/results.html", page.context(
        "results", rows=blocks, page_errors=page_errors, max_rows=MAX_RESULTS,
        can_add=page.editable and len(rows) < MAX_RESULTS, has_periods=bool(periods)), status=status)


@require_GET
@app_view
def time_plan(request, project_id: int):
    page = Page(request, project_id)
    periods = page.data.periods()
    groups = timeplan.chart(page.data.work_plan(), page.data.results(), periods)
    return render(request, "results/time_plan.html", page.context("timePlan", periods=periods, groups=groups))


@require_GET
@app_view
def outputs_overview(request, project_id: int):
    page = Page(request, project_id)
    lines = overview.overview_lines(page.data.work_plan(with_activities=False), page.data.results())
    return render(request, "results/overview.html", page.context(
        "overviewTables", lines=[overview_cells(line) for line in lines],
        **co_financing_context(request.user, project_id, page.version)))


def _amount(value) -> str:
    return "" if value is None else number_format(value, 2)


def _indicator(identifier, code, name) -> str:
    if identifier is None:
        return ""
    return f"{identifier}{f' ({code})' if code else ''} – {text_in(name)}"


def overview_cells(line: dict) -> dict:
    """An A.4 line as the texts of the table cells."""
    output_number = line["projectOutputNumber"]
    return {
        "output_indicator": _indicator(line["outputIndicatorIdentifier"], line["outputIndicatorCode"],
                                       line["outputIndicatorName"]),
        "output_unit": text_in(line["outputIndicatorMeasurementUnit"]),
        "output_sum": _amount(line["outputIndicatorTargetValueSumUp"]),
        "output": f"{output_number} {text_in(line['projectOutputTitle'])}".strip() if output_number else "",
        "output_target": _amount(line["projectOutputTargetValue"]),
        "result_indicator": _indicator(line["resultIndicatorIdentifier"], line["resultIndicatorCode"],
                                       line["resultIndicatorName"]),
        "result_unit": text_in(line["resultIndicatorMeasurementUnit"]),
        "baselines": ", ".join(_amount(b) for b in line["resultIndicatorBaseline"]),
        "result_sum": _amount(line["resultIndicatorTargetValueSumUp"]),
        "only_result": line["onlyResultWithoutOutputs"],
    }
