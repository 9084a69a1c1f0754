"""Rendering a scoring run: JSON (the contract), plain text, CSV and a self-contained HTML report.

What it is for: every format is drawn from the same :class:`~mtreview.scoring.engine.ScoreReport`.
The HTML page needs no network and no script: styles are inline, the plots are SVG written here
(scores with their 95% confidence intervals, MQM error categories per system, per-segment score
distributions as box plots, entity accuracy by type), and a Content-Security-Policy forbids any
request outside the file. Every string from the inputs is escaped.

What it must not do: compute scores (it only lays out what the engine computed).
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
from collections.abc import Sequence
from typing import Any

from ..categories import FAMILY_PLOT_COLOURS
from .engine import LABELS, ScoreReport

METRIC_ORDER = ("bleu", "chrf", "chrf++", "ter", "mqm", "entity_accuracy")
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac")
CATEGORY_COLOURS = FAMILY_PLOT_COLOURS  # plot colour per MQM family (mtreview.categories)


def _metrics_of(data: dict[str, Any]) -> list[str]:
    """The metrics present in the report, in report order."""
    return [m for m in METRIC_ORDER if any(system_value(s, m) is not None for s in data["systems"])]


def system_value(s: dict[str, Any], metric: str) -> float | None:
    """A system's corpus score for ``metric`` (MQM and entity accuracy live in sub-objects)."""
    if metric == "mqm":
        return s["mqm"]["score"] if "mqm" in s else None
    if metric == "entity_accuracy":
        return s["entity_accuracy"]["accuracy"] if "entity_accuracy" in s else None
    v = s.get(metric)
    return float(v) if isinstance(v, (int, float)) else None


# --- JSON ----------------------------------------------------------------------------------------

def render_json(report: ScoreReport) -> str:
    return json.dumps(report.data, ensure_ascii=False, indent=1) + "\n"


# --- text ----------------------------------------------------------------------------------------

def render_text(report: ScoreReport) -> str:
    data = report.data
    metrics = _metrics_of(data)
    width = max([len("system")] + [len(s["name"]) for s in data["systems"]])
    head = "system".ljust(width) + "".join(f"  {LABELS[m]:>18}" for m in metrics)
    lines = [head, "-" * len(head)]
    for s in data["systems"]:
        cells = []
        for m in metrics:
            v = system_value(s, m)
            c = s.get("confidence", {}).get(m)
            txt = "-" if v is None else f"{v:.2f}" + (f" ± {c['ci']:.2f}" if c else "")
            cells.append(f"  {txt:>18}")
        lines.append(s["name"].ljust(width) + "".join(cells))
    sig = data.get("significance")
    if sig:
        lines.append("")
        lines.append(f"Paired {'bootstrap resampling' if sig['test'] == 'paired-bs' else 'approximate randomisation'} "
                     f"({sig['samples']} samples, seed {sig['seed']}); * p < {sig['alpha']}")
        for c in sig["comparisons"]:
            star = "*" if c["significant"] else " "
            lines.append(f"  {c['system']} vs {c['baseline']}  {LABELS.get(c['metric'], c['metric']):<12} "
                         f"delta {c['delta']:+.2f}  p = {c['p_value']:.4f} {star}")
    for s in data["systems"]:
        if "mqm" in s:
            cats = ", ".join(f"{k} {v}" for k, v in s["mqm"]["by_category"].items()) or "no flags"
            lines.append(f"MQM {s['name']}: {s['mqm']['score']:.2f} ({s['mqm']['flags']} flags in "
                         f"{s['mqm']['words']} words: {cats})")
    for s in data["systems"]:
        if "entity_accuracy" in s:
            e = s["entity_accuracy"]
            lines.append(f"Entity accuracy {s['name']}: {e['accuracy']:.2f}% ({e['correct']}/{e['total']}, "
                         f"{e['missing']} without output)")
    sigs = {}
    for s in data["systems"]:
        sigs.update(s.get("signatures", {}))
        if "mqm" in s:
            sigs["mqm"] = s["mqm"]["signature"]
    if sigs:
        lines.append("")
        lines.append("signatures:")
        lines.extend(f"  {LABELS.get(k, k)}: {v}" for k, v in sigs.items())
    for w in data.get("warnings", []):
        lines.append(f"warning: {w}")
    return "\n".join(lines) + "\n"


# --- CSV -----------------------------------------------------------------------------------------

