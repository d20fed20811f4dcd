"""The UI shell: view helpers shared by every app, the dashboard and the placeholder pages of the menus.

Views parse input, call one service or query, and render. The helpers here turn the service layer's
refusals into HTTP answers (403 page, 404 page) and its validation errors into inline form errors.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from jems.core.errors import Forbidden, JemsError, NotFound
from jems.core.messages import text_for

from .context_processors import SYSTEM_PAGES, TOP_MENU, menu_for

PAGE_SIZES = (10, 25, 50, 100)


# --- decorators ----------------------------------------------------------------------------------


def public_view(view):
    """A page outside the login: service refusals become the 403 / 404 pages."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Forbidden:
            raise PermissionDenied from None
        except NotFound:
            raise Http404 from None

    return wrapper


def app_view(view):
    """A page of /app: anonymous visitors go to the login page (remembering an expired session),
    service refusals become the 403 / 404 pages."""
    guarded = public_view(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            if getattr(request, "session_expired", False):
                messages.warning(request, gettext("Your session expired. Please log in again."))
            login_url = reverse("accounts:login")
            if getattr(request, "htmx", False):
                response = HttpResponse(status=204)
                response["HX-Redirect"] = login_url
                return response
            return redirect_to_login(request.get_full_path(), login_url)
        return guarded(request, *args, **kwargs)

    return wrapper


# --- forms and service errors -------------------------------------------------------------------


def apply_error(form, error: JemsError, field_map: dict[str, str] | None = None) -> None:
    """Show a service refusal on the form: each field error inline on its field (service field names
    are mapped through `field_map`), anything else as an error of the whole form."""
    field_map = field_map or {}
    placed = False
    for service_field, message in (error.form_errors or {}).items():
        key = message.get("i18nKey") if isinstance(message, dict) else str(message)
        args = (message.get("i18nArguments") if isinstance(message, dict) else None) or error.args_
        field = field_map.get(service_field, service_field)
        visible = field in form.fields and not form.fields[field].widget.is_hidden
        form.add_error(field if visible else None, text_for(key, args))
        placed = True
    if not placed:
        form.add_error(None, text_for(error.key, error.args_))


def page_params(request, *, sort_fields: dict[str, str], default_sort: str, default_size: int = 25):
    """Read the UI paging parameters: 1-based ?page, ?size (one of PAGE_SIZES), ?sort=field[,desc]."""
    try:
        page = max(int(request.GET.get("page", "1")), 1)
    except ValueError:
        page = 1
    try:
        size = int(request.GET.get("size", default_size))
    except ValueError:
        size = default_size
    if size not in PAGE_SIZES:
        size = default_size
    sort = request.GET.get("sort", default_sort)
    prop, _sep, direction = sort.partition(",")
    if prop not in sort_fields:
        prop, _sep, direction = default_sort.partition(",")
    direction = "desc" if direction == "desc" else "asc"
    return {"page": page, "size": size, "sort": prop, "direction": direction,
            "ordering": (("-" if direction == "desc" else "") + sort_fields[prop],)}


def pager(request, *, page: int, size: int, total: int) -> dict:
    """The context of the pager include: pages around the current one, the range shown, the links."""
    pages = max((total + size - 1) // size, 1)
    page = min(page, pages)
    window = [p for p in range(max(1, page - 2), min(pages, page + 2) + 1)]
    if window and window[0] > 1:
        window = [1, None, *window] if window[0] > 2 else [1, *window]
    if window and window[-1] < pages:
        window = [*window, None, pages] if window[-1] < pages - 1 else [*window, pages]
    first = (page - 1) * size + 1 if total else 0
    return {"page": page, "pages": pages, "size": size, "total": total, "window": window,
            "first": first, "last": min(page * size, total), "sizes": PAGE_SIZES,
            "previous": page - 1 if page > 1 else None, "next": page + 1 if page < pages else None}


# --- pages -------------------------------------------------------------------------------------------


@require_GET
def root(request):
    if request.user.is_authenticated:
        return redirect("core:dashboard")
    return redirect("accounts:login")


@require_GET
@app_view
def dashboard(request):
    from jems.calls.queries import open_calls, sees_published_calls
    from jems.notifications.views import dashboard_context as notifications_context
    from jems.projects.queries import dashboard_applications

    return render(request, "core/dashboard.html", {
        "user": request.user, "show_open_calls": sees_published_calls(request.user),
        "open_calls": open_calls(actor=request.user), "my_applications": dashboard_applications(request.user),
        **notifications_context(request)})


PLACEHOLDER_TITLES = {key: label for key, label, _url, _privileges in TOP_MENU}


@require_GET
@app_view
def coming_later(request, menu: str):
    """The page of a top menu whose screens come with a later release; shown only to those who may see
    the menu item."""
    if menu not in {item["key"] for item in menu_for(request.user)}:
        raise PermissionDenied
    return render(request, "core/coming_later.html", {"menu": menu, "title": PLACEHOLDER_TITLES[menu]})


def system_menu(user) -> list[dict]:
    """The side navigation of System: the pages the user's privileges open."""
    held = user.role.privilege_set
    return [{"key": key, "label": label, "url": reverse(name)}
            for key, label, name, privileges in SYSTEM_PAGES if any(str(p) in held for p in privileges)]


@require_GET
@app_view
def system(request):
    pages = system_menu(request.user)
    if not pages:
        raise PermissionDenied
    return redirect(pages[0]["url"])
