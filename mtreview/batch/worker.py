"""What one worker does with one task: read its chunks, find the changes, return them.

A task is a list of :class:`WorkItem` s (byte ranges of files); the result of each item is the list
of changes for that range, in file order, with their byte edits, or the reason it could not be read.
It is a pure function of the chunk's bytes and the :class:`JobSpec`, whatever process or cluster
runs it, which is what makes the local pool, a Dask cluster and a resumed run give the same output.
Workers never write into the output folder: the driver does (:mod:`mtreview.batch.runner`).

Two modes:

* ``glossary``: the glossary's variants, found by one Aho-Corasick automaton, replaced by their
  canonical form. Nothing else runs.
* ``full``: an automaton built from the names knowledge base's surface strings (plus the glossary)
  selects the segments that need the detectors (:class:`~mtreview.batch.matcher.Prefilter`: a name
  written exactly right, or a very common French word, does not select a segment); the real :class:`~mtreview.review.Reviewer` (names
  detector) reviews those, and the best suggestion of each selected flag (``--only``, at or above
  ``--min-confidence``) is applied, with the glossary's exact rules first.
"""

from __future__ import annotations

import os
import re
import time
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError, MtreviewError
from ..formats.rewrite_base import LINE_FORMATS, Slot, slot_edit, slot_reader
from .rules import RuleSet

GLOSSARY, FULL = "glossary", "full"

#: detectors the full mode runs
FULL_DETECTORS = ("names",)
#: most characters reviewed in one call of the reviewer (one document: shared evidence, one spaCy batch)
REVIEW_BATCH_CHARS = 100_000


@dataclass(frozen=True)
class JobSpec:
    """Everything a worker needs besides the chunk: shipped once to each worker process."""

    mode: str
    ruleset: RuleSet = field(default_factory=RuleSet)
    min_confidence: float = 0.8
    only: tuple[str, ...] = ("name/",)
    target_lang: str = "fr"
    review_glossary: Any = None
    throttle: float = 0.0  # seconds of sleep per task (tests of interruption)
    fingerprint: str = ""


@dataclass(frozen=True)
class WorkItem:
    """Bytes ``[start, end)`` of one input file, starting at line ``first_line``."""

    file_index: int
    chunk_index: int
    path: str
    rel: str
    format: str
    encoding: str
    start: int
    end: int
    first_line: int


class _State:
    """Per-process cache: automata and reviewer are built once per job, not per task."""

    def __init__(self, spec: JobSpec) -> None:
        from .matcher import GlossaryMatcher, Prefilter

        self.matcher = GlossaryMatcher(spec.ruleset)
        self.prefilter: Prefilter | None = None
        self.gate = False
        self.reviewer: Any = None
        if spec.mode == FULL:
            from ..review import Reviewer
            from .matcher import without_common_words

            kb = _knowledge_base()
            from .matcher import lowercase_ok_strings

            glossary_variants = [r.variant for r in spec.ruleset.rules]
            strings = without_common_words(kb.prefilter_strings()) + glossary_variants
            correct = {f for e in kb.entities for f in e.correct_forms()} | set(spec.ruleset.protected)
            correct -= set(glossary_variants)  # a glossary's wrong form is never correct
            settled = set(kb.settled_tokens()) - set(glossary_variants)
            gated, entity_of = _entity_evidence(kb, strings, glossary_variants)
            self.gate = spec.min_confidence >= GATE_MIN_CONFIDENCE
            self.prefilter = Prefilter(strings, correct, lowercase_ok_strings(kb, strings, list(gated)),
                                       gated if self.gate else None, entity_of if self.gate else None,
                                       settled)
            from ..detectors.names import NamesDetector

            # the model's own proposals stay below MODEL_MAX_CONFIDENCE: above it they are never applied
            use_model = spec.min_confidence <= NamesDetector.MODEL_MAX_CONFIDENCE
            self.reviewer = Reviewer(list(FULL_DETECTORS), glossary=spec.review_glossary,
                                     detector_options={"names": {"use_model": use_model}})


#: at this confidence or above, a homograph or a translated name is only changed when its entity is
#: named in the same document (the names detector's own rule), so the prefilter may ask the same
GATE_MIN_CONFIDENCE = 0.8


