"""Programme → Logo: see the current logo, upload or replace it, remove it; and the logo images of the site
header. The page parses its form, calls one service and renders; refusals show on the file field."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from jems.accounts.privileges import Privilege
from jems.core.errors import ValidationFailed
from jems.core.views import app_view, apply_error
from jems.programme.navigation import programme_context

from . import queries, services
from .forms import LogoUploadForm
from .models import LogoSize

ONE_YEAR = 365 * 24 * 3600


@require_http_methods(["GET", "POST"])
@app_view
def logo_page(request):
    current = queries.logo(actor=request.user)
    form = LogoUploadForm(request.POST, request.FILES) if request.method == "POST" else LogoUploadForm()
    if request.method == "POST":
        if "remove" in request.POST:
            removed = services.remove_logo(actor=request.user)
            messages.success(request, _("The logo is removed.") if removed else _("No logo is set."))
            return redirect("programme_logos:logo")
        if form.is_valid():
            try:
                services.upload_logo(actor=request.user, upload=form.cleaned_data.get("file"))
            except ValidationFailed as error:
                apply_error(form, error)
            else:
                messages.success(request, _("The logo is saved. It shows in the header of every page."))
                return redirect("programme_logos:logo")
    sizes = []
    if current is not None:
        sizes = [{"height": int(size), "width": current.width(size), "label": label,
                  "url": f"{reverse('programme_logos:image', args=[int(size)])}?v={current.key}"}
                 for size, label in ((LogoSize.SMALL, _("Small")), (LogoSize.MEDIUM, _("Medium")),
                                     (LogoSize.LARGE, _("Large")))]
    return render(request, "programme_logos/logo.html", {
        **programme_context("logo", request.user), "current": current, "sizes": sizes, "form": form,
        "can_edit": request.user.has_privilege(Privilege.ProgrammeSetupUpdate)})


@require_GET
def image(request, height: int):
    """One PNG of the current logo (public). With the `v` of the current upload the browser may keep it."""
    logo = queries.header_logo()
    content = queries.image(logo["key"], height) if logo is not None and height in LogoSize.values else None
    if content is None:
        raise Http404
    response = HttpResponse(content, content_type="image/png")
    response["Cache-Control"] = (f"public, max-age={ONE_YEAR}, immutable" if request.GET.get("v") == logo["key"]
                                 else "no-cache")
    return response
