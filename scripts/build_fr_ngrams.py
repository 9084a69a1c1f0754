"""Build the French n-gram model shipped as ``models/fr-ngrams/`` (read by ``mtreview.knowledge.ngrams``).

    python3 scripts/build_fr_ngrams.py [--corpus ../shared/data/fr-mono-commonvoice-eltec] [--min-count 3]
                                       [--out models/fr-ngrams]

(about 1 minute and 0.6 GB of memory on one core; ``--corpus`` defaults to ``$MTREVIEW_SHARED_DATA`` or
the checkout's ``../shared/data``.)

Source: the fr-mono corpus in ``shared/data/fr-mono-commonvoice-eltec/`` (1.69M sentences, 19.6M words of
human-written French: Assemblée nationale debates 2013–2018 from the Common Voice FR community repository,
CC0 with attribution; public-domain books from Project Gutenberg, libre théâtre, Wikisource and
ELTeC-fra). See ``models/fr-ngrams/README.md`` for the attribution. ``--corpus`` may also name one text
file (plain or ``.xz``, one sentence per line): the tests build a model from a tiny one.

Tokens: :func:`mtreview.knowledge.ngrams.tokenize` (lower case, elided function words in full, no n-gram
across punctuation). Words seen fewer than ``--min-count`` times get no id (they cannot be part of a kept
n-gram); ids are frequency ranks. Bigrams and trigrams seen fewer than ``--min-count`` times are dropped.

Output (the arrays and the vocabulary are deterministic: same corpus, same bytes): ``vocab.txt.gz`` (one word per line, line = id),
``unigram_count.npy`` (uint32), and a two-level trie of sorted arrays — ``bigram_offsets`` (per first
word, the slice of ``bigram_next``/``bigram_count``), ``trigram_offsets`` (per bigram, the slice of
``trigram_next``/``trigram_count``) — plus ``meta.json`` (source, totals, thresholds, build time).
Counts are exact (uint32); word ids are uint16 when the vocabulary allows, else uint32.
"""

from __future__ import annotations

import argparse
import gzip
import json
import lzma
import sys
import time
from array import array
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mtreview.knowledge.ngrams import ID_BITS, tokenize  # noqa: E402
from mtreview.resources import shared_data_dir  # noqa: E402

DEFAULT_CORPUS = shared_data_dir() / "fr-mono-commonvoice-eltec"
OUT = ROOT / "models" / "fr-ngrams"
FILES = ("an_debats.fr.txt.xz", "books_pd.fr.txt.xz")
SOURCE = ("fr-mono-commonvoice-eltec (shared/data): Assemblée nationale debates 2013-2018 via Common Voice FR "
          "(commonvoice-fr commit 4b9437a, CC0 with attribution); public-domain books: Project Gutenberg, "
          "libre théâtre, Wikisource (same repository), ELTeC-fra commit 83f0a43, DOI 10.5281/zenodo.4662433")


def corpus_files(corpus: Path) -> list[Path]:
    if corpus.is_file():
        return [corpus]
    return [corpus / name for name in FILES]


def _open(path: Path):
    if path.suffix == ".xz":
        return lzma.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def read_ids(files: list[Path]) -> tuple[array, list[str], int]:
    """The token stream as provisional ids (first-seen order), ``-1`` between segments; the words; lines."""
    ids: dict[str, int] = {}
    stream = array("i")
    lines = 0
    for path in files:
        with _open(path) as fh:
            for line in fh:
                lines += 1
                for seg in tokenize(line):
                    stream.extend([ids.setdefault(w, len(ids)) for w in seg])
                    stream.append(-1)
    words = [""] * len(ids)
    for w, i in ids.items():
        words[i] = w
    return stream, words, lines


def count_keys(keys: np.ndarray, min_count: int) -> tuple[np.ndarray, np.ndarray]:
    keys.sort(kind="stable")
    if keys.size == 0:
        return keys, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    counts = np.diff(np.r_[starts, keys.size])
    keep = counts >= min_count
    return keys[starts[keep]], counts[keep]


