"""Pages of section C: C.1, C.2 (with its tables), C.3, C.7 and C.8. Editable while the status allows and for
editors; read-only otherwise, for VIEW collaborators and for past versions (?version=). The C.2 tables add and
remove rows with plain submit buttons (no JavaScript needed)."""

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jems.core.errors import ValidationFailed
from jems.core.messages import text_for
from jems.core.views import app_view, apply_error
from jems.programme.languages import input_languages
from jems.projects.navigation import project_context

from . import parts, queries, services
from .forms import LABELS, TABLE_CONFIG, ManagementForm, RowForm, TextsForm

ROW_ERROR = re.compile(r"^(\w+)\[(\d+)\]\.(\w+)")
MAX_POSTED_ROWS = 50


class Page:
    """What every section page needs: access, version, data, editability, visible fields, languages."""

    def __init__(self, request, project_id):
        self.version = request.GET.get("version") or None
        self.acc, row, snapshot, self.description = queries.get_description(
            actor=request.user, project_id=project_id, version=self.version)
        self.project = self.acc.project
        self.editable = snapshot is None and self.acc.can_edit_form()
        self.version_row = row if snapshot is not None else None
        self.visible = queries.visible_fields(self.project)
        self.languages = input_languages()
        if request.method == "POST" and not self.editable:
            raise PermissionDenied

    def context(self, active, **extra):
        return {**project_context(self.acc, active, self.version), "editable": self.editable,
                "version_row": self.version_row, **extra}


def _language_map(keys, languages):
    return {f"{key}.language.{code.lower()}": key for key in keys for code in languages}


def _texts_page(request, project_id, *, part, spec, update, active, title, url_name):
    page = Page(request, project_id)
    form = TextsForm(request.POST if request.method == "POST" else None, initial=page.description[part],
                     languages=page.languages, spec=spec, visible=page.visible, disabled=not page.editable)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                update(actor=request.user, project_id=page.project.pk,
                       data={**page.description[part], **form.cleaned_data})
            except ValidationFailed as error:
                apply_error(form, error, _language_map(spec, page.languages))
            else:
                messages.success(request, _("%(section)s was saved.") % {"section": title})
                return redirect(url_name, project_id=page.project.pk)
        status = 422
    return render(request, "description/texts.html", page.context(active, form=form, title=title), status=status)


@require_http_methods(["GET", "POST"])
@app_view
def overall_objective(request, project_id: int):
    return _texts_page(request, project_id, part="c1", spec=parts.C1_TEXTS, update=services.update_overall_objective,
                       active="overallObjective", title=_("C.1 – Project overall objective"),
                       url_name="project_description:overall_objective")


@require_http_methods(["GET", "POST"])
@app_view
def partnership(request, project_id: int):
    return _texts_page(request, project_id, part="c3", spec=parts.C3_TEXTS, update=services.update_partnership,
                       active="partnership", title=_("C.3 – Project partnership"),
                       url_name="project_description:partnership")


@require_http_methods(["GET", "POST"])
@app_view
def future_plans(request, project_id: int):
    return _texts_page(request, project_id, part="c8", spec=parts.C8_TEXTS, update=services.update_long_term_plans,
                       active="futurePlans", title=_("C.8 – Long-term plans"),
                       url_name="project_description:future_plans")


@require_http_methods(["GET", "POST"])
@app_view
def management(request, project_id: int):
    page = Page(request, project_id)
    data = page.description["c7"]
    initial = {**data, **(data.get("projectCooperationCriteria") or {}),
               **{k: v or "" for k, v in (data.get("projectHorizontalPrinciples") or {}).items()}}
    form = ManagementForm(request.POST if request.method == "POST" else None, initial=initial,
                          languages=page.languages, visible=page.visible, disabled=not page.editable)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            cleaned = form.cleaned_data
            new = {**data, **{k: v for k, v in cleaned.items() if k in parts.C7_TEXTS}}
            new["projectCooperationCriteria"] = {k: cleaned.get(k, (data.get("projectCooperationCriteria") or {})
                                                                .get(k, False)) for k in parts.C7_CRITERIA}
            new["projectHorizontalPrinciples"] = {
                k: (cleaned[k] or None) if k in cleaned else (data.get("projectHorizontalPrinciples") or {}).get(k)
                for k in parts.C7_PRINCIPLES}
            try:
                services.update_management(actor=request.user, project_id=page.project.pk, data=new)
            except ValidationFailed as error:
                mapping = _language_map(parts.C7_TEXTS, page.languages)
                mapping |= {f"projectHorizontalPrinciples.{k}": k for k in parts.C7_PRINCIPLES}
                apply_error(form, error, mapping)
            else:
                messages.success(request, _("C.7 – Project management was saved."))
                return redirect("project_description:management", project_id=page.project.pk)
        status = 422
    return render(request, "description/management.html", page.context("management", form=form), status=status)


