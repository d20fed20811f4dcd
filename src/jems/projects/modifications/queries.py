"""Reads of modification requests: the thread of a project (requests, attachments, comments) in a fixed number
of queries."""

from django.db.models import Prefetch

from jems.projects.files.models import ProjectFile

from .models import ModificationComment, ModificationRequest


def thread(project) -> list[ModificationRequest]:
    """Every request of the project, newest first, with attachments and comments (3 queries)."""
    return list(ModificationRequest.objects.filter(project=project).select_related("requested_by", "answered_by")
                .prefetch_related(
                    Prefetch("attachments", queryset=ProjectFile.objects.select_related("uploaded_by").order_by("id")),
                    Prefetch("comments", queryset=ModificationComment.objects.select_related("author"))))
