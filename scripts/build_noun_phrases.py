"""Build the noun-phrase collocation tables shipped as ``models/noun-phrases/`` (read by
``mtreview.knowledge.noun_phrases``).

    python3 scripts/build_noun_phrases.py [--corpus ../shared/data/fr-mono-commonvoice-eltec]
                                          [--min-count 2] [--out models/noun-phrases]

(about 3 minutes and 1 GB of memory on one core.) ``--corpus`` is the fr-mono directory (both ``*.txt.xz``
files are read) or one text file (plain or ``.xz``, one sentence per line; the tests may use a tiny one).

Source: the fr-mono corpus (``shared/data/fr-mono-commonvoice-eltec``: 1.69M sentences, 19.6M words of
human-written French; Assemblée nationale debates 2013–2018 from the Common Voice FR community repository,
CC0 with attribution; public-domain books from Project Gutenberg, libre théâtre, Wikisource and ELTeC-fra).

Counted, over :func:`mtreview.knowledge.ngrams.tokenize` segments (lower case, no pair across
punctuation), with lemmas from Grammalecte's lexicon (:func:`noun_key`, :func:`modifier_key`; no
parser, so a pair is counted whenever the first word can be a noun and the second a modifier):

* «N M»: a noun N followed at once by a word M with an adjective or noun reading → ``noun_adj.tsv.gz``
  (not when N can be an adjective and M a noun: «jeune ingénieur» is an adjective before its noun);
* «N de (det) N2»: a noun, «de/d'/du/des/de la/de l'» and a noun → ``noun_de.tsv.gz`` (with N2's form);
* pairs seen fewer than ``--min-count`` times are dropped;
* ``relational.tsv``: relational adjective → base noun by the suffix rules of :data:`SUFFIX_RULES`, kept
  when the base is a lexicon noun seen at least :data:`MIN_BASE` times as N2 of «N de N2», plus the
  adjectives that are also nouns (homographs: «malade», «critique»), with the same corpus condition.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import lzma
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtreview.knowledge.ngrams import tokenize  # noqa: E402
from mtreview.knowledge.noun_phrases import modifier_key, noun_key  # noqa: E402

#: adjective ending → base-noun endings (relational adjectives: «administratif» → «administration»)
SUFFIX_RULES: list[tuple[str, tuple[str, ...]]] = [
    ("atif", ("ation",)), ("itif", ("ition",)), ("if", ("ion", "")),
    ("ionnel", ("ion",)), ("entiel", ("ent", "ence")), ("ériel", ("ère", "ériel")), ("iel", ("ie",)),
    ("uel", ("ue",)), ("el", ("e", "")),
    ("mental", ("ment",)), ("cial", ("ce",)), ("ial", ("ie", "e")), ("al", ("", "e", "at")),
    ("iaire", ("ie",)), ("taire", ("té", "t")), ("aire", ("", "e")),
    ("ier", ("e", "")), ("atique", ("atie",)), ("ique", ("ie", "e", "")), ("eux", ("e",)),
]
#: a derived base noun must be seen this often as N2 of «N de N2»
MIN_BASE = 20
#: … and at least this many heads must take both the adjective and «de» + the base («H adj», «H de base»)
MIN_SHARED = 3


def _lines(corpus: Path):
    files = sorted(corpus.glob("*.txt.xz")) if corpus.is_dir() else [corpus]
    for p in files:
        opener = lzma.open if p.suffix == ".xz" else open
        with opener(p, "rt", encoding="utf-8") as f:  # type: ignore[operator]
            yield from f


@functools.lru_cache(maxsize=200_000)
def _adjectival(form: str) -> bool:
    """Can ``form`` be an adjective or a participle (then, before a noun, it is read as one)?"""
    from mtreview.detectors.french import morph_tags

    return any(":A" in m for m in morph_tags(form))


def count(corpus: Path) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str, str, str]], int]:
    adj: Counter[tuple[str, str]] = Counter()
    de: Counter[tuple[str, str, str, str]] = Counter()
    words = 0
    for line in _lines(corpus):
        for seg in tokenize(line):
            n = len(seg)
            words += n
            for i in range(n - 1):
                h = noun_key(seg[i])
                if h is None:
                    continue
                w = seg[i + 1]
                if w in ("de", "du", "des"):
                    det, j = w, i + 2
                    if w == "de" and j < n and seg[j] in ("la", "l'"):
                        det, j = "de " + seg[j], j + 1
                    if j < n:
                        n2 = noun_key(seg[j])
                        if n2 is not None:
                            de[(h, det, seg[j], n2)] += 1
                    continue
                m = modifier_key(w)
                if m is not None and m != h and not (_adjectival(seg[i]) and noun_key(w) is not None):
                    adj[(h, m)] += 1  # («jeune ingénieur», «tombé malade»: an adjective before a noun)
    return adj, de, words


def relational(adj_kept: list[tuple[str, str, int]], de: Counter[tuple[str, str, str, str]],
               n2_totals: Counter[str]) -> list[tuple[str, str, str]]:
    """Relational adjective → base noun rows (see the module docstring): the base is a lexicon noun seen
    ≥ MIN_BASE times as N2, and at least MIN_SHARED heads take both «H adjective» and «H de base»."""
    from mtreview.detectors.french import morph_tags

    heads_of_adj: dict[str, set[str]] = {}
    for h, m, _ in adj_kept:
        heads_of_adj.setdefault(m, set()).add(h)
    heads_of_n2: dict[str, set[str]] = {}
    for (h, _, _, n2), c in de.items():
        if c >= 2:
            heads_of_n2.setdefault(n2, set()).add(h)

    def shared(a: str, b: str) -> bool:
        return len(heads_of_adj.get(a, set()) & heads_of_n2.get(b, set())) >= MIN_SHARED

    out: list[tuple[str, str, str]] = []
    for a in sorted(heads_of_adj):
        tags = morph_tags(a)
        if not any(":A" in m and ":V" not in m for m in tags):
            continue
        if any(":N" in m for m in tags) and n2_totals[a] >= MIN_BASE and shared(a, a):
            out.append((a, a, "homograph"))
        for suf, repl in SUFFIX_RULES:
            if not a.endswith(suf) or len(a) - len(suf) < 3:
                continue
            for r in repl:
                base = a[: len(a) - len(suf)] + r
                if base != a and noun_key(base) == base and n2_totals[base] >= MIN_BASE and shared(a, base):
                    out.append((a, base, f"-{suf} → -{r}"))
            break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "data" / "fr-mono-commonvoice-eltec")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--out", type=Path, default=ROOT / "models" / "noun-phrases")
    args = ap.parse_args()
    t0 = time.time()
    adj, de, words = count(args.corpus)
    args.out.mkdir(parents=True, exist_ok=True)
    k = args.min_count
    adj_kept = sorted((h, m, c) for (h, m), c in adj.items() if c >= k)
    de_kept = sorted((h, d, f, n2, c) for (h, d, f, n2), c in de.items() if c >= k)
    with gzip.GzipFile(args.out / "noun_adj.tsv.gz", "wb", mtime=0) as g:
        g.write(("# head\tmodifier\tcount: «N ADJ» in fr-mono (scripts/build_noun_phrases.py)\n" +
                 "".join(f"{h}\t{m}\t{c}\n" for h, m, c in adj_kept)).encode("utf-8"))
    with gzip.GzipFile(args.out / "noun_de.tsv.gz", "wb", mtime=0) as g:
        g.write(("# head\tdet\tn2_form\tn2_lemma\tcount: «N de (det) N2» in fr-mono "
                 "(scripts/build_noun_phrases.py)\n" +
                 "".join(f"{h}\t{d}\t{f}\t{n2}\t{c}\n" for h, d, f, n2, c in de_kept)).encode("utf-8"))
    n2_totals: Counter[str] = Counter()
    for (_, _, _, n2), c in de.items():
        n2_totals[n2] += c
    rel = relational(adj_kept, de, n2_totals)
    with (args.out / "relational.tsv").open("w", encoding="utf-8") as f:
        f.write("# relational adjective → base noun, derived by suffix rules (scripts/build_noun_phrases.py); "
                f"base: a lexicon noun seen ≥ {MIN_BASE} times as N2 of «N de N2» in fr-mono, "
                f"≥ {MIN_SHARED} heads taking both\n")
        f.write("adjective\tbase\trule\n")
        f.writelines(f"{a}\t{b}\t{r}\n" for a, b, r in rel)
    meta = {"source": "shared/data/fr-mono-commonvoice-eltec (19.6M words; CC0 / public domain)",
            "tokens": words, "min_count": k, "noun_adj_pairs": len(adj_kept), "noun_de_rows": len(de_kept),
            "relational_rows": len(rel), "seconds": round(time.time() - t0)}
    (args.out / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(meta, ensure_ascii=False))


if __name__ == "__main__":
    main()