def _entity_evidence(kb: Any, strings: list[str],
                     glossary_variants: list[str]) -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]]:
    """(gated, entity_of) of :class:`~.matcher.Prefilter` for the names knowledge base ``kb``."""
    from ..detectors.names.evidence import names_entity
    from ..knowledge.calques import get_calque_index, stem_fr
    from ..knowledge.homographs import get_homograph_index

    lows = {s.strip().lower() for s in strings}
    entity_of: dict[str, frozenset[int]] = {}
    for low in lows:  # a whole name, or a string the detector counts as naming an entity (names_entity)
        ents = set(kb.phrases.get(low, ()))
        ents.update(v.entity for v in kb.exact.get(low, ()) if names_entity(kb, v))
        if ents:
            entity_of[low] = frozenset(ents)
    words: dict[str, set[int]] = {}
    for w, hs in get_homograph_index(kb).words.items():
        words.setdefault(w.lower(), set()).update(h.entity for h in hs)
    cidx = get_calque_index(kb)
    by_stem: dict[str, set[int]] = {}
    for key, ents in cidx.keys.items():
        for stem in key:
            by_stem.setdefault(stem, set()).update(ents)
    for p in cidx.phrases:
        words.setdefault(p.lower(), set()).update(by_stem.get(stem_fr(p), ()))
    never = {g.lower() for g in glossary_variants}
    gated = {w: frozenset(ents) for w, ents in words.items()
             if w in lows and ents and not kb.exact.get(w) and w not in never}
    return gated, entity_of


_STATES: dict[str, _State] = {}
_SPEC: JobSpec | None = None


def _knowledge_base() -> Any:
    """The review engine's names knowledge base (:func:`mtreview.knowledge.names.get_kb`)."""
    try:
        from ..knowledge.names import get_kb
    except ImportError as e:
        raise MtreviewError(f"full detection needs the names knowledge base ({e}); "
                            "use --glossary-only with a glossary") from None
    return get_kb()


def state_for(spec: JobSpec) -> _State:
    st = _STATES.get(spec.fingerprint)
    if st is None:
        _STATES.clear()
        st = _STATES[spec.fingerprint] = _State(spec)
    return st


#: how often a pool worker checks that the driver that started it is still alive (seconds)
PARENT_CHECK_SECONDS = 0.5


def _watch_parent(parent: int, interval: float) -> None:
    """Exit this process as soon as its parent is no longer ``parent`` (it died: the process was
    re-parented, to init or a sub-reaper)."""
    while True:
        if os.getppid() != parent:
            os._exit(70)  # nobody is left to take the results; no clean-up to run
        time.sleep(interval)


def watch_parent(parent: int | None = None, interval: float = PARENT_CHECK_SECONDS) -> None:
    """Make this worker process exit when the driver that started it dies, however it dies (a
    SIGKILL gives the driver no chance to stop its pool): a daemon thread compares ``os.getppid()``
    with ``parent`` (the driver's pid, default the current parent) every ``interval`` seconds. The
    multiprocessing resource tracker, which stays up while any process holds its pipe, then exits
    too. A driver that died before this call is seen at once."""
    import threading

    parent = os.getppid() if parent is None else parent
    threading.Thread(target=_watch_parent, args=(parent, interval), name="mtreview-parent-watch",
                     daemon=True).start()


def init_worker(spec: JobSpec, driver: int | None = None) -> None:
    """Process-pool initializer: watch the driver (pid ``driver``: :func:`watch_parent`), remember the
    job and build its automata now."""
    global _SPEC
    watch_parent(driver)
    _SPEC = spec
    state_for(spec)


def _change(item: WorkItem, slot: Slot, start: int, end: int, after: str, category: str,
            confidence: float, origin: dict[str, Any], text: str | None = None) -> dict[str, Any]:
    """One change record (``text``: the slot's text, when the caller has it: joining a slot of many
    pieces once per change would be quadratic)."""
    if text is None:
        text = slot.text
    return {"file": item.rel, "unit": slot.unit, "line": slot.line, "start": start, "end": end,
            "before": text[start:end], "after": after, "category": category,
            "confidence": round(float(confidence), 4), **origin}


def _rule_changes(item: WorkItem, slot: Slot, st: _State, spec: JobSpec) -> list[dict[str, Any]]:
    rules = spec.ruleset.rules
    out = []
    text = slot.text
    for s, e, i in st.matcher.find(text):
        r = rules[i]
        out.append(_change(item, slot, s, e, r.canonical, r.category, 1.0, {"rule": r.source}, text))
    return out


