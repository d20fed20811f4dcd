from django.urls import path

from . import views

app_name = "project_description"
urlpatterns = [
    path("app/project/detail/<int:project_id>/applicationFormOverallObjective", views.overall_objective,
         name="overall_objective"),
    path("app/project/detail/<int:project_id>/applicationFormRelevanceAndContext", views.relevance,
         name="relevance"),
    path("app/project/detail/<int:project_id>/applicationFormPartnership", views.partnership, name="partnership"),
    path("app/project/detail/<int:project_id>/applicationFormManagement", views.management, name="management"),
    path("app/project/detail/<int:project_id>/applicationFormFuturePlans", views.future_plans, name="future_plans"),
]
