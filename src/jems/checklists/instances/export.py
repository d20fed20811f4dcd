"""The checklist PDF (features §11 CHECKLIST_EXPORT): the standard plugin renders one filled-in assessment
checklist — project, checklist name, status, creator, finish date, every component with its answer and the
weighted score total — from an HTML template with WeasyPrint, in the chosen export language.

`export_checklist` is the read operation the API and the page call: it applies the access rules of reading
the checklist (404 / 403, `queries.get_instance`) and then runs the plugin.
"""

import re
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation

from jems.checklists.models import ComponentType
from jems.core.errors import ValidationFailed
from jems.core.languages import SystemLanguage

from . import queries
from .answers import plain, score_range
from .models import score_total

STANDARD_PLUGIN_KEY = "standard-checklist-export-plugin"
PDF = "application/pdf"


@dataclass(frozen=True)
class ExportResult:
    """A produced file: its name, content type and bytes."""

    file_name: str
    content_type: str
    content: bytes


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
    """The standard CHECKLIST_EXPORT plugin: the checklist as a PDF in `export_language` (a SystemLanguage
    code; the UI texts of the PDF follow it, the answers are shown as entered)."""
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


def export_checklist(*, actor, project_id: int, checklist_id: int, export_language: str,
                     plugin_key: str | None = None) -> ExportResult:
    """The PDF of one assessment checklist of a project, for whoever may read that checklist: a project
    the actor cannot see or a checklist not on it is 404, a checklist the actor may not read is 403; a
    plugin other than the standard one is 422. A fixed number of queries (the project, the checklist, its
    components)."""
    acc, _rights, instance, components = queries.get_instance(actor=actor, project_id=project_id,
                                                              instance_id=checklist_id)
    if plugin_key not in (None, "", STANDARD_PLUGIN_KEY):
        raise ValidationFailed(key="checklist.export.plugin.unknown", args={"pluginKey": plugin_key},
                               fields={"pluginKey": "checklist.export.plugin.unknown"})
    return render_pdf(project=acc.project, instance=instance, components=components,
                      export_language=export_language)
