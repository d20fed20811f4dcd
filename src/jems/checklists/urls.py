"""Programme → Checklists (the URLs of the Programme side navigation)."""

from django.urls import path

from . import views

app_name = "checklists"
urlpatterns = [
    path("app/programme/checklists", views.checklist_list, name="list"),
    path("app/programme/checklists/create", views.checklist_create, name="create"),
    path("app/programme/checklists/<int:checklist_id>", views.checklist_detail, name="detail"),
    path("app/programme/checklists/<int:checklist_id>/preview", views.checklist_preview, name="preview"),
    path("app/programme/checklists/<int:checklist_id>/clone", views.checklist_clone, name="clone"),
    path("app/programme/checklists/<int:checklist_id>/delete", views.checklist_delete, name="delete"),
    path("app/programme/checklists/<int:checklist_id>/components/add", views.component_add, name="component_add"),
    path("app/programme/checklists/<int:checklist_id>/components/<int:component_id>", views.component_action,
         name="component"),
]
