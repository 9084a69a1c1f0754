"""Pivot forms: how a real name looks after a trip through Russian, looked up exactly.

A name that a Russian pivot re-romanises is written in Cyrillic the way Russian writes it
(«Stevenson» → «Стивенсон») and then printed in Latin letters by one of the published schemes
(«Stivenson»), often in a Russian case form («Kolvina», genitive of «Колвин»). The Wikidata
English→Russian name pairs (CC0, 164,640 name tokens with their Russian spellings) let us invert that
channel for every token of them: each Russian spelling, in the nominative and the genitive, romanised by
the five schemes of :mod:`mtreview.knowledge.transliteration`, points back at the English spelling(s) it
came from, with how often the pair occurs.

:func:`lookup` answers, for a word of a French text: the original spelling this word is a pivot form of,
how often that pair occurs, and how often the word itself is a real person-name token (a word that real
people are called, «Aleksandr», «Edvard», is an original spelling as well). It knows no particular name:
the table is built from the pairs by :func:`build` (``python -m mtreview.knowledge.pivot_forms``).

Data file: ``data/lexicon/pivot_forms.tsv.gz`` — ``form<TAB>original<TAB>pair count<TAB>own count`` for
every pivot form that differs from its original and whose best original is at least as frequent as
:data:`MIN_PAIR_COUNT`.
"""

from __future__ import annotations

import argparse
import functools
import gzip
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..loading import cache_root, gc_paused, load_cached, save_cached

DATA_FILE = Path(__file__).resolve().parent / "data" / "lexicon" / "pivot_forms.tsv.gz"
SCHEMES = ("bgn", "iso9", "passport", "gost", "adhoc")
#: a pivot form is kept when its most frequent original occurs in at least this many name pairs
MIN_PAIR_COUNT = 1
#: an accented spelling is preferred to its plain twin when it has at least this share of the plain one
ACCENT_SHARE = 0.3


@dataclass(frozen=True)
class PivotForm:
    """``form`` is a pivot form of ``original`` (seen ``count`` times in the pairs); ``own`` is how often
    ``form`` itself is the English spelling of a real name token (0: nobody is called that)."""

    form: str
    original: str
    count: int
    own: int

    @property
    def dominance(self) -> float:
        """How much likelier the original is than the form being a real name itself."""
        return self.count / max(1, self.own)


def read_pairs(pairs_dir: Path) -> Iterator[tuple[str, str, int]]:
    """``(english token, Russian spelling, count)`` of every line of the ``wd_russian_*.tsv`` pairs
    (``en<TAB>р у с<TAB>count``, the Russian letters spaced), in file order."""
    for path in sorted(pairs_dir.glob("wd_russian_*.tsv")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 3 or not parts[0] or not parts[1]:
                    continue
                yield parts[0], parts[1].replace(" ", ""), int(parts[2]) if parts[2].isdigit() else 1


def build(pairs_dir: Path, out: Path = DATA_FILE) -> int:
    """Build the table from the ``wd_russian_*.tsv`` pairs (:func:`read_pairs`); returns rows."""
    from .transliteration import case_forms, romanise

    index: dict[str, Counter[str]] = defaultdict(Counter)
    own: Counter[str] = Counter()
    for en, ru, n in read_pairs(pairs_dir):
        own[en] += n
        for form, _case in case_forms(ru)[:2]:  # nominative, genitive
            for scheme in SCHEMES:
                r = romanise(form, scheme).lower()
                if r != en and r.isalpha() and len(r) >= 3 and len(en) >= 2:
                    index[r][en] += n
    from unidecode import unidecode

    rows = []
    for form, originals in index.items():
        # spellings of one name that differ only by diacritics count together; the accented one is
        # kept when it is a real share of them («josé» beside «jose»: French writes the accent)
        groups: dict[str, Counter[str]] = defaultdict(Counter)
        for o, n in originals.items():
            groups[unidecode(o)][o] += n
        spellings = max(groups.values(), key=lambda g: sum(g.values()))
        count = sum(spellings.values())
        top, top_n = spellings.most_common(1)[0]
        accented = [(n, o) for o, n in spellings.items() if o != unidecode(o) and n >= ACCENT_SHARE * top_n]
        original = max(accented)[1] if accented else top
        if count >= MIN_PAIR_COUNT:
            rows.append(f"{form}\t{original}\t{count}\t{own.get(form, 0)}\n")
    rows.sort()
    return write_table(out, "# form\toriginal\tpair_count\town_count — built by python -m "
                            "mtreview.knowledge.pivot_forms from the Wikidata en-ru name pairs (CC0)\n", rows)


def write_table(out: Path, header: str, rows: list[str]) -> int:
    """Write a gzipped table (``header`` then ``rows``, each ending in a newline) atomically: a
    temporary file beside ``out``, then renamed; returns the number of rows."""
    tmp = out.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(header)
        f.writelines(rows)
    tmp.replace(out)
    return len(rows)


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, int, int]]:
    if not DATA_FILE.exists():
        return {}
    stamp = DATA_FILE.stat()
    path = cache_root() / f"pivot-forms-{stamp.st_size}-{int(stamp.st_mtime)}.pkl"
    got = load_cached(path, dict)
    if got is not None:
        return got
    table: dict[str, tuple[str, int, int]] = {}
    with gc_paused(), gzip.open(DATA_FILE, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            form, original, count, own = line.rstrip("\n").split("\t")
            table[form] = (original, int(count), int(own))
    save_cached(path, table, "pivot-forms-*.pkl")
    return table


def lookup(word: str) -> PivotForm | None:
    """The original spelling ``word`` (any case) is a pivot form of, or None."""
    got = _table().get(word.lower())
    if got is None:
        return None
    return PivotForm(word.lower(), *got)


def build_from_pairs_cli(build_table: Callable[[Path], int], data_file: Path, what: str,
                         argv: list[str] | None = None) -> None:
    """The command line of a table built from the Wikidata pairs: ``--pairs FOLDER`` (default: the
    shared data's ``wikidata-names-en-ru-translit``), then ``build_table(folder)``; prints the row count."""
    ap = argparse.ArgumentParser(description=f"Build {data_file.parent.name}/{data_file.name} from the Wikidata pairs.")
    ap.add_argument("--pairs", type=Path, default=None,
                    help="folder with wd_russian_*.tsv (default: wikidata-names-en-ru-translit under "
                         "$MTREVIEW_SHARED_DATA or ../shared/data)")
    args = ap.parse_args(argv)
    if args.pairs is None:
        from ..resources import shared_data_dir

        args.pairs = shared_data_dir() / "wikidata-names-en-ru-translit"
    print(f"{build_table(args.pairs)} {what} → {data_file}")


def main() -> None:
    build_from_pairs_cli(build, DATA_FILE, "pivot forms")


if __name__ == "__main__":
    main()
