"""Celery application; tasks run in-process (eagerly) when no broker is configured."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jems.settings")

app = Celery("jems")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
