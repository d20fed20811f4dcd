from django.urls import path

from . import views

app_name = "project_cofinancing"

BASE = "app/project/detail/<int:project_id>/applicationFormPartner/<int:partner_id>"

urlpatterns = [
    path(f"{BASE}/coFinancing", views.cofinancing, name="cofinancing"),
    path(f"{BASE}/spfCoFinancing", views.spf_cofinancing, name="spf_cofinancing"),
]
