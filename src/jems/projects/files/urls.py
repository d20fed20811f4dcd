from django.urls import path

from . import views

app_name = "project_files"

BASE = "app/project/detail/<int:project_id>/annexes"

urlpatterns = [
    path(BASE, views.annexes, name="annexes"),
    path("app/project/detail/<int:project_id>/assessmentFiles", views.assessment, name="assessment"),
    path(f"{BASE}/<int:file_id>/download", views.download, name="download"),
    path(f"{BASE}/<int:file_id>/description", views.description, name="description"),
    path(f"{BASE}/<int:file_id>/delete", views.delete, name="delete"),
]
