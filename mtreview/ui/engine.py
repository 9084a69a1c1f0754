"""The review engine behind the UI: one :class:`~mtreview.review.Reviewer`, kept in step with the user glossary.

The UI never detects anything itself: every flag comes from the reviewer held here. It is rebuilt when the
glossary in the store changes (the glossary is exported beside the database as ``<db>.glossary.csv``, the
file the reviewer and batch runs read).

Long texts are reviewed page by page (:meth:`ReviewEngine.review_pages`): window by window
(:data:`WINDOW_CHARS`, whole lines; each window's document evidence is gathered by the detectors'
``prepare`` over the window), chunk by chunk within a window (:func:`pieces`, as :func:`mtreview.review.iter_chunks`
cuts a long text, but never inside a line's word), so
the first page comes back in seconds, progress is known and a cancelled review stops at the next chunk.
Reviews running at the same time take turns on the one reviewer chunk by chunk, first come first served
(:class:`Turns`): a short review waits for one chunk of a long one, never for the whole of it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import InputError, MtreviewError
from ..store import ReviewStore

if TYPE_CHECKING:  # pragma: no cover
    from ..flags import Flag
    from ..review import Reviewer, ReviewResult

log = logging.getLogger("mtreview.ui")

#: a text up to this long (characters) is reviewed in one piece, exactly as ``mtreview check`` reviews it
SMALL_TEXT_CHARS = 16_000
#: longer texts: document evidence (``prepare``, ``finish``) is gathered over windows of whole lines this long
WINDOW_CHARS = 64_000
#: the first chunk of a long text (short: the first page comes back fast), then the following ones
FIRST_CHUNK_CHARS = 4_000
CHUNK_CHARS = 6_000


class Turns:
    """A first-come-first-served lock: the chunks of concurrent reviews take turns on the one reviewer."""

    def __init__(self) -> None:
        self._cv = threading.Condition()
        self._next = 0
        self._serving = 0

    @contextlib.contextmanager
    def turn(self) -> Iterator[None]:
        with self._cv:
            ticket = self._next
            self._next += 1
            while ticket != self._serving:
                self._cv.wait()
        try:
            yield
        finally:
            with self._cv:
                self._serving += 1
                self._cv.notify_all()


@dataclass
class ReviewPage:
    """Flags of ``text[start:end]``, in offsets of the whole text (``final``: the review is complete)."""

    start: int
    end: int
    flags: list[Flag] = field(default_factory=list)
    final: bool = False


def pieces(text: str, size: int) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of about ``size`` characters, ``(offset, piece)``: each ends at a line end, or,
    in a line longer than ``size``, after a sentence end or a space (never inside a word)."""
    pos, n = 0, len(text)
    while pos < n:
        end = pos + size
        if end >= n:
            end = n
        else:
            nl = text.rfind("\n", pos, end)
            if nl >= pos:
                end = nl + 1
            else:
                window = text[pos:end]
                cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
                cut = cut + 2 if cut > 0 else window.rfind(" ") + 1
                if cut > 0:
                    end = pos + cut
        yield pos, text[pos:end]
        pos = end


