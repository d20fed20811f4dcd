from django.urls import path

from . import views

app_name = "project_associations"

BASE = "app/project/detail/<int:project_id>/applicationFormAssociatedOrganization"

urlpatterns = [
    path(BASE, views.organization_list, name="list"),
    path(f"{BASE}/create", views.create, name="create"),
    path(f"{BASE}/detail/<int:organization_id>", views.detail, name="detail"),
    path(f"{BASE}/detail/<int:organization_id>/delete", views.delete, name="delete"),
    path(f"{BASE}/detail/<int:organization_id>/deactivate", views.deactivate, name="deactivate"),
]
