"""Pages of Programme → Priorities and Programme → Indicators (the paths of Jems' UI)."""

from django.urls import path

from . import views

app_name = "priorities"
urlpatterns = [
    path("app/programme/priorities", views.priority_list, name="priority_list"),
    path("app/programme/priorities/create", views.priority_create, name="priority_create"),
    path("app/programme/priorities/<int:priority_id>", views.priority_detail, name="priority_detail"),
    path("app/programme/indicators", views.indicator_list, name="indicator_list"),
    path("app/programme/indicators/outputIndicator/create", views.output_indicator_create,
         name="output_indicator_create"),
    path("app/programme/indicators/outputIndicator/detail/<int:indicator_id>", views.output_indicator_detail,
         name="output_indicator_detail"),
    path("app/programme/indicators/resultIndicator/create", views.result_indicator_create,
         name="result_indicator_create"),
    path("app/programme/indicators/resultIndicator/detail/<int:indicator_id>", views.result_indicator_detail,
         name="result_indicator_detail"),
]
