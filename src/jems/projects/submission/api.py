"""The check and submit operations of ProjectStatusApi."""

from ninja import Router

router = Router(tags=["project"])
