from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "jems.calls.notifications"
    label = "call_notifications"
    verbose_name = "Call notification configuration"
