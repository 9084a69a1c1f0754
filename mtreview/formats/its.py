"""XLIFF 1.2 with the review's flags as ITS 2.0 Localization Quality Issue annotations.

What it is for: handing a review to CAT tools and QA pipelines that read ITS 2.0. Each line of the
reviewed text (each unit, for bilingual inputs) becomes a ``<trans-unit>``; each flag becomes an inline
``<mrk mtype="x-its">`` around the flagged span of the ``<target>`` carrying the local ITS attributes
``its:locQualityIssueType`` (the ITS type mapped from the MQM-style category), ``its:locQualityIssueComment``
(the explanation and the suggestion), ``its:locQualityIssueSeverity`` (0-100) and, when the reviewer
rejected the flag, ``its:locQualityIssueEnabled="no"``. The project's own values (category,
confidence, suggestions, decision) ride along in the ``urn:mtreview:its`` namespace so nothing is lost.
When decisions are given, a unit whose text changed gets an ``<alt-trans origin="mtreview-review">``
with the corrected target; the ``<target>`` itself stays the text the flags describe.

What it must not do: re-detect, or reorder the text. Characters that XML 1.0 cannot carry (C0
controls other than tab and newline) are written as U+FFFD; everything else round-trips.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from ..categories import CATEGORY_TABLE
from ..flags import CATEGORIES, Flag

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
ITS_NS = "http://www.w3.org/2005/11/its"
MTR_NS = "urn:mtreview:its"

#: MQM-style category -> ITS 2.0 locQualityIssueType (the closest of the 26 ITS types)
ITS_TYPES: dict[str, str] = {name: c.its_type for name, c in CATEGORY_TABLE.items()}

#: severity -> ITS locQualityIssueSeverity (0-100; MQM weights 1, 5, 25 mapped onto the scale)
ITS_SEVERITY: dict[str, int] = {"minor": 10, "major": 50, "critical": 100}

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)?")


def _x(s: str) -> str:
    """Text content, XML-escaped, with characters XML 1.0 forbids replaced by U+FFFD."""
    return escape(_XML_INVALID.sub("\ufffd", s))


def _a(s: Any) -> str:
    """An attribute value with its quotes, escaped (newlines and tabs kept as character references)."""
    return quoteattr(_XML_INVALID.sub("\ufffd", str(s)), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line without its line break."""
    out = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        body = m.group(0).rstrip("\r\n")
        out.append((m.start(), m.start() + len(body)))
    return out


def _status(flag: Flag, decisions: Mapping[str, Any] | None) -> tuple[str, str | None]:
    d = (decisions or {}).get(flag.id)
    if d is None:
        return "pending", None
    if isinstance(d, Mapping):
        return str(d.get("status", "pending")), d.get("replacement")
    return str(getattr(d, "status", "pending")), getattr(d, "replacement", None)


def _mrk_open(flag: Flag, decisions: Mapping[str, Any] | None) -> str:
    status, replacement = _status(flag, decisions)
    comment = flag.explanation.strip()
    if flag.suggestions:
        comment = (comment + " " if comment else "") + "Suggestion : " + " | ".join(flag.suggestions[:3])
    if not comment:
        comment = CATEGORIES.get(flag.category, flag.category)
    attrs = [
        ("mtype", "x-its"),
        ("its:locQualityIssueType", ITS_TYPES.get(flag.category, "other")),
        ("its:locQualityIssueComment", comment),
        ("its:locQualityIssueSeverity", ITS_SEVERITY.get(flag.severity, 50)),
    ]
    if status == "rejected":
        attrs.append(("its:locQualityIssueEnabled", "no"))
    attrs += [
        ("mtr:flag", flag.id),
        ("mtr:category", flag.category),
        ("mtr:confidence", f"{flag.confidence:.3f}"),
    ]
    if flag.suggestions:
        attrs.append(("mtr:suggestions", "|".join(flag.suggestions)))
    if flag.detector:
        attrs.append(("mtr:detector", flag.detector))
    attrs.append(("mtr:status", status))
    if replacement is not None and status in ("accepted", "edited"):
        attrs.append(("mtr:replacement", replacement))
    return "<mrk " + " ".join(f"{k}={_a(v)}" for k, v in attrs) + ">"


def _annotate(text: str, start: int, end: int, flags: list[Flag],
              decisions: Mapping[str, Any] | None) -> tuple[str, list[str]]:
    """``text[start:end]`` as XLIFF inline content with nested ``<mrk>``; returns (xml, skipped ids)."""
    out: list[str] = []
    skipped: list[str] = []
    stack: list[int] = []  # end offsets of the open <mrk>s
    pos = start
    for f in sorted(flags, key=lambda f: (f.start, -f.end)):
        fs, fe = max(f.start, start), min(f.end, end)
        while stack and stack[-1] <= fs:
            out.append(_x(text[pos:stack[-1]]))
            pos = stack.pop()
            out.append("</mrk>")
        if stack and fe > stack[-1]:  # crosses an open mark: XLIFF 1.2 cannot nest it
            skipped.append(f.id)
            continue
        out.append(_x(text[pos:fs]))
        out.append(_mrk_open(f, decisions))
        pos = fs
        stack.append(fe)
    while stack:
        out.append(_x(text[pos:stack[-1]]))
        pos = stack.pop()
        out.append("</mrk>")
    out.append(_x(text[pos:end]))
    return "".join(out), skipped


