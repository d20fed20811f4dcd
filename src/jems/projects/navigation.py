"""The side navigation of a project (features "UI navigation"): items whose pages exist are links, the others
are shown as plain text until their release."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from jems.accounts.access import has_global
from jems.accounts.privileges import Privilege

# (key, label, level, url name or None while the page does not exist yet)
ITEMS = (
    ("overview", _("Project overview"), 0, "projects:detail"),
    ("form", _("Application form"), 0, None),
    ("identification", _("A – Project identification"), 1, "projects:identification"),
    ("overviewTables", _("A.3/A.4 – Overview tables"), 1, "project_results:overview"),
    ("partners", _("B.1 – Project partners"), 1, "project_partners:list"),
    ("associated", _("B.2 – Associated organisations"), 1, "project_associations:list"),
    ("overallObjective", _("C.1 – Overall objective"), 1, "project_description:overall_objective"),
    ("relevance", _("C.2 – Relevance and context"), 1, "project_description:relevance"),
    ("partnership", _("C.3 – Partnership"), 1, "project_description:partnership"),
    ("workPackages", _("C.4 – Work plan"), 1, "project_workpackages:list"),
    ("results", _("C.5 – Results"), 1, "project_results:results"),
    ("timePlan", _("C.6 – Time plan"), 1, "project_results:time_plan"),
    ("management", _("C.7 – Management"), 1, "project_description:management"),
    ("futurePlans", _("C.8 – Long-term plans"), 1, "project_description:future_plans"),
    ("budgetPerPartner", _("D – Budget"), 1, "project_overviews:budget"),
    ("lumpSums", _("E – Lump sums and unit costs"), 1, "project_lumpsums:lump_sums"),
    ("annexes", _("Application annexes"), 1, "project_files:annexes"),
    ("checkAndSubmit", _("Check & Submit"), 1, "project_submission:check"),
    ("assessmentAndDecision", _("Assessment & Decision"), 1, "project_assessment:assessment"),
    ("assessmentChecklists", _("Assessment checklists"), 1, "checklist_instances:list"),
    ("assessmentFiles", _("Assessment files"), 1, "project_files:assessment"),
    ("modification", _("Modification"), 1, "project_modifications:modification"),
    ("sharedFolder", _("Shared folder"), 0, None),
    ("export", _("Export"), 0, "project_exports:export"),
    ("privileges", _("Project privileges"), 0, "projects:privileges"),
)


# Pages that can show a past version (?version=): sections add their key when they support it.
VERSIONED = {"identification", "partners", "associated", "overallObjective", "relevance", "partnership", "management",
             "futurePlans", "workPackages", "results", "timePlan", "overviewTables", "lumpSums",
             "budgetPerPartner"}


# Sections made of one configurable field: the call hides the whole section when it hides that field.
SECTION_FIELDS = {"associated": "PARTNER_ASSOCIATED_ORGANIZATIONS", "overallObjective": "PROJECT_OVERALL_OBJECTIVE",
                  "partnership": "PROJECT_PARTNERSHIP", "budgetPerPartner": "PARTNER_BUDGET_AND_CO_FINANCING",
                  "lumpSums": "PARTNER_BUDGET_AND_CO_FINANCING"}


def _url(url_name: str | None, project_id: int) -> str | None:
    """The section's URL, or None while the section's page is not installed yet."""
    if not url_name:
        return None
    try:
        return reverse(url_name, args=[project_id])
    except NoReverseMatch:
        return None


def project_context(acc, active_key: str, version: str | None = None) -> dict:
    """Context for templates extending projects/base.html."""
    from . import queries
    from .visibility import visible_fields

    project = acc.project
    visible = visible_fields(project)
    menu = []
    for key, label, level, url_name in ITEMS:
        if key in SECTION_FIELDS and SECTION_FIELDS[key] not in visible:
            continue
        if key == "privileges" and not acc.can_see_collaborators():
            url_name = None
        if key == "assessmentAndDecision" and not has_global(acc.user, Privilege.ProjectAssessmentView):
            continue
        if key == "assessmentFiles" and not acc.perm(Privilege.ProjectFileAssessmentRetrieve):
            continue
        if key == "assessmentChecklists" and not (has_global(acc.user, Privilege.ProjectAssessmentView) or has_global(
                acc.user, Privilege.ProjectAssessmentChecklistSelectedRetrieve)):
            continue
        url = _url(url_name, project.pk)
        if url and version and key in VERSIONED:
            url += f"?version={version}"
        menu.append({"key": key, "label": label, "level": level, "url": url})
    return {"project": project, "access": acc, "project_menu": menu, "project_active": active_key,
            "project_versions": queries.versions(project), "selected_version": version}
