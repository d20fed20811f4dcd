"""Programme-core pages (Programme menu): basic data, languages, translation management, funds,
strategies, legal status, state aid and typology of errors.

Each view parses its form, calls one service or query and renders; users with ProgrammeSetupRetrieve
only see every page read-only. Service refusals show next to the fields they concern, with the input
kept.
"""

import re
from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from jems.accounts.privileges import Privilege
from jems.core.errors import JemsError
from jems.core.languages import SystemLanguage
from jems.core.messages import text_for
from jems.core.views import app_view, apply_error

from . import queries, services, versions
from .codelists import MEASURES, SELECTABLE_STRATEGIES, TranslationFileType, strategy_key
from .forms import (
    BASIC_DATA_FIELD_MAP,
    BasicDataForm,
    FundForm,
    LegalStatusForm,
    StateAidForm,
    TranslationUploadForm,
    TypologyErrorForm,
    disable_all,
    row_formset,
)
from .identifiers import format_custom_identifier
from .languages import input_languages
from .lock import is_setup_locked
from .navigation import programme_context, programme_menu

ROW_PATH = re.compile(r"^(?P<list>\w+)\[(?P<index>\d+)\]\.(?P<field>\w+)")
CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def _can_edit(user) -> bool:
    return user.has_privilege(Privilege.ProgrammeSetupUpdate)


def _context(request, key: str, **extra) -> dict:
    return {**programme_context(key, request.user), "can_edit": _can_edit(request.user), "locked": is_setup_locked(), **extra}


def _require_edit(request) -> None:
    if not _can_edit(request.user):
        raise PermissionDenied


def _snake(name: str) -> str:
    return CAMEL.sub("_", name).lower()


def apply_row_errors(error: JemsError, *, rows: list, list_name: str, targets: dict | None = None) -> list[str]:
    """Put the field errors of list items (`<list>[i].<field>...`) on the row forms that sent them, list-level
    errors on the `targets` {path: [(form, field)]}; return the texts that fit nowhere."""
    unplaced = []
    for path, message in (error.form_errors or {}).items():
        key = message.get("i18nKey") if isinstance(message, dict) else str(message)
        args = (message.get("i18nArguments") if isinstance(message, dict) else None) or error.args_
        text = text_for(key, args)
        match = ROW_PATH.match(path)
        if match and match["list"] == list_name and int(match["index"]) < len(rows):
            form = rows[int(match["index"])]
            field = _snake(match["field"])
            if field in form.fields:
                form.add_error(field, text)
                continue
        placed = False
        for form, field in (targets or {}).get(path, ()):
            if field in form.fields:
                form.add_error(field, text)
                placed = True
        if not placed:
            unplaced.append(text)
    if not error.form_errors:
        unplaced.append(text_for(error.key, error.args_))
    return unplaced


def _bound_formset(request, formset_class, *, prefix: str, initial: list[dict], languages):
    """The formset of a list page: bound on POST (with one more empty row for "Add"), else from `initial`."""
    kwargs = {"prefix": prefix, "initial": initial, "form_kwargs": {"languages": languages}}
    if request.method != "POST":
        return formset_class(**kwargs)
    data = request.POST.copy()
    if "add_row" in data:
        total = f"{prefix}-TOTAL_FORMS"
        try:
            data[total] = str(int(data.get(total, "0")) + 1)
        except ValueError:
            pass
    return formset_class(data, **kwargs)


def _split_rows(formset):
    """The rows of a valid list formset: (rows to save, rows marked for removal); empty new rows are skipped."""
    sent, removed = [], []
    for form in formset.forms:
        data = form.cleaned_data
        if not data or (form.is_new and not form.has_content()):
            continue
        (removed if data.get("remove") else sent).append(form)
    return sent, removed


def _expected_version(request) -> str | None:
    """The fingerprint of the data the page showed (optimistic locking); None for clients without one."""
    return request.POST.get("data_version") or None


def _read_only_rows(formset) -> None:
    for form in formset.forms:
        disable_all(form)


