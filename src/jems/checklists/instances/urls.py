from django.urls import path

from . import views

app_name = "checklist_instances"
urlpatterns = [
    path("app/project/detail/<int:project_id>/assessmentChecklists", views.checklist_list, name="list"),
    path("app/project/detail/<int:project_id>/assessmentChecklists/<int:checklist_id>", views.checklist_detail,
         name="detail"),
    path("app/project/detail/<int:project_id>/assessmentChecklists/<int:checklist_id>/export",
         views.checklist_export, name="export"),
]
