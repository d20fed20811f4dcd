"""Programme set-up the calls refer to, and call payloads."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from jems.checklists.models import ProgrammeChecklist
from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost
from jems.priorities.models import ProgrammePriority, ProgrammeSpecificObjective
from jems.programme.models import ProgrammeFund, ProgrammeStrategy, StateAid


class Setup:
    """Ids of the programme items a call can choose from."""

    def __init__(self):
        self.funds = list(ProgrammeFund.objects.order_by("id")[:2])
        ProgrammeFund.objects.filter(pk__in=[f.pk for f in self.funds]).update(selected=True)
        priority = ProgrammePriority.objects.create(code="P1", title={"EN": "Smarter"}, objective="PO1")
        self.objectives = [
            ProgrammeSpecificObjective.objects.create(priority=priority, programme_objective_policy=policy,
                                                      code=code)
            for policy, code in (("AdvancedTechnologies", "SO1.1"), ("Digitisation", "SO1.2"))
        ]
        ProgrammeStrategy.objects.filter(strategy__in=["EUStrategyDanubeRegion", "EuropeanGreenDeal"]).update(
            active=True)
        self.strategies = ["EUStrategyDanubeRegion", "EuropeanGreenDeal"]
        self.state_aids = [StateAid.objects.create(measure="GENERAL_DE_MINIMIS", name={"EN": "de minimis"}),
                           StateAid.objects.create(measure="GBER_ARTICLE_20", name={"EN": "GBER 20"})]
        self.lump_sums = [ProgrammeLumpSum.objects.create(name={"EN": f"LS {i}"}, cost=Decimal("1000.00"),
                                                          categories=["StaffCosts", "TravelAndAccommodationCosts"])
                          for i in range(2)]
        self.unit_costs = [ProgrammeUnitCost.objects.create(name={"EN": f"UC {i}"}, type={"EN": "day"},
                                                            cost_per_unit=Decimal("250.00"),
                                                            categories=["StaffCosts"], one_cost_category=True)
                           for i in range(2)]
        self.checklists = [ProgrammeChecklist.objects.create(type="APPLICATION_FORM_ASSESSMENT", name=f"CL {i}",
                                                             last_modification_date=timezone.now())
                           for i in range(2)]


@pytest.fixture
def setup(db):
    return Setup()


def payload(setup, **overrides) -> dict:
    now = timezone.now().replace(microsecond=0)
    body = {
        "name": "Call 2026",
        "type": "STANDARD",
        "startDateTime": (now - timedelta(days=1)).isoformat(),
        "endDateTime": (now + timedelta(days=30)).isoformat(),
        "endDateTimeStep1": None,
        "additionalFundAllowed": False,
        "directContributionsAllowed": True,
        "lengthOfPeriod": 6,
        "description": [{"language": "EN", "translation": "The first call"}],
        "priorityPolicies": ["AdvancedTechnologies"],
        "strategies": ["EUStrategyDanubeRegion"],
        "funds": [{"programmeFund": {"id": setup.funds[0].pk, "selected": True}, "rate": 80, "adjustable": True}],
        "stateAidIds": [setup.state_aids[0].pk],
    }
    body.update(overrides)
    return body
