from django.urls import path

from . import views

app_name = "call_notifications"
urlpatterns = [
    path("app/call/detail/<int:call_id>/notificationSettings/project", views.notification_settings,
         {"tab": "project"}, name="project"),
    path("app/call/detail/<int:call_id>/notificationSettings/partnerReport", views.notification_settings,
         {"tab": "partnerReport"}, name="partnerReport"),
    path("app/call/detail/<int:call_id>/notificationSettings/projectReport", views.notification_settings,
         {"tab": "projectReport"}, name="projectReport"),
]
