"""The project "Export" page: choose the plugin, the export and data languages and the version, and download the
application form (PDF) or the budget (XLSX) made by the plugin."""

from urllib.parse import quote

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from jems.core.errors import ValidationFailed
from jems.core.views import app_view, apply_error
from jems.projects import access
from jems.projects import queries as project_queries
from jems.projects.navigation import project_context

from . import export
from .forms import ProjectExportForm


@require_GET
@app_view
def export_page(request, project_id: int):
    """The Export page; submitted (GET with the choices), it answers the file or shows the errors inline."""
    acc = access.load(request.user, project_id)
    versions = project_queries.versions(acc.project)
    form = ProjectExportForm(request.GET if "plugin_key" in request.GET else None, versions=versions,
                             auto_id="export_%s")
    status = 200
    if form.is_bound:
        if form.is_valid():
            data = form.cleaned_data
            options = {"actor": request.user, "project_id": acc.project.pk, "version": data["version"],
                       "export_language": data["export_language"], "data_language": data["input_language"],
                       "plugin_key": data["plugin_key"]}
            try:
                if form.is_budget():
                    result = export.export_budget(**options)
                else:
                    result = export.export_application_form(
                        **options, local_date_time=timezone.localtime().replace(tzinfo=None))
            except ValidationFailed as error:
                apply_error(form, error, {"pluginKey": "plugin_key"})
            else:
                response = HttpResponse(result.content, content_type=result.content_type)
                response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(result.file_name)}"
                return response
        status = 422
    return render(request, "project_exports/export.html", {**project_context(acc, "export"), "form": form},
                  status=status)
