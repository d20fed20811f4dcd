from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "jems.notifications"
    label = "notifications"
    verbose_name = "Notifications (in-app and e-mail)"

    def ready(self):
        from jems.projects.signals import status_changed

        from .services import on_status_changed

        status_changed.connect(on_status_changed, dispatch_uid="notifications.status_changed")
