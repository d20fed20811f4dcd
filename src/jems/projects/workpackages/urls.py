from django.urls import path

from . import views

app_name = "project_workpackages"
BASE = "app/project/detail/<int:project_id>/applicationFormWorkPackage"
WP = BASE + "/<int:work_package_id>"
urlpatterns = [
    path(BASE, views.work_package_list, name="list"),
    path(BASE + "/create", views.create, name="create"),
    path(WP + "/delete", views.delete, name="delete"),
    path(WP + "/deactivate", views.deactivate, name="deactivate"),
    path(WP + "/objectives", views.objectives, name="objectives"),
    path(WP + "/investments", views.investments, name="investments"),
    path(WP + "/investments/create", views.investment_create, name="investment_create"),
    path(WP + "/investments/<int:investment_id>", views.investment, name="investment"),
    path(WP + "/investments/<int:investment_id>/delete", views.investment_delete, name="investment_delete"),
    path(WP + "/activities", views.activities, name="activities"),
    path(WP + "/outputs", views.outputs, name="outputs"),
]
