"""Topical statistics of the polysemy senses: which words keep company with each French sense lemma.

For every single-word French lemma of ``confusions/russian_sense_sets.tsv``, the context words seen near it
in a large French corpus and their positive pointwise mutual information (PPMI) with it: «canalisation»
keeps company with *eau*, *réseau*, *plomb*; «trompette» with *musique*, *clairon*, *fanfare*. The polysemy
detector (:mod:`mtreview.detectors.polysemy`) reads it as topical evidence: the sense whose company the
paragraph keeps.

Only the compact derived statistics ship (``data/derived/sense_topics.tsv.gz``: per lemma, its
``TOP_K`` best context words with their PPMI, the pairs ranked by PPMI × log2 count). Build them with::

    python -m mtreview.knowledge.sense_topics ../shared/data/fr-mono-commonvoice-eltec

Source corpus: ``fr-mono-commonvoice-eltec`` (≈20M words: Assemblée nationale debates 2013–2018 from the
Common Voice FR repository, CC0; public-domain books: Project Gutenberg / libre théâtre / Wikisource via
Common Voice FR, and ELTeC-fra novels 1840–1919, public domain). One sentence per line, in source order; a
word's window is its line and the ``WINDOW`` lines on each side.

Words are compared in a crude normal form (:func:`norm`: lower case, a final plural *s*/*x* dropped), the
same when building and when reading; a sense lemma is found by its simple inflected forms
(:func:`forms`).
"""

from __future__ import annotations

import functools
import gzip
import lzma
import math
import re
import sys
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "derived" / "sense_topics.tsv.gz"
SETS_FILE = Path(__file__).resolve().parent / "data" / "confusions" / "russian_sense_sets.tsv"
#: lines on each side of a sense word's line that belong to its window
WINDOW = 2
#: context words kept per lemma
TOP_K = 200
#: a pair must have been seen this often to be kept
MIN_PAIR = 4
#: at most this many windows are read per lemma (the most frequent lemmas would dominate the run)
MAX_OCCURRENCES = 8_000
_TOKEN_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿœæŒÆ]+(?:-[A-Za-zÀ-ÖØ-öø-ÿœæŒÆ]+)*")
_ER_ENDINGS = ("e", "es", "ent", "é", "ée", "és", "ées", "ait", "aient", "er", "ons", "ez", "era", "eront",
               "ant", "erait", "èrent", "a", "ai")
_IR_ENDINGS = ("it", "issent", "i", "ie", "is", "ies", "ir", "issait", "issaient", "issant", "ira")


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.fr.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def norm(word: str) -> str:
    """The crude normal form of a word: lower case, a final plural ``s``/``x`` dropped on longer words."""
    w = word.lower()
    if len(w) > 4 and w[-1] in "sx":
        w = w[:-1]
    return w


def context_word(word: str) -> str | None:
    """``norm(word)`` when the word can carry topic (four letters or more, not a stop word), else None."""
    w = word.lower()
    if len(w) < 4 or w in _stop_words():
        return None
    return norm(w)


def forms(lemma: str, pos: str) -> set[str]:
    """Simple inflected forms of a sense lemma (enough to find it in running text)."""
    out = {lemma}
    if pos in ("NOUN", "ADJ"):
        out |= {lemma + "s", lemma + "x"}
        if pos == "ADJ" or lemma.endswith(("ien", "el", "eur")):
            out |= {lemma + "e", lemma + "es"}
        if lemma.endswith("al"):
            out.add(lemma[:-2] + "aux")
    elif pos == "VERB":
        if lemma.endswith("er"):
            out |= {lemma[:-2] + e for e in _ER_ENDINGS}
        elif lemma.endswith("ir"):
            out |= {lemma[:-2] + e for e in _IR_ENDINGS}
    return out


def _sense_lemmas(path: Path = SETS_FILE) -> dict[str, set[str]]:
    """``single-word sense lemma -> its POS values`` from the sense-set table."""
    out: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _, pos, senses = line.split("\t")[:3]
        for s in senses.split("|"):
            s = s.strip()
            if s and " " not in s:
                out.setdefault(s, set()).add(pos.strip())
    return out


def _lines(corpus: Path) -> Iterator[str]:
    for name in ("an_debats.fr.txt.xz", "books_pd.fr.txt.xz"):
        with lzma.open(corpus / name, "rt", encoding="utf-8") as fh:
            yield from fh


