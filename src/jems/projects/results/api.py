"""ProjectResultApi."""

from ninja import Router

router = Router(tags=["project"])
