"""The application-form PDF (features §11 APPLICATION_FORM_EXPORT): the standard plugin renders the whole form,
sections A to E (cover page, partners, description, work plan, results, time plan, budget tables, lump sums and
unit costs), of the live form or of any past version, from an HTML template with WeasyPrint.

The export language drives the labels (`translation.override`); the data language picks which translation of
every entered text is shown. The data is the version snapshot (`form_snapshot` of the live form for the current
version, the frozen snapshot of a past one) read with the sections' own parts helpers, and the budget tables are
the overviews' (`overviews.queries.ProjectOverviews`), so the PDF shows what the pages show.
"""

import base64
import re
from datetime import datetime

from django.template.loader import render_to_string
from django.utils import translation

from jems.core.languages import SystemLanguage
from jems.cost_options.models import ProgrammeLumpSum
from jems.plugins.hookspecs import ExportResult, PluginType, hookimpl
from jems.projects import services as project_services
from jems.projects.lumpsums.parts import frozen_lump_sums
from jems.projects.overviews import views as overview_views
from jems.projects.overviews.outputs import budget_out
from jems.projects.overviews.queries import ProjectOverviews
from jems.projects.results.parts import from_snapshot as results_from_snapshot

STANDARD_PLUGIN_KEY = "standard-application-form-export-plugin"
HOOK = "jems_application_form_export"
PDF = "application/pdf"


def file_name(project, version: str, generated: datetime) -> str:
    """`<identifier>_<acronym>_v<version>_<yyyymmdd_hhmm>.pdf`, with characters unsafe in file names replaced."""
    base = f"{project.custom_identifier or project.pk}_{project.acronym}_v{version}_{generated:%Y%m%d_%H%M}"
    return re.sub(r"[^\w.-]+", "_", base).strip("_") + ".pdf"


def _time_plan(work_packages: list[dict], period_count: int) -> list[dict]:
    """C.6: each work package's activities as bars over the project periods (left offset and width in %)."""
    count = max(period_count, 1)
    rows = []
    for wp in work_packages:
        for act in wp.get("activities") or []:
            start, end = act.get("startPeriod"), act.get("endPeriod")
            bar = None
            if start and end and start <= end:
                bar = {"left": round((start - 1) * 100 / count, 2), "width": round((end - start + 1) * 100 / count, 2)}
            rows.append({"code": f"{wp['number']}.{act['activityNumber']}", "title": act.get("title"),
                         "start": start, "end": end, "bar": bar})
    return rows


def form_context(ov: ProjectOverviews, *, version: str, data_language: str, generated: datetime) -> dict:
    """Everything the template shows, read in the export language (call inside translation.override)."""
    project = ov.project
    snapshot = ov.snapshot if ov.snapshot is not None else project_services.form_snapshot(project)
    labels = {pid: overview_views.partner_label(summary) for pid, summary in ov.summaries.items()}
    work_packages = list(snapshot.get("workPackages") or [])
    lump_sums = frozen_lump_sums(snapshot)
    lump_sum_names = dict(ProgrammeLumpSum.objects.filter(pk__in={row["programmeLumpSumId"] for row in lump_sums})
                          .values_list("pk", "name"))
    budgets = budget_out(ov)
    return {
        "project": project, "call": project.call, "version": version, "generated": generated,
        "language": data_language, "form": snapshot, "partners": ov.partners, "partner_labels": labels,
        "organizations": snapshot.get("associatedOrganizations") or [],
        "description": snapshot.get("description") or {}, "work_packages": work_packages,
        "results": results_from_snapshot(snapshot), "time_plan": _time_plan(work_packages, ov.period_count),
        "period_count": ov.period_count,
        "partner_budgets": [{"label": labels[row["partner"]["id"]], "total": row["totalSum"]} for row in budgets],
        "budget_total": ov.category_totals["total"],
        "co_financing": overview_views.co_financing_tables(ov), "per_fund": overview_views.per_fund_table(ov),
        "per_category": overview_views.per_category_table(ov), "per_period": overview_views.per_period_table(ov),
        "funds_per_period": overview_views.funds_per_period_tables(ov),
        "lump_sums": [{**row, "name": lump_sum_names.get(row["programmeLumpSumId"]) or {},
                       "shares": [(labels.get(s["partnerId"], ""), s["amount"]) for s in row["lumpSumContributions"]]}
                      for row in lump_sums],
        "unit_costs": snapshot.get("projectUnitCosts") or [],
    }


def render_pdf(*, ov: ProjectOverviews, version: str, export_language: str, data_language: str,
               generated: datetime, logo: bytes | None = None) -> ExportResult:
    """The form of `ov` (live or a past version) as a PDF with the labels in `export_language` and the entered
    texts in `data_language` (SystemLanguage codes); `logo` (an image) goes on the cover page."""
    from weasyprint import HTML  # heavy import (pango), loaded only when a PDF is made

    with translation.override(SystemLanguage(export_language).value.lower()):
        context = form_context(ov, version=version, data_language=SystemLanguage(data_language).value,
                               generated=generated)
        if logo:
            context["logo"] = "data:image;base64," + base64.b64encode(logo).decode()
        html = render_to_string("project_exports/application_form.html", context)
    return ExportResult(file_name(ov.project, version, generated), PDF, HTML(string=html).write_pdf())


class StandardApplicationFormExport:
    """The standard APPLICATION_FORM_EXPORT plugin. `data` is the project's ProjectOverviews (live or of the
    version), loaded by the caller after the access check."""

    key = STANDARD_PLUGIN_KEY
    plugin_type = PluginType.APPLICATION_FORM_EXPORT
    name = "Standard application form export"
    version = "1.0"
    description = "The application form A-E as a PDF (WeasyPrint)."

    @hookimpl
    def jems_application_form_export(self, project_id, export_language, data_language, version, logo,
                                     local_date_time, data) -> ExportResult:
        return render_pdf(ov=data, version=version, export_language=export_language, data_language=data_language,
                          generated=local_date_time, logo=logo)


def register_builtin(registry) -> None:
    """Register the standard plugin (from AppConfig.ready)."""
    registry.register(StandardApplicationFormExport(), key=STANDARD_PLUGIN_KEY,
                      type=PluginType.APPLICATION_FORM_EXPORT)
