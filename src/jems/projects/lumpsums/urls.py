from django.urls import path

from . import views

app_name = "project_lumpsums"
urlpatterns = [
    path("app/project/detail/<int:project_id>/applicationFormLumpSums", views.lump_sums, name="lump_sums"),
    path("app/project/detail/<int:project_id>/applicationFormUnitCosts/create", views.unit_cost_create,
         name="unit_cost_create"),
    path("app/project/detail/<int:project_id>/applicationFormUnitCosts/<int:unit_cost_id>", views.unit_cost_detail,
         name="unit_cost_detail"),
    path("app/project/detail/<int:project_id>/applicationFormUnitCosts/<int:unit_cost_id>/delete",
         views.unit_cost_delete, name="unit_cost_delete"),
]
