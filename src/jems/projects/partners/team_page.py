"""The partner-team blocks of the "Project privileges" page (features §4.13): one form per partner with its
members (e-mail, level, GDPR), saved per partner. A blank row adds a member and "Remove" drops one, so no
JavaScript is needed. The page itself decides who sees the blocks (users who may see the collaborators)."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from jems.core.errors import NotFound, ValidationFailed
from jems.core.messages import text_for

from . import teams
from .forms import TeamFormSet
from .models import PartnerCollaborator, ProjectPartner

POST_KEY = "team_partner"


@dataclass
class TeamBlock:
    """One partner with its team as the page shows it."""

    partner: ProjectPartner
    members: list[PartnerCollaborator]
    formset: object
    error: str | None = None


def _blocks(request, project, posted_id) -> list[TeamBlock]:
    partners = list(ProjectPartner.objects.filter(project=project).order_by("sort_number", "id"))
    by_partner: dict[int, list] = {p.pk: [] for p in partners}
    for row in PartnerCollaborator.objects.filter(partner__project=project).select_related("user").order_by("id"):
        by_partner[row.partner_id].append(row)
    blocks = []
    for partner in partners:
        members = by_partner[partner.pk]
        initial = [{"email": m.user.email, "level": m.level, "gdpr": m.gdpr} for m in members]
        data = request.POST if posted_id == partner.pk else None
        blocks.append(TeamBlock(partner, members, TeamFormSet(data, initial=initial, prefix=f"team{partner.pk}")))
    return blocks


def _show_refusal(block: TeamBlock, failure: ValidationFailed) -> None:
    """Field errors of the service (keyed by e-mail) go to the row with that e-mail, the rest to the block."""
    rows = {(f.cleaned_data.get("email") or "").strip().lower(): f for f in block.formset.forms}
    leftover = []
    for key, message in failure.form_errors.items():
        name, _dot, email = key.partition(".")
        text = text_for(message["i18nKey"], message["i18nArguments"])
        form = rows.get(email)
        if form is not None and name in ("userEmail", "level"):
            form.add_error("email" if name == "userEmail" else "level", text)
        else:
            leftover.append(text)
    if not failure.form_errors:
        leftover.append(text_for(failure.key, failure.args_))
    block.error = " ".join(leftover) or _("Please correct the marked fields.")


def handle(request, acc, can_manage) -> tuple[list[TeamBlock], object]:
    """(blocks, redirect response or None). A POST carrying POST_KEY saves that partner's team."""
    posted_id = None
    if request.method == "POST" and POST_KEY in request.POST:
        if not can_manage:
            raise PermissionDenied
        try:
            posted_id = int(request.POST[POST_KEY])
        except ValueError:
            posted_id = None
    blocks = _blocks(request, acc.project, posted_id)
    block = next((b for b in blocks if b.partner.pk == posted_id), None)
    if request.method == "POST" and POST_KEY in request.POST:
        if block is None:
            raise NotFound(key="project.partner.not.exists", code="PP-ERR")
        if not block.formset.is_valid():
            block.error = _("Please correct the marked fields.")
            return blocks, None
        members = [teams.TeamMember(email=f.cleaned_data["email"], level=f.cleaned_data["level"],
                                    gdpr=f.cleaned_data.get("gdpr", False))
                   for f in block.formset.forms if f.cleaned_data.get("email") and not f.cleaned_data.get("DELETE")]
        try:
            teams.update_partner_collaborators(actor=request.user, project_id=acc.project.pk,
                                               partner_id=block.partner.pk, members=members)
        except ValidationFailed as failure:
            _show_refusal(block, failure)
            return blocks, None
        messages.success(request, _("The team of partner %(partner)s was saved.") % {
            "partner": block.partner.abbreviation})
        return blocks, redirect("projects:privileges", project_id=acc.project.pk)
    return blocks, None
