"""C.4 work plan pages: the list of work packages and, per work package, the tabs Objectives, Investments (with
an investment page), Activities and Outputs. Editable while the form is editable for the user; read-only for
viewers, in other statuses and for past versions (`?version=`, from the snapshot). Rows of activities,
deliverables and outputs are added and removed with plain submit buttons (no JavaScript needed); fields the
call hides are neither shown nor changed."""

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from jems.core.errors import ValidationFailed
from jems.core.messages import text_for
from jems.core.views import app_view, apply_error
from jems.nuts.models import NutsRegion
from jems.priorities.models import OutputIndicator
from jems.programme.languages import input_languages
from jems.projects.models import ALREADY_CONTRACTED
from jems.projects.navigation import project_context
from jems.projects.partners.models import ProjectPartner
from jems.projects.schemas import periods as project_periods
from jems.projects.visibility import visible_fields

from . import parts, queries, services
from .forms import (
    ACTIVITY_CONFIGS,
    INVESTMENT_CONFIGS,
    ActivityForm,
    DeliverableForm,
    InvestmentForm,
    ObjectivesForm,
    OutputForm,
    period_options,
)
from .models import MAX_ACTIVITIES, MAX_DELIVERABLES, MAX_INVESTMENTS, MAX_OUTPUTS, MAX_WORK_PACKAGES
from .widgets import Options

MAX_POSTED_ROWS = 50
ROW_ERROR = re.compile(r"^(?:activities|outputs)\[(\d+)\]\.(?:deliverables\[(\d+)\]\.)?(\w+)")
TABS = (("objectives", gettext_lazy("Objectives"), "project_workpackages:objectives"),
        ("investments", gettext_lazy("Investments"), "project_workpackages:investments"),
        ("activities", gettext_lazy("Activities"), "project_workpackages:activities"),
        ("outputs", gettext_lazy("Outputs"), "project_workpackages:outputs"))


class Page:
    """What every C.4 page needs: access, version, the work package shown (with the child lists of `include`) or
    the outline of all of them (for the list), editability, visible fields, languages."""

    def __init__(self, request, project_id, work_package_id=None, include=()):
        self.version = request.GET.get("version") or None
        self.work_packages, self.wp = None, None
        if work_package_id is None:
            self.acc, self.version_row, self.work_packages = queries.outline(
                actor=request.user, project_id=project_id, version=self.version)
        else:
            self.acc, self.version_row, self.wp = queries.work_package(
                actor=request.user, project_id=project_id, work_package_id=work_package_id, version=self.version,
                include=include)
        self.project = self.acc.project
        self.editable = self.version_row is None and self.acc.can_edit_form()
        self.visible = visible_fields(self.project)
        self.languages = input_languages()
        self.query = f"?version={self.version}" if self.version else ""
        if request.method == "POST" and not self.editable:
            raise PermissionDenied

    def period_options(self):
        return period_options(project_periods(self.project.call, self.project.duration))

    def tabs(self):
        shown = [t for t in TABS if t[0] != "investments" or INVESTMENT_CONFIGS & self.visible]
        return [(key, label, reverse(url, args=[self.project.pk, self.wp["id"]]) + self.query)
                for key, label, url in shown]

    def text(self, translations: dict | None) -> str:
        """A translatable value in the first input language that has it (else any language)."""
        translations = translations or {}
        return next((translations[c] for c in self.languages if translations.get(c)),
                    next(iter(translations.values()), ""))

    def context(self, active_tab=None, **extra):
        return {**project_context(self.acc, "workPackages", self.version), "editable": self.editable,
                "version_row": self.version_row, "version_query": self.query, "wp": self.wp,
                "wp_name": self.text(self.wp["name"]) if self.wp else "",
                "tabs": self.tabs() if self.wp else None, "active_tab": active_tab, **extra}

    def redirect(self, name, *args):
        return redirect(f"project_workpackages:{name}", self.project.pk, *args)


def _posted_count(post, key, maximum=MAX_POSTED_ROWS):
    try:
        return max(0, min(int(post.get(key, "0")), maximum))
    except ValueError:
        return 0


