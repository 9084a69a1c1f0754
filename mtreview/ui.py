"""The review UI (Gradio): side-by-side corrections a translator accepts, rejects and edits.

What it is for: ``python app.py`` serves :func:`build_app` on 127.0.0.1. Four tabs:

* **Review** — paste or upload a text (txt, tsv, jsonl, xliff) and optionally its source; choose the
  categories and the confidence threshold; the text comes back with every flag highlighted by category.
  Selecting a flag shows its explanation, evidence and suggestions; accept, reject or edit it, or accept
  in bulk (one category, or every flag above a confidence). The side-by-side view shows the original and
  the corrected text with the differences marked. Export the corrected text, the review log (JSON and CSV)
  and an XLIFF with the flags as ITS 2.0 quality issues. Everything is saved in SQLite
  (:mod:`mtreview.store`): a review survives a restart and can be reopened; accepted name corrections go to
  the user glossary in one click, and the next review reads it.
* **Score** — hypotheses and references to a metrics table and a plot (:mod:`mtreview.scoring`).
* **Batch** — files and a glossary to normalised files and a change log (:mod:`mtreview.batch`).
* **Glossary** — view, add and remove the user's names.

What it must not do: detect anything itself (flags come from :class:`mtreview.review.Reviewer`), trust
any text (everything from inputs and flags is escaped before it reaches HTML; the Gradio components used
for text render it as text), or reach the network (no share link, no analytics, system fonts only).

The pure functions at the top (highlighting, decisions to changes, diff, log, glossary candidates) hold
the UI's logic and are tested without a browser; :func:`build_app` only wires them to components.
"""

from __future__ import annotations

import atexit
import csv
import difflib
import html
import inspect
import io
import json
import logging
import os
import re
import shutil
import tempfile
import threading
import time
import typing
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .categories import FAMILY_COLOURS
from .correct import Change, apply_changes
from .errors import InputError, MtreviewError
from .flags import CATEGORIES, Flag, mqm_score
from .store import GLOSSARY_TYPES, PENDING, Decision, ReviewStore, StoredReview

if TYPE_CHECKING:  # pragma: no cover
    import gradio as gr

    from .review import Reviewer, ReviewResult

log = logging.getLogger("mtreview.ui")

#: default limit for an uploaded or pasted text (bytes); ``--max-upload-mb`` changes it
DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024
#: upload formats of the Review tab
REVIEW_FILE_TYPES = [".txt", ".tsv", ".jsonl", ".xlf", ".xliff"]
#: at most this many lines are shown in the side-by-side view when every line is shown
DIFF_ALL_LINES_MAX = 300

STATUS_MARKS = {"accepted": "✓", "edited": "✎", "rejected": "✗"}
STATUS_COLOURS = {"accepted": "#8fd19e", "edited": "#8fd1c8", "rejected": "#d0d0d0"}
DEFAULT_THRESHOLD = 0.0

#: system fonts only: the page must not fetch fonts from anywhere
SYSTEM_FONTS = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "DejaVu Sans", "sans-serif"]
SYSTEM_MONO_FONTS = ["ui-monospace", "DejaVu Sans Mono", "Consolas", "monospace"]

APP_CSS = """
#mtr-highlight .textfield { display: block !important; word-break: normal !important; line-height: 2.0;
                            max-height: 62vh; overflow-y: auto; }
#mtr-highlight .token-container, #mtr-highlight .token { display: inline !important; }
#mtr-highlight .line-break { display: block !important; height: 0.5em !important; }
#mtr-highlight .token.highlighted { margin: 0 1px !important; padding: 1px 3px !important; }
#mtr-highlight .label { font-size: 62% !important; }
.mtr-legend span { display: inline-block; border-radius: 4px; padding: 0 6px; margin: 0 4px 2px 0; font-size: 90%; }
.mtr-status { padding: 4px 2px; min-height: 1.4em; }
.mtr-status.mtr-error { color: #b00020; font-weight: 600; }
.mtr-status.mtr-ok { color: #1b5e20; }
.mtr-detail { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 12px; }
.mtr-detail .mtr-span { font-weight: 700; }
.mtr-detail .mtr-sugg { background: #e8f5e9; border-radius: 4px; padding: 0 4px; margin-right: 4px; }
.mtr-detail dl { display: grid; grid-template-columns: max-content auto; gap: 2px 10px; margin: 4px 0; font-size: 92%; }
.mtr-detail dt { font-weight: 600; }
.mtr-detail dd { margin: 0; overflow-wrap: anywhere; }
.mtr-diff { max-height: 62vh; overflow: auto; }
.mtr-diff table { width: 100%; border-collapse: collapse; font-size: 14px; table-layout: fixed; }
.mtr-diff th { text-align: left; position: sticky; top: 0; background: var(--background-fill-secondary); }
.mtr-diff td { vertical-align: top; padding: 3px 6px; border-bottom: 1px solid var(--border-color-primary);
               white-space: pre-wrap; overflow-wrap: anywhere; }
.mtr-diff td.ln { width: 3.5em; color: #777; text-align: right; }
.mtr-diff del { background: #ffd7d5; text-decoration: line-through; }
.mtr-diff ins { background: #c8f7c5; text-decoration: none; }
.mtr-diff tr.mtr-gap td { color: #777; font-style: italic; }
.mtr-summary { font-size: 95%; }
"""


# ----------------------------------------------------------------------------------------- escaping

def esc(value: Any) -> str:
    """HTML-escape any value (quotes included): the only way user text reaches HTML here."""
    return html.escape(str(value), quote=True)


def status_html(message: str, kind: str = "ok") -> str:
    """A one-line status message (escaped); ``kind`` is ok, error or info."""
    cls = {"ok": "mtr-ok", "error": "mtr-error"}.get(kind, "mtr-info")
    return f'<div class="mtr-status {cls}" role="status">{esc(message)}</div>'


# ------------------------------------------------------------------------------------- flag views

def visible_flags(flags: Iterable[Flag], categories: Iterable[str] | None, threshold: float) -> list[Flag]:
    """Flags of the chosen categories at or above the confidence threshold (``None``: all categories)."""
    cats = None if categories is None else set(categories)
    return [f for f in flags if f.confidence >= float(threshold or 0.0) and (cats is None or f.category in cats)]


def status_of(flag: Flag, decisions: Mapping[str, Decision]) -> str:
    d = decisions.get(flag.id)
    return d.status if d else PENDING


def flag_label(flag: Flag, decisions: Mapping[str, Decision]) -> str:
    """The label of a highlighted span: its category, marked ✓ ✎ ✗ once decided."""
    status = status_of(flag, decisions)
    return flag.category if status == PENDING else f"{flag.category} {STATUS_MARKS[status]}"


def colour_map() -> dict[str, str]:
    """Colours for every label :func:`flag_label` can produce."""
    out: dict[str, str] = {}
    for cat in CATEGORIES:
        out[cat] = FAMILY_COLOURS.get(cat.split("/", 1)[0], "#dddddd")
        for status, mark in STATUS_MARKS.items():
            out[f"{cat} {mark}"] = STATUS_COLOURS[status]
    return out


def highlight_segments(text: str, flags: Sequence[Flag], decisions: Mapping[str, Decision]
                       ) -> tuple[list[tuple[str, str | None]], list[str | None]]:
    """The HighlightedText value for ``text`` and, per segment, the id of the flag it shows (or None).

    Overlapping flags (refinements) are shown once: the first by start wins the span.
    """
    segments: list[tuple[str, str | None]] = []
    ids: list[str | None] = []
    pos = 0
    for f in sorted(flags, key=lambda f: (f.start, -f.end)):
        if f.start < pos or f.end <= f.start:
            continue
        if f.start > pos:
            segments.append((text[pos:f.start], None))
            ids.append(None)
        segments.append((text[f.start:f.end], flag_label(f, decisions)))
        ids.append(f.id)
        pos = f.end
    if pos < len(text):
        segments.append((text[pos:], None))
        ids.append(None)
    return segments, ids


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def flag_rows(text: str, flags: Sequence[Flag], decisions: Mapping[str, Decision]) -> list[list[Any]]:
    """Rows of the flags table: id, status, category, line, text, suggestion/replacement, confidence."""
    rows = []
    for f in flags:
        d = decisions.get(f.id)
        status = d.status if d else PENDING
        shown = d.replacement if d and d.replacement is not None else (f.suggestions[0] if f.suggestions else "")
        rows.append([f.id, status, f.category, line_of(text, f.start), f.text, shown, round(f.confidence, 3)])
    return rows


