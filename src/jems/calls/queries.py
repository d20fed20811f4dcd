"""The read layer of calls: lists, the detail with everything it refers to (a fixed number of queries), the
checklist selection, the open calls of the dashboard, and `any_call_published` for the programme lock.

Visibility: CallRetrieve (or CallUpdate) sees every call; CallPublishedRetrieve sees published calls only.
"""

from django.db.models import Prefetch, Q
from django.utils import timezone

from jems.accounts.privileges import Privilege
from jems.checklists.models import ProgrammeChecklist
from jems.core.errors import Forbidden, NotFound
from jems.core.pagination import PageRequest, paginate
from jems.priorities.models import ProgrammeSpecificObjective

from .models import Call, CallFund, CallStatus

CALL_SORT_FIELDS = {"id": "id", "name": "name", "status": "status", "startDateTime": "start_date",
                    "endDateTime": "end_date", "endDateTimeStep1": "end_date_step1", "type": "type"}
CHECKLIST_SORT_FIELDS = {"id": "id", "name": "name", "type": "type", "lastModificationDate": "last_modification_date"}


def any_call_published() -> bool:
    """True once a call has been published: from then on the programme setup is locked."""
    return Call.objects.filter(status=CallStatus.PUBLISHED).exists()


def sees_all_calls(actor) -> bool:
    return bool(actor and actor.is_authenticated and (
        actor.has_privilege(Privilege.CallRetrieve) or actor.has_privilege(Privilege.CallUpdate)))


def sees_published_calls(actor) -> bool:
    return bool(actor and actor.is_authenticated and actor.has_privilege(Privilege.CallPublishedRetrieve))


def _visible(actor):
    if sees_all_calls(actor):
        return Call.objects.all()
    if sees_published_calls(actor):
        return Call.objects.filter(status=CallStatus.PUBLISHED)
    raise Forbidden()


def detail_queryset():
    """Calls with everything the detail shows, prefetched."""
    return Call.objects.prefetch_related(
        Prefetch("specific_objectives",
                 queryset=ProgrammeSpecificObjective.objects.select_related("priority").order_by("id")),
        Prefetch("funds", queryset=CallFund.objects.select_related("fund").order_by("fund_id")),
        "state_aids", "lump_sums", "unit_costs", "flat_rates",
    )


def get_call(*, actor, call_id: int) -> Call:
    """One call with its settings (fixed number of queries)."""
    call = detail_queryset().filter(pk=call_id).first()
    if call is None:
        raise NotFound(key="call.not.found", code="S-CALL-404")
    if not sees_all_calls(actor):
        if not (sees_published_calls(actor) and call.is_published):
            if sees_published_calls(actor):
                raise NotFound(key="call.not.found", code="S-CALL-404")
            raise Forbidden()
    return call


def call_for_update(*, actor, call_id: int) -> Call:
    """The call as an editor sees it (for pages); CallRetrieve is enough to read."""
    if not sees_all_calls(actor):
        raise Forbidden()
    return get_call(actor=actor, call_id=call_id)


def search_calls(*, actor, page: PageRequest, status: str | None = None, type: str | None = None,
                 name: str | None = None):
    """A page of calls (two queries), filtered by status, type and part of the name."""
    calls = _visible(actor)
    if status:
        calls = calls.filter(status=status)
    if type:
        calls = calls.filter(type=type)
    if name:
        calls = calls.filter(name__icontains=name.strip())
    return paginate(calls, page)


def published_calls(*, actor, page: PageRequest):
    """A page of published calls (CallPublishedRetrieve or CallRetrieve)."""
    if not (sees_all_calls(actor) or sees_published_calls(actor)):
        raise Forbidden()
    return paginate(Call.objects.filter(status=CallStatus.PUBLISHED), page)


def call_names(*, actor, status: str | None = None) -> list[tuple[int, str]]:
    """(id, name) of the visible calls, newest first, optionally of one status."""
    calls = _visible(actor)
    if status:
        calls = calls.filter(status=status)
    return list(calls.order_by("-id").values_list("id", "name"))


def open_calls(*, actor) -> list[Call]:
    """Published calls whose application window is open now (dashboard); [] without CallPublishedRetrieve."""
    if not sees_published_calls(actor):
        return []
    now = timezone.now()
    return list(Call.objects.filter(status=CallStatus.PUBLISHED, start_date__lte=now)
                .filter(Q(end_date_step1__isnull=True, end_date__gte=now) | Q(end_date_step1__gte=now))
                .order_by("end_date", "id"))


def checklists_page(*, actor, call_id: int, page: PageRequest):
    """A page of all programme checklist templates with whether the call selected them (three queries)."""
    call = _visible(actor).filter(pk=call_id).first()
    if call is None:
        raise NotFound(key="call.not.found", code="S-CALL-404")
    selected = set(call.checklists.values_list("pk", flat=True))
    items, total = paginate(ProgrammeChecklist.objects.all(), page)
    return call, [(checklist, checklist.pk in selected) for checklist in items], total


