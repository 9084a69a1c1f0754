"""Rendering a review: JSON (the contract), plain text for the terminal, a self-contained HTML page.

Every string that comes from the input or a flag is escaped in HTML; the page loads nothing from
outside the file. XLIFF output with ITS 2.0 quality annotations lives in :mod:`mtreview.formats.its`.
"""

from __future__ import annotations

import html
import json
from typing import Any

from .categories import FAMILY_COLOURS
from .flags import CATEGORIES
from .review import ReviewResult

CATEGORY_COLOURS = FAMILY_COLOURS  # highlight colour per MQM family (mtreview.categories)


def render_json(result: ReviewResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def render_text(result: ReviewResult) -> str:
    out = []
    for f in result.flags:
        line, col = _line_col(result.text, f.start)
        sugg = f" → {' | '.join(f.suggestions[:3])}" if f.suggestions else ""
        out.append(f"{line}:{col}\t{f.category}\t{f.severity}\t{f.confidence:.2f}\t«{f.text}»{sugg}\n"
                   f"\t{f.explanation}")
    s = result.summary
    cats = ", ".join(f"{k} {v}" for k, v in s["by_category"].items()) or "none"
    out.append(f"{s['flags']} flags in {s['words']} words ({cats}); MQM score {s['mqm_score']}")
    return "\n".join(out) + "\n"


def render_html(result: ReviewResult, title: str = "mtreview") -> str:
    text = result.text
    parts: list[str] = []
    pos = 0
    for f in result.flags:
        parts.append(html.escape(text[pos:f.start]))
        colour = CATEGORY_COLOURS.get(f.family, "#ddd")
        tip = f"{f.category} ({f.severity}, {f.confidence:.2f}): {f.explanation}"
        if f.suggestions:
            tip += " → " + " | ".join(f.suggestions[:3])
        parts.append(f'<mark id="{html.escape(f.id)}" style="background:{colour}" title="{html.escape(tip)}">'
                     f"{html.escape(text[f.start:f.end])}</mark>")
        pos = f.end
    parts.append(html.escape(text[pos:]))
    body = "".join(parts).replace("\n", "<br>\n")
    rows = "".join(
        f"<tr><td><a href='#{html.escape(f.id)}'>{html.escape(f.id)}</a></td><td>{html.escape(f.category)}</td>"
        f"<td>{html.escape(f.severity)}</td><td>{f.confidence:.2f}</td><td>{html.escape(f.text)}</td>"
        f"<td>{html.escape(' | '.join(f.suggestions[:3]))}</td><td>{html.escape(f.explanation)}</td></tr>"
        for f in result.flags)
    s = result.summary
    legend = " ".join(f"<span style='background:{c};padding:0 4px'>{html.escape(k)}</span>"
                      for k, c in CATEGORY_COLOURS.items())
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5}}
mark{{border-radius:3px;padding:0 2px}} table{{border-collapse:collapse;font-size:90%}}
td,th{{border:1px solid #ccc;padding:2px 6px;vertical-align:top}}</style></head>
<body><h1>{html.escape(title)}</h1>
<p>{s['flags']} flags in {s['words']} words; MQM score {s['mqm_score']}. {legend}</p>
<div class="text">{body}</div>
<h2>Flags</h2><table><tr><th>id</th><th>category</th><th>severity</th><th>confidence</th><th>text</th>
<th>suggestions</th><th>explanation</th></tr>{rows}</table>
</body></html>
"""


def render_result(result: ReviewResult, fmt: str, item: Any = None) -> str:
    if fmt == "json":
        return render_json(result)
    if fmt == "text":
        return render_text(result)
    if fmt == "html":
        return render_html(result, title=f"mtreview — {getattr(item, 'path', '')}")
    if fmt == "xliff":
        from .formats.its import result_to_xliff
        return result_to_xliff(result, item)
    raise ValueError(fmt)


__all__ = ["render_result", "render_json", "render_text", "render_html", "CATEGORIES"]
