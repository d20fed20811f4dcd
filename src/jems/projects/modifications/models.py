"""Modification requests (our addition; Jems handles them by e-mail): the lead partner asks the programme to
open a modification of an approved or contracted project; the joint secretariat accepts (the modification is
opened) or declines with a note; both sides comment. The thread stays with the project."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_REASON = 5000
MAX_NOTE = 2000
MAX_COMMENT = 2000


class FormSection(models.TextChoices):
    """The application-form sections a request may affect (features §4: sections A–E)."""

    A = "A", _("A – Project identification")
    B = "B", _("B – Project partners")
    C = "C", _("C – Project description")
    D = "D", _("D – Project budget")
    E = "E", _("E – Lump sums and unit costs")


class RequestStatus(models.TextChoices):
    """Where a request stands: waiting for the answer, accepted (modification opened) or declined."""

    PENDING = "PENDING", _("Pending")
    ACCEPTED = "ACCEPTED", _("Accepted")
    DECLINED = "DECLINED", _("Declined")


class ModificationRequest(models.Model):
    """One request of the lead partner with its answer; its attachments are MODIFICATION project files."""

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="modification_requests")
    reason = models.TextField(max_length=MAX_REASON)
    sections = models.JSONField(default=list)
    status = models.CharField(max_length=8, choices=RequestStatus.choices, default=RequestStatus.PENDING)
    project_status = models.CharField(max_length=64)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)
    answer_note = models.TextField(blank=True, default="")
    attachments = models.ManyToManyField("project_files.ProjectFile", blank=True, related_name="modification_requests")

    class Meta:
        ordering = ["-requested_at", "-id"]

    def __str__(self):
        return f"Modification request {self.pk} of project {self.project_id}"


class ModificationComment(models.Model):
    """A comment in the thread of a request (either side)."""

    request = models.ForeignKey(ModificationRequest, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(max_length=MAX_COMMENT)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"Comment {self.pk} on modification request {self.request_id}"
