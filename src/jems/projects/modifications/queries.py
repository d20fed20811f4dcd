"""Reads of modification requests: the thread of a project (requests, attachments, comments) in a fixed number
of queries."""

from django.db.models import Prefetch

from jems.projects.files.models import ProjectFile

from .models import ModificationComment, ModificationRequest


def _requests(project_id: int):
    return (ModificationRequest.objects.filter(project_id=project_id).select_related("requested_by", "answered_by")
            .prefetch_related(
                Prefetch("attachments", queryset=ProjectFile.objects.select_related("uploaded_by").order_by("id")),
                Prefetch("comments", queryset=ModificationComment.objects.select_related("author"))))


def thread(project) -> list[ModificationRequest]:
    """Every request of the project, newest first, with attachments and comments (3 queries)."""
    return list(_requests(project.pk))


def one(project_id: int, request_id: int) -> ModificationRequest:
    """One request with its attachments and comments (after a service has checked the access)."""
    return _requests(project_id).get(pk=request_id)
