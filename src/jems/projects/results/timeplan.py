"""C.6 time plan: a Gantt chart laid out as table rows, computed from the work plan and the results (Jems stores
nothing of its own for it).

Columns are the project's periods. Each work package gives a group of rows: the work package (a bar over the
span of its activities), each activity (a bar from its start to its end period), its deliverables and the work
package's outputs (a marker in their period). The results follow in a group of their own. Every bar and marker
carries a text alternative ("Activity 1.2: periods 2–4")."""

from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from jems.priorities.ui import text_in


@dataclass
class Cell:
    """A stretch of `span` period columns: empty, a bar or a marker with its text alternative."""

    span: int
    kind: str = "empty"
    label: str = ""
    short: str = ""

    def markup(self, deactivated: bool) -> str:
        colspan = f' colspan="{self.span}"' if self.span > 1 else ""
        if self.kind == "empty":
            return f'<td class="gantt__cell"{colspan}></td>'
        off = f" gantt__{self.kind}--off" if deactivated else ""
        symbol = "◆ " if self.kind == "marker" else ""
        return (f'<td class="gantt__cell"{colspan}><span class="gantt__{self.kind}{off}"><span class="visually-hidden">'
                f'{escape(self.label)}</span><span aria-hidden="true">{symbol}{escape(self.short)}</span></span></td>')


@dataclass
class Row:
    """One line of the chart: what it is, its heading and its cells (or a note when it has no period)."""

    kind: str
    code: str
    title: str
    cells: list[Cell]
    note: str = ""
    deactivated: bool = False

    def markup(self, deactivated_text: str) -> str:
        """The table row (built here rather than in the template: a maxed-out plan has thousands of rows)."""
        state = f' <span class="gantt__state">({deactivated_text})</span>' if self.deactivated else ""
        note = f'<span class="gantt__note">{escape(self.note)}</span>' if self.note else ""
        cells = "".join(cell.markup(self.deactivated) for cell in self.cells)
        return (f'<tr class="gantt__row gantt__row--{self.kind}"><th scope="row" class="gantt__item">'
                f'<span class="gantt__code">{escape(self.code)}</span> {escape(self.title)}{state}{note}</th>'
                f'{cells}</tr>\n')


@dataclass
class Group:
    """The rows of one work package, or of the results."""

    title: str
    rows: list[Row] = field(default_factory=list)
    heading: bool = False  # shown as a heading row (the work packages' own row serves as theirs)
    html: SafeString = mark_safe("")  # the markup of the rows


class _Texts:
    """The translated texts of one chart, looked up once (not once per row)."""

    def __init__(self):
        self.language = (get_language() or "en").split("-")[0].upper()
        self.deactivated = escape(_("deactivated"))
        self.period = _("period %(n)s")
        self.periods = _("periods %(start)s–%(end)s")
        self.no_period = _("No period set.")
        self.outside = _("Outside the periods of the project (%(range)s).")
        self.codes = {"workPackage": _("WP%(n)s"), "activity": _("A%(code)s"), "deliverable": _("D%(code)s"),
                      "output": _("O%(code)s"), "result": _("R%(n)s")}
        self.names = {"workPackage": _("Work package %(n)s"), "activity": _("Activity %(code)s"),
                      "deliverable": _("Deliverable %(code)s"), "output": _("Output %(code)s"),
                      "result": _("Result %(n)s")}

    def text(self, translations) -> str:
        return text_in(translations, self.language)

    def range(self, start: int, end: int) -> str:
        if start == end:
            return self.period % {"n": start}
        return self.periods % {"start": start, "end": end}


def _cells(texts: _Texts, count: int, start: int | None, end: int | None, name: str) -> tuple[list[Cell], str]:
    """The cells of a row with a bar (start < end) or a marker (start == end), or a note why it has none. The empty
    periods before and after are one cell each (spanning their periods): the markup stays small."""
    if start is None or end is None:
        return [Cell(count)], texts.no_period
    if start > count or end < start:
        return [Cell(count)], texts.outside % {"range": texts.range(start, end)}
    first, last = max(start, 1), min(end, count)
    kind = "marker" if start == end else "bar"
    short = str(start) if start == end else f"{start}–{end}"
    cells = [Cell(first - 1)] if first > 1 else []
    cells.append(Cell(last - first + 1, kind, f"{name}: {texts.range(start, end)}", short))
    if last < count:
        cells.append(Cell(count - last))
    return cells, ""


def _row(texts: _Texts, kind: str, code: dict, title: str, count: int, start, end, deactivated: bool) -> Row:
    cells, note = _cells(texts, count, start, end, texts.names[kind] % code)
    return Row(kind=kind, code=texts.codes[kind] % code, title=title, cells=cells, note=note, deactivated=deactivated)


def _package_group(texts: _Texts, wp: dict, count: int) -> Group:
    number = wp["number"]
    starts = [a["startPeriod"] for a in wp["activities"] if a["startPeriod"] is not None]
    ends = [a["endPeriod"] for a in wp["activities"] if a["endPeriod"] is not None]
    name = texts.text(wp["name"])
    group = Group(title=f"{texts.codes['workPackage'] % {'n': number}} {name}".strip())
    group.rows.append(_row(texts, "workPackage", {"n": number}, name, count, min(starts, default=None),
                           max(ends, default=None), wp["deactivated"]))
    for activity in wp["activities"]:
        a_code = f"{number}.{activity['number']}"
        group.rows.append(_row(texts, "activity", {"code": a_code}, texts.text(activity["title"]), count,
                               activity["startPeriod"], activity["endPeriod"], activity["deactivated"]))
        for deliverable in activity["deliverables"]:
            group.rows.append(_row(texts, "deliverable", {"code": f"{a_code}.{deliverable['number']}"},
                                   texts.text(deliverable["title"]), count, deliverable["period"],
                                   deliverable["period"], deliverable["deactivated"]))
    for output in wp["outputs"]:
        group.rows.append(_row(texts, "output", {"code": f"{number}.{output['number']}"},
                               texts.text(output["title"]), count, output["periodNumber"], output["periodNumber"],
                               output["deactivated"]))
    return group


def _results_group(texts: _Texts, results: list[dict], count: int) -> Group:
    group = Group(title=_("Results"), heading=True)
    for result in results:
        title = " – ".join(part for part in (result["programmeResultIndicatorIdentifier"],
                                             Truncator(texts.text(result["description"])).chars(80)) if part)
        group.rows.append(_row(texts, "result", {"n": result["resultNumber"]}, title, count, result["periodNumber"],
                               result["periodNumber"], result["deactivated"]))
    return group


def chart(work_plan: list[dict], results: list[dict], periods: list[dict]) -> list[Group]:
    """The row groups of the chart for the given periods (columns)."""
    count = len(periods)
    texts = _Texts()
    groups = [_package_group(texts, wp, count) for wp in work_plan]
    if results:
        groups.append(_results_group(texts, results, count))
    for group in groups:
        group.html = mark_safe("".join(row.markup(texts.deactivated) for row in group.rows))  # every part is escaped
    return groups
