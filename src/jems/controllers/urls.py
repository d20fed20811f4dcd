from django.urls import path

from . import views

app_name = "controllers"
urlpatterns = [
    path("app/controller", views.institution_list, name="list"),
    path("app/controller/create", views.institution_create, name="create"),
    path("app/controller/assignment", views.assignment, name="assignment"),
    path("app/controller/<int:institution_id>", views.institution_detail, name="detail"),
]