def all_checklists(*, actor, call_id: int):
    """Every checklist template with its selection flag, by type and name (for the page)."""
    call = _visible(actor).filter(pk=call_id).first()
    if call is None:
        raise NotFound(key="call.not.found", code="S-CALL-404")
    selected = set(call.checklists.values_list("pk", flat=True))
    return call, [(c, c.pk in selected) for c in ProgrammeChecklist.objects.order_by("type", "name", "id")]


def form_field_configurations(call: Call) -> list[dict]:
    """The call's application-form field configuration (from the form-configuration area), as API rows."""
    try:
        from jems.calls.form_config import queries as form_config_queries
    except ImportError:
        return []
    render = getattr(form_config_queries, "field_configurations_for_api", None)
    return list(render(call)) if render else []


def _fund_label(fund) -> str:
    from .forms import text
    return text(fund.abbreviation, fund.get_type_display())


def general_options(call: Call | None) -> dict:
    """The programme items the general settings offer (value, label), and those a published call keeps."""
    from jems.core.messages import text_for
    from jems.priorities.queries import specific_objective_label
    from jems.programme.models import ProgrammeFund, ProgrammeStrategy, StateAid

    from .forms import text

    selected_policies = {so.programme_objective_policy for so in call.specific_objectives.all()} if call else set()
    selected_funds = {row.fund_id for row in call.funds.all()} if call else set()
    selected_aids = {aid.pk for aid in call.state_aids.all()} if call else set()
    selected_strategies = set(call.strategies) if call else set()
    objectives = [(so.programme_objective_policy, f"{so.priority.code} · {specific_objective_label(so)}")
                  for so in ProgrammeSpecificObjective.objects.select_related("priority")
                  .order_by("priority__code", "id")]
    strategy_codes = set(ProgrammeStrategy.objects.filter(active=True).values_list("strategy", flat=True))
    strategies = [(code, text_for(f"programme.strategy.{code}")) for code, _label in
                  ProgrammeStrategy._meta.get_field("strategy").choices
                  if code in strategy_codes | selected_strategies]
    funds = [(fund.pk, _fund_label(fund)) for fund in
             ProgrammeFund.objects.filter(Q(selected=True) | Q(pk__in=selected_funds)).order_by("id")]
    aids = [(str(aid.pk), text(aid.abbreviated_name) or text(aid.name, aid.get_measure_display()))
            for aid in StateAid.objects.order_by("id")]
    published = bool(call and call.is_published)
    kept = {"objectives": selected_policies if published else set(),
            "strategies": selected_strategies if published else set(),
            "state_aids": {str(pk) for pk in selected_aids} if published else set(),
            "funds": selected_funds if published else set()}
    return {"objectives": objectives, "strategies": strategies, "funds": funds, "state_aids": aids, "kept": kept}


def budget_options(call: Call) -> dict:
    """The programme lump sums and unit costs offered (value, label), and those a published call keeps."""
    from jems.cost_options.models import ProgrammeLumpSum, ProgrammeUnitCost

    from .forms import text

    lump_sums = [(str(item.pk), f"{text(item.name, f'#{item.pk}')} ({item.cost} EUR)")
                 for item in ProgrammeLumpSum.objects.order_by("id")]
    unit_costs = [(str(item.pk), f"{text(item.name, f'#{item.pk}')} ({item.cost_per_unit} EUR / "
                   f"{text(item.type, '-')})")
                  for item in ProgrammeUnitCost.objects.filter(project_defined=False).order_by("id")]
    kept = {"lump_sums": {str(item.pk) for item in call.lump_sums.all()} if call.is_published else set(),
            "unit_costs": {str(item.pk) for item in call.unit_costs.all()} if call.is_published else set()}
    return {"lump_sums": lump_sums, "unit_costs": unit_costs, "kept": kept}


def call_version(call: Call) -> str:
    """A fingerprint of everything a call page shows; a page sends it back so that a save based on settings
    someone else changed meanwhile is refused (optimistic locking)."""
    import hashlib
    import json

    fresh = Call.objects.filter(pk=call.pk).values().first() or {}
    state = {
        "call": {key: str(value) for key, value in fresh.items() if key != "created_at"},
        "objectives": sorted(call.specific_objectives.values_list("pk", flat=True)),
        "state_aids": sorted(call.state_aids.values_list("pk", flat=True)),
        "lump_sums": sorted(call.lump_sums.values_list("pk", flat=True)),
        "unit_costs": sorted(call.unit_costs.values_list("pk", flat=True)),
        "checklists": sorted(call.checklists.values_list("pk", flat=True)),
        "funds": sorted((f, str(r), a) for f, r, a in CallFund.objects.filter(call_id=call.pk)
                        .values_list("fund_id", "rate", "adjustable")),
        "flat_rates": sorted(call.flat_rates.model.objects.filter(call_id=call.pk)
                             .values_list("type", "rate", "adjustable")),
    }
    return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()[:20]