def _merge(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``first`` plus the changes of ``second`` that overlap none of them, by start."""
    ordered = sorted(first, key=lambda k: k["start"])
    starts = [k["start"] for k in ordered]
    reach: list[int] = []  # reach[i]: the largest end among ordered[:i + 1]
    for k in ordered:
        reach.append(max(k["end"], reach[-1]) if reach else k["end"])
    out = list(first)
    for c in second:  # c overlaps some k of first iff a k starting before c's end ends after c's start
        i = bisect_left(starts, c["end"])
        if i == 0 or reach[i - 1] <= c["start"]:
            out.append(c)
    out.sort(key=lambda c: c["start"])
    return out


#: a segment longer than this (characters: half a review batch) is reviewed in windows
#: (:func:`review_windows`): the review engine's time grows faster than linearly with the length of
#: one document, so one 5 MB line must cost what the same text in short lines costs
LONG_SEGMENT_CHARS = REVIEW_BATCH_CHARS // 2
#: the longest window of a long segment, and the shortest one that may end at a sentence end: a
#: sentence or a few, so that the prefilter selects windows about as finely as it selects the lines
#: of the same text split into sentences (windows reviewed in one batch still share its evidence,
#: as lines do)
REVIEW_WINDOW_CHARS = 1_000
MIN_WINDOW_CHARS = 200

#: the end of a sentence: a lower-case word or a number, then . ! ? or …, closing quotes or brackets,
#: and a space (not «M. Poutine»: a capital before the full stop is an initial or a title)
_SENTENCE_END = re.compile(r"(?<=[a-zß-öø-ÿ0-9])[.!?…]+[\"»”’)\]]*(?=[\s\u00a0\u202f])(?![\s\u00a0\u202f]+[»”)\]])")
_SPACE = re.compile(r"[\s\u00a0\u202f]")


def review_windows(text: str, size: int = REVIEW_WINDOW_CHARS, long: int = LONG_SEGMENT_CHARS,
                   least: int = MIN_WINDOW_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into windows ``[start, end)`` of at most ``size`` characters for the reviewer.

    A text of at most ``long`` characters is one window (segments are reviewed whole). Otherwise
    each window ends at the first end of a sentence (``.``, ``!``, ``?``, ``…``, or a closing quote
    or bracket, followed by a space) at least ``least`` characters in (so that «M. Poutine» is not
    cut), else at the last space within ``size`` characters, else after ``size`` characters; the one
    space where it was cut belongs to no window (the reviewer sees the windows as lines, exactly as
    if that space were a line break). Windows keep their offsets, so changes map back to the text.
    Time is linear in the length of ``text``."""
    n = len(text)
    if n <= max(size, long):
        return [(0, n)]
    out: list[tuple[int, int]] = []
    a = 0
    while n - a > size:
        m = _SENTENCE_END.search(text, a + least - 1, a + size)
        if m is not None and m.end() - a <= size:
            cut = m.end()  # the space after the sentence
        else:
            cut = -1
            for sp in _SPACE.finditer(text, a + least, a + size + 1):
                cut = sp.start()
        if cut < 0:
            out.append((a, a + size))  # no space at all: a hard cut
            a += size
            continue
        out.append((a, cut))
        a = cut + 1
    out.append((a, n))
    return out


def _review_changes(item: WorkItem, parts: list[tuple[Slot, int, int]], st: _State,
                    spec: JobSpec) -> list[list[dict[str, Any]]]:
    """Changes the detectors propose for each part ``(slot, start, end)`` — a whole slot, or one of
    its :func:`review_windows` — reviewed together, one line per part; offsets are the slot's."""
    from ..correct import changes_from_flags
    from ..review import select_flags

    slots = [s for s, _, _ in parts]
    slot_texts = [s.text for s in slots]
    texts = [t[a:b].replace("\r", " ").replace("\n", " ") for t, (_, a, b) in zip(slot_texts, parts, strict=True)]
    starts = []
    pos = 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    joined = "\n".join(texts) + "\n"
    result = st.reviewer.review(joined)
    for f in result.flags:  # decide on the confidence as logged: float noise must not flip a change
        f.confidence = round(float(f.confidence), 4)
    flags = select_flags(result.flags, spec.min_confidence, spec.only or None)
    by_id = {f.id: f for f in result.flags}
    out: list[list[dict[str, Any]]] = [[] for _ in parts]
    for c in changes_from_flags(joined, flags):
        k = bisect_right(starts, c.start) - 1
        base = starts[k]
        if c.end > base + len(texts[k]):
            continue  # runs over the end of its segment
        flag = by_id.get(c.flag_id)
        origin: dict[str, Any] = {"detector": flag.detector if flag else "",
                                  "evidence": flag.evidence if flag else {}}
        shift = parts[k][1] - base
        out[k].append(_change(item, slots[k], c.start + shift, c.end + shift, c.after, c.category,
                              c.confidence, origin, slot_texts[k]))
    return out


def _edits(item: WorkItem, slot: Slot, changes: list[dict[str, Any]], stats: dict[str, Any]) -> list[dict]:
    """Attach byte edits to the changes; drop (and count) those that cannot be written in place."""
    kept = []
    for c in changes:
        edit, why = slot_edit(slot, c["start"], c["end"], c["after"], item.encoding)
        if edit is None:
            stats["not_applied"] += 1
            if len(stats["not_applied_examples"]) < 3:
                stats["not_applied_examples"].append(
                    {"unit": slot.unit, "line": slot.line, "before": c["before"], "after": c["after"], "why": why})
            continue
        c["byte_start"], c["byte_end"], c["raw_after"] = edit.start, edit.end, edit.raw
        kept.append(c)
    return kept


def process_item(item: WorkItem, spec: JobSpec) -> dict[str, Any]:
    """The changes of one chunk, or the reason the file cannot be normalised."""
    stats: dict[str, Any] = {"bytes": item.end - item.start, "units": 0, "checked": 0, "not_applied": 0,
                             "not_applied_examples": []}
    result: dict[str, Any] = {"file_index": item.file_index, "chunk_index": item.chunk_index,
                              "changes": [], "stats": stats, "error": None}
    try:
        st = state_for(spec)
        with open(item.path, "rb") as f:
            f.seek(item.start)
            data = f.read(item.end - item.start)
        if len(data) != item.end - item.start:
            raise InputError("the file is shorter than when the run was planned (changed during the run?)")
        reader = slot_reader(item.format)
        changes: list[dict[str, Any]] = []
        # a slot under review: [slot, its glossary changes, the detectors' changes so far, parts left]
        # (a long slot's windows may be reviewed in two batches)
        pending: list[tuple[list[Any], int, int]] = []  # (slot record, start, end) of each part
        pending_chars = 0

        def flush() -> None:
            nonlocal pending_chars
            if not pending:
                return
            proposed = _review_changes(item, [(rec[0], a, b) for rec, a, b in pending], st, spec)
            for (rec, _, _), found in zip(pending, proposed, strict=True):
                rec[2].extend(found)
                rec[3] -= 1
                if rec[3] == 0:
                    changes.extend(_edits(item, rec[0], _merge(rec[1], rec[2]), stats))
            pending.clear()
            pending_chars = 0

        kwargs: dict[str, Any] = {}
        line_format = item.format in LINE_FORMATS
        if line_format:  # one automaton pass over the chunk picks the lines to read
            # units: every line with content, read or not (the screen skips most of them unread)
            stats["units"] = sum(1 for raw in data.split(b"\n") if raw.strip())
            kwargs["screen"] = st.prefilter.positions if st.prefilter is not None else st.matcher.positions
        slots = reader(data, encoding=item.encoding, byte_base=item.start, first_line=item.first_line,
                       target_lang=spec.target_lang, **kwargs)
        present: set[int] | None = None
        if st.prefilter is not None and st.gate:
            slots = list(slots)  # one chunk (a few MB): which entities it names, before selecting
            present = st.prefilter.present_entities(s.text for s in slots)
        for slot in slots:
            if not line_format:
                stats["units"] += 1
            text = slot.text
            if st.prefilter is None:
                found = _rule_changes(item, slot, st, spec)
                if found:
                    stats["checked"] += 1
                    changes.extend(_edits(item, slot, found, stats))
                continue
            windows = review_windows(text)
            if len(windows) > 1:  # a long segment: its windows are selected and reviewed like lines
                windows = [(a, b) for a, b in windows if st.prefilter(text[a:b], present)]
                rule_changes = _rule_changes(item, slot, st, spec)
                if not windows:
                    if rule_changes:  # a glossary variant cut by a window edge
                        stats["checked"] += 1
                        changes.extend(_edits(item, slot, rule_changes, stats))
                    continue
            elif not st.prefilter(text, present):
                continue
            else:
                rule_changes = _rule_changes(item, slot, st, spec)
            stats["checked"] += 1
            rec: list[Any] = [slot, rule_changes, [], len(windows)]
            for a, b in windows:
                pending.append((rec, a, b))
                pending_chars += b - a + 1
                if pending_chars >= REVIEW_BATCH_CHARS:
                    flush()
        flush()
        changes.sort(key=lambda c: c["byte_start"])
        result["changes"] = changes
    except MtreviewError as e:
        result["error"] = str(e)
    except (OSError, ValueError, UnicodeError) as e:
        result["error"] = f"{type(e).__name__}: {e}"
    except Exception as e:  # noqa: BLE001 - a bug must not stop the other files; it is reported per file
        result["error"] = f"internal error, please report it: {type(e).__name__}: {e}"
    return result


def run_task(items: tuple[WorkItem, ...], spec: JobSpec | None = None) -> list[dict[str, Any]]:
    """Process the items of one task (in the calling process); ``spec`` defaults to the pool's."""
    spec = spec if spec is not None else _SPEC
    if spec is None:  # pragma: no cover - programming error
        raise RuntimeError("run_task without a job spec")
    if spec.throttle:
        time.sleep(spec.throttle)
    return [process_item(it, spec) for it in items]