def _source_lines(text: str, source: str | None) -> Callable[[int, int], str | None]:
    """For a piece ``text[start:end]`` of whole lines, the lines of ``source`` aligned with it as
    :meth:`mtreview.document.Document.from_text` aligns them (non-blank lines, one to one), or None."""
    from ..document import line_segments

    if source is None:
        return lambda start, end: None
    src = [ln for ln in source.splitlines() if ln.strip()]
    starts = [s.start for s in line_segments(text)]
    if len(src) != len(starts):
        return lambda start, end: None

    def lines(start: int, end: int) -> str:
        return "\n".join(src[bisect_right(starts, start - 1):bisect_right(starts, end - 1)]) + "\n"

    return lines


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
        self._quick: Reviewer | None = None
        self._turns = Turns()
        self._long_reviews = 0  # long reviews under way (they keep the Grammalecte worker busy)
        self._count_lock = threading.Lock()
        self.glossary_note = ""

    def reviewer(self, quick: bool = False) -> Reviewer:
        """The reviewer for the current glossary (built on first use and after glossary changes).

        ``quick``: the one for a short review while a long one runs, which checks grammar in this process
        instead of queueing behind the long review's paragraphs in the Grammalecte worker."""
        from ..review import Reviewer

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
                        from ..knowledge.glossary import load_glossaries
                    except ImportError:  # the glossary module is optional for the UI
                        self.glossary_note = "user glossary not used: mtreview.knowledge.glossary is missing"
                    else:
                        glossary = load_glossaries([self.glossary_path])
                try:
                    self._reviewer = Reviewer(self.detectors, glossary=glossary)
                except KeyError as e:
                    raise InputError(str(e.args[0])) from None
                self._quick = None
                self._key = key
            if not quick:
                return self._reviewer
            if self._quick is None:
                names = [d.name for d in self._reviewer.detectors]
                options = {"grammar": {"use_worker": False}} if "grammar" in names else None
                self._quick = Reviewer(names, glossary=self._reviewer.glossary, detector_options=options)
            return self._quick

    def turn(self) -> contextlib.AbstractContextManager[None]:
        """Hold the reviewer for one piece of work (reviews take turns, first come first served)."""
        return self._turns.turn()

    def review(self, text: str, source: str | None = None) -> ReviewResult:
        """Review ``text`` (with its ``source``, if any) in one piece with the current reviewer."""
        reviewer = self.reviewer(quick=self._long_reviews > 0)
        with self.turn():
            return reviewer.review(text, source)

    def review_pages(self, text: str, source: str | None = None, *,
                     cancelled: Callable[[], bool] = lambda: False) -> Iterator[ReviewPage]:
        """Review ``text`` page by page: each :class:`ReviewPage` holds the flags of the next stretch of
        whole lines, in offsets of ``text``; the last one has ``final`` set.

        A text up to :data:`SMALL_TEXT_CHARS` is one page, reviewed as ``mtreview check`` reviews it. A
        longer one is reviewed window by window (:data:`WINDOW_CHARS`: each window's evidence comes from
        the window) and chunk by chunk; a name the ``finish`` step of a window adds comes in a page of
        its own. Between chunks the reviewer is free for other reviews, and ``cancelled()`` is asked:
        when it says yes, the generator stops there (the flags of the chunks done are kept)."""
        if len(text) <= SMALL_TEXT_CHARS:
            result = self.review(text, source)
            yield ReviewPage(0, len(text), list(result.flags), final=True)
            return
        from ..document import Document
        from ..flags import resolve_overlaps

        reviewer = self.reviewer()
        aligned = _source_lines(text, source)
        with self._count_lock:
            self._long_reviews += 1
        try:
            windows = list(pieces(text, WINDOW_CHARS))
            for n, (w_off, window) in enumerate(windows):
                if cancelled():
                    return
                with self.turn():
                    evidence = {}
                    for det in reviewer.detectors:
                        ev = det.prepare(window)
                        if ev is not None:
                            evidence[det.name] = ev
                found: list[Flag] = []  # in window offsets
                pos = 0
                while pos < len(window):
                    if cancelled():
                        return
                    size = FIRST_CHUNK_CHARS if n == 0 and pos == 0 else CHUNK_CHARS
                    _, chunk = next(pieces(window[pos:pos + 2 * CHUNK_CHARS + size], size))
                    c_off = pos
                    pos += len(chunk)
                    with self.turn():
                        document = Document.from_text(chunk, aligned(w_off + c_off, w_off + pos))
                        flags = [f.shifted(c_off) for f in reviewer.review_document(document, evidence, c_off)]
                    flags = resolve_overlaps(flags)
                    found += flags
                    yield ReviewPage(w_off + c_off, w_off + pos, [f.shifted(w_off) for f in flags])
                with self.turn():
                    out = found
                    for det in reviewer.detectors:
                        out = list(det.finish(window, out, evidence=evidence.get(det.name)))
                known = {id(f) for f in found}
                spans = sorted((f.start, f.end) for f in found)
                ends = [e for _, e in spans]
                extra = []
                for f in out:  # flags the window's finish added (one that overlaps a flag already shown is dropped)
                    if id(f) in known:
                        continue
                    i = bisect_right(ends, f.start)
                    if i < len(spans) and spans[i][0] < max(f.end, f.start + 1):
                        continue
                    extra.append(f.shifted(w_off))
                yield ReviewPage(w_off, w_off + len(window), extra, final=n == len(windows) - 1)
        finally:
            with self._count_lock:
                self._long_reviews -= 1

    def warm_up(self) -> float:
        """Load the models and indexes once (a short review); returns the seconds it took."""
        t0 = time.perf_counter()
        sample = "Le président Emmanuel Macron a rencontré Olaf Scholz à Berlin.\n"
        try:  # detectors parse lazily; load the shared spaCy pipeline now so no click waits for it
            from ..nlp import get_nlp

            get_nlp()(sample)
        except MtreviewError:
            pass  # reported by the review itself
        self.review(sample)
        with self.turn():  # built and run now (grammar in this process): a short review during a long one
            self.reviewer(quick=True).review(sample)  # does not wait for it
        if self.detectors is None or "names" in self.detectors:
            # the names detector loads its transliteration model (torch) and the English word frequencies
            # on the first name it does not know: 20 s that the first real review would wait for
            try:
                from ..translit.infer import get_transliterator

                translit = get_transliterator()
                if translit.available:
                    translit.candidates(["Zelenskiy"], n=2)
            except Exception:  # noqa: BLE001 - optional: the review loads it when it needs it
                log.debug("the transliteration model did not warm up", exc_info=True)
        # names romanised from Russian, a mistranslated word: the tables the detectors read lazily
        self.review("Le président Volodymyr Zelenskiy a parlé avec Dmitriy Kuleba à Kharkov, et le masque "
                    "de Tesla a affecté les conversations.\n")
        return time.perf_counter() - t0

    def refresh_in_background(self) -> None:
        """Rebuild the reviewer for a changed glossary without making the next click wait for it."""
        threading.Thread(target=self._safe_refresh, name="mtreview-glossary-refresh", daemon=True).start()

    def _safe_refresh(self) -> None:
        try:
            self.reviewer()
        except Exception:  # noqa: BLE001 - logged; the next review reports it to the user
            log.exception("rebuilding the reviewer failed")


__all__ = ["ReviewEngine"]