def build(corpus: Path, out: Path, min_count: int = 3) -> dict:
    t0 = time.time()
    files = corpus_files(corpus)
    stream, words, lines = read_ids(files)
    s = np.frombuffer(stream, dtype=np.int32).astype(np.int64)
    del stream
    valid = s >= 0
    tokens = int(valid.sum())
    uni = np.bincount(s[valid], minlength=len(words))
    # ids = frequency ranks (ties by the word) of the words seen min_count times or more
    order = sorted((i for i in range(len(words)) if uni[i] >= min_count), key=lambda i: (-uni[i], words[i]))
    if len(order) >= 1 << ID_BITS:
        raise SystemExit(f"{len(order)} words: more than 2**{ID_BITS} ids")
    remap = np.full(len(words) + 1, -1, dtype=np.int64)  # index -1 (a boundary) maps to -1
    remap[np.array(order, dtype=np.int64)] = np.arange(len(order))
    r = remap[s]
    del s
    vocab = [words[i] for i in order]
    V = len(vocab)
    # bigrams and trigrams: keys packed from the ids (exact, no hashing)
    a, b = r[:-1], r[1:]
    ok = (a >= 0) & (b >= 0)
    bkeys, bcounts = count_keys((a[ok] << ID_BITS) | b[ok], min_count)
    a, b, c = r[:-2], r[1:-1], r[2:]
    ok = (a >= 0) & (b >= 0) & (c >= 0)
    tkeys, tcounts = count_keys((a[ok] << (2 * ID_BITS)) | (b[ok] << ID_BITS) | c[ok], min_count)
    del r, a, b, c, ok
    mask = (1 << ID_BITS) - 1
    b_first = bkeys >> ID_BITS
    bi_off = np.searchsorted(b_first, np.arange(V + 1)).astype(np.uint32)
    bi_next = (bkeys & mask).astype(np.uint32)
    # each trigram's prefix bigram is kept too (its count is at least the trigram's)
    prefix = tkeys >> ID_BITS
    tri_off = np.searchsorted(prefix, bkeys, side="left")
    tri_off = np.r_[tri_off, tkeys.size].astype(np.uint32)
    assert np.all(np.isin(prefix, bkeys)), "a trigram whose prefix bigram was pruned"
    tri_next = (tkeys & mask).astype(np.uint32)
    out.mkdir(parents=True, exist_ok=True)
    next_dtype = np.uint16 if V <= 1 << 16 else np.uint32
    arrays = {
        "unigram_count": uni[np.array(order, dtype=np.int64)].astype(np.uint32) if V else np.zeros(0, np.uint32),
        "bigram_offsets": bi_off, "bigram_next": bi_next.astype(next_dtype),
        "bigram_count": bcounts.astype(np.uint32),
        "trigram_offsets": tri_off, "trigram_next": tri_next.astype(next_dtype),
        "trigram_count": tcounts.astype(np.uint32),
    }
    for name, arr in arrays.items():
        np.save(out / f"{name}.npy", np.ascontiguousarray(arr), allow_pickle=False)
    with open(out / "vocab.txt.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9,
                                                                mtime=0, filename="") as gz:
        gz.write(("\n".join(vocab) + "\n").encode("utf-8"))
    size = sum(p.stat().st_size for p in out.iterdir() if p.name != "README.md")
    meta = {
        "source": SOURCE if corpus.is_dir() else corpus.name,
        "files": [p.name for p in files], "lines": lines, "tokens": tokens, "types": len(words),
        "min_count": min_count, "vocab": V, "bigrams": int(bkeys.size), "trigrams": int(tkeys.size),
        "id_bits": ID_BITS,
        "bytes": size, "build_seconds": round(time.time() - t0, 1),
        "builder": "scripts/build_fr_ngrams.py",
    }
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return meta


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    meta = build(args.corpus, args.out, args.min_count)
    print(f"{args.out}: {meta['vocab']} words, {meta['bigrams']} bigrams, {meta['trigrams']} trigrams "
          f"(count >= {meta['min_count']}) from {meta['tokens']} tokens, {meta['lines']} lines; "
          f"{meta['bytes'] / 1e6:.1f} MB in {meta['build_seconds']:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
