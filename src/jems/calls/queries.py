"""Read layer of calls used by other apps."""

from .models import Call, CallStatus


def any_call_published() -> bool:
    """True once a call has been published: from then on the programme setup is locked."""
    return Call.objects.filter(status=CallStatus.PUBLISHED).exists()