def _raw(form) -> dict:
    """The values a bound form was posted with, usable as the initial data of a fresh unbound form."""
    return {name: form[name].value() for name in form.fields}


def _language_map(keys, languages, prefix=""):
    return {f"{prefix}{key}.language.{code.lower()}": key for key in keys for code in languages}


def _place_row_errors(error: ValidationFailed, rows: list, nested: list | None = None) -> list[str]:
    """Put `activities[i].x` / `activities[i].deliverables[j].x` / `outputs[i].x` errors on their row forms;
    returns the messages that belong to no row field (shown above the rows)."""
    general = []
    for path, message in (error.form_errors or {}).items():
        text = text_for(message["i18nKey"], message.get("i18nArguments"))
        match = ROW_ERROR.match(path)
        if not match or int(match.group(1)) >= len(rows):
            general.append(text)
            continue
        index, sub, field = int(match.group(1)), match.group(2), match.group(3)
        form = rows[index]
        if sub is not None and nested is not None and int(sub) < len(nested[index]):
            form = nested[index][int(sub)]
        form.add_error(field if field in form.fields else None, text)
    if not error.form_errors:
        general.append(text_for(error.key, error.args_))
    return general


# --- list -----------------------------------------------------------------------------------------------------


@require_http_methods(["GET"])
@app_view
def work_package_list(request, project_id: int):
    page = Page(request, project_id)
    rows = [{**wp, "label": page.text(wp["name"])} for wp in page.work_packages]
    return render(request, "workpackages/list.html", page.context(
        rows=rows, contracted=page.project.status in ALREADY_CONTRACTED, max_work_packages=MAX_WORK_PACKAGES,
        can_add=page.editable and len(page.work_packages) < MAX_WORK_PACKAGES))


@require_http_methods(["POST"])
@app_view
def create(request, project_id: int):
    """Add an empty work package and open its objectives."""
    page = Page(request, project_id)
    try:
        row = services.create_work_package(actor=request.user, project_id=page.project.pk, data={})
    except ValidationFailed as error:
        messages.error(request, text_for(error.key, error.args_))
        return page.redirect("list")
    messages.success(request, _("Work package %(n)s was added.") % {"n": row.number})
    return page.redirect("objectives", row.pk)


def _list_action(request, project_id, work_package_id, action, done):
    page = Page(request, project_id, work_package_id)
    try:
        action(actor=request.user, project_id=page.project.pk, work_package_id=page.wp["id"])
    except ValidationFailed as error:
        messages.error(request, text_for(error.key, error.args_))
    else:
        messages.success(request, done % {"n": page.wp["number"]})
    return page.redirect("list")


@require_http_methods(["POST"])
@app_view
def delete(request, project_id: int, work_package_id: int):
    """Delete a work package of a project not contracted yet (the others are renumbered)."""
    return _list_action(request, project_id, work_package_id, services.delete_work_package,
                        _("Work package %(n)s was deleted."))


@require_http_methods(["POST"])
@app_view
def deactivate(request, project_id: int, work_package_id: int):
    """Deactivate a work package of a contracted project."""
    return _list_action(request, project_id, work_package_id, services.deactivate_work_package,
                        _("Work package %(n)s was deactivated."))


# --- objectives -----------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@app_view
def objectives(request, project_id: int, work_package_id: int):
    page = Page(request, project_id, work_package_id)
    form = ObjectivesForm(request.POST if request.method == "POST" else None, initial=page.wp,
                          languages=page.languages, visible=page.visible, disabled=not page.editable)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.update_work_package(actor=request.user, project_id=page.project.pk,
                                             work_package_id=page.wp["id"], data={**page.wp, **form.cleaned_data})
            except ValidationFailed as error:
                apply_error(form, error, _language_map(parts.WP_TEXTS, page.languages))
            else:
                messages.success(request, _("The objectives were saved."))
                return page.redirect("objectives", page.wp["id"])
        status = 422
    return render(request, "workpackages/objectives.html", page.context("objectives", form=form), status=status)


