"""Demo data: two controller institutions with their controllers (programme-user role, which holds
project-monitor privileges)."""

from jems.accounts.models import Role, User, UserStatus
from jems.accounts.privileges import PROGRAMME_USER_ROLE_ID

DEMO_CONTROLLERS = (
    ("controller.at@jems.eu", "Clara", "Kontrolle"),
    ("controller.it@jems.eu", "Carlo", "Controllo"),
)
DEMO_PASSWORD = "Controller-Demo-2025"
DEMO_INSTITUTIONS = (
    ("Amt der Kärntner Landesregierung – First-level control",
     "First-level control of partners in Carinthia and Styria.", ("AT21", "AT22"),
     (("controller.at@jems.eu", "Edit"), ("programme@jems.eu", "View"))),
    ("Regione Autonoma Friuli Venezia Giulia – Controllo di primo livello",
     "First-level control of partners in Friuli Venezia Giulia and Veneto.", ("ITH4",),
     (("controller.it@jems.eu", "Edit"),)),
)


def load(stdout) -> None:
    from .models import ControllerInstitution
    from .services import InstitutionUserInput, create_institution

    if ControllerInstitution.objects.exists():
        return
    admin = User.objects.filter(role_id=1).order_by("pk").first()
    role = Role.objects.filter(pk=PROGRAMME_USER_ROLE_ID).first()
    if admin is None or role is None:
        return
    for email, name, surname in DEMO_CONTROLLERS:
        if not User.objects.filter(email=email).exists():
            User.objects.create_user(email=email, password=DEMO_PASSWORD, name=name, surname=surname, role=role,
                                     status=UserStatus.ACTIVE)
            stdout.write(f"Controller login: {email} / {DEMO_PASSWORD}")
    known = set(User.objects.values_list("email", flat=True))
    for name, description, nuts, users in DEMO_INSTITUTIONS:
        create_institution(actor=admin, name=name, description=description, nuts_codes=nuts,
                           users=[InstitutionUserInput(user_email=e, access_level=level)
                                  for e, level in users if e in known])
        stdout.write(f"Controller institution: {name}")
