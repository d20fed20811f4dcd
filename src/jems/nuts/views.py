"""Programme → Geographical coverage (/app/programme/areas): the NUTS data set and the programme area."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from jems.accounts.privileges import Privilege as P
from jems.core.errors import JemsError
from jems.core.messages import text_for
from jems.core.views import app_view
from jems.programme.lock import is_setup_locked
from jems.programme.navigation import programme_context

from . import queries, services
from .forms import selected_leaves


def annotate(nodes, selected: set[str], query: str = "") -> tuple[list[dict], int, int]:
    """Copy the tree with, per node: `total` and `chosen` NUTS 3 counts, `full` (all chosen), `open`
    (something chosen or matched), and, with a filter, only the matching nodes and their ancestors."""
    out, total_all, chosen_all = [], 0, 0
    for node in nodes:
        matched = not query or query in node["code"].lower() or query in node["title"].lower()
        if node["areas"]:
            children, total, chosen = annotate(node["areas"], selected, "" if matched else query)
            if query and not matched and not children:
                continue
        else:
            if not matched:
                continue
            children, total, chosen = [], 1, int(node["code"] in selected)
        out.append({"code": node["code"], "title": node["title"], "areas": children, "total": total,
                    "chosen": chosen, "full": bool(total) and chosen == total,
                    "open": bool(query) or 0 < chosen})
        total_all += total
        chosen_all += chosen
    return out, total_all, chosen_all


def _leaves(nodes) -> set[str]:
    found = set()
    for node in nodes:
        found |= _leaves(node["areas"]) if node["areas"] else {node["code"]}
    return found


@require_http_methods(["GET", "POST"])
@app_view
def areas(request):
    actor = request.user
    full_tree, selected = queries.area_page(actor=actor)
    can_edit = actor.has_privilege(P.ProgrammeSetupUpdate)
    query = request.GET.get("q", "").strip().lower()[:100]
    error = None
    if request.method == "POST":
        query = request.POST.get("q", "").strip().lower()[:100]
        wanted = selected_leaves(request.POST, full_tree)
        try:
            services.update_programme_area(actor=actor, codes=wanted)
        except JemsError as refusal:
            error = text_for(refusal.key, refusal.args_)
            selected = wanted  # show what the user chose, with the reason it was not saved
        else:
            messages.success(request, _("The programme area is saved."))
            return redirect(request.path + (f"?q={query}" if query else ""))
    shown, total, chosen = annotate(full_tree, selected, query)
    kept = sorted(selected - _leaves(shown)) if query else []
    area_tree = queries.tree_from(full_tree, selected)
    context = {
        "tree": shown, "total": total, "chosen": len(selected), "query": query, "kept": kept, "error": error,
        "can_edit": can_edit, "locked": is_setup_locked(), "metadata": queries.current_metadata(),
        "area_tree": area_tree, **programme_context("areas", actor),
    }
    if request.htmx and request.method == "GET":
        return render(request, "nuts/_area_tree.html", context)
    return render(request, "nuts/areas.html", context)


@require_POST
@app_view
def download(request):
    try:
        metadata = services.load_dataset(actor=request.user)
    except JemsError as refusal:
        if refusal.status == 403:
            raise
        messages.error(request, text_for(refusal.key, refusal.args_))
    else:
        messages.success(request, _("The NUTS data set is loaded: %(title)s") % {"title": metadata.title})
    return redirect("nuts:areas")
