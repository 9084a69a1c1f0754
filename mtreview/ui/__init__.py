"""The review UI (Gradio): side-by-side corrections a translator accepts, rejects and edits.

What it is for: ``python app.py`` or ``mtreview ui`` serves :func:`build_app` on 127.0.0.1. Four tabs:

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

The package, from the data to the page:

* :mod:`.decisions` — which flags are shown, what is pending, decisions to corrections;
* :mod:`.views` — HTML and component values: highlighted spans, legend, details, diff (and the CSS);
* :mod:`.exports` — the corrected text, the review log (JSON, CSV) and the ITS XLIFF;
* :mod:`.glossary` — glossary entries from accepted name corrections;
* :mod:`.uploads` — reading a pasted text or an uploaded file, with size limits;
* :mod:`.tabs` — the Score and Batch tabs' adapters over :mod:`mtreview.scoring` and :mod:`mtreview.batch`;
* :mod:`.engine` — the reviewer behind the UI, rebuilt when the user glossary changes; long texts page by
  page (windows, chunks, a cancel between chunks), concurrent reviews taking turns chunk by chunk;
* :mod:`.jobs` — a review as a background job: its pages as they come, its progress, its cancel, its saves;
* :mod:`.grid` — a review's segments, their source and flags (indexed once), pages of 50 segments, the
  filters, the segment grid, the progress bar and its poll, the keyboard's legend and script;
* :mod:`.controller` — :class:`ReviewController`: one method per control, returning plain view models
  (no Gradio: the handlers are tested without a browser);
* :mod:`.wiring` — the Gradio Blocks: components by name, thin handlers calling the controller;
* :mod:`.server` — the options and start-up shared by ``python app.py`` and ``mtreview ui``.

Only :mod:`.wiring` imports Gradio, and only when the app is built. The names below are imported on first
use, so ``import mtreview.ui.server`` (``mtreview --help``, ``python app.py --help``) stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

#: public name -> the submodule that defines it (imported on first use)
_EXPORTS: dict[str, str] = {
    **dict.fromkeys(["BatchView", "ExportResult", "FlagPanel", "GlossaryView", "ReviewController", "ReviewView",
                     "ScoreView", "SegmentPanel"], "controller"),
    **dict.fromkeys(["GridFilter", "KEYS", "PAGE_SEGMENTS", "ReviewIndex"], "grid"),
    **dict.fromkeys(["JobProgress", "JobRunner", "ReviewJob"], "jobs"),
    **dict.fromkeys(["DEFAULT_THRESHOLD", "corrected_text", "decided_changes", "next_pending", "review_scope",
                     "status_of", "visible_flags"], "decisions"),
    **dict.fromkeys(["ReviewEngine", "ReviewPage"], "engine"),
    **dict.fromkeys(["LOG_CSV_COLUMNS", "export_review", "review_log", "review_log_csv"], "exports"),
    **dict.fromkeys(["NAME_TYPES", "glossary_candidates"], "glossary"),
    **dict.fromkeys(["run_batch", "run_score"], "tabs"),
    **dict.fromkeys(["DEFAULT_MAX_UPLOAD_BYTES", "REVIEW_FILE_TYPES", "ReviewRequest", "read_review_request"],
                    "uploads"),
    **dict.fromkeys(["APP_CSS", "DIFF_ALL_LINES_MAX", "FLAG_TABLE_HEADERS", "STATUS_COLOURS", "STATUS_MARKS",
                     "colour_map", "diff_html", "esc", "flag_choice", "flag_detail_html", "flag_label", "flag_rows",
                     "highlight_segments", "legend_html", "line_of", "status_html"], "views"),
    **dict.fromkeys(["CSP_META", "SYSTEM_FONTS", "SYSTEM_MONO_FONTS", "app_theme", "build_app", "launch_options"],
                    "wiring"),
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})

