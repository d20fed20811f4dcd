from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("app/project", views.project_list, name="list"),
    path("app/project/assignment", views.assignment, name="assignment"),
    path("app/project/detail/<int:project_id>", views.detail, name="detail"),
    path("app/project/detail/<int:project_id>/applicationFormIdentification", views.identification,
         name="identification"),
    path("app/project/detail/<int:project_id>/privileges", views.privileges, name="privileges"),
]
