"""Pages of Programme → Simplified cost options (the paths of Jems' UI)."""

from django.urls import path

from . import views

app_name = "cost_options"
urlpatterns = [
    path("app/programme/costs", views.cost_list, name="cost_list"),
    path("app/programme/costs/lumpSum/create", views.lump_sum_create, name="lump_sum_create"),
    path("app/programme/costs/lumpSum/detail/<int:lump_sum_id>", views.lump_sum_detail, name="lump_sum_detail"),
    path("app/programme/costs/unitCost/create", views.unit_cost_create, name="unit_cost_create"),
    path("app/programme/costs/unitCost/detail/<int:unit_cost_id>", views.unit_cost_detail, name="unit_cost_detail"),
]