# --- basic data ------------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@app_view
def basic_data(request):
    """Programme → Basic data; the Programme menu item opens here, so a user without the setup privilege is
    sent to the first Programme page they may open."""
    allowed = programme_menu(request.user)
    if request.method == "GET" and allowed and allowed[0][0] != "basic":
        return redirect(allowed[0][2])
    data = queries.programme_data(actor=request.user)
    initial = {field: getattr(data, field) for field in BasicDataForm.base_fields}
    form = BasicDataForm(request.POST or None, initial=initial)
    if request.method == "POST":
        _require_edit(request)
        if form.is_valid():
            try:
                services.update_programme_data(actor=request.user, expected_version=_expected_version(request),
                                               values=form.cleaned_data)
            except JemsError as error:
                apply_error(form, error, BASIC_DATA_FIELD_MAP)
            else:
                messages.success(request, _("The basic data is saved."))
                return redirect("programme:basic")
    elif not _can_edit(request.user):
        disable_all(form)
    example = format_custom_identifier(abbreviation=data.project_id_programme_abbreviation,
                                       use_call_id=data.project_id_use_call_id, project_id=12, call_id=3)
    return render(request, "programme/basic_data.html", _context(
        request, "basic", form=form, example_identifier=example, data_version=versions.programme_data_version(data),
        accounting_years=queries.accounting_years(actor=request.user)))


# --- languages ---------------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@app_view
def languages(request):
    rows = queries.languages(actor=request.user)
    state = {row.code: {"ui": row.ui, "input": row.input, "fallback": row.fallback} for row in rows}
    errors: dict[str, str] = {}
    general: list[str] = []
    if request.method == "POST":
        _require_edit(request)
        ui, inputs = set(request.POST.getlist("ui")), set(request.POST.getlist("input"))
        fallback = request.POST.get("fallback")
        state = {code: {"ui": code in ui, "input": code in inputs, "fallback": code == fallback}
                 for code in SystemLanguage.values}
        try:
            services.update_languages(actor=request.user, expected_version=_expected_version(request), languages=[
                services.LanguageInput(code=code, **flags) for code, flags in state.items()])
        except JemsError as error:
            for field, message in error.form_errors.items():
                text = text_for(message.get("i18nKey"), message.get("i18nArguments") or error.args_)
                if field in ("ui", "input", "fallback"):
                    errors[field] = text
                else:
                    general.append(text)
            if not error.form_errors:
                general.append(text_for(error.key, error.args_))
        else:
            messages.success(request, _("The languages are saved."))
            return redirect("programme:languages")
    table = [{"code": code, "name": SystemLanguage(code).label, **state[code]} for code in SystemLanguage.values]
    return render(request, "programme/languages.html", _context(
        request, "languages", rows=table, errors=errors, general_errors=general, data_version=versions.languages_version(rows),
        max_inputs=services.MAX_INPUT_LANGUAGES))


# --- translation management ---------------------------------------------------------------------------------------


def _download(name: str, content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type="application/octet-stream")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    response["Content-Length"] = str(len(content))
    return response


@require_http_methods(["GET", "POST"])
@app_view
def translation_management(request):
    files = queries.translation_files(actor=request.user)
    available = queries.available_languages()
    default_language = next((code for code in available["system_languages"] if code != "EN"), "EN")
    form = TranslationUploadForm(request.POST or None, request.FILES or None,
                                 initial={"language": default_language, "file_type": TranslationFileType.System})
    if request.method == "POST":
        _require_edit(request)
        if form.is_valid():
            try:
                saved = services.upload_translation_file(
                    actor=request.user, file_type=form.cleaned_data["file_type"],
                    language=form.cleaned_data["language"], upload=form.cleaned_data.get("file"))
            except JemsError as error:
                apply_error(form, error, {"fileType": "file_type"})
            else:
                messages.success(request, _("The translation file %(name)s is uploaded and in use.")
                                 % {"name": saved.file_name})
                return redirect("programme:translations")
    elif not _can_edit(request.user):
        disable_all(form)
    uploaded = {(file.file_type, file.language): file for file in files}
    rows = [{"code": code, "name": SystemLanguage(code).label,
             "files": [{"type": kind, "file": uploaded.get((kind.value, code))} for kind in TranslationFileType]}
            for code in SystemLanguage.values
            if code in available["system_languages"] or any((kind.value, code) in uploaded for kind in TranslationFileType)]
    return render(request, "programme/translations.html", _context(
        request, "translations", form=form, rows=rows, file_types=list(TranslationFileType)))


