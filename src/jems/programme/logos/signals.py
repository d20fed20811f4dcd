"""The header's alt text is the programme's name: a change of the basic data refreshes the cached header logo."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from jems.programme.models import ProgrammeData

from . import queries


@receiver(post_save, sender=ProgrammeData, dispatch_uid="jems.programme.logos.programme_data_saved")
def programme_data_saved(**kwargs):
    queries.invalidate()
    transaction.on_commit(queries.invalidate)
