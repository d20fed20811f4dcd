"""Restore the partner co-financing from a version snapshot (RESTORE_PARTS, used when a modification is rejected):
both sets (management and SPF) of every partner are replaced by the frozen ones; contributions get their frozen
ids back where free."""

from jems.programme.models import ProgrammeFund

from .parts import KINDS, from_snapshot

RANK = 40  # after the partners


def restore(project, snapshot: dict, ids: dict) -> None:
    """RESTORE_PARTS entry: funds and partner contributions of the version (a fund deleted since is dropped)."""
    partners = ids.get("partners", {})
    funds = set(ProgrammeFund.objects.values_list("pk", flat=True))
    for kind, (_key, line_model, contribution_model) in KINDS.items():
        line_model.objects.filter(project_partner__project=project).delete()
        contribution_model.objects.filter(project_partner__project=project).delete()
        sets = from_snapshot(snapshot, kind)
        taken = set(contribution_model.objects.filter(
            pk__in=[c.get("id") for data in sets.values() for c in data["partnerContributions"]])
            .values_list("pk", flat=True))
        lines, contributions = [], []
        for partner_id, data in sets.items():
            live_id = partners.get(partner_id)
            if live_id is None:
                continue
            lines += [line_model(project_partner_id=live_id, fund_type=f["fundType"], percentage=f["percentage"],
                                 fund_id=f.get("fundId") if f.get("fundId") in funds else None, order_nr=number)
                      for number, f in enumerate(data["finances"], start=1)]
            contributions += [contribution_model(
                pk=c.get("id") if c.get("id") not in taken else None, project_partner_id=live_id, name=c.get("name") or "",
                status=c["status"], amount=c["amount"], partner=bool(c.get("partner")), order_nr=number)
                for number, c in enumerate(data["partnerContributions"], start=1)]
        line_model.objects.bulk_create(lines)
        contribution_model.objects.bulk_create(contributions)