def render_csv(report: ScoreReport, segments: bool = False) -> str:
    """System table (one row per system), or with ``segments`` one row per system × segment."""
    buf = io.StringIO()
    data = report.data
    if segments:
        rows = report.segment_rows
        keys: list[str] = []
        for r in rows:
            for k in r:
                if k not in keys:
                    keys.append(k)
        w = csv.DictWriter(buf, fieldnames=keys, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: (";".join(v) if isinstance(v, list) else v) for k, v in r.items()})
        return buf.getvalue()
    metrics = _metrics_of(data)
    header = ["system", "segments"]
    for m in metrics:
        header += [m, f"{m}_ci"]
    header += ["mqm_flags", "mqm_words", "entity_correct", "entity_total", "missing"]
    w2 = csv.writer(buf, lineterminator="\n")
    w2.writerow(header)
    for s in data["systems"]:
        row: list[Any] = [s["name"], s["segments"]]
        for m in metrics:
            c = s.get("confidence", {}).get(m)
            row += [system_value(s, m), c["ci"] if c else ""]
        row += [s.get("mqm", {}).get("flags", ""), s.get("mqm", {}).get("words", ""),
                s.get("entity_accuracy", {}).get("correct", ""), s.get("entity_accuracy", {}).get("total", ""),
                s.get("missing", 0)]
        w2.writerow(row)
    return buf.getvalue()


# --- SVG plots -----------------------------------------------------------------------------------

def _e(x: Any) -> str:
    return html.escape(str(x), quote=True)


def _nice_range(lo: float, hi: float, metric: str = "") -> tuple[float, float]:
    """An axis range around [lo, hi] with round ends; scores never go below 0 (nor above 100 but TER)."""
    if not math.isfinite(lo) or not math.isfinite(hi):
        return 0.0, 100.0
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.08
    lo, hi = lo - pad, hi + pad
    step = 10 ** math.floor(math.log10(max(hi - lo, 1e-9))) / 2
    lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step
    lo = max(lo, 0.0)
    if metric != "ter":
        hi = min(hi, 100.0)
    return lo, max(hi, lo + step)


def _axis(x0: float, x1: float, lo: float, hi: float, y: float, height: float) -> str:
    parts = [f'<line x1="{x0}" y1="{y}" x2="{x1}" y2="{y}" stroke="#999"/>']
    for k in range(6):
        v = lo + (hi - lo) * k / 5
        x = x0 + (x1 - x0) * k / 5
        parts.append(f'<line x1="{x:.1f}" y1="{y - height}" x2="{x:.1f}" y2="{y}" stroke="#eee"/>'
                     f'<text x="{x:.1f}" y="{y + 14}" font-size="11" text-anchor="middle">{v:.4g}</text>')
    return "".join(parts)