@require_GET
@app_view
def translation_download(request, file_type: str, language: str):
    if file_type not in TranslationFileType.values or language not in SystemLanguage.values:
        raise PermissionDenied
    return _download(*queries.translation_file(actor=request.user, file_type=file_type, language=language))


@require_GET
@app_view
def translation_default(request, file_type: str):
    if file_type not in TranslationFileType.values:
        raise PermissionDenied
    return _download(*queries.default_translation_file(actor=request.user, file_type=file_type))


# --- funds -------------------------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@app_view
def funds(request):
    rows = queries.funds(actor=request.user)
    initial = [{"id": fund.pk, "selected": fund.selected, "abbreviation": fund.abbreviation,
                "description": fund.description, "predefined": fund.predefined, "type": fund.get_type_display()}
               for fund in rows]
    formset = _bound_formset(request, row_formset(FundForm, limit=services.MAX_FUNDS), prefix="funds",
                             initial=initial, languages=input_languages())
    general = []
    if request.method == "POST":
        _require_edit(request)
        if "add_row" not in request.POST and formset.is_valid():
            sent, removed = _split_rows(formset)
            try:
                services.update_funds(actor=request.user, expected_version=_expected_version(request), funds=[
                    services.FundInput(id=form.cleaned_data.get("id"), selected=form.cleaned_data["selected"],
                                       abbreviation=form.cleaned_data["abbreviation"],
                                       description=form.cleaned_data["description"]) for form in sent])
            except JemsError as error:
                general = apply_row_errors(error, rows=sent, list_name="funds",
                                           targets={"funds": [(form, "remove") for form in removed]})
            else:
                messages.success(request, _("The funds are saved."))
                return redirect("programme:funds")
    elif not _can_edit(request.user):
        _read_only_rows(formset)
    return render(request, "programme/funds.html", _context(
        request, "funds", formset=formset, general_errors=general, limit=services.MAX_FUNDS,
        data_version=versions.funds_version(rows)))


# --- strategies --------------------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@app_view
def strategies(request):
    rows = queries.strategies(actor=request.user)
    active = {row.strategy for row in rows if row.active}
    general = []
    if request.method == "POST":
        _require_edit(request)
        chosen = set(request.POST.getlist("strategy"))
        try:
            services.update_strategies(actor=request.user, expected_version=_expected_version(request),
                                       strategies=[(code.value, code.value in chosen) for code in SELECTABLE_STRATEGIES])
        except JemsError as error:
            general = [text_for(error.key, error.args_)]
            active = chosen
        else:
            messages.success(request, _("The strategies are saved."))
            return redirect("programme:strategies")
    choices = [{"code": code.value, "label": text_for(strategy_key(code.value)), "active": code.value in active}
               for code in SELECTABLE_STRATEGIES]
    return render(request, "programme/strategies.html", _context(
        request, "strategies", choices=choices, general_errors=general, data_version=versions.strategies_version(rows)))


# --- legal statuses ----------------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@app_view
def legal_statuses(request):
    rows = queries.legal_statuses(actor=request.user)
    initial = [{"id": row.pk, "description": row.description, "predefined": row.predefined,
                "type": row.get_type_display()} for row in rows]
    formset = _bound_formset(request, row_formset(LegalStatusForm, limit=services.MAX_LEGAL_STATUSES),
                             prefix="statuses", initial=initial, languages=input_languages())
    general = []
    if request.method == "POST":
        _require_edit(request)
        if "add_row" not in request.POST and formset.is_valid():
            sent, removed = _split_rows(formset)
            try:
                services.update_legal_statuses(
                    actor=request.user, expected_version=_expected_version(request),
                    to_delete=[form.cleaned_data["id"] for form in removed if form.cleaned_data.get("id")],
                    to_persist=[services.LegalStatusInput(id=form.cleaned_data.get("id"),
                                                          description=form.cleaned_data["description"])
                                for form in sent])
            except JemsError as error:
                general = apply_row_errors(error, rows=sent, list_name="toPersist",
                                           targets={"toDeleteIds": [(form, "remove") for form in removed]})
            else:
                messages.success(request, _("The legal statuses are saved."))
                return redirect("programme:legal_status")
    elif not _can_edit(request.user):
        _read_only_rows(formset)
    return render(request, "programme/legal_status.html", _context(
        request, "legalStatus", formset=formset, general_errors=general, limit=services.MAX_LEGAL_STATUSES,
        data_version=versions.legal_statuses_version(rows)))


