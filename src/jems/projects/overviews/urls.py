from django.urls import path

from . import views

app_name = "project_overviews"
urlpatterns = [
    path("app/project/detail/<int:project_id>/applicationFormBudgetPerPartner", views.budget, name="budget"),
]