FLAG_TABLE_HEADERS = ["id", "status", "category", "line", "text", "suggestion", "confidence"]


def flag_choice(f: Flag, decisions: Mapping[str, Decision]) -> tuple[str, str]:
    """(label, value) of a flag in the flag selector."""
    sugg = f" → {f.suggestions[0]}" if f.suggestions else ""
    status = status_of(f, decisions)
    mark = f" {STATUS_MARKS[status]}" if status != PENDING else ""
    text = f.text if len(f.text) <= 40 else f.text[:39] + "…"
    return f"{f.id} · «{text}»{sugg} · {f.category}{mark}", f.id


def flag_detail_html(flag: Flag | None, decision: Decision | None, text: str = "") -> str:
    """Explanation, evidence and suggestions of one flag (every value escaped)."""
    if flag is None:
        return '<div class="mtr-detail" id="mtr-detail-empty">Select a highlighted span or a row of the table.</div>'
    status = decision.status if decision else PENDING
    sugg = "".join(f'<span class="mtr-sugg">{esc(s)}</span>' for s in flag.suggestions) or "<em>none</em>"
    evidence = "".join(
        f"<dt>{esc(k)}</dt><dd>{esc(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))}</dd>"
        for k, v in (flag.evidence or {}).items())
    decided = ""
    if decision is not None:
        what = {"accepted": "accepted", "edited": "edited", "rejected": "rejected"}[decision.status]
        repl = f" → «{esc(decision.replacement)}»" if decision.replacement is not None else ""
        decided = f"<p><b>Decision:</b> {esc(what)}{repl}</p>"
    line = f" · line {line_of(text, flag.start)}" if text else ""
    return (
        f'<div class="mtr-detail" data-flag="{esc(flag.id)}" data-status="{esc(status)}">'
        f'<p><span class="mtr-span">«{esc(flag.text)}»</span> — <b>{esc(flag.category)}</b> '
        f"({esc(CATEGORIES.get(flag.category, ''))}) · {esc(flag.severity)} · confidence "
        f"{flag.confidence:.2f}{esc(line)} · <b>{esc(status)}</b></p>"
        f'<p class="mtr-expl">{esc(flag.explanation or "(no explanation)")}</p>'
        f'<p><b>Suggestions:</b> <span class="mtr-suggestions">{sugg}</span></p>'
        f"{decided}"
        + (f"<details open><summary>Evidence ({esc(flag.detector or 'detector')})</summary><dl>{evidence}</dl></details>"
           if evidence else "")
        + "</div>")


def legend_html() -> str:
    items = "".join(f'<span style="background:{c}">{esc(fam)}</span>' for fam, c in FAMILY_COLOURS.items())
    marks = "".join(f'<span style="background:{STATUS_COLOURS[s]}">{esc(m)} {esc(s)}</span>'
                    for s, m in STATUS_MARKS.items())
    return f'<div class="mtr-legend">{items} {marks}</div>'


# ------------------------------------------------------------------------ decisions to corrections

def decided_changes(text: str, flags: Iterable[Flag], decisions: Mapping[str, Decision]
                    ) -> tuple[list[Change], list[str]]:
    """Changes for accepted and edited flags, in input offsets; returns (changes, ids left out).

    A decision whose span overlaps an earlier accepted one is left out (and reported), so the
    changes always apply cleanly with :func:`mtreview.correct.apply_changes`.
    """
    changes: list[Change] = []
    skipped: list[str] = []
    last_end = -1
    for f in sorted(flags, key=lambda f: (f.start, f.end)):
        d = decisions.get(f.id)
        if d is None or d.status not in ("accepted", "edited") or d.replacement is None:
            continue
        if f.start < last_end:
            skipped.append(f.id)
            continue
        before = text[f.start:f.end]
        if d.replacement == before:
            continue
        changes.append(Change(f.start, f.end, before, d.replacement, f.category, round(float(f.confidence), 4), f.id))
        last_end = f.end
    return changes, skipped


def corrected_text(text: str, flags: Iterable[Flag], decisions: Mapping[str, Decision]) -> str:
    changes, _ = decided_changes(text, flags, decisions)
    return apply_changes(text, changes)


_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def _diff_pair(a: str, b: str) -> tuple[str, str]:
    """Two lines as HTML with the removed words in ``<del>`` and the added ones in ``<ins>``."""
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    left: list[str] = []
    right: list[str] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        sa, sb = "".join(ta[i1:i2]), "".join(tb[j1:j2])
        if op == "equal":
            left.append(esc(sa))
            right.append(esc(sb))
            continue
        if sa:
            left.append(f"<del>{esc(sa)}</del>")
        if sb:
            right.append(f"<ins>{esc(sb)}</ins>")
    return "".join(left), "".join(right)


