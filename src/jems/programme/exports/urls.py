"""Programme → Data export page and its downloads."""

from django.urls import path

from . import views

app_name = "programme_exports"
urlpatterns = [
    path("app/programme/export", views.data_export, name="data_export"),
    path("app/programme/export/runs", views.runs_table, name="runs"),
    path("app/programme/export/<int:run_id>/download", views.download, name="download"),
]
