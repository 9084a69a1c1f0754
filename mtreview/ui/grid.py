"""The segment grid of the Review tab: a review's text as segments, in pages, with their source and flags.

A segment is a non-blank line of the reviewed text (a paragraph, or one unit of a bilingual file), cut at
sentence ends when it is longer than 5,000 characters, exactly as :func:`mtreview.document.line_segments`
cuts it for the detectors. :class:`ReviewIndex` holds a review's segments, the source of each (from a
bilingual file, or a source aligned by line) and the flags of each; it is built once per review and fed
page by page while a review runs, so a view costs the page it shows, not the whole text.

:meth:`ReviewIndex.select` applies the filters (the review's categories and threshold, then the grid's
severity, status, free text and "only segments with flags", :class:`GridFilter`) and :func:`paginate`
cuts the segments shown into pages of :data:`PAGE_SEGMENTS`. The page is what the browser gets: the
highlighted text, the grid (:func:`grid_html`: number, source, target with its flags, flags), the side by
side (:func:`page_diff_html`), the flags table — never the whole review.

Pure functions and plain data; every string from the input goes through :func:`~mtreview.ui.views.esc`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..flags import Flag
from ..store import PENDING, Decision
from .decisions import segment_decision_id, status_of
from .messages import plural
from .views import STATUS_MARKS, _diff_pair, colour_map, esc, flag_label, highlight_segments

#: segments on one page of the grid (the page is all the browser holds of a review)
PAGE_SEGMENTS = 50
SEVERITY_CHOICES = ("critical", "major", "minor")
STATUS_CHOICES = ("pending", "accepted", "edited", "rejected")


@dataclass
class GridFilter:
    """The grid's own filters and position: ``severities`` and ``statuses`` (None: all), ``query``
    (free text, in the target, the source or a flag), ``only_flagged`` (hide segments without a shown
    flag), ``page`` (1-based; None: the page of the selected flag) and ``segment`` (the selected one)."""

    severities: Sequence[str] | None = None
    statuses: Sequence[str] | None = None
    query: str = ""
    only_flagged: bool = False
    page: int | None = None
    segment: int | None = None

    @classmethod
    def of(cls, severities: Iterable[str] | None = None, statuses: Iterable[str] | None = None,
           query: str | None = "", only_flagged: bool | None = False, page: Any = None,
           segment: Any = None) -> GridFilter:
        """A filter from what the page sends (all severities or statuses ticked mean no filter)."""
        sev = list(severities) if severities is not None else None
        st = list(statuses) if statuses is not None else None
        return cls(None if sev is None or set(sev) >= set(SEVERITY_CHOICES) else sev,
                   None if st is None or set(st) >= set(STATUS_CHOICES) else st,
                   (query or "").strip(), bool(only_flagged), _int(page), _int(segment))


def _int(value: Any) -> int | None:
    try:
        return None if value is None or value == "" else int(value)
    except (TypeError, ValueError):
        return None


class ReviewIndex:
    """A review's segments (start, end, line), the source of each, and the flags of each.

    ``reviewed_to``: the text is reviewed up to this offset (a review that is running, or was stopped);
    only the segments before it are shown.
    """

    def __init__(self, text: str, source: str | None = None, units: Sequence[str] = (),
                 flags: Iterable[Flag] = (), reviewed_to: int | None = None) -> None:
        from ..document import line_segments

        self.text = text
        self.source = source
        self.units = list(units)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        segs = line_segments(text)
        self.starts = [s.start for s in segs]
        self.ends = [s.end for s in segs]
        self.lines = [bisect_right(self.line_starts, s) for s in self.starts]
        self.sources = self._align(source, bool(units))
        self.flags: list[Flag] = []
        self.by_seg: list[list[Flag]] = [[] for _ in segs]
        self.by_id: dict[str, Flag] = {}
        self.reviewed_to = len(text) if reviewed_to is None else int(reviewed_to)
        self._spans = {(s, e): i for i, (s, e) in enumerate(zip(self.starts, self.ends, strict=True))}
        self.add(flags)

    # ------------------------------------------------------------------------------ building
    def _align(self, source: str | None, by_line: bool) -> list[str] | None:
        """The source of each segment (on its line's first piece), or None without a usable source.

        A bilingual file's source is aligned line by line; a pasted or uploaded source by its non-blank
        lines (as the detectors align it), else line by line when both have as many lines."""
        if not source or not source.strip():
            return None
        src = [ln.rstrip("\r") for ln in source.split("\n")]
        lines = self.text.split("\n")
        if src and src[-1] == "" and lines and lines[-1] == "":
            src, lines = src[:-1], lines[:-1]
        by_index: dict[int, str] = {}
        if by_line:
            by_index = dict(enumerate(src))
        else:
            nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
            src_nb = [ln for ln in src if ln.strip()]
            if len(nonblank) == len(src_nb):
                by_index = dict(zip(nonblank, src_nb, strict=True))
            elif len(src) == len(lines):
                by_index = dict(enumerate(src))
            else:
                return None
        out = []
        for i, line in enumerate(self.lines):
            first = i == 0 or self.lines[i - 1] != line
            out.append(by_index.get(line - 1, "") if first else "")
        return out

    @property
    def has_source(self) -> bool:
        return self.sources is not None

    def segment_of(self, offset: int) -> int:
        """The index of the segment holding ``offset`` (a flag between segments: the one before)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def add(self, flags: Iterable[Flag]) -> None:
        """Add flags (any order) to their segments."""
        if not self.starts:
            return
        for f in flags:
            seg = self.by_seg[self.segment_of(f.start)]
            if not seg or seg[-1].start <= f.start:
                seg.append(f)
            else:
                insort(seg, f, key=lambda g: g.start)
            if not self.flags or self.flags[-1].start <= f.start:
                self.flags.append(f)
            else:
                insort(self.flags, f, key=lambda g: g.start)
            self.by_id[f.id] = f

    # ----------------------------------------------------------------------------- reading
    def line_of(self, offset: int) -> int:
        """The 1-based line of ``offset``."""
        return bisect_right(self.line_starts, offset)

    def segment_text(self, i: int) -> str:
        return self.text[self.starts[i]:self.ends[i]]

    def source_of(self, i: int) -> str | None:
        return self.sources[i] if self.sources is not None else None

    def reviewed_segments(self) -> int:
        """How many segments (from the first) are reviewed."""
        return bisect_right(self.ends, self.reviewed_to)

    def segment_edits(self, decisions: Mapping[str, Decision]) -> dict[int, Decision]:
        """The whole-segment edits by segment index."""
        out = {}
        for key, d in decisions.items():
            if key[:1] != "s" or d.status != "edited":
                continue
            m = re.fullmatch(r"s(\d+)-(\d+)", key)
            i = self._spans.get((int(m[1]), int(m[2]))) if m else None
            if i is not None:
                out[i] = d
        return out

    def corrected_segment(self, i: int, decisions: Mapping[str, Decision],
                          edits: Mapping[int, Decision] | None = None) -> str:
        """Segment ``i`` as it is now: its whole-segment edit, else the text with its decided flags applied."""
        edits = self.segment_edits(decisions) if edits is None else edits
        if i in edits:
            return edits[i].replacement or ""
        start, end = self.starts[i], self.ends[i]
        out: list[str] = []
        pos = start
        for f in sorted(self.by_seg[i], key=lambda f: (f.start, f.end)):  # as decided_changes applies them
            d = decisions.get(f.id)
            if d is None or d.status not in ("accepted", "edited") or d.replacement is None:
                continue
            if f.start < pos or f.end > end:
                continue
            out += [self.text[pos:f.start], d.replacement]
            pos = f.end
        out.append(self.text[pos:end])
        return "".join(out)

    def select(self, decisions: Mapping[str, Decision], categories: Iterable[str] | None, threshold: float,
               grid: GridFilter) -> tuple[list[int], dict[int, list[Flag]]]:
        """The segments the grid shows (indices in order) and the shown flags of each."""
        cats = None if categories is None else set(categories)
        thr = float(threshold or 0.0)
        sev = set(grid.severities) if grid.severities is not None else None
        sts = set(grid.statuses) if grid.statuses is not None else None
        query = grid.query.casefold()
        edits = self.segment_edits(decisions) if (grid.only_flagged and (sts is None or "edited" in sts)) else {}
        rows: list[int] = []
        flags_of: dict[int, list[Flag]] = {}
        for i in range(self.reviewed_segments()):
            shown = [f for f in self.by_seg[i]
                     if f.confidence >= thr and (cats is None or f.category in cats)
                     and (sev is None or f.severity in sev) and (sts is None or status_of(f, decisions) in sts)]
            if grid.only_flagged and not shown and i not in edits:
                continue
            if query and not self._matches(i, shown, query):
                continue
            rows.append(i)
            if shown:
                flags_of[i] = shown
        return rows, flags_of

    def _matches(self, i: int, flags: Sequence[Flag], query: str) -> bool:
        if query in self.segment_text(i).casefold():
            return True
        src = self.source_of(i)
        if src and query in src.casefold():
            return True
        return any(query in f.category or query in f.text.casefold() or query in f.explanation.casefold()
                   or any(query in s.casefold() for s in f.suggestions) for f in flags)


@dataclass
class GridPage:
    """One page of the grid: its ``number`` (1-based) of ``count``, the segment indices on it (``rows``),
    and the shown flags on it by position (``flags``); ``total`` segments are shown over all pages."""

    number: int
    count: int
    rows: list[int]
    flags: list[Flag]
    total: int
    first: int = 0  # position of the page's first segment among the shown ones
    flags_of: dict[int, list[Flag]] = field(default_factory=dict)


def page_of_row(rows: Sequence[int], segment: int) -> int | None:
    """The page (1-based) that shows segment ``segment``, None when it is not shown."""
    pos = bisect_left(rows, segment)
    return pos // PAGE_SEGMENTS + 1 if pos < len(rows) and rows[pos] == segment else None


def paginate(rows: list[int], flags_of: dict[int, list[Flag]], page: int) -> GridPage:
    """Page ``page`` (clamped to the pages there are) of the shown segments."""
    count = max(1, -(-len(rows) // PAGE_SEGMENTS))
    number = min(max(1, int(page or 1)), count)
    first = (number - 1) * PAGE_SEGMENTS
    on_page = rows[first:first + PAGE_SEGMENTS]
    flags = [f for i in on_page for f in flags_of.get(i, ())]
    return GridPage(number, count, on_page, flags, len(rows), first, {i: flags_of[i] for i in on_page if i in flags_of})


# ---------------------------------------------------------------------------------------- rendering

def page_bounds(index: ReviewIndex, rows: Sequence[int]) -> list[tuple[int, int]]:
    """The stretches of text a page shows: one stretch of whole lines when its segments follow each
    other (from the text's start on the first page, to its end on the last), else one per segment."""
    if not rows:
        return []
    n = len(index.starts)
    if rows[-1] - rows[0] + 1 != len(rows):
        return [(index.starts[i], index.ends[i]) for i in rows]
    first, last = rows[0], rows[-1]
    lo = 0 if first == 0 else index.line_starts[index.lines[first] - 1]
    if first > 0 and index.lines[first - 1] == index.lines[first]:
        lo = index.starts[first]  # the page starts inside a long line
    if last == n - 1:
        hi = len(index.text) if index.reviewed_to >= len(index.text) else index.ends[last]
    elif index.lines[last + 1] == index.lines[last]:
        hi = index.starts[last + 1]
    else:
        hi = index.line_starts[index.lines[last + 1] - 1]
    return [(lo, max(lo, hi))]


def page_highlight(index: ReviewIndex, page: GridPage, decisions: Mapping[str, Decision]
                   ) -> tuple[list[tuple[str, str | None]], list[str | None]]:
    """The HighlightedText value of a page and the flag id of each of its pieces (None between flags)."""
    segments: list[tuple[str, str | None]] = []
    ids: list[str | None] = []
    for n, (lo, hi) in enumerate(page_bounds(index, page.rows)):
        if n:
            segments.append(("\n", None))
            ids.append(None)
        inside = [f.shifted(-lo) for f in page.flags if lo <= f.start and f.end <= hi]
        segs, seg_ids = highlight_segments(index.text[lo:hi], inside, decisions)
        segments += segs
        ids += seg_ids
    return segments, ids


def table_rows(index: ReviewIndex, flags: Sequence[Flag], decisions: Mapping[str, Decision]) -> list[list[Any]]:
    """Rows of the flags table for ``flags`` (id, status, category, line, text, suggestion, confidence)."""
    rows = []
    for f in flags:
        d = decisions.get(f.id)
        shown = d.replacement if d and d.replacement is not None else (f.suggestions[0] if f.suggestions else "")
        rows.append([f.id, d.status if d else PENDING, f.category, index.line_of(f.start), f.text, shown,
                     round(f.confidence, 3)])
    return rows


def _marked(index: ReviewIndex, i: int, flags: Sequence[Flag], decisions: Mapping[str, Decision],
            selected: str | None, colours: Mapping[str, str]) -> str:
    """Segment ``i`` as HTML with its shown flags marked (focusable, clickable, coloured by status)."""
    start, end = index.starts[i], index.ends[i]
    out: list[str] = []
    pos = start
    for f in flags:
        fs, fe = max(f.start, start), min(f.end, end)
        if fs < pos or fe < fs:
            continue
        out.append(esc(index.text[pos:fs]))
        label = flag_label(f, decisions)
        sel = " mtr-sel" if f.id == selected else ""
        out.append(f'<mark class="mtr-f{sel}" data-flag="{esc(f.id)}" data-status="{esc(status_of(f, decisions))}" '
                   f'tabindex="0" role="button" style="background:{colours.get(label, "#eee")}" '
                   f'title="{esc(f.id)} · {esc(label)} · {esc(f.severity)}">{esc(index.text[fs:fe]) or "∅"}'
                   f'<span class="mtr-lab">{esc(label)}</span></mark>')
        pos = fe
    out.append(esc(index.text[pos:end]))
    return "".join(out)


def grid_html(index: ReviewIndex, page: GridPage, decisions: Mapping[str, Decision], selected: str | None,
              segment: int | None) -> str:
    """The grid of a page: number, source (when the review has one), target with its flags marked and,
    under it, the segment as corrected when it differs, then the flags."""
    colours = colour_map()
    edits = index.segment_edits(decisions)
    head = "<th>#</th>" + ("<th>Source</th>" if index.has_source else "") + "<th>Target</th><th>Flags</th>"
    rows: list[str] = []
    for i in page.rows:
        flags = page.flags_of.get(i, [])
        classes = ["mtr-seg"] + (["mtr-seg-sel"] if i == segment else []) + (["mtr-seg-edited"] if i in edits else [])
        corrected = index.corrected_segment(i, decisions, edits)
        after = ""
        if i in edits:
            after = f'<div class="mtr-corr mtr-corr-seg" title="whole-segment edit">✎ {esc(corrected)}</div>'
        elif corrected != index.segment_text(i):
            after = f'<div class="mtr-corr">→ {esc(corrected)}</div>'
        chips = "".join(f'<span class="mtr-chip" data-status="{esc(status_of(f, decisions))}">{esc(f.id)} '
                        f"{esc(f.category)} · {esc(f.severity)}"
                        f"{(' ' + STATUS_MARKS[status_of(f, decisions)]) if status_of(f, decisions) != PENDING else ''}"
                        "</span>" for f in flags)
        src = f'<td class="src">{esc(index.source_of(i) or "")}</td>' if index.has_source else ""
        rows.append(f'<tr class="{" ".join(classes)}" data-seg="{i}"><td class="ln">{i + 1}</td>{src}'
                    f'<td class="tgt">{_marked(index, i, flags, decisions, selected, colours)}{after}</td>'
                    f'<td class="fl">{chips}</td></tr>')
    if not rows:
        rows.append(f'<tr><td colspan="{4 if index.has_source else 3}" class="mtr-empty">No segment to show '
                    "(change the filters).</td></tr>")
    return (f'<div class="mtr-grid" id="mtr-grid-view" data-page="{page.number}" data-pages="{page.count}" '
            f'data-selected="{esc(selected or "")}" data-segment="{"" if segment is None else segment}">'
            f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def page_diff_html(index: ReviewIndex, page: GridPage, decisions: Mapping[str, Decision]) -> str:
    """The side-by-side view of a page: each segment as it was and as it is now, differences marked."""
    edits = index.segment_edits(decisions)
    rows: list[str] = []
    changed = 0
    for i in page.rows:
        a, b = index.segment_text(i), index.corrected_segment(i, decisions, edits)
        ln = index.lines[i]
        if a == b:
            rows.append(f'<tr><td class="ln">{ln}</td><td class="orig">{esc(a)}</td><td class="corr">{esc(b)}</td></tr>')
            continue
        changed += 1
        left, right = _diff_pair(a, b)
        rows.append(f'<tr class="mtr-changed"><td class="ln">{ln}</td><td class="orig">{left}</td>'
                    f'<td class="corr">{right}</td></tr>')
    where = f" on this page (page {page.number} of {page.count})" if page.count > 1 else ""
    head = (f'<p class="mtr-diff-summary">{plural(changed, "changed line")}{where}</p>'
            '<table><colgroup><col style="width:3.5em"><col><col></colgroup>'
            "<thead><tr><th>#</th><th>Original</th><th>Corrected</th></tr></thead><tbody>")
    return f'<div class="mtr-diff" id="mtr-diff-view">{head}{"".join(rows)}</tbody></table></div>'


def page_info_html(index: ReviewIndex, page: GridPage) -> str:
    """«Page 2 of 57 · segments 51–100 of 2,830 shown» (and how much of the text is reviewed so far)."""
    total = len(index.starts)
    reviewed = index.reviewed_segments()
    span = f"segments {page.first + 1:,}–{page.first + len(page.rows):,} of {page.total:,} shown" if page.rows else \
        "no segment shown"
    more = "" if reviewed >= total else f" · {reviewed:,} of {total:,} segments reviewed so far"
    return (f'<div class="mtr-page-info" id="mtr-page-info-text" data-page="{page.number}" data-pages="{page.count}">'
            f"Page {page.number} of {page.count} · {span}{more}</div>")


def progress_html(job: Any, key: str | None = None) -> str:
    """The progress of a running review (a bar, how much is reviewed, the flags so far), or how a review
    ended when it did not finish (cancelled, failed); empty for a finished review. ``job``: a
    :class:`~mtreview.ui.jobs.JobProgress` or None; ``key``: the render key of the view shown with it
    (``data-key``: the page polls a running review with it, :data:`PROGRESS_JS`)."""
    if job is None or job.state == "done":
        return ""
    if job.running:
        p = progress_update(job)
        poll = f' data-key="{esc(key)}"' if key else ""
        return (f'<div class="mtr-progress" id="mtr-progress-bar" data-state="running" data-done="{p["done"]}"{poll}>'
                f'<progress max="1000" value="{p["value"]}"></progress> '
                f'<span class="mtr-progress-text">{esc(p["text"])}</span></div>')
    what = "The review failed" if job.state == "failed" else "The review was stopped"
    return (f'<div class="mtr-progress" id="mtr-progress-bar" data-state="{esc(job.state)}" '
            f'data-done="{job.fraction:.4f}">{what} after {_done(job)}: the rest of the text is not reviewed '
            "(review it again to finish).</div>")


def _done(job: Any) -> str:
    return f"{job.fraction:.0%} of the text ({job.done_chars:,} of {job.total_chars:,} characters)"


def progress_update(job: Any) -> dict[str, Any]:
    """What the page's poll changes in the progress bar of a running review, in place (:data:`PROGRESS_JS`):
    the bar's ``value`` (of 1000), ``done`` (the fraction, ``data-done``) and the ``text`` beside it."""
    return {"value": round(job.fraction * 1000), "done": f"{job.fraction:.4f}",
            "text": f"Reviewing: {_done(job)} · {plural(job.flags, 'flag')} so far · {job.seconds:.0f} s"}


def segment_edit_id(index: ReviewIndex, i: int) -> str:
    """The decision id of a whole-segment edit of segment ``i``."""
    return segment_decision_id(index.starts[i], index.ends[i])


#: the keyboard shortcuts of the Review tab: (keys, what they do), shown in the page and in docs/ui.md
KEYS = [
    ("Ctrl+Enter", "in the text box: review it"),
    ("j / k", "next / previous flag"),
    ("a", "accept the selected flag (the chosen suggestion)"),
    ("r", "reject the selected flag"),
    ("e", "edit the selected flag: type, Enter saves, Esc goes back"),
    ("u", "undo the selected flag's decision"),
    ("n / p", "next / previous segment"),
    ("s", "edit the whole segment: type, Ctrl+Enter saves, Esc goes back"),
    ("] / [", "next / previous page"),
    ("g", "switch between the text and the segment grid"),
]


def keys_html(max_bytes: int) -> str:
    """The keyboard legend; it also carries the size limit the page checks a pasted text against."""
    keys = " · ".join(f"<kbd>{esc(k)}</kbd> {esc(what)}" for k, what in KEYS)
    return (f'<div class="mtr-keys" id="mtr-keys-legend" data-max-bytes="{int(max_bytes)}">'
            f"<b>Keyboard</b> (outside a text box): {keys}</div>")


GRID_CSS = """
.mtr-grid { max-height: 62vh; overflow: auto; }
.mtr-grid table { width: 100%; border-collapse: collapse; font-size: 14px; table-layout: auto; }
.mtr-grid th { text-align: left; position: sticky; top: 0; background: var(--background-fill-secondary); z-index: 1; }
.mtr-grid td { vertical-align: top; padding: 3px 6px; border-bottom: 1px solid var(--border-color-primary);
               white-space: pre-wrap; overflow-wrap: anywhere; }
.mtr-grid td.ln { width: 3.5em; color: #777; text-align: right; }
.mtr-grid td.src { width: 38%; color: #444; }
.mtr-grid td.fl { width: 16em; font-size: 85%; }
.mtr-grid tr.mtr-seg-sel td { background: #fff8d6; }
.mtr-grid mark.mtr-f { border-radius: 4px; padding: 0 2px; cursor: pointer; color: inherit; }
.mtr-grid mark.mtr-f .mtr-lab { font-size: 62%; margin-left: 3px; opacity: .8; }
.mtr-grid mark.mtr-sel { outline: 3px solid #1a73e8; outline-offset: 1px; }
.mtr-grid mark.mtr-f:focus { outline: 3px dashed #1a73e8; }
.mtr-grid .mtr-corr { color: #1b5e20; margin-top: 2px; }
.mtr-grid .mtr-chip { display: inline-block; border: 1px solid var(--border-color-primary); border-radius: 4px;
                      padding: 0 4px; margin: 0 3px 2px 0; }
.mtr-grid .mtr-empty { color: #777; font-style: italic; }
.mtr-keys { font-size: 85%; color: #555; }
.mtr-keys kbd { border: 1px solid #bbb; border-radius: 3px; padding: 0 4px; background: #f6f6f6; }
.mtr-progress { display: flex; align-items: center; gap: 8px; }
.mtr-progress progress { width: 16em; }
"""

#: the grid's clicks and Enter on a flag select it; the selected flag is scrolled into view when it changes
GRID_JS = """
let shown = null;
const pick = (e) => {
  const m = e.target.closest('[data-flag]');
  if (m) { trigger('select', {index: 0, value: 'flag:' + m.dataset.flag}); return true; }
  const r = e.target.closest('tr[data-seg]');
  if (r) { trigger('select', {index: +r.dataset.seg, value: 'seg:' + r.dataset.seg}); return true; }
  return false;
};
element.addEventListener('click', pick);
element.addEventListener('keydown', (e) => {
  if ((e.key === 'Enter' || e.key === ' ') && e.target.closest('[data-flag]')) { e.preventDefault(); pick(e); }
});
watch('value', () => {
  const g = element.querySelector('#mtr-grid-view');
  const now = g ? (g.dataset.selected + '|' + g.dataset.segment) : null;
  if (now === shown) return;
  shown = now;
  const s = element.querySelector('mark.mtr-sel') || element.querySelector('tr.mtr-seg-sel');
  if (s && g) {
    const top = s.offsetTop - g.offsetTop;
    if (top < g.scrollTop || top > g.scrollTop + g.clientHeight - 40) g.scrollTop = Math.max(0, top - 60);
  }
});
"""

#: the poll of a running review, once a second while the progress bar has a ``data-key`` (the view shown):
#: a plain request to the progress component's server function (``poll_progress``), not a Gradio event —
#: an event costs the page a pass over its components at each of its status messages, megabytes of garbage
#: a minute while a long review runs. The answer updates the bar in place (its value, its text node: no
#: new element, so nothing waits for the garbage collector), or says ``refresh``: the page shown may grow
#: (it is not full) or the review has ended, and the ``tick`` event redraws the view (at most every two
#: seconds). A component that is not in the document any more stops its poll.
PROGRESS_JS = """
let busy = false;
let asked = 0;
const poll = setInterval(async () => {
  if (!element.isConnected) { clearInterval(poll); return; }
  const bar = element.querySelector('#mtr-progress-bar[data-key]');
  if (!bar || busy || document.hidden) return;
  busy = true;
  try {
    const r = await server.poll_progress(bar.dataset.key);
    if (!r || !bar.isConnected) return;
    if (r.refresh) {
      if (Date.now() - asked >= 2000) { asked = Date.now(); trigger('tick'); }
      return;
    }
    const meter = bar.querySelector('progress');
    const text = bar.querySelector('.mtr-progress-text');
    if (meter && meter.value !== r.value) meter.value = r.value;
    if (text && text.firstChild && text.firstChild.data !== r.text) text.firstChild.data = r.text;
    bar.dataset.done = r.done;
  } catch (e) {
    // no answer (the server is busy or restarting): the next second asks again
  } finally {
    busy = false;
  }
}, 1000);
"""

#: the keyboard shortcuts (:data:`KEYS`) and the paste check: a text over the size limit is refused in
#: the browser, before it is put in the text box (a multi-megabyte paste would stall the page)
KEYS_JS = """
if (!window.__mtrKeys) {
  window.__mtrKeys = true;
  const click = (id) => { const b = document.getElementById(id); if (b) { b.click(); return true; } return false; };
  const focusBox = (id) => {
    const el = document.querySelector('#' + id + ' textarea, #' + id + ' input');
    if (el) { el.focus(); el.select(); }
  };
  const keys = {j: 'mtr-next-flag', k: 'mtr-prev-flag', a: 'mtr-accept', r: 'mtr-reject', u: 'mtr-undo',
                n: 'mtr-next-seg', p: 'mtr-prev-seg', ']': 'mtr-next-page', '[': 'mtr-prev-page'};
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    const tag = (t && t.tagName || '').toLowerCase();
    const typing = tag === 'textarea' || tag === 'input' || tag === 'select' || (t && t.isContentEditable);
    if (typing) {
      if (e.key === 'Escape' && t.closest('#mtr-edit-text, #mtr-seg-text')) {
        e.preventDefault(); t.blur();
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && t.closest('#mtr-seg-text')) {
        e.preventDefault(); click('mtr-seg-save');
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && t.closest('#mtr-text-in, #mtr-source-in')) {
        e.preventDefault(); t.blur(); click('mtr-review-btn');
      }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || !document.getElementById('mtr-next-flag')) return;
    if (keys[e.key]) { e.preventDefault(); click(keys[e.key]); }
    else if (e.key === 'e') { e.preventDefault(); focusBox('mtr-edit-text'); }
    else if (e.key === 's') { e.preventDefault(); focusBox('mtr-seg-text'); }
    else if (e.key === 'g') {
      const tabs = [...document.querySelectorAll('#mtr-views [role=tab]')];
      const other = tabs.find((b) => b.getAttribute('aria-selected') !== 'true');
      if (other) { e.preventDefault(); other.click(); }
    }
  });
  const limit = () => +((document.querySelector('[data-max-bytes]') || {dataset: {}}).dataset.maxBytes || 0);
  const refuse = (e, text) => {
    const box = e.target && e.target.closest && e.target.closest('#mtr-text-in, #mtr-source-in');
    const max = limit();
    if (!box || !max || !text) return;
    const bytes = new Blob([text]).size + new Blob([e.target.value || '']).size;
    if (bytes <= max) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const mb = (n) => +(n / 1048576).toFixed(1) + ' MB';
    const msg = 'Not pasted: the text would be ' + mb(bytes) + ', more than the limit of ' + mb(max) +
      ' for the review UI; split it, or use `mtreview check` on the command line.';
    const st = document.querySelector('#mtr-status .mtr-status');
    if (st) { st.textContent = msg; st.className = 'mtr-status mtr-error'; }
  };
  document.addEventListener('paste', (e) => refuse(e, (e.clipboardData || window.clipboardData).getData('text')), true);
  document.addEventListener('drop', (e) => refuse(e, e.dataTransfer && e.dataTransfer.getData('text')), true);
}
"""


__all__ = ["GRID_CSS", "GRID_JS", "GridFilter", "GridPage", "KEYS", "KEYS_JS", "PAGE_SEGMENTS", "PROGRESS_JS",
           "ReviewIndex", "SEVERITY_CHOICES", "STATUS_CHOICES", "grid_html", "keys_html", "page_bounds",
           "page_diff_html", "page_highlight", "page_info_html", "page_of_row", "paginate", "progress_html",
           "progress_update", "segment_edit_id", "table_rows"]