# --- state aid ---------------------------------------------------------------------------------------------------------


def _prefilled(form, languages: list[str]) -> dict:
    """A new scheme takes the measure's usual name, abbreviation, threshold, intensity and comments where
    the user left them empty."""
    data = dict(form.cleaned_data)
    info = MEASURES.get(data.get("measure") or "")
    if info is None or not form.is_new:
        return data
    language = "EN" if "EN" in languages else languages[0]
    for field, value in (("name", info.name), ("abbreviated_name", info.label), ("comments", info.comments)):
        if not data.get(field) and value:
            data[field] = {language: value}
    for field, value in (("threshold", info.threshold), ("max_intensity", info.max_intensity)):
        if data.get(field) is None and value is not None:
            data[field] = value
    return data


@require_http_methods(["GET", "POST"])
@app_view
def state_aid(request):
    rows = queries.state_aids(actor=request.user)
    initial = [{"id": row.pk, "measure": row.measure, "name": row.name, "abbreviated_name": row.abbreviated_name,
                "scheme_number": row.scheme_number, "max_intensity": row.max_intensity, "threshold": row.threshold,
                "comments": row.comments} for row in rows]
    languages = input_languages()
    formset = _bound_formset(request, row_formset(StateAidForm, limit=services.MAX_STATE_AIDS), prefix="aids",
                             initial=initial, languages=languages)
    general = []
    if request.method == "POST":
        _require_edit(request)
        if "add_row" not in request.POST and formset.is_valid():
            sent, removed = _split_rows(formset)
            values = [_prefilled(form, languages) for form in sent]
            try:
                services.update_state_aids(
                    actor=request.user, expected_version=_expected_version(request),
                    to_delete=[form.cleaned_data["id"] for form in removed if form.cleaned_data.get("id")],
                    to_persist=[services.StateAidInput(
                        id=data.get("id"), measure=data["measure"], name=data["name"],
                        abbreviated_name=data["abbreviated_name"], scheme_number=data["scheme_number"],
                        max_intensity=data["max_intensity"], threshold=data["threshold"], comments=data["comments"])
                        for data in values])
            except JemsError as error:
                general = apply_row_errors(error, rows=sent, list_name="toPersist",
                                           targets={"toDeleteIds": [(form, "remove") for form in removed]})
            else:
                messages.success(request, _("The state aid schemes are saved."))
                return redirect("programme:state_aid")
    elif not _can_edit(request.user):
        _read_only_rows(formset)
    return render(request, "programme/state_aid.html", _context(
        request, "stateAid", formset=formset, general_errors=general, limit=services.MAX_STATE_AIDS,
        data_version=versions.state_aids_version(rows),
        measure_options=[("", _("Choose a measure"))] + [(code, info.display) for code, info in MEASURES.items()]))


# --- typology of errors -----------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@app_view
def typology_errors(request):
    rows = queries.typology_errors(actor=request.user)
    initial = [{"id": row.pk, "description": row.description} for row in rows]
    formset = _bound_formset(request, row_formset(TypologyErrorForm, limit=services.MAX_TYPOLOGY_ERRORS),
                             prefix="errors", initial=initial, languages=())
    general = []
    if request.method == "POST":
        _require_edit(request)
        if "add_row" not in request.POST and formset.is_valid():
            sent, removed = _split_rows(formset)
            try:
                services.update_typology_errors(
                    actor=request.user, expected_version=_expected_version(request),
                    to_delete=[form.cleaned_data["id"] for form in removed if form.cleaned_data.get("id")],
                    to_persist=[services.TypologyErrorInput(id=form.cleaned_data.get("id"),
                                                            description=form.cleaned_data["description"])
                                for form in sent])
            except JemsError as error:
                general = apply_row_errors(error, rows=sent, list_name="toPersist",
                                           targets={"toDeleteIds": [(form, "remove") for form in removed]})
            else:
                messages.success(request, _("The typology of errors is saved."))
                return redirect("programme:typology_errors")
    elif not _can_edit(request.user):
        _read_only_rows(formset)
    return render(request, "programme/typology_errors.html", _context(
        request, "typologyErrors", formset=formset, general_errors=general, limit=services.MAX_TYPOLOGY_ERRORS,
        data_version=versions.typology_errors_version(rows)))