def _corrected(text: str, start: int, end: int, flags: list[Flag],
               decisions: Mapping[str, Any] | None) -> str | None:
    """The line with accepted and edited replacements applied, or None when nothing changes."""
    pieces: list[str] = []
    pos = start
    changed = False
    for f in sorted(flags, key=lambda f: f.start):
        status, replacement = _status(f, decisions)
        if status not in ("accepted", "edited") or replacement is None or f.start < pos:
            continue
        if f.start < start or f.end > end:
            continue
        pieces.append(text[pos:f.start])
        pieces.append(replacement)
        pos = f.end
        changed = changed or replacement != text[f.start:f.end]
    pieces.append(text[pos:end])
    return "".join(pieces) if changed else None


def _changed(text: str, start: int, end: int, changes: list[Any], starts: list[int]) -> str | None:
    """The line ``text[start:end]`` with the ``changes`` inside it applied (``changes`` sorted by start,
    ``starts`` their starts), or None when nothing changes."""
    pieces: list[str] = []
    pos = start
    for c in changes[bisect_left(starts, start):bisect_right(starts, end)]:
        if c.start < pos or c.end > end:
            continue
        pieces += [text[pos:c.start], c.after]
        pos = c.end
    pieces.append(text[pos:end])
    out = "".join(pieces)
    return out if out != text[start:end] else None


def result_to_xliff(result: Any, item: Any = None, *, decisions: Mapping[str, Any] | None = None,
                    source_language: str = "und", target_language: str = "fr", changes: Any = None) -> str:
    """XLIFF 1.2 for a :class:`~mtreview.review.ReviewResult`, flags as ITS 2.0 quality issues.

    ``item`` (a :class:`~mtreview.inputs.ReviewInput`) supplies the file name, the unit ids of a
    bilingual input and the source text (aligned by line). ``decisions`` maps flag ids to the review
    UI's decisions (objects or dicts with ``status`` and ``replacement``). ``changes`` (objects with
    ``start``, ``end``, ``after``, in offsets of the text), when given, make the corrected targets
    instead of the decisions: the review UI passes the changes of its corrected text, whole-segment
    edits included.
    """
    from .. import __version__

    text: str = result.text
    flags: list[Flag] = list(result.flags)
    lines = _lines(text)
    units: list[str] = list(getattr(item, "units", None) or [])
    source = getattr(item, "source", None)
    src_lines = [source[s:e] for s, e in _lines(source)] if source else []
    original = str(getattr(item, "path", "") or "mtreview")
    if original == "-":
        original = "stdin"

    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<xliff version="1.2" xmlns="{XLIFF_NS}" xmlns:its="{ITS_NS}" xmlns:mtr="{MTR_NS}" its:version="2.0">',
        f" <file original={_a(original)} source-language={_a(source_language)}"
        f" target-language={_a(target_language)} datatype=\"plaintext\""
        f" its:annotatorsRef=\"localization-quality-issue|{MTR_NS}\">",
        "  <header>",
        f'   <tool tool-id="mtreview" tool-name="mtreview" tool-version={_a(__version__)}/>',
        "  </header>",
        "  <body>",
    ]
    sorted_changes = sorted(changes or [], key=lambda c: (c.start, c.end))
    change_starts = [c.start for c in sorted_changes]
    by_line: list[list[Flag]] = [[] for _ in lines]
    li = 0
    for f in sorted(flags, key=lambda f: f.start):
        while li < len(lines) and lines[li][1] < f.start:
            li += 1
        j = li
        while j < len(lines) and lines[j][0] <= f.end:
            s, e = lines[j]
            if (f.start < e and f.end > s) or (f.start == f.end and s <= f.start <= e):
                by_line[j].append(f)
            j += 1
    for n, (s, e) in enumerate(lines):
        if not text[s:e].strip() and not by_line[n]:
            continue
        uid = units[n] if len(units) == len(lines) else str(n + 1)
        line_flags = by_line[n]
        pending = any(_status(f, decisions)[0] == "pending" for f in line_flags)
        target, skipped = _annotate(text, s, e, line_flags, decisions)
        src = src_lines[n] if n < len(src_lines) else ""
        state = ' state="needs-review-translation"' if pending else ""
        out.append(f"   <trans-unit id={_a(uid)} xml:space=\"preserve\">")
        out.append(f"    <source>{_x(src)}</source>")
        out.append(f"    <target{state}>{target}</target>")
        corrected = (_changed(text, s, e, sorted_changes, change_starts) if changes is not None
                     else _corrected(text, s, e, line_flags, decisions) if decisions else None)
        if corrected is not None:
            out.append('    <alt-trans origin="mtreview-review">')
            out.append(f"     <target>{_x(corrected)}</target>")
            out.append("    </alt-trans>")
        if skipped:
            out.append(f"    <note from=\"mtreview\">{_x('overlapping flags not marked inline: ' + ', '.join(skipped))}</note>")
        out.append("   </trans-unit>")
    out += ["  </body>", " </file>", "</xliff>", ""]
    return "\n".join(out)


__all__ = ["result_to_xliff", "ITS_TYPES", "ITS_SEVERITY"]
