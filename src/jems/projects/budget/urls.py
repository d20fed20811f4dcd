from django.urls import path

from . import views

app_name = "project_budget"

BASE = "app/project/detail/<int:project_id>/applicationFormPartner/<int:partner_id>"

urlpatterns = [
    path(f"{BASE}/budget", views.partner_budget, name="partner_budget"),
    path(f"{BASE}/budget/recalculate", views.recalculate, name="recalculate"),
]
