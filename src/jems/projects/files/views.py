"""The annex page (features §4.11): a category tree (application; each partner; each investment), the files
of the chosen category, an upload form (multipart, works without JS), per file download, description and delete.
The "Assessment files" page does the same for the programme's assessment files. Who sees / changes what
follows the services; refusals are the 403 / 404 pages or inline errors."""

from urllib.parse import quote, urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jems.core.errors import ValidationFailed
from jems.core.messages import text_for
from jems.core.views import app_view, apply_error
from jems.projects.models import can_be_modified
from jems.projects.navigation import project_context
from jems.projects.partners.models import ProjectPartner
from jems.projects.workpackages.models import Investment

from . import queries, services
from .forms import DescriptionForm, UploadForm
from .models import FileCategory


def _category(request, project):
    """(category, partner or investment or None) chosen by ?partner=<id> or ?investment=<id> (else the
    application category); 404 if unknown."""
    source = request.POST if request.method == "POST" and ("partner" in request.POST
                                                           or "investment" in request.POST) else request.GET
    partner_id, investment_id = source.get("partner"), source.get("investment")
    if investment_id:
        investment = (Investment.objects.filter(work_package__project=project, pk=investment_id)
                      .select_related("work_package").first() if investment_id.isdigit() else None)
        if investment is None:
            raise queries.file_not_found()
        return FileCategory.INVESTMENT, investment
    if not partner_id:
        return FileCategory.APPLICATION, None
    partner = ProjectPartner.objects.filter(project=project, pk=partner_id).first() if partner_id.isdigit() else None
    if partner is None:
        raise queries.file_not_found()
    return FileCategory.PARTNER, partner


def _query(category, owner) -> str:
    if owner is None:
        return ""
    return "?" + urlencode({"investment" if category == FileCategory.INVESTMENT else "partner": owner.pk})


def _page_url(project_id, item) -> str:
    if item.category == FileCategory.ASSESSMENT:
        return reverse("project_files:assessment", args=[project_id])
    if item.category == FileCategory.MODIFICATION:
        return reverse("project_modifications:modification", args=[project_id])
    owner = item.investment if item.investment_id else item.partner
    return reverse("project_files:annexes", args=[project_id]) + _query(item.category, owner)


def file_rows(acc, files) -> list[dict]:
    """Rows of a file table: the file, its size and whether the user may describe or delete it."""
    deletable = services.status_allows(files[0].category, acc.project.status) if files else False
    rows = []
    for item in files:
        change = services.may_change(acc, item)
        rows.append({"file": item, "size": queries.size_string(item.size), "describe": change,
                     "delete": change and deletable})
    return rows


@require_http_methods(["GET", "POST"])
@app_view
def assessment(request, project_id: int):
    """The assessment files (programme side only: 403 without ProjectFileAssessmentRetrieve)."""
    category = FileCategory.ASSESSMENT
    acc = queries.load_viewable(request.user, project_id, category)
    can_upload = services.may_update(acc, category)
    form = UploadForm()
    status = 200
    if request.method == "POST":
        if not can_upload:
            raise PermissionDenied
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.upload(actor=request.user, project_id=acc.project.pk, category=category,
                                upload=form.cleaned_data["file"], description=form.cleaned_data["description"])
            except ValidationFailed as error:
                apply_error(form, error)
            else:
                messages.success(request, _("The file was uploaded."))
                return redirect("project_files:assessment", acc.project.pk)
        status = 422
    return render(request, "files/assessment.html", {
        **project_context(acc, "assessmentFiles"),
        "rows": file_rows(acc, list(queries.files_of(acc.project, category))), "form": form,
        "can_upload": can_upload, "upload_url": reverse("project_files:assessment", args=[acc.project.pk])},
        status=status)


@require_http_methods(["GET", "POST"])
@app_view
def annexes(request, project_id: int):
    acc = queries.load_viewable(request.user, project_id)
    category, owner = _category(request, acc.project)
    can_update = services.may_update(acc, category)
    editable = can_update and can_be_modified(acc.project.status)
    form = UploadForm()
    status = 200
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                item = services.upload(actor=request.user, project_id=acc.project.pk, category=category,
                                       partner_id=owner.pk if owner else None, upload=form.cleaned_data["file"],
                                       description=form.cleaned_data["description"])
            except ValidationFailed as error:
                apply_error(form, error)
            else:
                messages.success(request, _("The file was uploaded."))
                return redirect(_page_url(acc.project.pk, item))
        status = 422
    partners = list(ProjectPartner.objects.filter(project=acc.project).order_by("sort_number", "id")
                    .values("id", "abbreviation", "role", "sort_number"))
    investments = list(Investment.objects.filter(work_package__project=acc.project)
                       .order_by("work_package__number", "number").values("id", "number", "work_package__number"))
    files = list(queries.files_of(acc.project, category, owner.pk if owner else None))
    partner = owner if category == FileCategory.PARTNER else None
    investment = owner if category == FileCategory.INVESTMENT else None
    return render(request, "files/annexes.html", {
        **project_context(acc, "annexes"), "partners": partners, "partner": partner, "investments": investments,
        "investment": investment, "category": category,
        "files": [(f, queries.size_string(f.size)) for f in files], "form": form, "editable": editable,
        "can_update": can_update, "partner_query": _query(category, owner)}, status=status)


@require_http_methods(["GET"])
@app_view
def download(request, project_id: int, file_id: int):
    item, content = services.download(actor=request.user, project_id=project_id, file_id=file_id)
    response = HttpResponse(content, content_type="application/octet-stream")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(item.name)}"
    response["Content-Length"] = str(len(content))
    return response


@require_http_methods(["POST"])
@app_view
def description(request, project_id: int, file_id: int):
    _acc, item = queries.get_file(actor=request.user, project_id=project_id, file_id=file_id)
    form = DescriptionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The description has at most 250 characters."))
    else:
        try:
            services.set_description(actor=request.user, project_id=project_id, file_id=file_id,
                                     description=form.cleaned_data["description"])
        except ValidationFailed as error:
            messages.error(request, text_for(error.key, error.args_))
        else:
            messages.success(request, _("The description was saved."))
    return redirect(_page_url(project_id, item))


@require_http_methods(["POST"])
@app_view
def delete(request, project_id: int, file_id: int):
    _acc, item = queries.get_file(actor=request.user, project_id=project_id, file_id=file_id)
    try:
        services.delete(actor=request.user, project_id=project_id, file_id=file_id)
    except ValidationFailed as error:
        messages.error(request, text_for(error.key, error.args_))
    else:
        messages.success(request, _("The file was deleted."))
    return redirect(_page_url(project_id, item))
