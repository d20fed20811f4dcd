"""The Modification page: the request form (lead partner's form editors), the thread of requests with their
attachments, answers and comments, the accept / decline forms for the programme, the project's modification
files and the past modification decisions (jems.projects.assessment). Plain forms, no JavaScript needed; a
refused form comes back with its inline errors (422)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jems.accounts.privileges import Privilege
from jems.core.errors import ValidationFailed
from jems.core.messages import text_for
from jems.core.views import app_view, apply_error
from jems.projects.assessment import queries as decisions
from jems.projects.files import queries as file_queries
from jems.projects.files import services as file_services
from jems.projects.files.forms import UploadForm
from jems.projects.files.models import FileCategory
from jems.projects.files.views import file_rows
from jems.projects.navigation import project_context

from . import queries, services
from .forms import AcceptForm, CommentForm, DeclineForm, RequestForm
from .models import FormSection, RequestStatus

FIELD_MAP = {"fileIds": "attachment"}


def _page(request, acc, bound: dict | None = None, status: int = 200):
    bound = bound or {}
    decide = services.may_decide(acc)
    thread = []
    for item in queries.thread(acc.project):
        pending = item.status == RequestStatus.PENDING
        thread.append({
            "item": item, "sections": [FormSection(s).label for s in item.sections],
            "comment": bound.get(("comment", item.pk)) or CommentForm(prefix=f"c{item.pk}"),
            "accept": (bound.get(("accept", item.pk)) or AcceptForm(prefix=f"a{item.pk}")) if pending and decide else None,
            "decline": (bound.get(("decline", item.pk)) or DeclineForm(prefix=f"d{item.pk}")) if pending and decide else None})
    refusal = services.can_file_now(acc.project)
    may_request = services.may_request(acc)
    file_category = FileCategory.MODIFICATION
    can_read_files = file_queries.can_retrieve(acc, file_category)
    files = list(file_queries.files_of(acc.project, file_category)) if can_read_files else []
    can_upload = (file_services.may_update(acc, file_category) and acc.perm(
        Privilege.ProjectModificationFileAssessmentUpdate) and file_services.status_allows(file_category, acc.project.status))
    return render(request, "modifications/modification.html", {
        **project_context(acc, "modification"), "thread": thread, "may_request": may_request,
        "request_form": (bound.get("request") or RequestForm()) if may_request and not refusal else None,
        "refusal": text_for(refusal, {"status": acc.project.status}) if may_request and refusal else None,
        "rows": file_rows(acc, files), "can_read_files": can_read_files, "can_upload": can_upload,
        "form": bound.get("upload") or UploadForm(),
        "upload_url": reverse("project_modifications:upload", args=[acc.project.pk]),
        "decisions": decisions.modification_decisions(acc.project) if acc.perm(Privilege.ProjectModificationView)
        else None}, status=status)


def _done(request, acc, text):
    messages.success(request, text)
    return redirect("project_modifications:modification", acc.project.pk)


@require_http_methods(["GET", "POST"])
@app_view
def modification(request, project_id: int):
    acc = services.load(request.user, project_id)
    if request.method == "GET":
        return _page(request, acc)
    if not services.may_request(acc):
        raise PermissionDenied
    form = RequestForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["attachment"]
        try:
            services.file_request(actor=request.user, project_id=acc.project.pk, reason=form.cleaned_data["reason"],
                                  sections=form.cleaned_data["sections"], uploads=[upload] if upload else [])
        except ValidationFailed as error:
            apply_error(form, error, {**FIELD_MAP, "file": "attachment"})
        else:
            return _done(request, acc, _("The modification request was sent."))
    return _page(request, acc, {"request": form}, status=422)


def _answer(request, project_id, request_id, kind, form_class, prefix, run, done_text):
    acc = services.load(request.user, project_id)
    if kind != "comment" and not services.may_decide(acc):
        raise PermissionDenied
    item = services.get_request(acc, request_id)
    form = form_class(request.POST, prefix=f"{prefix}{item.pk}")
    if form.is_valid():
        try:
            run(acc, item, form.cleaned_data)
        except ValidationFailed as error:
            apply_error(form, error)
        else:
            return _done(request, acc, done_text)
    return _page(request, acc, {(kind, item.pk): form}, status=422)


@require_http_methods(["POST"])
@app_view
def accept(request, project_id: int, request_id: int):
    return _answer(request, project_id, request_id, "accept", AcceptForm, "a", lambda acc, item, data: services.accept(
        actor=request.user, project_id=acc.project.pk, request_id=item.pk, note=data["note"]),
        _("The request was accepted: the modification is open."))


@require_http_methods(["POST"])
@app_view
def decline(request, project_id: int, request_id: int):
    return _answer(request, project_id, request_id, "decline", DeclineForm, "d", lambda acc, item, data: services.decline(
        actor=request.user, project_id=acc.project.pk, request_id=item.pk, note=data["note"]),
        _("The request was declined."))


@require_http_methods(["POST"])
@app_view
def comment(request, project_id: int, request_id: int):
    return _answer(request, project_id, request_id, "comment", CommentForm, "c", lambda acc, item, data: services.comment(
        actor=request.user, project_id=acc.project.pk, request_id=item.pk, text=data["text"]),
        _("The comment was added."))


@require_http_methods(["POST"])
@app_view
def upload_file(request, project_id: int):
    """Upload a modification file (programme side, Perm(ProjectModificationFileAssessmentUpdate))."""
    acc = services.load(request.user, project_id)
    if not acc.perm(Privilege.ProjectModificationFileAssessmentUpdate):
        raise PermissionDenied
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            file_services.upload(actor=request.user, project_id=acc.project.pk, category=FileCategory.MODIFICATION,
                                 upload=form.cleaned_data["file"], description=form.cleaned_data["description"])
        except ValidationFailed as error:
            apply_error(form, error)
        else:
            return _done(request, acc, _("The file was uploaded."))
    return _page(request, acc, {"upload": form}, status=422)
