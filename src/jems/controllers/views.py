"""Controllers (/app/controller): the list of controller institutions, creating and editing one (name,
description, NUTS coverage within the programme area, users with View/Edit access) and the assignment page."""

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from jems.accounts.privileges import Privilege as P
from jems.core.errors import JemsError
from jems.core.messages import text_for
from jems.core.pagination import PageRequest
from jems.core.views import app_view, apply_error, page_params, pager
from jems.nuts.forms import selected_leaves
from jems.nuts.queries import programme_area_tree
from jems.nuts.views import annotate

from . import queries, services
from .forms import InstitutionForm, user_rows, users_input
from .models import UserInstitutionAccessLevel

SORT = {"name": "name", "createdAt": "created_at", "id": "id"}
USER_ERROR = re.compile(r"^institutionUsers\[(\d+)\]\.")
CONTROLLER_PAGES = (
    ("institutions", gettext_lazy("Institutions"), "controllers:list",
     (P.InstitutionsRetrieve, P.InstitutionsUpdate, P.InstitutionsUnlimited)),
    ("assignment", gettext_lazy("Assignment"), "controllers:assignment",
     (P.InstitutionsAssignmentRetrieve, P.AssignmentsUnlimited)),
)


def _context(request, active: str) -> dict:
    held = request.user.role.privilege_set
    menu = [{"key": key, "label": label, "url": reverse(name)}
            for key, label, name, privileges in CONTROLLER_PAGES if any(str(p) in held for p in privileges)]
    return {"controller_menu": menu, "controller_active": active}


@require_GET
@app_view
def institution_list(request):
    actor = request.user
    if not any(actor.has_privilege(p) for p in queries.READ):
        if actor.has_privilege(P.InstitutionsAssignmentRetrieve) or actor.has_privilege(P.AssignmentsUnlimited):
            return redirect("controllers:assignment")
        raise PermissionDenied
    paging = page_params(request, sort_fields=SORT, default_sort="name", default_size=25)
    ordering = (*paging["ordering"], "id")
    items, total, trees = queries.list_institutions(actor=actor, page=PageRequest(paging["page"] - 1,
                                                                                  paging["size"], ordering))
    rows = [{"institution": i, "regions": _count_leaves(trees[i.pk])} for i in items]
    return render(request, "controllers/list.html", {
        "rows": rows, "paging": paging, "pager": pager(request, page=paging["page"], size=paging["size"], total=total),
        "can_create": actor.has_privilege(P.InstitutionsUnlimited) and actor.has_privilege(P.InstitutionsUpdate),
        **_context(request, "institutions"),
    })


def _count_leaves(nodes) -> int:
    return sum(_count_leaves(n["areas"]) if n["areas"] else 1 for n in nodes)


def _leaf_codes(nodes) -> set[str]:
    found = set()
    for node in nodes:
        found |= _leaf_codes(node["areas"]) if node["areas"] else {node["code"]}
    return found


def _institution_page(request, *, institution=None, nuts_tree=(), members=()):
    actor = request.user
    creating = institution is None
    can_edit = (actor.has_privilege(P.InstitutionsUnlimited) and actor.has_privilege(P.InstitutionsUpdate)
                if creating else services.can_update(actor, institution))
    if creating and not can_edit:
        raise PermissionDenied
    area = programme_area_tree()
    selected = _leaf_codes(nuts_tree)
    initial = {} if creating else {"name": institution.name, "description": institution.description or ""}
    posted = request.method == "POST"
    if posted and not can_edit:
        raise PermissionDenied
    form = InstitutionForm(request.POST if posted else None, initial=initial, can_edit=can_edit)
    rows = user_rows(request.POST if posted else None, members)
    nuts_error = None
    if posted:
        selected = selected_leaves(request.POST, area)
        users, row_of = users_input(rows)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if creating:
                    institution = services.create_institution(
                        actor=actor, name=data["name"], description=data["description"], nuts_codes=selected,
                        users=users)
                else:
                    services.update_institution(
                        actor=actor, institution_id=institution.pk, name=data["name"],
                        description=data["description"], nuts_codes=selected, users=users)
            except JemsError as error:
                if error.status == 403:
                    raise
                nuts_error = _place_errors(form, error, rows, row_of)
            else:
                messages.success(request, _("The controller institution is saved."))
                return redirect("controllers:detail", institution_id=institution.pk)
    tree, _total, _chosen = annotate(area, selected)
    return render(request, "controllers/detail.html", {
        "form": form, "institution": institution, "creating": creating, "can_edit": can_edit,
        "tree": tree, "area_empty": not area, "nuts_error": nuts_error, "coverage": nuts_tree,
        "rows": rows, "levels": UserInstitutionAccessLevel.choices, "members": members,
        "monitor_users": queries.monitor_users() if can_edit else [],
        **_context(request, "institutions"),
    })


def _place_errors(form, error: JemsError, rows, row_of) -> str | None:
    """Field errors of the service back onto the form, the user rows and the NUTS tree."""
    nuts_error = None
    rest = {}
    for field, message in (error.form_errors or {}).items():
        text = text_for(message.get("i18nKey"), message.get("i18nArguments"))
        match = USER_ERROR.match(field)
        if match and int(match.group(1)) < len(row_of):
            rows[row_of[int(match.group(1))]]["error"] = text
        elif field == "institutionNuts":
            nuts_error = text
        else:
            rest[field] = message
    if rest or not error.form_errors:
        error.form_errors = rest
        apply_error(form, error)
    return nuts_error


@require_http_methods(["GET", "POST"])
@app_view
def institution_create(request):
    return _institution_page(request)


@require_http_methods(["GET", "POST"])
@app_view
def institution_detail(request, institution_id: int):
    institution, nuts_tree, members = queries.get_institution(actor=request.user, institution_id=institution_id)
    return _institution_page(request, institution=institution, nuts_tree=nuts_tree, members=members)


@require_GET
@app_view
def assignment(request):
    actor = request.user
    items, total = queries.partner_assignments(actor=actor, page=PageRequest(0, 25, ("id",)))
    return render(request, "controllers/assignment.html", {"items": items, "total": total,
                                                           **_context(request, "assignment")})
