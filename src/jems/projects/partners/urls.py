from django.urls import path

from . import state_aid_views, views

app_name = "project_partners"

BASE = "app/project/detail/<int:project_id>/applicationFormPartner"

urlpatterns = [
    path(BASE, views.partner_list, name="list"),
    path(f"{BASE}/create", views.create, name="create"),
    path(f"{BASE}/<int:partner_id>/identity", views.identity, name="identity"),
    path(f"{BASE}/<int:partner_id>/region", views.region, name="region"),
    path(f"{BASE}/<int:partner_id>/contact", views.contact, name="contact"),
    path(f"{BASE}/<int:partner_id>/motivation", views.motivation, name="motivation"),
    path(f"{BASE}/<int:partner_id>/stateAid", state_aid_views.state_aid_tab, name="state_aid"),
    path(f"{BASE}/<int:partner_id>/delete", views.delete, name="delete"),
    path(f"{BASE}/<int:partner_id>/deactivate", views.deactivate, name="deactivate"),
]