# --- investments ----------------------------------------------------------------------------------------------


@require_http_methods(["GET"])
@app_view
def investments(request, project_id: int, work_package_id: int):
    page = Page(request, project_id, work_package_id, include=("investments",))
    rows = [{**i, "label": page.text(i["title"])} for i in page.wp["investments"]]
    return render(request, "workpackages/investments.html", page.context(
        "investments", rows=rows, contracted=page.project.status in ALREADY_CONTRACTED,
        can_add=page.editable and len(page.wp["investments"]) < MAX_INVESTMENTS))


def _regions():
    by_level = {0: [], 2: [], 3: []}
    for code, name, level in NutsRegion.objects.filter(level__in=(0, 2, 3)).order_by("code").values_list(
            "code", "name", "level"):
        by_level[level].append((code, f"{name} ({code})"))
    return by_level


def _investment_initial(investment: dict) -> dict:
    address = investment.get("address") or {}
    return {**investment, **{k: v or "" for k, v in address.items()},
            "expectedDeliveryPeriod": investment.get("expectedDeliveryPeriod") or ""}


def _investment_data(existing: dict, cleaned: dict, regions) -> dict:
    """The investment as the service wants it: the posted visible fields over the stored values."""
    names = {code: label for level in regions.values() for code, label in level}
    address = dict(existing.get("address") or {})
    for key in parts.ADDRESS:
        if key in cleaned:
            address[key] = cleaned[key] or None
    if "countryCode" in cleaned:
        address.update(country=names.get(cleaned["countryCode"]), region2=names.get(cleaned["region2Code"]),
                       region3=names.get(cleaned["region3Code"]))
    data = {**existing, **{k: v for k, v in cleaned.items() if k in parts.INVESTMENT_TEXTS}, "address": address}
    if "expectedDeliveryPeriod" in cleaned:
        data["expectedDeliveryPeriod"] = cleaned["expectedDeliveryPeriod"] or None
    return data


def _investment_page(request, project_id, work_package_id, investment_id=None):
    page = Page(request, project_id, work_package_id, include=("investments",) if investment_id is not None else ())
    existing = queries.find_investment(page.wp, investment_id) if investment_id is not None else {}
    if investment_id is None and not page.editable:
        raise PermissionDenied
    regions = _regions()
    form = InvestmentForm(request.POST if request.method == "POST" else None, initial=_investment_initial(existing),
                          languages=page.languages, visible=page.visible, period_options=page.period_options(), regions=regions,
                          disabled=not page.editable)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = _investment_data(existing, form.cleaned_data, regions)
            field_map = _language_map(parts.INVESTMENT_TEXTS, page.languages)
            field_map |= {f"address.{key}": key for key in parts.ADDRESS}
            try:
                if investment_id is None:
                    row = services.add_investment(actor=request.user, project_id=page.project.pk,
                                                  work_package_id=page.wp["id"], data=data)
                else:
                    row = services.update_investment(actor=request.user, project_id=page.project.pk,
                                                      work_package_id=page.wp["id"], investment_id=investment_id,
                                                      data=data)
            except ValidationFailed as error:
                apply_error(form, error, field_map)
            else:
                messages.success(request, _("The investment was saved."))
                return page.redirect("investment", page.wp["id"], row.pk)
        status = 422
    return render(request, "workpackages/investment.html", page.context(
        "investments", form=form, investment=existing or None), status=status)


@require_http_methods(["GET", "POST"])
@app_view
def investment_create(request, project_id: int, work_package_id: int):
    return _investment_page(request, project_id, work_package_id)


@require_http_methods(["GET", "POST"])
@app_view
def investment(request, project_id: int, work_package_id: int, investment_id: int):
    return _investment_page(request, project_id, work_package_id, investment_id)


