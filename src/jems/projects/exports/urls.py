from django.urls import path

from . import views

app_name = "project_exports"

urlpatterns = [
    path("app/project/detail/<int:project_id>/export", views.export_page, name="export"),
]
