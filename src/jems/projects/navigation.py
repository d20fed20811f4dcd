"""The side navigation of a project (features "UI navigation"): items whose pages exist are links, the others
are shown as plain text until their release."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jems.accounts.access import has_global
from jems.accounts.privileges import Privilege

# (key, label, level, url name or None while the page does not exist yet)
ITEMS = (
    ("overview", _("Project overview"), 0, "projects:detail"),
    ("form", _("Application form"), 0, None),
    ("identification", _("A – Project identification"), 1, "projects:identification"),
    ("overviewTables", _("A.3/A.4 – Overview tables"), 1, None),
    ("partners", _("B.1 – Project partners"), 1, None),
    ("associated", _("B.2 – Associated organisations"), 1, None),
    ("overallObjective", _("C.1 – Overall objective"), 1, None),
    ("relevance", _("C.2 – Relevance and context"), 1, None),
    ("partnership", _("C.3 – Partnership"), 1, None),
    ("workPackages", _("C.4 – Work plan"), 1, None),
    ("results", _("C.5 – Results"), 1, None),
    ("timePlan", _("C.6 – Time plan"), 1, None),
    ("management", _("C.7 – Management"), 1, None),
    ("futurePlans", _("C.8 – Long-term plans"), 1, None),
    ("budgetPerPartner", _("D – Budget"), 1, None),
    ("lumpSums", _("E – Lump sums and unit costs"), 1, None),
    ("annexes", _("Application annexes"), 1, None),
    ("checkAndSubmit", _("Check & Submit"), 1, None),
    ("assessmentAndDecision", _("Assessment & Decision"), 1, None),
    ("sharedFolder", _("Shared folder"), 0, None),
    ("export", _("Export"), 0, None),
    ("privileges", _("Project privileges"), 0, "projects:privileges"),
)


def project_context(acc, active_key: str, version: str | None = None) -> dict:
    """Context for templates extending projects/base.html."""
    from . import queries

    project = acc.project
    menu = []
    for key, label, level, url_name in ITEMS:
        if key == "privileges" and not acc.can_see_collaborators():
            url_name = None
        if key == "assessmentAndDecision" and not has_global(acc.user, Privilege.ProjectAssessmentView):
            continue
        url = reverse(url_name, args=[project.pk]) if url_name else None
        if url and version and key == "identification":
            url += f"?version={version}"
        menu.append({"key": key, "label": label, "level": level, "url": url})
    return {"project": project, "access": acc, "project_menu": menu, "project_active": active_key,
            "project_versions": queries.versions(project), "selected_version": version}
