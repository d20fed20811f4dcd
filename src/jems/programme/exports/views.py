"""Programme → Data export page: start an export, follow its progress, download past exports.

The list of runs refreshes itself through htmx while a run is in progress; without JavaScript the page's
"Reload" link shows the progress.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from jems.accounts.privileges import Privilege
from jems.core.errors import JemsError
from jems.core.messages import text_for
from jems.core.views import app_view
from jems.programme.navigation import programme_context

from . import services
from .api import file_response
from .forms import DataExportForm
from .queries import metadata

FIELD_NAMES = {"pluginKey": "plugin_key", "exportLanguage": "export_language", "inputLanguage": "input_language"}


def _runs(request) -> list[dict]:
    return [metadata(run) for run in services.list_exports(actor=request.user)]


@require_http_methods(["GET", "POST"])
@app_view
def data_export(request):
    if not request.user.has_privilege(Privilege.ProgrammeDataExportRetrieve):
        raise PermissionDenied
    form = DataExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.start_export(actor=request.user, plugin_key=form.cleaned_data["plugin_key"],
                                  export_language=form.cleaned_data["export_language"],
                                  input_language=form.cleaned_data["input_language"])
        except JemsError as error:
            for field, message in error.form_errors.items():
                form.add_error(FIELD_NAMES.get(field), text_for(message.get("i18nKey"), message.get("i18nArguments")))
        else:
            messages.success(request, _("The export has started. It is listed below until it is ready."))
            return redirect("programme_exports:data_export")
    runs = _runs(request)
    return render(request, "programme_exports/data_export.html", {
        **programme_context("dataExport", request.user), "form": form, "runs": runs, "running": any(r["running"] for r in runs)})


@require_GET
@app_view
def runs_table(request):
    runs = _runs(request)
    return render(request, "programme_exports/_runs.html", {"runs": runs, "running": any(r["running"] for r in runs)})


@require_GET
@app_view
def download(request, run_id: int):
    return file_response(services.download(actor=request.user, run_id=run_id))