@require_http_methods(["POST"])
@app_view
def investment_delete(request, project_id: int, work_package_id: int, investment_id: int):
    """Delete an investment of a project not contracted yet (the others are renumbered)."""
    page = Page(request, project_id, work_package_id)
    try:
        services.delete_investment(actor=request.user, project_id=page.project.pk, work_package_id=page.wp["id"],
                                   investment_id=investment_id)
    except ValidationFailed as error:
        messages.error(request, text_for(error.key, error.args_))
    else:
        messages.success(request, _("The investment was deleted."))
    return page.redirect("investments", page.wp["id"])


# --- activities -----------------------------------------------------------------------------------------------


def _activity_initial(activity: dict) -> dict:
    return {**activity, "startPeriod": activity.get("startPeriod") or "",
            "endPeriod": activity.get("endPeriod") or ""}


@require_http_methods(["GET", "POST"])
@app_view
def activities(request, project_id: int, work_package_id: int):
    page = Page(request, project_id, work_package_id, include=("activities",))
    partners = [(p.pk, p.abbreviation) for p in ProjectPartner.objects.filter(project=page.project)
                .only("id", "abbreviation").order_by("sort_number", "id")]
    with_deliverables = ACTIVITY_CONFIGS["deliverables"] in page.visible
    args = {"languages": page.languages, "period_options": page.period_options(), "disabled": not page.editable}

    def build(values: list[dict], data=None):
        rows, nested = [], []
        for i, value in enumerate(values):
            rows.append(ActivityForm(data, initial=None if data else _activity_initial(value), prefix=f"a{i}",
                                     visible=page.visible, partners=partners, **args))
            nested.append([DeliverableForm(data, initial=None if data else {**d, "period": d.get("period") or ""},
                                           prefix=f"a{i}-d{j}", **args)
                           for j, d in enumerate(value.get("deliverables") or [])] if with_deliverables else [])
        return rows, nested

    post = request.POST if request.method == "POST" else None
    status, general = 200, []
    if post is None:
        rows, nested = build(page.wp["activities"])
    else:
        count = _posted_count(post, "activities-count")
        shape = [{"deliverables": [{}] * _posted_count(post, f"a{i}-deliverables-count")} for i in range(count)]
        rows, nested = build(shape, post)
        action = post.get("action", "save")
        if action != "save":
            values = [{**_raw(r), "deliverables": [_raw(d) for d in nested[i]]} for i, r in enumerate(rows)]
            _apply_row_action(action, values, MAX_ACTIVITIES)
            rows, nested = build(values)
        else:
            valid = all([r.is_valid() for r in rows] + [d.is_valid() for ds in nested for d in ds])
            if valid:
                data = _activities_data(page.wp["activities"], rows, nested, with_deliverables)
                try:
                    services.update_activities(actor=request.user, project_id=page.project.pk,
                                               work_package_id=page.wp["id"], activities=data)
                except ValidationFailed as error:
                    general = _place_row_errors(error, rows, nested)
                else:
                    messages.success(request, _("The activities were saved."))
                    return page.redirect("activities", page.wp["id"])
            status = 422
    blocks = [{"form": r, "deliverables": nested[i],
               "can_add": page.editable and with_deliverables and len(nested[i]) < MAX_DELIVERABLES}
              for i, r in enumerate(rows)]
    return render(request, "workpackages/activities.html", page.context(
        "activities", blocks=blocks, errors=general, with_deliverables=with_deliverables,
        can_add=page.editable and len(rows) < MAX_ACTIVITIES, max_activities=MAX_ACTIVITIES,
        max_deliverables=MAX_DELIVERABLES), status=status)


def _apply_row_action(action: str, values: list[dict], maximum: int) -> None:
    """add / remove:i / add-deliverable:i / remove-deliverable:i:j on the re-shown rows (nothing is saved)."""
    kind, *numbers = action.split(":")
    numbers = [int(n) for n in numbers if n.isdigit()]
    if kind == "add" and len(values) < maximum:
        values.append({"deliverables": []})
    elif kind == "remove" and numbers and numbers[0] < len(values):
        del values[numbers[0]]
    elif kind == "add-deliverable" and numbers and numbers[0] < len(values):
        if len(values[numbers[0]]["deliverables"]) < MAX_DELIVERABLES:
            values[numbers[0]]["deliverables"].append({})
    elif kind == "remove-deliverable" and len(numbers) == 2 and numbers[0] < len(values):
        deliverables = values[numbers[0]]["deliverables"]
        if numbers[1] < len(deliverables):
            del deliverables[numbers[1]]


