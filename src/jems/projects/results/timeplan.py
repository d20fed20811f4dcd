"""C.6 time plan: a Gantt chart laid out as table rows, computed from the work plan and the results (Jems stores
nothing of its own for it).

Columns are the project's periods. Each work package gives a group of rows: the work package (a bar over the
span of its activities), each activity (a bar from its start to its end period), its deliverables and the work
package's outputs (a marker in their period). The results follow in a group of their own. Every bar and marker
carries a text alternative ("Activity 1.2: periods 2–4")."""

from dataclasses import dataclass, field

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from jems.priorities.ui import text_in


@dataclass
class Cell:
    """A stretch of `span` period columns: empty, a bar or a marker with its text alternative."""

    span: int
    kind: str = "empty"
    label: str = ""
    short: str = ""


@dataclass
class Row:
    """One line of the chart: what it is, its heading and its cells (or a note when it has no period)."""

    kind: str
    code: str
    title: str
    cells: list[Cell]
    note: str = ""
    deactivated: bool = False


@dataclass
class Group:
    """The rows of one work package, or of the results."""

    title: str
    rows: list[Row] = field(default_factory=list)
    heading: bool = False  # shown as a heading row (the work packages' own row serves as theirs)


def _range_text(start: int, end: int) -> str:
    if start == end:
        return _("period %(n)s") % {"n": start}
    return _("periods %(start)s–%(end)s") % {"start": start, "end": end}


def _cells(count: int, start: int | None, end: int | None, name: str) -> tuple[list[Cell], str]:
    """The cells of a row with a bar (start < end) or a marker (start == end), or a note why it has none."""
    if start is None or end is None:
        return [Cell(1) for _i in range(count)], _("No period set.")
    if start > count or end < start:
        return [Cell(1) for _i in range(count)], _("Outside the periods of the project (%(range)s).") % {
            "range": _range_text(start, end)}
    first, last = max(start, 1), min(end, count)
    kind = "marker" if start == end else "bar"
    label = f"{name}: {_range_text(start, end)}"
    short = str(start) if start == end else f"{start}–{end}"
    cells = [Cell(1) for _i in range(first - 1)]
    cells.append(Cell(last - first + 1, kind, label, short))
    cells.extend(Cell(1) for _i in range(count - last))
    return cells, ""


def _row(kind: str, code: str, title: str, count: int, start, end, deactivated: bool, name: str) -> Row:
    cells, note = _cells(count, start, end, name)
    return Row(kind=kind, code=code, title=title, cells=cells, note=note, deactivated=deactivated)


def _package_group(wp: dict, count: int) -> Group:
    number = wp["number"]
    starts = [a["startPeriod"] for a in wp["activities"] if a["startPeriod"] is not None]
    ends = [a["endPeriod"] for a in wp["activities"] if a["endPeriod"] is not None]
    code = _("WP%(n)s") % {"n": number}
    group = Group(title=f"{code} {text_in(wp['name'])}".strip())
    group.rows.append(_row("workPackage", code, text_in(wp["name"]), count, min(starts, default=None),
                           max(ends, default=None), wp["deactivated"], _("Work package %(n)s") % {"n": number}))
    for activity in wp["activities"]:
        a_code = f"{number}.{activity['number']}"
        group.rows.append(_row("activity", _("A%(code)s") % {"code": a_code}, text_in(activity["title"]), count,
                               activity["startPeriod"], activity["endPeriod"], activity["deactivated"],
                               _("Activity %(code)s") % {"code": a_code}))
        for deliverable in activity["deliverables"]:
            d_code = f"{a_code}.{deliverable['number']}"
            group.rows.append(_row("deliverable", _("D%(code)s") % {"code": d_code}, text_in(deliverable["title"]), count,
                                   deliverable["period"], deliverable["period"], deliverable["deactivated"],
                                   _("Deliverable %(code)s") % {"code": d_code}))
    for output in wp["outputs"]:
        o_code = f"{number}.{output['number']}"
        group.rows.append(_row("output", _("O%(code)s") % {"code": o_code}, text_in(output["title"]), count,
                               output["periodNumber"], output["periodNumber"], output["deactivated"],
                               _("Output %(code)s") % {"code": o_code}))
    return group


def _results_group(results: list[dict], count: int) -> Group:
    group = Group(title=_("Results"), heading=True)
    for result in results:
        number = result["resultNumber"]
        title = " – ".join(part for part in (result["programmeResultIndicatorIdentifier"],
                                             Truncator(text_in(result["description"])).chars(80)) if part)
        group.rows.append(_row("result", _("R%(n)s") % {"n": number}, title, count, result["periodNumber"], result["periodNumber"], result["deactivated"],
                               _("Result %(n)s") % {"n": number}))
    return group


def chart(work_plan: list[dict], results: list[dict], periods: list[dict]) -> list[Group]:
    """The row groups of the chart for the given periods (columns)."""
    count = len(periods)
    groups = [_package_group(wp, count) for wp in work_plan]
    if results:
        groups.append(_results_group(results, count))
    return groups
