"""What the review view shows, as HTML and component values: highlighted spans, legends, details, diff.

Every function here is pure: it takes flags, decisions and texts and returns strings or plain lists
(the values of Gradio's HighlightedText, Dataframe and Dropdown). Every string from the input or from a
flag goes through :func:`esc` before it becomes HTML. A flag's evidence is written in words
(:func:`evidence_items`: «Elon Musk» is named correctly 34 times in the text), never as the detector's
raw keys and values, and counts carry their plural (:func:`mtreview.ui.messages.plural`). Colours of the categories come from
:mod:`mtreview.categories` (``FAMILY_COLOURS``, the one category table); the colours of decided spans
(``STATUS_COLOURS``) belong to the UI and live here.
"""

from __future__ import annotations

import ast
import difflib
import html
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..categories import DEFAULT_COLOUR, FAMILY_COLOURS
from ..flags import CATEGORIES, Flag
from ..store import PENDING, Decision, StoredReview
from .decisions import status_of
from .messages import plural

#: at most this many lines are shown in the side-by-side view when every line is shown
DIFF_ALL_LINES_MAX = 300

STATUS_MARKS = {"accepted": "✓", "edited": "✎", "rejected": "✗"}
STATUS_COLOURS = {"accepted": "#8fd19e", "edited": "#8fd1c8", "rejected": "#d0d0d0"}

FLAG_TABLE_HEADERS = ["id", "status", "category", "line", "text", "suggestion", "confidence"]

