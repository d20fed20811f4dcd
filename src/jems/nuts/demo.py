"""Demo data: an Alpine cross-border programme area in Austria, Germany, Italy and Slovenia."""

from jems.accounts.models import User

DEMO_AREA = ("AT21", "AT22", "AT32", "AT33", "DE27", "ITH10", "ITH20", "ITH4", "SI")


def load(stdout) -> None:
    from .models import ProgrammeNuts
    from .services import update_programme_area

    if ProgrammeNuts.objects.exists():
        return
    admin = User.objects.filter(role_id=1).order_by("pk").first()
    if admin is None:
        return
    codes = update_programme_area(actor=admin, codes=DEMO_AREA)
    stdout.write(f"Programme area: {len(codes)} NUTS 3 regions in AT, DE, IT and SI")
