"""The checklist PDF (features §11 CHECKLIST_EXPORT): the standard plugin renders one filled-in assessment
checklist — project, checklist name, status, creator, finish date, every component with its answer and the
weighted score total — from an HTML template with WeasyPrint, in the chosen export language.

`export_checklist` is the read operation the API and the page call: it applies the access rules of reading
the checklist (404 / 403, `queries.get_instance`) and runs the chosen CHECKLIST_EXPORT plugin (the standard
one by default) through the plugin registry, which refuses an unknown or disabled plugin and audits the call.
"""

import re
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from jems.checklists.models import ComponentType
from jems.core.languages import SystemLanguage
from jems.plugins import registry
from jems.plugins.hookspecs import HOOKS, ExportResult, PluginType, hookimpl

from . import queries
from .answers import plain, score_range
from .models import score_total

STANDARD_PLUGIN_KEY = "standard-checklist-export-plugin"
HOOK = HOOKS[PluginType.CHECKLIST_EXPORT]
PDF = "application/pdf"


@dataclass(frozen=True)
class ChecklistData:
    """The data provider a CHECKLIST_EXPORT plugin reads from: the project, the checklist instance (with
    its template and creator) and the template components in order, loaded once the actor may read them."""

    project: object
    instance: object
    components: list


def _rows(instance, components) -> list[dict]:
    """Each component with its question and answer, as the template shows them."""
    rows = []
    for component in components:
        answer = instance.answer(component.pk)
        meta = component.metadata or {}
        row = {"type": component.type, "question": meta.get("question") or "", "answer": answer}
        if component.type == ComponentType.HEADLINE:
            row["question"] = meta.get("value") or ""
        elif component.type == ComponentType.TEXT_INPUT:
            row["label"] = meta.get("explanationLabel") or ""
        elif component.type == ComponentType.SCORE:
            row["weight"] = meta.get("weight", "1")
        rows.append(row)
    return rows


def file_name(project, instance) -> str:
    """`<identifier>_<checklist name>_<id>.pdf`, with characters unsafe in file names replaced."""
    base = f"{project.custom_identifier or project.pk}_{instance.template.name}_{instance.pk}"
    return re.sub(r"[^\w.-]+", "_", base).strip("_") + ".pdf"


def render_pdf(*, project, instance, components, export_language: str) -> ExportResult:
    """The checklist as a PDF in `export_language` (a SystemLanguage code; the texts of the PDF follow it,
    the answers are shown as entered)."""
    from weasyprint import HTML  # heavy import (pango), loaded only when a PDF is made

    low, high = score_range(instance.template)
    with translation.override(SystemLanguage(export_language).value.lower()):
        html = render_to_string("checklist_instances/export/checklist.html", {
            "project": project, "instance": instance, "rows": _rows(instance, components),
            "has_scores": any(c.type == ComponentType.SCORE for c in components),
            "total": score_total(instance, components), "min_score": plain(low), "max_score": plain(high),
            "language": export_language.lower(),
        })
    return ExportResult(file_name(project, instance), PDF, HTML(string=html).write_pdf())


class StandardChecklistExport:
    """The standard CHECKLIST_EXPORT plugin: the checklist as a PDF."""

    key = STANDARD_PLUGIN_KEY
    plugin_type = PluginType.CHECKLIST_EXPORT
    name = _("Standard checklist PDF")
    version = "1.0"
    description = _("Built-in: the checklist with every answer and the score total, as a PDF.")

    @hookimpl
    def jems_checklist_export(self, export_language: str, data: ChecklistData) -> ExportResult:
        """Render the checklist the data provider holds."""
        return render_pdf(project=data.project, instance=data.instance, components=data.components,
                          export_language=export_language)


def register_builtin(registry_module) -> None:
    """Register the standard checklist export (called from the app's ready())."""
    registry_module.register(StandardChecklistExport())


def export_checklist(*, actor, project_id: int, checklist_id: int, export_language: str,
                     plugin_key: str | None = None) -> ExportResult:
    """The file of one assessment checklist of a project, for whoever may read that checklist: a project
    the actor cannot see or a checklist not on it is 404, a checklist the actor may not read is 403; the
    registry refuses an unknown (424), disabled or other-type plugin (422). A fixed number of queries."""
    acc, _rights, instance, components = queries.get_instance(actor=actor, project_id=project_id,
                                                              instance_id=checklist_id)
    return registry.run(plugin_key or STANDARD_PLUGIN_KEY, HOOK, actor=actor, project_id=acc.project.pk,
                        checklist_id=instance.pk, export_language=export_language,
                        data=ChecklistData(acc.project, instance, components))
