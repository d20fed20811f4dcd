"""URL configuration: the web UI (Jems' /app and /no-auth paths) and the API under /api."""

from django.urls import include, path

from jems.api.api import api

urlpatterns = [
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("jems.accounts.urls")),
    path("", include("jems.audit.urls")),
    path("", include("jems.plugins.urls")),
    path("", include("jems.programme.urls")),
    path("", include("jems.programme.logos.urls")),
    path("", include("jems.programme.exports.urls")),
    path("", include("jems.priorities.urls")),
    path("", include("jems.cost_options.urls")),
    path("", include("jems.nuts.urls")),
    path("", include("jems.currency.urls")),
    path("", include("jems.controllers.urls")),
    path("", include("jems.checklists.urls")),
    path("", include("jems.calls.urls")),
    path("", include("jems.calls.form_config.urls")),
    path("", include("jems.calls.notifications.urls")),
    path("", include("jems.projects.urls")),
    path("", include("jems.projects.partners.urls")),
    path("", include("jems.projects.description.urls")),
    path("", include("jems.projects.associations.urls")),
    path("", include("jems.projects.files.urls")),
    path("", include("jems.projects.workpackages.urls")),
    path("", include("jems.projects.results.urls")),
    path("", include("jems.projects.submission.urls")),
    path("", include("jems.projects.budget.urls")),
    path("", include("jems.projects.lumpsums.urls")),
    path("", include("jems.projects.cofinancing.urls")),
    path("", include("jems.projects.overviews.urls")),
    path("", include("jems.projects.exports.urls")),
    path("", include("jems.projects.assessment.urls")),
    path("", include("jems.projects.modifications.urls")),
    path("", include("jems.checklists.instances.urls")),
    path("", include("jems.notifications.urls")),
    path("", include("jems.core.urls")),
]
