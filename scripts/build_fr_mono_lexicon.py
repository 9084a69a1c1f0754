"""Build the French word-frequency list shipped as ``mtreview/knowledge/data/lexicon/fr_mono_words.tsv.gz``.

    python3 scripts/build_fr_mono_lexicon.py [--corpus ../shared/data/fr-mono-commonvoice-eltec] [--min-count 2]

Source: the fr-mono corpus in ``shared/data/fr-mono-commonvoice-eltec/`` (19.6M words of human-written
French: Assemblée nationale debates 2013–2018 from the Common Voice FR community repository, CC0 with
attribution; public-domain books from Project Gutenberg, libre théâtre, Wikisource and ELTeC-fra). See
``mtreview/knowledge/data/lexicon/README.md`` for the attribution.

Tokens: runs of letters with inner hyphens or apostrophes. An elided article or pronoun is cut off
(«l'exclave» counts «exclave»; «aujourd'hui» stays whole); a hyphenated word counts whole and each of its
parts («arc-en-ciel», «arc», «en», «ciel»). Each form is counted case-folded (``count``) and, separately, as
written in lower case (``lower``: how often the word is used as a common word rather than as a name or at a
sentence start). Forms seen fewer than ``--min-count`` times are left out (mostly OCR slips and typos).

Output (gzip, UTF-8, deterministic): a ``#`` header with the source and the totals, then
``form<TAB>count<TAB>lower`` sorted by decreasing count, then form.
"""

from __future__ import annotations

import argparse
import gzip
import io
import lzma
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "fr-mono-commonvoice-eltec"
OUT = ROOT / "mtreview" / "knowledge" / "data" / "lexicon" / "fr_mono_words.tsv.gz"
FILES = ("an_debats.fr.txt.xz", "books_pd.fr.txt.xz")

TOKEN_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
ELISION_RE = re.compile(r"^(?:[lLdDjJnNsScCmMtT]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu|[qQ]uoiqu|[pP]resqu)['’]")


def tokens(line: str):
    for m in TOKEN_RE.finditer(line):
        w = m.group(0).replace("’", "'")
        while True:  # «qu'l'» does not occur; one elision, possibly «jusqu'à l'…» split by the regex already
            el = ELISION_RE.match(w)
            if not el:
                break
            w = w[el.end():]
        if not w:
            continue
        yield w
        if "-" in w:
            for part in w.split("-"):
                if part:
                    yield part


def count(corpus: Path) -> tuple[Counter[str], Counter[str], int, int]:
    total: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    lines = words = 0
    for name in FILES:
        with lzma.open(corpus / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                lines += 1
                line = unicodedata.normalize("NFC", line)
                for w in tokens(line):
                    words += 1
                    f = w.lower()
                    total[f] += 1
                    if w == f:
                        lower[f] += 1
    return total, lower, lines, words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    total, lower, lines, words = count(args.corpus)
    kept = sorted(((w, c) for w, c in total.items() if c >= args.min_count and len(w) >= 2),
                  key=lambda p: (-p[1], p[0]))
    buf = io.StringIO()
    buf.write("# fr-mono word counts: shared/data/fr-mono-commonvoice-eltec (Assemblée nationale debates 2013-2018 "
              "via Common Voice FR, CC0 with attribution; public-domain books: Project Gutenberg, libre théâtre, "
              "Wikisource, ELTeC-fra DOI 10.5281/zenodo.4662433)\n")
    buf.write(f"# lines={lines} tokens={words} forms={len(total)} kept={len(kept)} min_count={args.min_count}\n")
    buf.write("# form\tcount\tlower\n")
    for w, c in kept:
        buf.write(f"{w}\t{c}\t{lower[w]}\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0,
                                                     filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    print(f"{args.out}: {len(kept)} forms (of {len(total)}), {words} tokens, {lines} lines, "
          f"{args.out.stat().st_size / 1e6:.2f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