def build(corpus: Path, out: Path = DATA_FILE, sets: Path = SETS_FILE) -> int:
    """Count the sense lemmas' windows in ``corpus`` and write the PPMI table to ``out``; returns the
    number of lemmas written."""
    lemma_pos = _sense_lemmas(sets)
    form_to: dict[str, list[str]] = {}
    own_forms: dict[str, set[str]] = {}
    for lemma, poss in lemma_pos.items():
        for pos in poss:
            for f in forms(lemma, pos):
                form_to.setdefault(f, []).append(lemma)
                own_forms.setdefault(lemma, set()).add(norm(f))
    unigram: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    pairs: dict[str, Counter[str]] = {}
    buf: deque[tuple[list[str], set[str]]] = deque(maxlen=2 * WINDOW + 1)
    windows = 0

    def center(buf: deque[tuple[list[str], set[str]]], k: int) -> None:
        hits = {lem for t in buf[k][0] for lem in form_to.get(t, ())}
        hits = {lem for lem in hits if seen[lem] < MAX_OCCURRENCES}
        if not hits:
            return
        ctx: set[str] = set().union(*(c for _, c in buf))
        for lem in hits:
            seen[lem] += 1
            pairs.setdefault(lem, Counter()).update(ctx - own_forms[lem])

    stop = _stop_words()
    for raw in _lines(corpus):
        # lower-case words only: a capitalised one may be a name («Paris», «Robinet») or a title
        tokens = [t for t in _TOKEN_RE.findall(raw) if t.islower()]
        ctx_words = [norm(t) for t in tokens if len(t) >= 4 and t not in stop]
        unigram.update(ctx_words)
        buf.append((tokens, set(ctx_words)))
        windows += 1
        if len(buf) == buf.maxlen:
            center(buf, WINDOW)
    for k in range(max(0, len(buf) - WINDOW), len(buf)):
        center(buf, k)
    rows = []
    for lem in sorted(pairs):
        n_s = seen[lem]
        scored = []
        for c, n in pairs[lem].items():
            if n < MIN_PAIR or unigram[c] < 5:
                continue
            # PPMI of the window pair, the pair count discounted by one (rare pairs are less sure)
            expected = min(1.0, unigram[c] * (2 * WINDOW + 1) / windows)  # share of windows holding c
            pmi = math.log2((n - 1) / n_s / expected + 1e-12)
            if pmi > 0:
                # kept by PPMI weighted by the pair's log count: a pair seen four times with a rare
                # word says less than one seen forty times
                scored.append((pmi * math.log2(n), pmi, c))
        scored.sort(reverse=True)
        if scored:
            rows.append(f"{lem}\t{n_s}\t" + " ".join(f"{c}:{p:.1f}" for _, p, c in scored[:TOP_K]))
    header = ("# Topical company of the polysemy sense lemmas: lemma<TAB>windows read<TAB>context:PPMI …\n"
              "# Built by `python -m mtreview.knowledge.sense_topics <corpus dir>` (mtreview/knowledge/"
              "sense_topics.py)\n# from fr-mono-commonvoice-eltec (Assemblée nationale debates 2013–2018 via "
              "Common Voice FR, CC0;\n# public-domain books via Common Voice FR and ELTeC-fra); derived "
              f"statistics only. window: line ±{WINDOW}, top {TOP_K},\n# pairs seen ≥ {MIN_PAIR} times.\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(header)
        fh.write("\n".join(rows) + "\n")
    return len(rows)


@functools.lru_cache(maxsize=2)
def load(path: Path = DATA_FILE) -> dict[str, tuple[int, dict[str, float]]]:
    """``lemma -> (windows read, {context word: PPMI})``; empty when the table is absent."""
    if not path.exists():
        return {}
    out: dict[str, tuple[int, dict[str, float]]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            lem, n, rest = line.rstrip("\n").split("\t")
            table = {}
            for item in rest.split(" "):
                c, _, p = item.rpartition(":")
                table[c] = float(p)
            out[lem] = (int(n), table)
    return out


def topicality(lemma: str, context: Iterable[tuple[str, float]], path: Path = DATA_FILE) -> float | None:
    """Weighted mean PPMI of ``lemma`` with the context words (``(word, weight)``, any form): how much
    the paragraph keeps its company. ``None`` when the table does not know the lemma."""
    entry = load(path).get(lemma)
    if entry is None:
        return None
    table = entry[1]
    num = den = 0.0
    for w, weight in context:
        c = context_word(w)
        if c is None:
            continue
        num += weight * table.get(c, 0.0)
        den += weight
    return num / den if den else 0.0


if __name__ == "__main__":
    n = build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data/fr-mono-commonvoice-eltec"))
    print(f"{n} lemmas written to {DATA_FILE}")
