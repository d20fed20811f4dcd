"""The checklist PDF (features §11 CHECKLIST_EXPORT): the standard plugin renders one filled-in assessment
checklist — project, checklist name, status, creator, finish date, every component with its answer and the
weighted score total — with ReportLab (jems.core.pdf), in the chosen export language.

`export_checklist` is the read operation the API and the page call: it applies the access rules of reading
the checklist (404 / 403, `queries.get_instance`) and runs the chosen CHECKLIST_EXPORT plugin (the standard
one by default) through the plugin registry, which refuses an unknown or disabled plugin and audits the call.
"""

import re
from dataclasses import dataclass

from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jems.checklists.models import ComponentType
from jems.core.languages import SystemLanguage
from jems.core.pdf.document import PdfDocument
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
    """Each component with its question and answer, as the PDF shows them."""
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


def _write(doc: PdfDocument, project, instance, components) -> None:
    low, high = score_range(instance.template)
    doc.paragraph(f"{project.custom_identifier or ''} {project.acronym}".strip(), muted=True)
    doc.heading(1, instance.template.name, outline=False)
    status = str(instance.get_status_display())
    if instance.consolidated:
        status += " (" + gettext("consolidated") + ")"
    summary = [(gettext("Project"), f"{project.custom_identifier} – {project.acronym}"), (gettext("Status"), status),
               (gettext("Created by"), f"{instance.creator.email}, {date_format(localtime(instance.created_at), 'Y-m-d')}"),
               (gettext("Finished on"), date_format(instance.finished_date, "Y-m-d") if instance.finished_date
                else "–")]
    if instance.description:
        summary.append((gettext("Description"), instance.description))
    doc.fields(summary)
    for row in _rows(instance, components):
        answer = row["answer"] or {}
        if row["type"] == ComponentType.HEADLINE:
            if row["question"]:
                doc.heading(2, row["question"])
            continue
        if row["type"] == ComponentType.OPTIONS_TOGGLE:
            lines = [f"{gettext('Answer')}: {answer.get('answer') or '–'}"]
            if answer.get("justification"):
                lines.append(f"{gettext('Justification')}: {answer['justification']}")
        elif row["type"] == ComponentType.TEXT_INPUT:
            lines = [(f"{row['label']}: " if row["label"] else "") + (answer.get("explanation") or "–")]
        else:
            lines = [f"{gettext('Score')}: {_or_dash(answer.get('score'))} "
                     f"({gettext('weight %(weight)s') % {'weight': row['weight']}})",
                     f"{gettext('Justification')}: {answer.get('justification') or '–'}"]
        doc.fields([(row["question"] or gettext("(no question)"), lines)])
    if not components:
        doc.paragraph(gettext("This checklist has no components."))
    if any(c.type == ComponentType.SCORE for c in components):
        doc.heading(3, f"{gettext('Total score')}: {score_total(instance, components)}", outline=False)
        doc.paragraph(gettext("Scores from %(low)s to %(high)s, weighted.") % {"low": plain(low),
                                                                             "high": plain(high)})


def _or_dash(value) -> str:
    return "–" if value in (None, "") else str(value)


def render_pdf(*, project, instance, components, export_language: str) -> ExportResult:
    """The checklist as a PDF in `export_language` (a SystemLanguage code; the texts of the PDF follow it,
    the answers are shown as entered)."""
    with translation.override(SystemLanguage(export_language).value.lower()):
        doc = PdfDocument(title=instance.template.name, language=export_language.lower(), font_size=10)
        _write(doc, project, instance, components)
        content = doc.build()
    return ExportResult(file_name(project, instance), PDF, content)


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
