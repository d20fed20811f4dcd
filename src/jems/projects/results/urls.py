from django.urls import path

from . import views

app_name = "project_results"
urlpatterns = [
    path("app/project/detail/<int:project_id>/applicationFormResults", views.results, name="results"),
    path("app/project/detail/<int:project_id>/applicationTimePlan", views.time_plan, name="time_plan"),
    path("app/project/detail/<int:project_id>/applicationFormOverviewTables", views.outputs_overview,
         name="overview"),
]
