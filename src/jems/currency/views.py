"""Programme → Conversion rates (/app/programme/conversionRates): the monthly InforEuro rates, fetched or
imported from a file."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from jems.accounts.privileges import Privilege as P
from jems.core.errors import JemsError
from jems.core.messages import text_for
from jems.core.views import app_view, apply_error
from jems.programme.navigation import programme_context

from . import queries, services
from .forms import ImportForm, MonthForm


def _month_param(value: str | None):
    try:
        year, month = (int(part) for part in (value or "").split("-", 1))
    except ValueError:
        return None
    return (year, month) if services.MIN_YEAR <= year <= services.MAX_YEAR and 1 <= month <= 12 else None


def _page(request, *, fetch_form=None, import_form=None, shown=None):
    actor = request.user
    available = queries.months(actor=actor)
    current = services.current_month()
    shown = shown or _month_param(request.GET.get("month"))
    if shown is None:
        shown = current if current in available or not available else available[0]
    rates = queries.rates(actor=actor, year=shown[0], month=shown[1])
    choices = sorted(set(available) | {current, shown}, reverse=True)
    initial = {"year": current[0], "month": current[1]}
    return render(request, "currency/rates.html", {
        "rates": rates, "shown": shown, "choices": choices, "can_edit": actor.has_privilege(P.ProgrammeSetupUpdate),
        "fetch_form": fetch_form or MonthForm(initial=initial, prefix="fetch"),
        "import_form": import_form or ImportForm(initial=initial, prefix="import"),
        **programme_context("conversionRates", actor),
    })


@require_GET
@app_view
def rates(request):
    return _page(request)


@require_POST
@app_view
def fetch(request):
    form = MonthForm(request.POST, prefix="fetch")
    if form.is_valid():
        year, month = form.cleaned_data["year"], form.cleaned_data["month"]
        try:
            imported = services.fetch_rates(actor=request.user, year=year, month=month)
        except JemsError as error:
            if error.status == 403:
                raise
            apply_error(form, error)
        else:
            messages.success(request, _("%(count)d conversion rates for %(year)d-%(month)02d are fetched.")
                             % {"count": len(imported), "year": year, "month": month})
            return redirect(f"{reverse('currency:rates')}?month={year}-{month:02d}")
    return _page(request, fetch_form=form)


@require_POST
@app_view
def import_file(request):
    form = ImportForm(request.POST, request.FILES, prefix="import")
    if form.is_valid():
        year, month = form.cleaned_data["year"], form.cleaned_data["month"]
        upload = form.cleaned_data["file"]
        try:
            imported = services.import_rates(actor=request.user, year=year, month=month,
                                             content=upload.read(services.MAX_FILE_BYTES + 1),
                                             source=f"file {upload.name}")
        except JemsError as error:
            if error.status == 403:
                raise
            if error.key == "currency.import.failed":
                form.add_error("file", text_for(error.key, error.args_))
            else:
                apply_error(form, error)
        else:
            messages.success(request, _("%(count)d conversion rates for %(year)d-%(month)02d are imported.")
                             % {"count": len(imported), "year": year, "month": month})
            return redirect(f"{reverse('currency:rates')}?month={year}-{month:02d}")
    return _page(request, import_form=form)