# --- C.2 ----------------------------------------------------------------------------------------------------


def _posted_count(post, table):
    try:
        return max(0, min(int(post.get(f"{table}-count", "0")), MAX_POSTED_ROWS))
    except ValueError:
        return 0


def _raw(form) -> dict:
    """The values a bound form was posted with, usable as the initial data of a fresh unbound form."""
    return {name: form[name].value() for name in form.fields}


@require_http_methods(["GET", "POST"])
@app_view
def relevance(request, project_id: int):
    page = Page(request, project_id)
    data = page.description["c2"]
    strategies = page.project.call.strategies or []
    text_keys = [k for k in parts.C2_TEXTS]
    tables = [t for t in parts.C2_TABLES if TABLE_CONFIG[t] in page.visible]
    row_args = {"languages": page.languages, "strategies": strategies, "disabled": not page.editable}
    post = request.POST if request.method == "POST" else None
    action = (post or {}).get("action", "save")
    status = 200
    table_errors: dict[str, list[str]] = {}
    if post is None:
        form = TextsForm(initial=data, languages=page.languages, spec=parts.C2_TEXTS, visible=page.visible,
                         disabled=not page.editable)
        rows = {t: [RowForm(initial=r, prefix=f"{t}-{i}", table=t, **row_args) for i, r in enumerate(data.get(t) or [])]
                for t in tables}
    else:
        form = TextsForm(post, languages=page.languages, spec=parts.C2_TEXTS, visible=page.visible)
        rows = {t: [RowForm(post, prefix=f"{t}-{i}", table=t, **row_args) for i in range(_posted_count(post, t))]
                for t in tables}
        if action != "save":  # add or remove a row: re-show what was typed, nothing is saved
            form = TextsForm(initial=_raw(form), languages=page.languages, spec=parts.C2_TEXTS,
                             visible=page.visible)
            values = {t: [_raw(r) for r in rows[t]] for t in tables}
            kind, _sep, target = action.partition(":")
            table, _sep, index = target.partition(":")
            if kind == "add" and table in values and len(values[table]) < parts.TABLE_MAX_ROWS:
                values[table].append({})
            elif kind == "remove" and table in values and index.isdigit() and int(index) < len(values[table]):
                del values[table][int(index)]
            rows = {t: [RowForm(initial=v, prefix=f"{t}-{i}", table=t, **row_args) for i, v in enumerate(values[t])]
                    for t in tables}
        else:
            valid = form.is_valid() & all([r.is_valid() for t in tables for r in rows[t]])
            if valid:
                new = {**data, **form.cleaned_data}
                for t in tables:
                    new[t] = [r.row() for r in rows[t]]
                try:
                    services.update_relevance(actor=request.user, project_id=page.project.pk, data=new)
                except ValidationFailed as error:
                    _place_relevance_errors(error, form, rows, table_errors, page.languages, text_keys)
                else:
                    messages.success(request, _("C.2 – Project relevance and context was saved."))
                    return redirect("project_description:relevance", project_id=page.project.pk)
            status = 422
    table_blocks = [{"key": t, "label": LABELS[t][0], "rows": rows[t], "errors": table_errors.get(t, []),
                     "can_add": page.editable and len(rows[t]) < parts.TABLE_MAX_ROWS} for t in tables]
    before = [form[k] for k in ("territorialChallenge", "commonChallenge", "transnationalCooperation")
              if k in form.fields]
    after = [form[k] for k in ("availableKnowledge",) if k in form.fields]
    return render(request, "description/relevance.html", page.context(
        "relevance", form=form, fields_before=before, fields_after=after, tables=table_blocks,
        max_rows=parts.TABLE_MAX_ROWS), status=status)


def _place_relevance_errors(error, form, rows, table_errors, languages, text_keys):
    texts = {}
    for path, message in (error.form_errors or {}).items():
        match = ROW_ERROR.match(path)
        if match and match.group(1) in rows and int(match.group(2)) < len(rows[match.group(1)]):
            row_form = rows[match.group(1)][int(match.group(2))]
            field = match.group(3)
            row_form.add_error(field if field in row_form.fields else None,
                               text_for(message["i18nKey"], message.get("i18nArguments")))
        elif path in rows:
            table_errors.setdefault(path, []).append(text_for(message["i18nKey"], message.get("i18nArguments")))
        else:
            texts[path] = message
    if texts:
        apply_error(form, ValidationFailed(form_errors=texts), _language_map(text_keys, languages))