def diff_html(original: str, corrected: str, all_lines_max: int = DIFF_ALL_LINES_MAX) -> str:
    """Side-by-side view of the original and the corrected text, differences marked, all escaped.

    Lines are paired one to one (corrections rarely add or remove line breaks; when they do, the
    lines are aligned with difflib first). Short texts show every line; long ones only the changed
    lines, with the count of unchanged lines between them.
    """
    a_lines, b_lines = original.splitlines(), corrected.splitlines()
    pairs: list[tuple[int | None, str, str]] = []
    if len(a_lines) == len(b_lines):
        pairs = [(i + 1, a, b) for i, (a, b) in enumerate(zip(a_lines, b_lines, strict=True))]
    else:
        sm = difflib.SequenceMatcher(None, a_lines, b_lines, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                pairs += [(i1 + k + 1, a_lines[i1 + k], b_lines[j1 + k]) for k in range(i2 - i1)]
            else:
                pairs.append((i1 + 1, "\n".join(a_lines[i1:i2]), "\n".join(b_lines[j1:j2])))
    changed = sum(1 for _, a, b in pairs if a != b)
    show_all = len(pairs) <= all_lines_max
    rows: list[str] = []
    gap = 0
    for ln, a, b in pairs:
        if a == b and not show_all:
            gap += 1
            continue
        if gap:
            rows.append(f'<tr class="mtr-gap"><td class="ln"></td><td colspan="2">{gap} unchanged lines</td></tr>')
            gap = 0
        if a == b:
            rows.append(f'<tr><td class="ln">{ln}</td><td class="orig">{esc(a)}</td><td class="corr">{esc(b)}</td></tr>')
        else:
            left, right = _diff_pair(a, b)
            rows.append(f'<tr class="mtr-changed"><td class="ln">{ln}</td><td class="orig">{left}</td>'
                        f'<td class="corr">{right}</td></tr>')
    if gap:
        rows.append(f'<tr class="mtr-gap"><td class="ln"></td><td colspan="2">{gap} unchanged lines</td></tr>')
    head = (f'<p class="mtr-diff-summary">{changed} changed line{"s" if changed != 1 else ""}</p>'
            '<table><colgroup><col style="width:3.5em"><col><col></colgroup>'
            "<thead><tr><th>#</th><th>Original</th><th>Corrected</th></tr></thead><tbody>")
    return f'<div class="mtr-diff" id="mtr-diff-view">{head}{"".join(rows)}</tbody></table></div>'


# ---------------------------------------------------------------------------------------- exports

def review_scope(review: StoredReview, decisions: Mapping[str, Decision]) -> list[Flag]:
    """The flags a review covers: those its settings show, plus any decided one."""
    s = review.settings or {}
    shown = {f.id for f in visible_flags(review.flags, s.get("categories"), s.get("threshold", 0.0))}
    return [f for f in review.flags if f.id in shown or f.id in decisions]


def review_log(review: StoredReview, decisions: Mapping[str, Decision]) -> dict[str, Any]:
    """The review log: every flag in scope with its decision, and the changes that make the output.

    ``changes`` are in offsets of the reviewed text: applying them to it with
    :func:`mtreview.correct.apply_changes` gives the exported corrected text exactly.
    """
    from . import __version__

    scope = review_scope(review, decisions)
    changes, skipped = decided_changes(review.text, scope, decisions)
    counts = Counter(status_of(f, decisions) for f in scope)
    entries = []
    for f in scope:
        d = decisions.get(f.id)
        entry = f.to_dict()
        entry.update({"line": line_of(review.text, f.start), "status": d.status if d else PENDING,
                      "replacement": d.replacement if d else None,
                      "decided_at": _iso(d.decided_at) if d else None})
        entries.append(entry)
    return {
        "version": 1,
        "tool": f"mtreview {__version__} review UI",
        "review": {"id": review.id, "title": review.title, "input": review.input_name,
                   "created": _iso(review.created), "updated": _iso(review.updated), "words": review.words,
                   "detectors": review.detectors, "settings": review.settings},
        "summary": {"flags": len(scope), **{k: counts.get(k, 0) for k in ("accepted", "edited", "rejected", PENDING)},
                    "changes": len(changes), "mqm_score_before": mqm_score(scope, review.words),
                    "mqm_score_pending": mqm_score([f for f in scope if status_of(f, decisions) == PENDING],
                                                   review.words)},
        "flags": entries,
        "changes": [c.to_dict() for c in changes],
        "not_applied": skipped,
    }


LOG_CSV_COLUMNS = ["id", "line", "start", "end", "text", "category", "severity", "confidence", "suggestions",
                   "status", "replacement", "decided_at", "detector", "explanation"]


def _csv_safe(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells (a leading = + - @ is prefixed with ')."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def review_log_csv(log_data: Mapping[str, Any]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(LOG_CSV_COLUMNS)
    for e in log_data["flags"]:
        row = {**e, "suggestions": " | ".join(e.get("suggestions") or [])}
        w.writerow([_csv_safe(row.get(k) if row.get(k) is not None else "") for k in LOG_CSV_COLUMNS])
    return buf.getvalue()


def _iso(ts: float | None) -> str | None:
    if ts is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def _slug(s: str, default: str = "review") -> str:
    s = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(s).stem if s else "").strip("-")[:60]
    return s or default


def export_review(store: ReviewStore, review_id: str, outdir: str | os.PathLike[str]) -> list[Path]:
    """Write the corrected text, the log (JSON, CSV) and the ITS XLIFF of a review; returns the paths."""
    from .formats.its import result_to_xliff
    from .inputs import ReviewInput
    from .review import ReviewResult
    from .textio import write_text_atomic

    review = store.get_review(review_id)
    decisions = store.decisions(review_id)
    scope = review_scope(review, decisions)
    data = review_log(review, decisions)
    fixed = apply_changes(review.text, [Change(**c) for c in data["changes"]])
    stem = f"{_slug(review.input_name or review.title)}-{review.id[:6]}"
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{stem}.corrected.txt", out / f"{stem}.review-log.json", out / f"{stem}.review-log.csv",
             out / f"{stem}.its.xlf"]
    item = ReviewInput(text=review.text, source=review.source, units=review.units,
                       path=Path(review.input_name).name if review.input_name else review.title)
    result = ReviewResult(text=review.text, flags=scope, words=review.words, detectors=review.detectors)
    write_text_atomic(paths[0], fixed)
    write_text_atomic(paths[1], json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    write_text_atomic(paths[2], review_log_csv(data))
    write_text_atomic(paths[3], result_to_xliff(result, item, decisions=decisions))
    return paths


# --------------------------------------------------------------------------------------- glossary

NAME_TYPES = set(GLOSSARY_TYPES)


_LEADING_PREPOSITION = re.compile(r"^(?:de|à|d['’])\s*(?=\w)", re.IGNORECASE)
_CONTRACTED_ARTICLE = re.compile(r"^(?:du|au|de\s+la|de\s+l['’]|à\s+la|à\s+l['’])\s", re.IGNORECASE)


def glossary_candidates(review: StoredReview, decisions: Mapping[str, Decision]) -> list[dict[str, Any]]:
    """Glossary entries from the accepted or edited ``name/*`` corrections of a review.

    An accepted suggestion adds the entity it names (``evidence.entity`` when the detector gave one,
    else the replacement); an edit adds the reviewer's own text. The wrong form is never added: aliases
    are correct forms.
    """
    out: dict[str, dict[str, Any]] = {}
    for f in review.flags:
        d = decisions.get(f.id)
        if d is None or d.status not in ("accepted", "edited") or not f.category.startswith("name/"):
            continue
        ev = f.evidence or {}
        # «du masque» → «de Musk»: the preposition that the correction carries is no part of the name
        repl = (d.replacement or "").strip()
        if _CONTRACTED_ARTICLE.match(f.text):
            repl = _LEADING_PREPOSITION.sub("", repl)
        entity = ev.get("entity") if isinstance(ev.get("entity"), str) else ""
        fr = entity if d.status == "accepted" and entity and repl and repl in entity else repl
        if not fr:
            continue
        etype = ev.get("type") if ev.get("type") in NAME_TYPES else "person"
        aliases = [repl] if repl and repl != fr and d.status == "accepted" else []
        key = fr.casefold()
        if key not in out:
            out[key] = {"fr": fr, "en": ev.get("en", "") if isinstance(ev.get("en"), str) else "",
                        "ru": ev.get("ru", "") if isinstance(ev.get("ru"), str) else "",
                        "aliases": aliases, "type": etype}
    return list(out.values())


# ----------------------------------------------------------------------------------------- engine

class ReviewEngine:
    """The review engine behind the UI: one :class:`~mtreview.review.Reviewer`, rebuilt when the user
    glossary changes (exported beside the database as ``<db>.glossary.csv``); reviews run one at a time."""

    def __init__(self, store: ReviewStore, detectors: Sequence[str] | None = None) -> None:
        self.store = store
        self.detectors = list(detectors) if detectors is not None else None
        self.glossary_path = store.path.with_name(store.path.stem + ".glossary.csv")
        self._lock = threading.Lock()
        self._key: str | None = None
        self._reviewer: Reviewer | None = None
        self.glossary_note = ""

    def reviewer(self) -> Reviewer:
        """The reviewer for the current glossary (built on first use and after glossary changes)."""
        from .review import Reviewer

        csv_text = self.store.glossary_csv()
        has_entries = csv_text.count("\n") > 1
        key = csv_text if has_entries else ""
        with self._lock:
            if self._reviewer is None or key != self._key:
                glossary = None
                self.glossary_note = ""
                if has_entries:
                    self.store.export_glossary_csv(self.glossary_path)
                    try:
                        from .knowledge.glossary import load_glossaries
                    except ImportError:  # the glossary module is optional for the UI
                        self.glossary_note = "user glossary not used: mtreview.knowledge.glossary is missing"
                    else:
                        glossary = load_glossaries([self.glossary_path])
                try:
                    self._reviewer = Reviewer(self.detectors, glossary=glossary)
                except KeyError as e:
                    raise InputError(str(e.args[0])) from None
                self._key = key
            return self._reviewer

    def review(self, text: str, source: str | None = None) -> ReviewResult:
        reviewer = self.reviewer()
        with self._lock:
            return reviewer.review(text, source)

    def warm_up(self) -> float:
        """Load the models and indexes once (a short review); returns the seconds it took."""
        t0 = time.perf_counter()
        sample = "Le président Emmanuel Macron a rencontré Olaf Scholz à Berlin.\n"
        try:  # detectors parse lazily; load the shared spaCy pipeline now so no click waits for it
            from .nlp import get_nlp

            get_nlp()(sample)
        except MtreviewError:
            pass  # reported by the review itself
        self.review(sample)
        return time.perf_counter() - t0

    def refresh_in_background(self) -> None:
        """Rebuild the reviewer for a changed glossary without making the next click wait for it."""
        threading.Thread(target=self._safe_refresh, name="mtreview-glossary-refresh", daemon=True).start()

    def _safe_refresh(self) -> None:
        try:
            self.reviewer()
        except Exception:  # noqa: BLE001 - logged; the next review reports it to the user
            log.exception("rebuilding the reviewer failed")


# ----------------------------------------------------------------------------------- reading input

@dataclass
class ReviewRequest:
    text: str
    source: str | None
    units: list[str]
    input_name: str
    title: str


def _file_path(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if value is None:
        return None
    return str(getattr(value, "path", None) or getattr(value, "name", None) or value)


def _check_size(nbytes: int, what: str, limit: int) -> None:
    if nbytes > limit:
        raise InputError(f"{what} is {nbytes / 1e6:.1f} MB, more than the limit of {limit / 1e6:.1f} MB "
                         "for the review UI; split it, or use `mtreview check` on the command line")


def read_review_request(text: str | None, source: str | None, file: Any, source_file: Any,
                        max_bytes: int = DEFAULT_MAX_UPLOAD_BYTES) -> ReviewRequest:
    """What to review, from the pasted text or the uploaded file (the file wins), with its source."""
    from .inputs import load_review_input

    path = _file_path(file)
    src_path = _file_path(source_file)
    for p, what in ((path, "the uploaded text"), (src_path, "the uploaded source")):
        if p:
            _check_size(os.path.getsize(p), f"{what} ({Path(p).name})", max_bytes)
    typed_source = source if source and source.strip() else None
    if path:
        ext = Path(path).suffix.lower()
        if ext not in REVIEW_FILE_TYPES:
            raise InputError(f"{Path(path).name}: the review UI reads {', '.join(REVIEW_FILE_TYPES)} files")
        item = load_review_input(path, src_path)
        src = item.source if (item.source and item.source.strip()) else typed_source
        name = Path(path).name
        return ReviewRequest(item.text, src, list(item.units), name, name)
    if not text or not text.strip():
        raise InputError("paste a text or upload a file to review")
    _check_size(len(text.encode("utf-8")), "the pasted text", max_bytes)
    if src_path:
        from .textio import read_text

        typed_source = read_text(src_path).text
    if typed_source is not None:
        _check_size(len(typed_source.encode("utf-8")), "the source text", max_bytes)
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "pasted text")
    title = first if len(first) <= 70 else first[:69] + "…"
    return ReviewRequest(text, typed_source, [], "", title)


# -------------------------------------------------------------------------------- score and batch

def run_score(hyp_paths: Sequence[str], ref_paths: Sequence[str], metrics: Sequence[str],
              outdir: str | os.PathLike[str]) -> tuple[list[dict[str, Any]], list[Path], dict[str, Any]]:
    """Score hypotheses against references with :mod:`mtreview.scoring`; returns (rows, files, data).

    Raises ``ImportError`` when the scoring feature is not installed.
    """
    from .scoring import ScoreRequest, run_scoring
    from .scoring.report import render, system_value

    report = run_scoring(ScoreRequest(hyps=list(hyp_paths), refs=list(ref_paths), metrics=list(metrics),
                                      progress=False, workers=1))
    rows = []
    for s in report.data["systems"]:
        row: dict[str, Any] = {"system": s.get("name", "")}
        for m in metrics:
            v = system_value(s, m)
            row[m] = None if v is None else round(v, 2)
        rows.append(row)
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for fmt, name in (("json", "scores.json"), ("csv", "scores.csv"), ("html", "scores.html")):
        try:
            content = render(report, fmt)
        except (ValueError, KeyError):
            continue
        (out / name).write_text(content, encoding="utf-8")
        files.append(out / name)
    return rows, files, report.data


def run_batch(paths: Sequence[str], glossaries: Sequence[str], outdir: str | os.PathLike[str], *,
              glossary_only: bool = False, min_confidence: float = 0.8,
              progress: Any = None) -> tuple[dict[str, Any], list[dict[str, Any]], list[Path]]:
    """Normalise files one by one with :mod:`mtreview.batch` (so progress can be shown per file).

    Returns the merged summary, the changes and the files to download (a zip of the normalised files,
    ``changes.jsonl`` and ``summary.json``). Raises ``ImportError`` when the batch feature is missing.
    """
    import zipfile

    from .batch import NormaliseOptions, run_normalise

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    changes: list[dict[str, Any]] = []
    summaries: list[dict[str, Any]] = []
    zpath = out / "normalised.zip"
    used: set[str] = set()
    t0 = time.perf_counter()
    with zipfile.ZipFile(zpath, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for i, p in enumerate(paths):
            name = Path(p).name
            if progress is not None:
                progress((i, len(paths)), desc=f"normalising {name}")
            job = out / f"job{i}"
            summary = run_normalise(NormaliseOptions(inputs=[str(p)], outdir=str(job), glossaries=list(glossaries),
                                                     glossary_only=glossary_only, min_confidence=min_confidence,
                                                     workers=1, progress=False), say=lambda _msg: None)
            summaries.append(summary)
            clog = job / "changes.jsonl"
            if clog.exists():
                for line in clog.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        rec = json.loads(line)
                        rec["file"] = name
                        changes.append(rec)
            for f in sorted(job.rglob("*")):
                if not f.is_file() or f.name in ("changes.jsonl", "summary.json") or f.name.startswith("."):
                    continue
                if any(part.startswith(".") for part in f.relative_to(job).parts):
                    continue
                arc = f.name if f.name not in used else f"{i}-{f.name}"
                used.add(arc)
                zf.write(f, arc)
    if progress is not None:
        progress((len(paths), len(paths)), desc="done")
    by_cat: Counter = Counter()
    for s in summaries:
        by_cat.update(s.get("changes_by_category", {}))
    merged = {"files": len(paths), "files_ok": sum(s.get("files_ok", 0) for s in summaries),
              "skipped": [x for s in summaries for x in s.get("skipped", [])],
              "changes": len(changes), "changes_by_category": dict(sorted(by_cat.items())),
              "seconds": round(time.perf_counter() - t0, 3), "per_file": summaries}
    (out / "changes.jsonl").write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in changes),
                                       encoding="utf-8")
    (out / "summary.json").write_text(json.dumps(merged, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return merged, changes, [zpath, out / "changes.jsonl", out / "summary.json"]


# --------------------------------------------------------------------------------------- the app

def app_theme() -> Any:
    """Gradio's default theme with system fonts (nothing fetched from a font service)."""
    import gradio as gr

    return gr.themes.Default(font=SYSTEM_FONTS, font_mono=SYSTEM_MONO_FONTS)


#: a Content-Security-Policy for the page: whatever runs in it may load and connect to this server only
CSP_META = ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self' 'unsafe-inline' "
            "'unsafe-eval' data: blob:; connect-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; "
            "form-action 'self'; base-uri 'self'\">")


def launch_options(max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES) -> dict[str, Any]:
    """Keyword arguments for ``Blocks.launch`` beyond host, port and auth: safe, local, offline."""
    return {
        "theme": app_theme(),
        "css": APP_CSS,
        "head": CSP_META,
        "max_file_size": int(max_upload_bytes),
        "footer_links": ["settings"],
        "run_history": False,
        "enable_monitoring": False,
        "ssr_mode": False,
        "pwa": False,
        "mcp_server": False,
        "show_error": False,
        "strict_cors": True,
    }


def build_app(store_path: str | os.PathLike[str] | None = None, *, detectors: Sequence[str] | None = None,
              max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES, engine: ReviewEngine | None = None,
              export_dir: str | os.PathLike[str] | None = None) -> gr.Blocks:
    """The Gradio app over the review database at ``store_path`` (see the module docstring)."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    import gradio as gr

    store = engine.store if engine is not None else ReviewStore(store_path)
    engine = engine or ReviewEngine(store, detectors)
    if export_dir:
        exports = Path(export_dir)
    else:  # exports hold the users' texts: removed when the app stops
        exports = Path(tempfile.mkdtemp(prefix="mtreview-ui-"))
        atexit.register(shutil.rmtree, exports, ignore_errors=True)
    cat_choices = [(f"{c} — {label}", c) for c, label in CATEGORIES.items()]
    all_cats = list(CATEGORIES)

    # -------------------------------------------------------------------------------- helpers
    def saved_choices() -> list[tuple[str, str]]:
        out = []
        for r in store.list_reviews():
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(r.updated))
            out.append((f"{r.title} · {when} · {r.decided}/{r.flags} decided", r.id))
        return out

    def load(review_id: str | None) -> tuple[StoredReview, dict[str, Decision]]:
        if not review_id:
            raise InputError("no review yet: paste or upload a text and press Review")
        try:
            return store.get_review(review_id), store.decisions(review_id)
        except KeyError:
            raise InputError("this review is no longer in the database") from None

    def next_pending(flags: list[Flag], decisions: Mapping[str, Decision], after: str | None) -> str | None:
        pending = [f for f in flags if f.id not in decisions]
        if not pending:
            return None
        if after:
            pos = next((f.start for f in flags if f.id == after), -1)
            later = [f for f in pending if f.start > pos]
            if later:
                return later[0].id
        return pending[0].id

    def view(review_id: str | None, categories: list[str] | None, threshold: float, selected: str | None,
             message: str = "", kind: str = "ok") -> tuple:
        """Every output of the review view, in VIEW order."""
        if not review_id:
            return (review_id, "", gr.update(value=[]), [], gr.update(choices=[], value=None),
                    flag_detail_html(None, None), gr.update(choices=[], value=None), "", "",
                    gr.update(choices=[], value=None), status_html(message, kind))
        review, decisions = load(review_id)
        shown = visible_flags(review.flags, categories, threshold)
        segments, _ = highlight_segments(review.text, shown, decisions)
        fixed = corrected_text(review.text, review_scope(review, decisions), decisions)
        ids = {f.id for f in shown}
        if selected not in ids:
            selected = next((f.id for f in shown if f.id not in decisions), shown[0].id if shown else None)
        flag = review.flag(selected) if selected else None
        decision = decisions.get(selected) if selected else None
        counts = Counter(status_of(f, decisions) for f in shown)
        summary = (
            f'<div class="mtr-summary"><b>{esc(review.title)}</b> · {review.words} words · '
            f"{len(review.flags)} flags, {len(shown)} shown · "
            + " · ".join(f"{counts.get(s, 0)} {s}" for s in ("accepted", "edited", "rejected", PENDING))
            + f"</div>{legend_html()}")
        pending_by_cat = Counter(f.category for f in shown if f.id not in decisions and f.suggestions)
        bulk_choices = [(f"{c} ({n} pending)", c) for c, n in sorted(pending_by_cat.items())]
        sugg, edit = suggestion_inputs(flag, decision)
        return (review_id, summary, gr.update(value=segments),
                flag_rows(review.text, shown, decisions),
                gr.update(choices=[flag_choice(f, decisions) for f in shown], value=selected),
                flag_detail_html(flag, decision, review.text), sugg, edit,
                diff_html(review.text, fixed),
                gr.update(choices=bulk_choices, value=bulk_choices[0][1] if bulk_choices else None),
                status_html(message, kind))

    def suggestion_inputs(flag: Flag | None, decision: Decision | None) -> tuple[Any, str]:
        if flag is None:
            return gr.update(choices=[], value=None), ""
        choices = list(dict.fromkeys(flag.suggestions))
        value = choices[0] if choices else None
        if decision is not None and decision.replacement in choices:
            value = decision.replacement
        edit = decision.replacement if decision is not None and decision.replacement is not None else (
            choices[0] if choices else flag.text)
        return gr.update(choices=choices, value=value), edit

    def guarded(fn: Any, n_outputs: int, status_index: int) -> Any:
        """Run a handler; a user error becomes a message in the status box, never a traceback."""
        def wrapper(*args: Any) -> Any:
            try:
                return fn(*args)
            except MtreviewError as e:
                msg, kind = str(e), "error"
            except (ValueError, OSError, UnicodeError) as e:
                msg, kind = f"{type(e).__name__}: {e}", "error"
            except Exception as e:  # noqa: BLE001 - reported, logged, the app stays up
                log.exception("handler %s failed", getattr(fn, "__name__", fn))
                msg, kind = f"internal error ({type(e).__name__}); see the server log", "error"
            out: list[Any] = [gr.update() for _ in range(n_outputs)]
            out[status_index] = status_html(msg, kind)
            return tuple(out) if n_outputs > 1 else out[0]
        # Gradio injects gr.Request, gr.SelectData and gr.Progress by signature and type hints: keep them
        wrapper.__name__ = getattr(fn, "__name__", "handler")
        wrapper.__signature__ = inspect.signature(fn)  # type: ignore[attr-defined]
        wrapper.__annotations__ = typing.get_type_hints(fn, localns={"gr": gr})
        return wrapper

    # ----------------------------------------------------------------------------------- layout
    # uploads and downloads in Gradio's cache are deleted after a day (checked every hour)
    with gr.Blocks(title="mtreview — review machine-translated French", analytics_enabled=False,
                   delete_cache=(3600, 86400)) as demo:
        review_state = gr.State(None)
        gr.HTML('<h2 style="margin:4px 0">mtreview — review machine-translated French</h2>', js_on_load=None)
        with gr.Tabs():
            # ================================================================== Review
            with gr.Tab("Review", id="review", elem_id="tab-review"):
                with gr.Row():
                    with gr.Column(scale=3):
                        text_in = gr.Textbox(label="Text to review (French MT output)", lines=6, max_lines=14,
                                             elem_id="mtr-text-in", placeholder="Paste the text here, or upload a file")
                        source_in = gr.Textbox(label="Source text (optional, aligned by line)", lines=2,
                                               max_lines=8, elem_id="mtr-source-in")
                    with gr.Column(scale=2):
                        file_in = gr.File(label="…or upload a text (txt, tsv, jsonl, xliff; used instead of the pasted text)",
                                          file_types=REVIEW_FILE_TYPES, elem_id="mtr-file-in", height=120)
                        source_file_in = gr.File(label="Source file (optional)", file_types=[".txt"],
                                                 elem_id="mtr-source-file-in", height=120)
                with gr.Row():
                    with gr.Accordion("Categories to show (all by default)", open=False):
                        categories_in = gr.CheckboxGroup(cat_choices, value=all_cats, label="Categories",
                                                         elem_id="mtr-categories", show_select_all=True)
                    with gr.Column(scale=1, min_width=220):
                        threshold_in = gr.Slider(0.0, 1.0, value=DEFAULT_THRESHOLD, step=0.05,
                                                 label="Confidence threshold", elem_id="mtr-threshold")
                        review_btn = gr.Button("Review", variant="primary", elem_id="mtr-review-btn")
                with gr.Row():
                    saved_dd = gr.Dropdown(choices=[], value=None, label="Saved reviews", elem_id="mtr-saved",
                                           scale=4, interactive=True)
                    open_btn = gr.Button("Open saved review", elem_id="mtr-open-btn", scale=1)
                status_out = gr.HTML(status_html(""), elem_id="mtr-status", js_on_load=None)
                summary_out = gr.HTML("", elem_id="mtr-summary", js_on_load=None)
                with gr.Row():
                    with gr.Column(scale=3):
                        highlight_out = gr.HighlightedText(label="Flags in the text (click a span)",
                                                           color_map=colour_map(), show_legend=False,
                                                           combine_adjacent=False, elem_id="mtr-highlight")
                    with gr.Column(scale=2):
                        flag_dd = gr.Dropdown(choices=[], value=None, label="Flag", elem_id="mtr-flag-select",
                                              interactive=True)
                        detail_out = gr.HTML(flag_detail_html(None, None), elem_id="mtr-detail", js_on_load=None)
                        suggestion_in = gr.Radio(choices=[], label="Suggestion to apply", elem_id="mtr-suggestion")
                        with gr.Row():
                            accept_btn = gr.Button("Accept", variant="primary", elem_id="mtr-accept")
                            reject_btn = gr.Button("Reject", variant="stop", elem_id="mtr-reject")
                            undo_btn = gr.Button("Undo", elem_id="mtr-undo")
                        edit_in = gr.Textbox(label="Edit: your own correction", elem_id="mtr-edit-text")
                        edit_btn = gr.Button("Save edit", elem_id="mtr-edit")
                        with gr.Accordion("Accept in bulk", open=False):
                            with gr.Row():
                                bulk_cat_dd = gr.Dropdown(choices=[], label="Category", elem_id="mtr-bulk-cat")
                                bulk_cat_btn = gr.Button("Accept all pending in this category",
                                                         elem_id="mtr-bulk-cat-btn")
                            with gr.Row():
                                bulk_thr_in = gr.Slider(0.0, 1.0, value=0.9, step=0.05, label="Confidence at least",
                                                        elem_id="mtr-bulk-thr")
                                bulk_thr_btn = gr.Button("Accept all pending above", elem_id="mtr-bulk-thr-btn")
                with gr.Tabs():
                    with gr.Tab("Side by side", id="diff"):
                        diff_out = gr.HTML("", elem_id="mtr-diff", js_on_load=None)
                    with gr.Tab("Flags table", id="table"):
                        table_out = gr.Dataframe(headers=FLAG_TABLE_HEADERS, value=[], interactive=False,
                                                 elem_id="mtr-flag-table", wrap=True, max_height=420)
                with gr.Row():
                    export_btn = gr.Button("Export corrected text, log and XLIFF", elem_id="mtr-export-btn")
                    glossary_btn = gr.Button("Add accepted name corrections to my glossary",
                                             elem_id="mtr-to-glossary")
                export_out = gr.File(label="Exports", file_count="multiple", interactive=False,
                                     elem_id="mtr-exports")

            # ================================================================== Score
            with gr.Tab("Score", id="score", elem_id="tab-score"):
                gr.Markdown("System outputs (one file per system) and references, aligned by line or id "
                            "(txt, tsv, jsonl, xliff, tmx, po). Scores are sacrebleu's.")
                with gr.Row():
                    hyp_in = gr.File(label="Hypotheses", file_count="multiple", elem_id="mtr-score-hyps")
                    ref_in = gr.File(label="References", file_count="multiple", elem_id="mtr-score-refs")
                metrics_in = gr.CheckboxGroup(["bleu", "chrf", "chrf++", "ter"], value=["bleu", "chrf", "ter"],
                                              label="Metrics", elem_id="mtr-score-metrics")
                score_btn = gr.Button("Score", variant="primary", elem_id="mtr-score-btn")
                score_status = gr.HTML(status_html(""), elem_id="mtr-score-status", js_on_load=None)
                score_table = gr.Dataframe(value=[], label="Scores", interactive=False, elem_id="mtr-score-table")
                score_plot = gr.BarPlot(None, x="label", y="score", color="system", label="Scores by metric",
                                        x_title="metric · system", y_title="score", elem_id="mtr-score-plot")
                score_files = gr.File(label="Reports", file_count="multiple", interactive=False,
                                      elem_id="mtr-score-files")

            # ================================================================== Batch
            with gr.Tab("Batch", id="batch", elem_id="tab-batch"):
                gr.Markdown("Normalise names in whole files (txt, tsv, jsonl, xliff, tmx, po) with a glossary "
                            "and the names engine; formats are kept.")
                with gr.Row():
                    batch_in = gr.File(label="Files", file_count="multiple", elem_id="mtr-batch-files")
                    batch_gloss_in = gr.File(label="Glossary (CSV, TSV or TBX; optional)",
                                             file_types=[".csv", ".tsv", ".tbx"], elem_id="mtr-batch-glossary")
                with gr.Row():
                    batch_use_user = gr.Checkbox(value=True, label="Also use my glossary")
                    batch_gloss_only = gr.Checkbox(value=False, label="Glossary only (no detection; fast)")
                    batch_conf = gr.Slider(0.0, 1.0, value=0.8, step=0.05, label="Minimum confidence")
                batch_btn = gr.Button("Normalise", variant="primary", elem_id="mtr-batch-btn")
                batch_status = gr.HTML(status_html(""), elem_id="mtr-batch-status", js_on_load=None)
                batch_files = gr.File(label="Downloads", file_count="multiple", interactive=False,
                                      elem_id="mtr-batch-out")
                batch_table = gr.Dataframe(value=[], headers=["file", "line", "before", "after", "category"],
                                           label="Changes (first 1,000)", interactive=False,
                                           elem_id="mtr-batch-changes")

            # ================================================================== Glossary
            with gr.Tab("Glossary", id="glossary", elem_id="tab-glossary"):
                gr.Markdown("Your names: the next review and batch run use them (user entries win over the "
                            "built-in knowledge base). `aliases`: other correct forms, separated by `|`.")
                gloss_table = gr.Dataframe(value=[], headers=["id", "fr", "en", "ru", "aliases", "type", "origin"],
                                           interactive=False, elem_id="mtr-glossary-table")
                with gr.Row():
                    g_fr = gr.Textbox(label="fr (the form to write)", elem_id="mtr-g-fr")
                    g_en = gr.Textbox(label="en", elem_id="mtr-g-en")
                    g_ru = gr.Textbox(label="ru", elem_id="mtr-g-ru")
                    g_alias = gr.Textbox(label="aliases", elem_id="mtr-g-aliases")
                    g_type = gr.Dropdown(list(GLOSSARY_TYPES), value="person", label="type", elem_id="mtr-g-type")
                g_add_btn = gr.Button("Add name", variant="primary", elem_id="mtr-g-add")
                with gr.Row():
                    g_remove_dd = gr.Dropdown(choices=[], label="Name to remove", elem_id="mtr-g-remove-select")
                    g_remove_btn = gr.Button("Remove", variant="stop", elem_id="mtr-g-remove")
                g_status = gr.HTML(status_html(""), elem_id="mtr-glossary-status", js_on_load=None)
                g_download = gr.File(label="Glossary CSV", interactive=False, elem_id="mtr-glossary-csv")

        VIEW = [review_state, summary_out, highlight_out, table_out, flag_dd, detail_out, suggestion_in, edit_in,
                diff_out, bulk_cat_dd, status_out]
        STATUS_I = VIEW.index(status_out)
        filters = [categories_in, threshold_in]

        # ------------------------------------------------------------------------- review events
        def do_review(text: str, source: str, file: Any, source_file: Any, categories: list[str],
                      threshold: float) -> tuple:
            req = read_review_request(text, source, file, source_file, max_upload_bytes)
            t0 = time.perf_counter()
            result = engine.review(req.text, req.source)
            seconds = time.perf_counter() - t0
            review_id = store.create_review(
                title=req.title, text=result.text, flags=result.flags, source=req.source, input_name=req.input_name,
                units=req.units, words=result.words, detectors=result.detectors,
                settings={"categories": list(categories or []), "threshold": float(threshold or 0.0)})
            note = f"; {engine.glossary_note}" if engine.glossary_note else ""
            msg = (f"Reviewed {result.words} words in {seconds:.1f} s: {len(result.flags)} flags{note}. "
                   "Saved; reopen it any time from Saved reviews.")
            return (*view(review_id, categories, threshold, None, msg), gr.update(choices=saved_choices(),
                                                                               value=review_id))

        review_btn.click(guarded(do_review, len(VIEW) + 1, STATUS_I),
                         [text_in, source_in, file_in, source_file_in, categories_in, threshold_in],
                         [*VIEW, saved_dd], concurrency_limit=1)

        def do_filter(review_id: str | None, categories: list[str], threshold: float, selected: str | None) -> tuple:
            if review_id:
                store.update_settings(review_id, {"categories": list(categories or []),
                                                  "threshold": float(threshold or 0.0)})
            return view(review_id, categories, threshold, selected)

        categories_in.input(guarded(do_filter, len(VIEW), STATUS_I), [review_state, *filters, flag_dd], VIEW)
        threshold_in.release(guarded(do_filter, len(VIEW), STATUS_I), [review_state, *filters, flag_dd], VIEW)

        def do_open(saved_id: str | None) -> tuple:
            if not saved_id:
                raise InputError("choose a saved review first")
            review, decisions = load(saved_id)
            cats = review.settings.get("categories", all_cats)
            thr = float(review.settings.get("threshold", DEFAULT_THRESHOLD))
            n = len(decisions)
            return (*view(saved_id, cats, thr, None, f"Opened «{review.title}» ({n} decisions so far)."),
                    gr.update(value=cats), gr.update(value=thr))

        open_btn.click(guarded(do_open, len(VIEW) + 2, STATUS_I), [saved_dd], [*VIEW, categories_in, threshold_in])

        def select_flag(review_id: str | None, flag_id: str | None) -> tuple:
            review, decisions = load(review_id)
            flag = review.flag(flag_id) if flag_id else None
            decision = decisions.get(flag_id) if flag_id else None
            sugg, edit = suggestion_inputs(flag, decision)
            return gr.update(value=flag_id), flag_detail_html(flag, decision, review.text), sugg, edit, status_html("")

        SELECT_OUT = [flag_dd, detail_out, suggestion_in, edit_in, status_out]

        def on_highlight_select(review_id: str | None, categories: list[str], threshold: float,
                                evt: gr.SelectData) -> tuple:
            review, decisions = load(review_id)
            shown = visible_flags(review.flags, categories, threshold)
            _, ids = highlight_segments(review.text, shown, decisions)
            idx = evt.index if isinstance(evt.index, int) else (evt.index[0] if evt.index else None)
            flag_id = ids[idx] if isinstance(idx, int) and 0 <= idx < len(ids) else None
            if flag_id is None:
                return tuple(gr.update() for _ in SELECT_OUT)
            return select_flag(review_id, flag_id)

        highlight_out.select(guarded(on_highlight_select, len(SELECT_OUT), 4), [review_state, *filters], SELECT_OUT)

        def on_table_select(review_id: str | None, evt: gr.SelectData) -> tuple:
            row = evt.row_value if getattr(evt, "row_value", None) else None
            flag_id = row[0] if row else None
            if not flag_id:
                return tuple(gr.update() for _ in SELECT_OUT)
            return select_flag(review_id, str(flag_id))

        table_out.select(guarded(on_table_select, len(SELECT_OUT), 4), [review_state], SELECT_OUT)
        flag_dd.input(guarded(select_flag, len(SELECT_OUT), 4), [review_state, flag_dd], SELECT_OUT)

        def decide(review_id: str | None, categories: list[str], threshold: float, flag_id: str | None,
                   status: str, replacement: str | None) -> tuple:
            review, decisions = load(review_id)
            flag = review.flag(flag_id) if flag_id else None
            if flag is None:
                raise InputError("select a flag first (click a highlighted span)")
            if status == "undo":
                store.clear_decision(review.id, flag.id)
                return view(review.id, categories, threshold, flag.id, f"{flag.id}: back to pending.")
            store.set_decision(review.id, flag.id, status, replacement)
            decisions = store.decisions(review.id)
            shown = visible_flags(review.flags, categories, threshold)
            nxt = next_pending(shown, decisions, flag.id) or flag.id
            what = {"accepted": "accepted", "edited": "edited", "rejected": "rejected"}[status]
            repl = f" → «{replacement}»" if replacement is not None else ""
            return view(review.id, categories, threshold, nxt, f"{flag.id} «{flag.text}» {what}{repl}.")

        def do_accept(review_id: str | None, categories: list[str], threshold: float, flag_id: str | None,
                      suggestion: str | None) -> tuple:
            review, _ = load(review_id)
            flag = review.flag(flag_id) if flag_id else None
            if flag is None:
                raise InputError("select a flag first (click a highlighted span)")
            repl = suggestion if suggestion in flag.suggestions else (flag.suggestions[0] if flag.suggestions else None)
            if repl is None:
                raise InputError(f"{flag.id} has no suggestion: type your correction in the Edit box and "
                                 "press Save edit")
            return decide(review_id, categories, threshold, flag_id, "accepted", repl)

        def do_reject(review_id: str | None, categories: list[str], threshold: float, flag_id: str | None) -> tuple:
            return decide(review_id, categories, threshold, flag_id, "rejected", None)

        def do_edit(review_id: str | None, categories: list[str], threshold: float, flag_id: str | None,
                    text: str | None) -> tuple:
            if text is None:
                raise InputError("type the correction in the Edit box first")
            if len(text) > 10_000:
                raise InputError("an edit is limited to 10,000 characters")
            return decide(review_id, categories, threshold, flag_id, "edited", text)

        def do_undo(review_id: str | None, categories: list[str], threshold: float, flag_id: str | None) -> tuple:
            return decide(review_id, categories, threshold, flag_id, "undo", None)

        base = [review_state, *filters, flag_dd]
        accept_btn.click(guarded(do_accept, len(VIEW), STATUS_I), [*base, suggestion_in], VIEW)
        reject_btn.click(guarded(do_reject, len(VIEW), STATUS_I), base, VIEW)
        edit_btn.click(guarded(do_edit, len(VIEW), STATUS_I), [*base, edit_in], VIEW)
        undo_btn.click(guarded(do_undo, len(VIEW), STATUS_I), base, VIEW)

        def bulk(review_id: str | None, categories: list[str], threshold: float, selected: str | None,
                 pick: Any, label: str) -> tuple:
            review, decisions = load(review_id)
            shown = visible_flags(review.flags, categories, threshold)
            chosen = [f for f in shown if f.id not in decisions and f.suggestions and pick(f)]
            n = store.set_decisions(review.id, [(f.id, "accepted", f.suggestions[0]) for f in chosen])
            return view(review.id, categories, threshold, selected, f"Accepted {n} pending flags {label}.")

        def do_bulk_category(review_id: str | None, categories: list[str], threshold: float, selected: str | None,
                             category: str | None) -> tuple:
            if not category:
                raise InputError("choose a category with pending flags")
            return bulk(review_id, categories, threshold, selected, lambda f: f.category == category,
                        f"in {category}")

        def do_bulk_threshold(review_id: str | None, categories: list[str], threshold: float, selected: str | None,
                              minimum: float) -> tuple:
            m = float(minimum or 0.0)
            return bulk(review_id, categories, threshold, selected, lambda f: f.confidence >= m,
                        f"with confidence ≥ {m:.2f}")

        bulk_cat_btn.click(guarded(do_bulk_category, len(VIEW), STATUS_I), [*base, bulk_cat_dd], VIEW)
        bulk_thr_btn.click(guarded(do_bulk_threshold, len(VIEW), STATUS_I), [*base, bulk_thr_in], VIEW)

        def do_export(review_id: str | None) -> tuple:
            review, decisions = load(review_id)
            outdir = Path(tempfile.mkdtemp(prefix="export-", dir=exports))
            paths = export_review(store, review.id, outdir)
            return [str(p) for p in paths], status_html(
                f"Exported {len(paths)} files ({len(decisions)} decisions).")

        export_btn.click(guarded(do_export, 2, 1), [review_state], [export_out, status_out])

        def glossary_rows() -> list[list[Any]]:
            return [[e.id, e.fr, e.en, e.ru, "|".join(e.aliases), e.type, e.origin] for e in store.glossary_entries()]

        def glossary_remove_choices() -> Any:
            return gr.update(choices=[(f"{e.fr} ({e.type})", e.id) for e in store.glossary_entries()], value=None)

        def do_to_glossary(review_id: str | None) -> tuple:
            review, decisions = load(review_id)
            cands = glossary_candidates(review, decisions)
            if not cands:
                raise InputError("no accepted or edited name corrections in this review yet")
            added, known = [], []
            for c in cands:
                _, created = store.add_glossary_entry(c["fr"], c["en"], c["ru"], c["aliases"], c["type"],
                                                      origin=f"review {review.id}")
                (added if created else known).append(c["fr"])
            engine.refresh_in_background()
            msg = f"Added to your glossary: {', '.join(added) or 'nothing new'}"
            if known:
                msg += f" (already there: {', '.join(known)})"
            return (status_html(msg + ". The next review uses it."), glossary_rows(), glossary_remove_choices(),
                    glossary_file())

        glossary_btn.click(guarded(do_to_glossary, 4, 0), [review_state],
                           [status_out, gloss_table, g_remove_dd, g_download])

        # ------------------------------------------------------------------------- glossary tab
        def do_g_add(fr: str, en: str, ru: str, aliases: str, gtype: str) -> tuple:
            alias_list = [a.strip() for a in (aliases or "").split("|") if a.strip()]
            _, created = store.add_glossary_entry(fr or "", en or "", ru or "", alias_list, gtype or "person",
                                                  origin="glossary tab")
            engine.refresh_in_background()
            msg = f"Added «{fr.strip()}»." if created else f"«{fr.strip()}» was already there; completed it."
            return (status_html(msg), glossary_rows(), glossary_remove_choices(), glossary_file(), "", "", "", "")

        g_add_btn.click(guarded(do_g_add, 8, 0), [g_fr, g_en, g_ru, g_alias, g_type],
                        [g_status, gloss_table, g_remove_dd, g_download, g_fr, g_en, g_ru, g_alias])

        def do_g_remove(entry_id: Any) -> tuple:
            if entry_id in (None, ""):
                raise InputError("choose the name to remove")
            ok = store.remove_glossary_entry(int(entry_id))
            engine.refresh_in_background()
            return (status_html("Removed." if ok else "That name was already removed."), glossary_rows(),
                    glossary_remove_choices(), glossary_file())

        g_remove_btn.click(guarded(do_g_remove, 4, 0), [g_remove_dd], [g_status, gloss_table, g_remove_dd, g_download])

        def glossary_file() -> str | None:
            path = engine.glossary_path
            store.export_glossary_csv(path)
            return str(path)

        def refresh_glossary() -> tuple:
            return glossary_rows(), glossary_remove_choices(), glossary_file()

        # ------------------------------------------------------------------------- score tab
        def do_score(hyps: Any, refs: Any, metrics: list[str]) -> tuple:
            hyp_paths = [_file_path(h) for h in (hyps or [])]
            ref_paths = [_file_path(r) for r in (refs or [])]
            if not hyp_paths or not ref_paths:
                raise InputError("upload at least one hypothesis file and one reference file")
            if not metrics:
                raise InputError("choose at least one metric")
            for p in [*hyp_paths, *ref_paths]:
                _check_size(os.path.getsize(p or ""), Path(p or "").name, max_upload_bytes)
            try:
                rows, files, _ = run_score([p for p in hyp_paths if p], [p for p in ref_paths if p], metrics,
                                           tempfile.mkdtemp(prefix="score-", dir=exports))
            except ImportError as e:
                raise InputError(f"scoring is not available in this installation ({e})") from None
            import pandas as pd

            table = pd.DataFrame(rows, columns=["system", *metrics])
            long = pd.DataFrame([{"label": f"{m} · {r['system']}", "metric": m, "system": r["system"],
                                  "score": r[m]} for r in rows for m in metrics if r.get(m) is not None])
            return (status_html(f"Scored {len(rows)} system(s)."), table, long, [str(f) for f in files])

        score_btn.click(guarded(do_score, 4, 0), [hyp_in, ref_in, metrics_in],
                        [score_status, score_table, score_plot, score_files])

        # ------------------------------------------------------------------------- batch tab
        def do_batch(files: Any, glossary: Any, use_user: bool, gloss_only: bool, min_conf: float,
                     progress: gr.Progress = gr.Progress()) -> tuple:  # noqa: B008 - Gradio's progress idiom
            paths = [p for p in (_file_path(f) for f in (files or [])) if p]
            if not paths:
                raise InputError("upload the files to normalise")
            for p in paths:
                _check_size(os.path.getsize(p), Path(p).name, max_upload_bytes)
            glossaries = []
            gpath = _file_path(glossary)
            if gpath:
                glossaries.append(gpath)
            if use_user and store.glossary_entries():
                glossaries.append(str(store.export_glossary_csv(engine.glossary_path)))
            if gloss_only and not glossaries:
                raise InputError("'glossary only' needs a glossary: upload one or add names to yours")
            try:
                summary, changes, out_files = run_batch(paths, glossaries,
                                                        tempfile.mkdtemp(prefix="batch-", dir=exports),
                                                        glossary_only=gloss_only, min_confidence=float(min_conf),
                                                        progress=progress)
            except ImportError as e:
                raise InputError(f"batch normalisation is not available in this installation ({e})") from None
            rows = [[c.get("file", ""), c.get("line", c.get("unit", "")), c.get("before", ""), c.get("after", ""),
                     c.get("category", c.get("rule", ""))] for c in changes[:1000]]
            skipped = f"; {len(summary['skipped'])} skipped" if summary["skipped"] else ""
            return (status_html(f"Normalised {summary['files_ok']}/{summary['files']} files: "
                                f"{summary['changes']} changes in {summary['seconds']:.1f} s{skipped}."),
                    [str(p) for p in out_files], rows)

        batch_btn.click(guarded(do_batch, 3, 0), [batch_in, batch_gloss_in, batch_use_user, batch_gloss_only,
                                                  batch_conf], [batch_status, batch_files, batch_table])

        # ------------------------------------------------------------------------- page load
        def on_load(request: gr.Request) -> tuple:
            review_id = None
            try:
                review_id = request.query_params.get("review") if request is not None else None
            except AttributeError:
                review_id = None
            g_rows, g_choices, g_file = refresh_glossary()
            if review_id:
                try:
                    opened = do_open(review_id)
                    return (gr.update(choices=saved_choices(), value=review_id), *opened, g_rows, g_choices, g_file)
                except MtreviewError:
                    pass
            empty = tuple(gr.update() for _ in range(len(VIEW) + 2))
            return (gr.update(choices=saved_choices()), *empty, g_rows, g_choices, g_file)

        demo.load(guarded(on_load, len(VIEW) + 6, 1 + STATUS_I), None,
                  [saved_dd, *VIEW, categories_in, threshold_in, gloss_table, g_remove_dd, g_download])
    return demo


__all__ = ["build_app", "launch_options", "ReviewEngine", "export_review", "review_log", "diff_html",
           "highlight_segments", "decided_changes", "glossary_candidates", "read_review_request", "run_score",
           "run_batch"]
