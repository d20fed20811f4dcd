"""The audit log page (System → Audit log): filters, newest first, paged with a fixed number of queries."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from jems.core.pagination import PageRequest
from jems.core.views import app_view, page_params, pager, system_menu

from .forms import AuditFilterForm
from .queries import search_audit

SORT = {"timestamp": "timestamp"}


@require_GET
@app_view
def audit_log(request):
    paging = page_params(request, sort_fields=SORT, default_sort="timestamp,desc", default_size=25)
    form = AuditFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    criteria = {
        "user_ids": [data["user_id"]] if data.get("user_id") else (),
        "user_emails": [data["user_email"].strip()] if data.get("user_email") else (),
        "actions": [data["action"]] if data.get("action") else (),
        "project_ids": [data["project_id"].strip()] if data.get("project_id") else (),
        "time_from": data.get("time_from"),
        "time_to": data.get("time_to"),
    }
    ordering = (*paging["ordering"], "-id")
    events, total = search_audit(actor=request.user, page=PageRequest(paging["page"] - 1, paging["size"], ordering),
                                 **criteria)
    pages = pager(request, page=paging["page"], size=paging["size"], total=total)
    return render(request, "audit/log.html", {
        "events": events, "filters": form, "paging": paging, "pager": pages,
        "system_menu": system_menu(request.user), "system_active": "audit",
    })