#: the page's stylesheet: the classes the HTML below uses, and the layout of the highlighted text
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
.mtr-skipped { margin: 2px 0 6px 1.2em; padding: 0; color: #b00020; }
.mtr-score-plots { display: flex; flex-wrap: wrap; gap: 8px 24px; }
.mtr-score-plot svg { max-width: 100%; height: auto; }
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

def flag_label(flag: Flag, decisions: Mapping[str, Decision]) -> str:
    """The label of a highlighted span: its category, marked ✓ ✎ ✗ once decided."""
    status = status_of(flag, decisions)
    return flag.category if status == PENDING else f"{flag.category} {STATUS_MARKS[status]}"


def colour_map() -> dict[str, str]:
    """Colours for every label :func:`flag_label` can produce."""
    out: dict[str, str] = {}
    for cat in CATEGORIES:
        out[cat] = FAMILY_COLOURS.get(cat.split("/", 1)[0], DEFAULT_COLOUR)
        for status, mark in STATUS_MARKS.items():
            out[f"{cat} {mark}"] = STATUS_COLOURS[status]
    return out


def page_colours(segments: Sequence[tuple[str, str | None]]) -> dict[str, str]:
    """The colours of the labels in a HighlightedText value (:func:`highlight_segments`), and only those.

    The page's HighlightedText draws two canvases for every label of its colour map each time its value
    changes (to turn the colour into rgba): with every label there is (:func:`colour_map`, four for each
    category: 56), that was over a hundred canvases, up to 20 MB waiting for the garbage collector, at
    each page of a review."""
    cmap = colour_map()
    return {label: cmap.get(label, DEFAULT_COLOUR) for label in dict.fromkeys(lab for _, lab in segments if lab)}


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
    """The 1-based line of ``offset`` in ``text``."""
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


def flag_choice(f: Flag, decisions: Mapping[str, Decision]) -> tuple[str, str]:
    """(label, value) of a flag in the flag selector."""
    sugg = f" → {f.suggestions[0]}" if f.suggestions else ""
    status = status_of(f, decisions)
    mark = f" {STATUS_MARKS[status]}" if status != PENDING else ""
    text = f.text if len(f.text) <= 40 else f.text[:39] + "…"
    return f"{f.id} · «{text}»{sugg} · {f.category}{mark}", f.id


def suggestion_options(flag: Flag | None, decision: Decision | None) -> tuple[list[str], str | None, str]:
    """The suggestions to choose from, the one chosen, and the text of the Edit box for a flag.

    The chosen suggestion is the decided replacement when it is one of them, else the best one; the
    Edit box holds the decided replacement, else the best suggestion, else the flagged text.
    """
    if flag is None:
        return [], None, ""
    choices = list(dict.fromkeys(flag.suggestions))
    value = choices[0] if choices else None
    if decision is not None and decision.replacement in choices:
        value = decision.replacement
    edit = decision.replacement if decision is not None and decision.replacement is not None else (
        choices[0] if choices else flag.text)
    return choices, value, edit


def bulk_category_choices(flags: Sequence[Flag], decisions: Mapping[str, Decision]) -> list[tuple[str, str]]:
    """(label, category) of every category with pending flags that have a suggestion."""
    pending_by_cat = Counter(f.category for f in flags if f.id not in decisions and f.suggestions)
    return [(f"{c} ({n} pending)", c) for c, n in sorted(pending_by_cat.items())]


# ------------------------------------------------------------------------------ evidence in words

#: what the detectors' ``mechanism`` values mean (the names detector writes its own sentences)
MECHANISMS = {
    "pivot-sense": "another sense of the pivot word: the translation went through a language where one word "
                   "has both meanings",
    "dictionary-pair": "a wrong word pair known from the pivot dictionaries",
    "calque": "a word-for-word copy (calque) of a construction of the pivot language",
    "valence": "the verb's construction was copied from the pivot language",
    "genitive-adjective": "a genitive of the pivot language turned into an adjective",
}
LANGUAGES = {"ru": "Russian", "en": "English", "fr": "French", "de": "German", "uk": "Ukrainian"}
ENGINES = {"grammalecte": "Grammalecte (grammar checker)", "parse": "the sentence's parse (spaCy)"}
ENTITY_TYPES = {"person": "a person", "organisation": "an organisation", "brand": "a brand", "place": "a place"}
#: keys shown with another one, or of no use to a reviewer
_EVIDENCE_SKIP = {"entity_id", "type", "median_ratio", "words", "homoglyphs"}


def _words(value: Any) -> str:
    """Any evidence value in words: a list as «a, b», a number rounded, a yes/no, a rule id spaced."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_words(v) for v in value) if value else "none"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_words(v)}" for k, v in value.items()) if value else "none"
    return str(value)


_HOMOGRAPH = re.compile(r"pivot homograph ru:(?P<name>.+?) → (?P<word>.+?) → (?P<fr>.+)")


def _mechanism(value: Any) -> str:
    """A ``mechanism`` in words: the mistranslation detector's ids, and the names detector's templates."""
    text = str(value)
    if text in MECHANISMS:
        return MECHANISMS[text]
    m = _HOMOGRAPH.fullmatch(text)
    if m:
        return (f"the name's Russian form «{m['name']}» was read as the Russian word «{m['word']}», "
                f"translated «{m['fr']}»")
    for prefix, said in (("given name garbled: ", "the given name was garbled into «{}»"),
                         ("calque: ", "the parts of the name were translated one by one: {}"),
                         ("spellings in document: ", "two spellings of one name in the text: {}")):
        if text.startswith(prefix):
            return said.format(text[len(prefix):])
    if text.startswith("forms in document: "):
        try:
            forms = ast.literal_eval(text[len("forms in document: "):])
            return "forms of the name in the text: " + ", ".join(
                f"«{k}» " + ("once" if n == 1 else f"{n} times") for k, n in dict(forms).items())
        except (ValueError, SyntaxError, TypeError):
            return text
    return text


def _rule(value: Any) -> str:
    return str(value).replace("_", " ").replace("-", " ")


#: evidence keys shown as a label and their value through one function (the others are worded below)
_EVIDENCE_LABELS: dict[str, tuple[str, Callable[[Any], str]]] = {
    "rule": ("Rule", _rule),
    "engine": ("Found by", lambda v: ENGINES.get(str(v), str(v))),
    "option": ("Grammalecte option", str),
    "entry": ("Dictionary entry", str),
    "pivot": ("Pivot word", _words),
    "context_score": ("Context score", _words),
    "head": ("Verb", str),
    "noun": ("Noun", str),
    "missing": ("Missing from the translation", _words),
    "source_number": ("Number in the source", str),
    "lang": ("Language", lambda v: LANGUAGES.get(str(v), str(v))),
    "best_score": ("Best suggestion's score", _words),
    "probability": ("Probability of an error", _words),
}


def evidence_items(evidence: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """A flag's evidence as (what, sentence) pairs a reviewer reads: «Elsewhere in the text» → «Elon
    Musk» is named correctly 34 times in the text; «Used as a common noun» → no sign of it in the
    sentence. Keys no detector documents here are shown with their name spaced and their value in words."""
    ev = dict(evidence or {})
    out: list[tuple[str, str]] = []
    entity = ev.get("entity")
    for key, value in ev.items():
        if key in _EVIDENCE_SKIP and not (key == "words" and "shared_words" not in ev):
            continue
        if key in _EVIDENCE_LABELS:
            label, word = _EVIDENCE_LABELS[key]
            out.append((label, word(value)))
        elif key == "entity":
            kind = ENTITY_TYPES.get(str(ev.get("type", "")))
            out.append(("Name", f"«{value}»" + (f", {kind}" if kind else "")))
        elif key == "in_document":
            n = int(value or 0)
            who = f"«{entity}»" if entity else "the name"
            said = (f"{who} is not named correctly anywhere in the text" if n == 0 else
                    f"{who} is named correctly once in the text" if n == 1 else
                    f"{who} is named correctly {n} times in the text")
            out.append(("Elsewhere in the text", said))
        elif key == "mechanism":
            out.append(("How it went wrong", _mechanism(value)))
        elif key == "slot":
            out.append(("Where it stands", ("where a name stands: " + _words(value)) if value
                        else "nothing in the sentence says a name stands there"))
        elif key == "common_noun_use":
            out.append(("Used as a common noun", ("yes: " + _words(value)) if value
                        else "no sign of it in the sentence"))
        elif key == "source" and value:
            out.append(("Entry's reference", _words(value)))
        elif key == "length_ratio":
            usual = ev.get("median_ratio")
            out.append(("Length", f"the translation is {float(value):.2f} times as long as the source"
                        + (f" (usually {float(usual):.2f} in this text)" if usual is not None else "")))
        elif key == "identical":
            out.append(("Same as the source", "yes, word for word" if value else "no"))
        elif key == "shared_words":
            total = ev.get("words")
            out.append(("Words shared with the source", f"{value} of {total}" if total is not None else str(value)))
        elif key == "script":
            what = ("Latin and Cyrillic letters mixed in one word (look-alike letters)" if value == "mixed"
                    else f"written in the {str(value).capitalize()} alphabet")
            out.append(("Script", what))
        elif key == "zipf":
            out.append(("Word frequency", f"{float(value):.2f} on the Zipf scale (7: the commonest words)"))
        elif key == "in_source":
            out.append(("In the source", "yes, the same word" if value else "no"))
        elif key == "lexicon":
            out.append(("Dictionary", f"not in {value}"))
        elif key == "close_name":
            out.append(("Close to the name", f"«{value}», nearby in the text"))
        elif key == "model":
            out.append(("Model", "the pivot-error model" if value == "pivot-errors" else str(value)))
        elif key == "source" or value in (None, ""):
            continue
        else:
            out.append((key.replace("_", " ").capitalize(), _words(value)))
    return out


def flag_detail_html(flag: Flag | None, decision: Decision | None, text: str = "") -> str:
    """Explanation, evidence and suggestions of one flag (every value escaped)."""
    if flag is None:
        return '<div class="mtr-detail" id="mtr-detail-empty">Select a highlighted span or a row of the table.</div>'
    status = decision.status if decision else PENDING
    sugg = "".join(f'<span class="mtr-sugg">{esc(s)}</span>' for s in flag.suggestions) or "<em>none</em>"
    evidence = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in evidence_items(flag.evidence))
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


def skipped_html(skipped: Sequence[tuple[str, str]]) -> str:
    """The files a batch run skipped, one line each with the reason (escaped)."""
    if not skipped:
        return ""
    items = "".join(f"<li><b>{esc(name)}</b>: {esc(reason)}</li>" for name, reason in skipped)
    return f'<ul class="mtr-skipped">{items}</ul>'


def legend_html() -> str:
    """The colours of the families and of the decisions."""
    items = "".join(f'<span style="background:{c}">{esc(fam)}</span>' for fam, c in FAMILY_COLOURS.items())
    marks = "".join(f'<span style="background:{STATUS_COLOURS[s]}">{esc(m)} {esc(s)}</span>'
                    for s, m in STATUS_MARKS.items())
    return f'<div class="mtr-legend">{items} {marks}</div>'


def summary_html(review: StoredReview, shown: Sequence[Flag], decisions: Mapping[str, Decision]) -> str:
    """The line above the text: title, words, flags shown and their decisions, then the legend."""
    counts = Counter(status_of(f, decisions) for f in shown)
    return (
        f'<div class="mtr-summary"><b>{esc(review.title)}</b> · {plural(review.words, "word")} · '
        f"{plural(len(review.flags), 'flag')}, {len(shown)} shown · "
        + " · ".join(f"{counts.get(s, 0)} {s}" for s in ("accepted", "edited", "rejected", PENDING))
        + f"</div>{legend_html()}")


# ------------------------------------------------------------------------------------ side by side

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
            rows.append(f'<tr class="mtr-gap"><td class="ln"></td><td colspan="2">{plural(gap, "unchanged line")}</td></tr>')
            gap = 0
        if a == b:
            rows.append(f'<tr><td class="ln">{ln}</td><td class="orig">{esc(a)}</td><td class="corr">{esc(b)}</td></tr>')
        else:
            left, right = _diff_pair(a, b)
            rows.append(f'<tr class="mtr-changed"><td class="ln">{ln}</td><td class="orig">{left}</td>'
                        f'<td class="corr">{right}</td></tr>')
    if gap:
        rows.append(f'<tr class="mtr-gap"><td class="ln"></td><td colspan="2">{plural(gap, "unchanged line")}</td></tr>')
    head = (f'<p class="mtr-diff-summary">{plural(changed, "changed line")}</p>'
            '<table><colgroup><col style="width:3.5em"><col><col></colgroup>'
            "<thead><tr><th>#</th><th>Original</th><th>Corrected</th></tr></thead><tbody>")
    return f'<div class="mtr-diff" id="mtr-diff-view">{head}{"".join(rows)}</tbody></table></div>'


__all__ = ["APP_CSS", "DIFF_ALL_LINES_MAX", "FLAG_TABLE_HEADERS", "STATUS_COLOURS", "STATUS_MARKS",
           "bulk_category_choices", "colour_map", "diff_html", "esc", "evidence_items", "flag_choice",
           "flag_detail_html", "flag_label", "flag_rows", "highlight_segments", "legend_html", "line_of",
           "page_colours", "skipped_html", "status_html", "suggestion_options", "summary_html"]
