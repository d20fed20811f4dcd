from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "jems.audit"
    label = "audit"
    verbose_name = "Audit log"