def svg_scores(data: dict[str, Any], metric: str) -> str:
    """Dot-and-whisker plot of one metric: each system's score with its 95% bootstrap interval."""
    systems = [s for s in data["systems"] if system_value(s, metric) is not None]
    if not systems:
        return ""
    vals = []
    for s in systems:
        v = system_value(s, metric)
        c = s.get("confidence", {}).get(metric)
        vals.append((s["name"], v, c["low"] if c else None, c["high"] if c else None))
    lo = min(min(v for _, v, _, _ in vals), min((a for _, _, a, _ in vals if a is not None), default=math.inf))
    hi = max(max(v for _, v, _, _ in vals), max((b for _, _, _, b in vals if b is not None), default=-math.inf))
    lo, hi = _nice_range(lo, hi, metric)
    left, right, row = 150, 620, 22
    h = 30 + row * len(vals) + 24
    scale = (right - left) / (hi - lo)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="640" height="{h}" role="img" '
             f'aria-label="{_e(LABELS.get(metric, metric))} by system">',
             f'<text x="4" y="16" font-size="13" font-weight="bold">{_e(LABELS.get(metric, metric))}'
             f'{" (lower is better)" if metric == "ter" else ""}</text>']
    axis_y = 30 + row * len(vals)
    parts.append(_axis(left, right, lo, hi, axis_y, row * len(vals)))
    for i, (name, v, a, b) in enumerate(vals):
        y = 30 + row * i + row / 2
        colour = PALETTE[i % len(PALETTE)]
        parts.append(f'<text x="{left - 6}" y="{y + 4}" font-size="12" text-anchor="end">{_e(name)}</text>')
        if a is not None and b is not None:
            parts.append(f'<line x1="{left + (a - lo) * scale:.1f}" y1="{y}" x2="{left + (b - lo) * scale:.1f}" '
                         f'y2="{y}" stroke="{colour}" stroke-width="3"><title>95% CI {a:.2f}–{b:.2f}</title></line>')
        parts.append(f'<circle cx="{left + (v - lo) * scale:.1f}" cy="{y}" r="5" fill="{colour}">'
                     f'<title>{_e(name)}: {v:.2f}</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


def svg_categories(data: dict[str, Any]) -> str:
    """Stacked bars: MQM flags per error category for each system."""
    systems = [s for s in data["systems"] if "mqm" in s]
    if not systems:
        return ""
    cats = sorted({c for s in systems for c in s["mqm"]["by_category"]})
    if not cats:
        return "<p>No flags were raised on any system.</p>"
    top = max(sum(s["mqm"]["by_category"].values()) for s in systems) or 1
    left, right, row = 150, 620, 22
    h = 30 + row * len(systems) + 30 + 16 * math.ceil(len(cats) / 3)
    shades = {}
    for i, c in enumerate(cats):
        base = CATEGORY_COLOURS.get(c.split("/")[0], PALETTE[i % len(PALETTE)])
        shades[c] = (base, 0.45 + 0.55 * ((i % 3) / 2))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="640" height="{h}" role="img" '
             'aria-label="error categories per system">',
             '<text x="4" y="16" font-size="13" font-weight="bold">Flags by error category</text>']
    for i, s in enumerate(systems):
        y = 30 + row * i
        parts.append(f'<text x="{left - 6}" y="{y + 15}" font-size="12" text-anchor="end">{_e(s["name"])}</text>')
        x = float(left)
        for c in cats:
            k = s["mqm"]["by_category"].get(c, 0)
            if not k:
                continue
            w = (right - left) * k / top
            colour, op = shades[c]
            parts.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" fill="{colour}" '
                         f'fill-opacity="{op:.2f}"><title>{_e(s["name"])} — {_e(c)}: {k}</title></rect>')
            x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 15}" font-size="11">{sum(s["mqm"]["by_category"].values())}</text>')
    ly = 30 + row * len(systems) + 20
    for i, c in enumerate(cats):
        colour, op = shades[c]
        lx = 10 + (i % 3) * 210
        yy = ly + 16 * (i // 3)
        parts.append(f'<rect x="{lx}" y="{yy - 9}" width="10" height="10" fill="{colour}" fill-opacity="{op:.2f}"/>'
                     f'<text x="{lx + 14}" y="{yy}" font-size="11">{_e(c)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _quantiles(values: Sequence[float]) -> tuple[float, float, float, float, float]:
    v = sorted(values)
    n = len(v)

    def q(p: float) -> float:
        pos = p * (n - 1)
        i = int(math.floor(pos))
        frac = pos - i
        return v[i] if i + 1 >= n else v[i] * (1 - frac) + v[i + 1] * frac

    return v[0], q(0.25), q(0.5), q(0.75), v[-1]


def svg_distribution(rows: Sequence[dict[str, Any]], systems: Sequence[str], metric: str) -> str:
    """Box plots of the per-segment scores of one metric, one box per system."""
    per = {name: [r[metric] for r in rows if r.get("system") == name and isinstance(r.get(metric), (int, float))]
           for name in systems}
    per = {k: v for k, v in per.items() if v}
    if not per:
        return ""
    lo = min(min(v) for v in per.values())
    hi = max(max(v) for v in per.values())
    lo, hi = _nice_range(lo, hi, metric)
    left, right, row = 150, 620, 24
    h = 30 + row * len(per) + 24
    scale = (right - left) / (hi - lo)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="640" height="{h}" role="img" '
             f'aria-label="segment {_e(LABELS.get(metric, metric))} distribution">',
             f'<text x="4" y="16" font-size="13" font-weight="bold">Segment {_e(LABELS.get(metric, metric))} '
             '(min, quartiles, max)</text>']
    parts.append(_axis(left, right, lo, hi, 30 + row * len(per), row * len(per)))
    for i, (name, vals) in enumerate(per.items()):
        y = 30 + row * i + row / 2
        mn, q1, med, q3, mx = _quantiles(vals)
        colour = PALETTE[i % len(PALETTE)]

        def X(v: float) -> float:
            return left + (v - lo) * scale

        parts.append(f'<text x="{left - 6}" y="{y + 4}" font-size="12" text-anchor="end">{_e(name)}</text>'
                     f'<line x1="{X(mn):.1f}" y1="{y}" x2="{X(mx):.1f}" y2="{y}" stroke="{colour}"/>'
                     f'<rect x="{X(q1):.1f}" y="{y - 7}" width="{max(1.0, X(q3) - X(q1)):.1f}" height="14" '
                     f'fill="{colour}" fill-opacity="0.35" stroke="{colour}"><title>{_e(name)}: median {med:.2f}, '
                     f'quartiles {q1:.2f}–{q3:.2f}, {len(vals)} segments</title></rect>'
                     f'<line x1="{X(med):.1f}" y1="{y - 7}" x2="{X(med):.1f}" y2="{y + 7}" stroke="#222" stroke-width="2"/>')
    parts.append("</svg>")
    return "".join(parts)


def svg_entity_types(data: dict[str, Any], max_types: int = 12) -> str:
    """Grouped bars: entity accuracy per entity type (the most frequent types) for each system."""
    systems = [s for s in data["systems"] if "entity_accuracy" in s]
    if not systems:
        return ""
    first = systems[0]["entity_accuracy"]["by_type"]
    types = list(first)[:max_types]
    left, right = 150, 620
    group = 6 + 8 * len(systems)
    h = 40 + group * len(types) + 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="640" height="{h}" role="img" '
             'aria-label="entity accuracy by type">',
             '<text x="4" y="16" font-size="13" font-weight="bold">Entity accuracy by type (%)</text>']
    parts.append(_axis(left, right, 0, 100, 30 + group * len(types), group * len(types)))
    for ti, t in enumerate(types):
        y0 = 30 + group * ti
        n = first[t]["total"]
        parts.append(f'<text x="{left - 6}" y="{y0 + group / 2 + 4}" font-size="11" text-anchor="end">'
                     f'{_e(t)} ({n})</text>')
        for si, s in enumerate(systems):
            acc = s["entity_accuracy"]["by_type"].get(t, {}).get("accuracy", 0.0)
            w = (right - left) * acc / 100
            parts.append(f'<rect x="{left}" y="{y0 + 3 + 8 * si}" width="{w:.1f}" height="7" '
                         f'fill="{PALETTE[si % len(PALETTE)]}"><title>{_e(s["name"])} — {_e(t)}: {acc:.1f}%</title></rect>')
    ly = 30 + group * len(types) + 30
    parts.append("".join(f'<rect x="{10 + 120 * (i % 5)}" y="{ly - 9 + 14 * (i // 5)}" width="10" height="10" '
                         f'fill="{PALETTE[i % len(PALETTE)]}"/><text x="{24 + 120 * (i % 5)}" y="{ly + 14 * (i // 5)}" '
                         f'font-size="11">{_e(s["name"])}</text>' for i, s in enumerate(systems)))
    parts.append("</svg>")
    out = "".join(parts)
    extra = 14 * ((len(systems) - 1) // 5)
    return out.replace(f'height="{h}"', f'height="{h + 20 + extra}"', 1)


# --- HTML ----------------------------------------------------------------------------------------

_CSS = """body{font-family:system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;font-size:90%;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;
text-align:right}td:first-child,th:first-child{text-align:left}code{font-size:85%}.sig{color:#b00;font-weight:bold}
.plots svg{display:block;margin:.5em 0 1em}.warn{color:#a60}"""


def render_html(report: ScoreReport, title: str = "mtreview score") -> str:
    data = report.data
    metrics = _metrics_of(data)
    names = [s["name"] for s in data["systems"]]
    out: list[str] = [
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:\">",
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
    ]
    refs = data.get("references")
    facts = [f"{len(names)} system(s)", f"{data['systems'][0]['segments']} segments"]
    if refs:
        facts.append(f"references: {', '.join(_e(p) for p in refs['paths'])}")
    if data.get("entities"):
        facts.append(f"entity mentions: {_e(data['entities'])}")
    if data.get("normalisation"):
        facts.append(f"French normalisation <code>{_e(data['normalisation']['id'])}</code> applied to "
                     "hypotheses and references")
    out.append("<p>" + "; ".join(facts) + ".</p>")
    # score table
    out.append("<h2>Scores</h2><table><tr><th>system</th>" +
               "".join(f"<th>{_e(LABELS[m])}</th>" for m in metrics) + "</tr>")
    for s in data["systems"]:
        cells = []
        for m in metrics:
            v = system_value(s, m)
            c = s.get("confidence", {}).get(m)
            cells.append("<td>-</td>" if v is None else
                         f"<td>{v:.2f}" + (f" <small>± {c['ci']:.2f}</small>" if c else "") + "</td>")
        out.append(f"<tr><td>{_e(s['name'])}</td>{''.join(cells)}</tr>")
    out.append("</table>")
    has_ci = any(s.get("confidence") for s in data["systems"])
    out.append("<div class=\"plots\">")
    if not has_ci:
        out.append("<p>Confidence intervals: run with <code>--bootstrap 1000</code> (on by default with several "
                   "systems).</p>")
    for m in metrics:
        out.append(svg_scores(data, m))
    out.append("</div>")
    # significance
    sig = data.get("significance")
    if sig:
        out.append(f"<h2>Significance</h2><p>Paired {'bootstrap resampling' if sig['test'] == 'paired-bs' else 'approximate randomisation'} "
                   f"with {sig['samples']} samples (seed {_e(sig['seed'])}), as sacrebleu computes it. "
                   "<span class=\"sig\">Bold red</span>: p &lt; 0.05, the difference is unlikely to be chance "
                   "(it does not say which system is better).</p>")
        out.append("<table><tr><th>system</th><th>baseline</th><th>metric</th><th>delta</th><th>p-value</th></tr>")
        for c in sig["comparisons"]:
            cls = ' class="sig"' if c["significant"] else ""
            out.append(f"<tr><td>{_e(c['system'])}</td><td>{_e(c['baseline'])}</td>"
                       f"<td>{_e(LABELS.get(c['metric'], c['metric']))}</td><td>{c['delta']:+.2f}</td>"
                       f"<td{cls}>{c['p_value']:.4f}</td></tr>")
        out.append("</table>")
    # MQM
    if any("mqm" in s for s in data["systems"]):
        out.append("<h2>Reference-free MQM</h2><p>MQM = 100 × (1 − penalty ÷ words), floored at 0; penalties minor 1, "
                   "major 5, critical 25, typography minor 0.1.</p><table><tr><th>system</th><th>MQM</th><th>flags</th>"
                   "<th>words</th><th>minor</th><th>major</th><th>critical</th></tr>")
        for s in data["systems"]:
            q = s.get("mqm")
            if q:
                sev = q["by_severity"]
                out.append(f"<tr><td>{_e(s['name'])}</td><td>{q['score']:.2f}</td><td>{q['flags']}</td>"
                           f"<td>{q['words']}</td><td>{sev.get('minor', 0)}</td><td>{sev.get('major', 0)}</td>"
                           f"<td>{sev.get('critical', 0)}</td></tr>")
        out.append("</table><div class=\"plots\">" + svg_categories(data) + "</div>")
    # entities
    if any("entity_accuracy" in s for s in data["systems"]):
        out.append("<h2>Entity accuracy</h2><p>Share of outputs that contain a correct mention of the entity "
                   "(XC-Translate's m-ETA test: a reference mention, case-folded, is a substring of the output).</p>"
                   "<table><tr><th>system</th><th>accuracy %</th><th>correct</th><th>total</th><th>no output</th></tr>")
        for s in data["systems"]:
            e = s.get("entity_accuracy")
            if e:
                out.append(f"<tr><td>{_e(s['name'])}</td><td>{e['accuracy']:.2f}</td><td>{e['correct']}</td>"
                           f"<td>{e['total']}</td><td>{e['missing']}</td></tr>")
        out.append("</table><div class=\"plots\">" + svg_entity_types(data) + "</div>")
    # distributions
    rows = report.segment_rows
    if rows:
        dist = [svg_distribution(rows, names, m) for m in metrics if m != "entity_accuracy"]
        dist = [d for d in dist if d]
        if dist:
            out.append("<h2>Per-segment distributions</h2><div class=\"plots\">" + "".join(dist) + "</div>")
    # signatures and warnings
    sigs: dict[str, str] = {}
    for s in data["systems"]:
        sigs.update(s.get("signatures", {}))
        if "mqm" in s:
            sigs["mqm"] = s["mqm"]["signature"]
    if sigs:
        out.append("<h2>Signatures</h2><ul>" + "".join(
            f"<li>{_e(LABELS.get(k, k))}: <code>{_e(v)}</code></li>" for k, v in sigs.items()) + "</ul>")
    if data.get("warnings"):
        out.append("<h2>Warnings</h2><ul>" + "".join(f"<li class=\"warn\">{_e(w)}</li>" for w in data["warnings"])
                   + "</ul>")
    tool = data.get("tool", {})
    out.append(f"<p><small>mtreview {_e(tool.get('mtreview', ''))}, sacrebleu {_e(tool.get('sacrebleu', ''))}"
               "</small></p></body></html>\n")
    return "\n".join(out)


def render(report: ScoreReport, fmt: str, *, segments: bool = False, title: str = "mtreview score") -> str:
    """The report in ``fmt`` (json, text, csv, html)."""
    if fmt == "json":
        return render_json(report)
    if fmt == "text":
        return render_text(report)
    if fmt == "csv":
        return render_csv(report, segments=segments)
    if fmt == "html":
        return render_html(report, title=title)
    raise ValueError(f"unknown format {fmt!r}")
