from django.urls import path

from . import views

app_name = "project_assessment"
urlpatterns = [
    path("app/project/detail/<int:project_id>/assessmentAndDecision", views.assessment, name="assessment"),
]