def _activities_data(existing: list[dict], rows, nested, with_deliverables) -> list[dict]:
    """The posted activities over the stored ones (matched by id), so that hidden fields keep their values."""
    stored = {a["id"]: a for a in existing}
    data = []
    for i, row in enumerate(rows):
        cleaned = row.cleaned_data
        base = stored.get(cleaned.get("id"), {})
        item = {**base, **{k: v for k, v in cleaned.items() if k != "id"}, "id": base.get("id")}
        for key in ("startPeriod", "endPeriod"):
            item[key] = item.get(key) or None
        if with_deliverables:
            old = {d["deliverableId"]: d for d in base.get("deliverables") or []}
            item["deliverables"] = [{**old.get(d.cleaned_data.get("deliverableId"), {}), **d.cleaned_data,
                                     "period": d.cleaned_data.get("period") or None} for d in nested[i]]
        data.append(item)
    return data


# --- outputs --------------------------------------------------------------------------------------------------


def _indicator_choices() -> Options:
    choices = [("", _("— choose —"))]
    for indicator in OutputIndicator.objects.order_by("identifier"):
        name = indicator.name.get("EN") or next(iter(indicator.name.values()), "")
        unit = indicator.measurement_unit.get("EN") or next(iter(indicator.measurement_unit.values()), "")
        choices.append((str(indicator.pk), f"{indicator.identifier} {name} ({unit})" if unit
                        else f"{indicator.identifier} {name}"))
    return Options(choices)


def _output_initial(output: dict) -> dict:
    return {**output, "programmeOutputIndicatorId": output.get("programmeOutputIndicatorId") or "",
            "periodNumber": output.get("periodNumber") or ""}


@require_http_methods(["GET", "POST"])
@app_view
def outputs(request, project_id: int, work_package_id: int):
    page = Page(request, project_id, work_package_id, include=("outputs",))
    args = {"languages": page.languages, "visible": page.visible, "period_options": page.period_options(),
            "indicators": _indicator_choices(), "disabled": not page.editable}
    post = request.POST if request.method == "POST" else None
    status, general = 200, []
    if post is None:
        rows = [OutputForm(initial=_output_initial(o), prefix=f"o{i}", **args) for i, o in enumerate(page.wp["outputs"])]
    else:
        rows = [OutputForm(post, prefix=f"o{i}", **args) for i in range(_posted_count(post, "outputs-count"))]
        action = post.get("action", "save")
        if action != "save":
            values = [_raw(r) for r in rows]
            kind, _sep, index = action.partition(":")
            if kind == "add" and len(values) < MAX_OUTPUTS:
                values.append({})
            elif kind == "remove" and index.isdigit() and int(index) < len(values):
                del values[int(index)]
            rows = [OutputForm(initial=v, prefix=f"o{i}", **args) for i, v in enumerate(values)]
        else:
            if all([r.is_valid() for r in rows]):
                stored = page.wp["outputs"]
                data = [{**(stored[i] if i < len(stored) else {}), **r.cleaned_data} for i, r in enumerate(rows)]
                for item in data:
                    for key in ("programmeOutputIndicatorId", "periodNumber"):
                        item[key] = item.get(key) or None
                try:
                    services.update_outputs(actor=request.user, project_id=page.project.pk,
                                            work_package_id=page.wp["id"], outputs=data)
                except ValidationFailed as error:
                    general = _place_row_errors(error, rows)
                else:
                    messages.success(request, _("The outputs were saved."))
                    return page.redirect("outputs", page.wp["id"])
            status = 422
    return render(request, "workpackages/outputs.html", page.context(
        "outputs", rows=rows, errors=general, can_add=page.editable and len(rows) < MAX_OUTPUTS,
        max_outputs=MAX_OUTPUTS), status=status)
