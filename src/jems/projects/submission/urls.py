from django.urls import path

from . import views

app_name = "project_submission"
urlpatterns = [
    path("app/project/detail/<int:project_id>/checkAndSubmit", views.check, name="check"),
]
