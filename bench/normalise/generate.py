"""Generate the ``normalise`` benchmark corpus: ~100 MB of French in every format, with name corruptions.

Sentences come from ``../shared/data`` (Tatoeba French side, WikiNEuRal French sentences, WMT news
references and system outputs, SemEval-2025 EA-MT targets). A glossary is derived from the names
knowledge base's data files: for each entity with a Russian form, the English form when it differs
from the French one and the Russian form re-romanised by two schemes (the pivot corruptions of
PIVOT-ERRORS.md). In a fixed share of segments a person name is replaced by (WikiNEuRal PER spans)
or joined with (other sources) one of those corrupted variants. Everything is seeded: the same
command writes the same bytes.

    python bench/normalise/generate.py --out /tmp/mtreview-bench/corpus --mb 100
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

#: share of segments that get a corrupted name
INJECT_RATE = 0.03
#: how the corpus splits by format (share of bytes)
FORMATS = {"txt": 0.40, "tsv": 0.20, "jsonl": 0.15, "xlf": 0.10, "xliff": 0.05, "tmx": 0.05, "po": 0.05}
FILE_MB = 4.0


def sentences() -> list[str]:
    out: list[str] = []
    tatoeba = SHARED / "tatoeba-manythings-fra-eng" / "fra.txt"
    for line in tatoeba.read_text("utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 2:
            out.append(cols[1])
    for split in ("test", "val"):
        words: list[str] = []
        for line in (SHARED / "wikineural-fr" / f"{split}.conllu").read_text("utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) >= 3:
                words.append(cols[1])
            elif words:
                out.append(" ".join(words).replace(" ,", ",").replace(" .", ".").replace("' ", "'"))
                words = []
    for p in sorted(SHARED.glob("wmt*/*/*.fr")) + sorted(SHARED.glob("wmt*/*/system-outputs/*.fr")):
        out.extend(x for x in p.read_text("utf-8").splitlines() if x.strip())
    for line in (SHARED / "semeval2025-eamt-en-fr" / "train.en-fr.jsonl").read_text("utf-8").splitlines():
        tgt = json.loads(line).get("target")
        if isinstance(tgt, str):
            out.append(tgt)
    return [s.strip() for s in out if s.strip() and "\t" not in s]


def glossary_rows() -> list[tuple[str, list[str]]]:
    """(French form, corrupted variants) for entities of the knowledge base's data files."""
    from mtreview.knowledge.transliteration import romanise

    rows = []
    for p in sorted((ROOT / "mtreview" / "knowledge" / "data" / "names").glob("*.tsv")):
        with p.open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                fr, en, ru = (r.get("fr") or "").strip(), (r.get("en") or "").strip(), (r.get("ru") or "").strip()
                if r.get("type") != "person" or not fr or not ru or len(fr) < 5:
                    continue
                correct = {fr.lower()} | {a.strip().lower() for a in (r.get("aliases") or "").split("|")}
                variants = {en} | {romanise(ru, s) for s in ("iso9", "passport")}
                variants = sorted(v for v in variants if v and v.lower() not in correct and " " in v)
                if variants:
                    rows.append((fr, variants))
    seen: set[str] = set()
    out = []
    for fr, variants in rows:
        keep = [v for v in variants if v not in seen]
        seen.update(keep)
        if keep:
            out.append((fr, keep))
    correct_all = {fr for fr, _ in out}
    return [(fr, [v for v in vs if v not in correct_all]) for fr, vs in out if any(v not in correct_all for v in vs)]


def write_glossary(path: Path, rows: list[tuple[str, list[str]]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("fr\tvariants\n")
        for fr, vs in rows:
            f.write(f"{fr}\t{'|'.join(vs)}\n")


def segments(pool: list[str], variants: list[str], rng: random.Random):
    """Endless segments: a corpus sentence, sometimes with a corrupted name worked in."""
    while True:
        s = pool[rng.randrange(len(pool))]
        if rng.random() < INJECT_RATE:
            v = variants[rng.randrange(len(variants))]
            s = rng.choice([f"{v} a déclaré : « {s} »", f"{s} Selon {v}, rien n'est décidé.",
                            f"D'après {v}, {s[:1].lower()}{s[1:]}"])
        yield s


def _fill(path: Path, size: int, head: str, tail: str, item, gen) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write(head)
        n = len(head.encode())
        i = 0
        while n < size:
            i += 1
            chunk = item(i, next(gen))
            f.write(chunk)
            n += len(chunk.encode())
        f.write(tail)


def write_corpus(out: Path, mb: float, seed: int = 7) -> None:
    rng = random.Random(seed)
    pool = sentences()
    rows = glossary_rows()
    out.mkdir(parents=True, exist_ok=True)
    write_glossary(out.parent / "glossary.tsv", rows)
    variants = [v for _, vs in rows for v in vs]
    gen = segments(pool, variants, rng)
    xlf_head = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file source-language="en" target-language="fr" '
                'datatype="plaintext" original="bench"><body>\n')
    x2_head = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
               'version="2.0" srcLang="en" trgLang="fr"><file id="f1">\n')
    tmx_head = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="bench" '
                'creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="en" '
                'datatype="plaintext"/><body>\n')
    kinds = {
        "txt": ("", "", lambda i, s: s + "\n"),
        "tsv": ("", "", lambda i, s: f"segment {i}\t{s}\n"),
        "jsonl": ("", "", lambda i, s: json.dumps({"id": i, "source": f"segment {i}", "target": s},
                                                  ensure_ascii=i % 2 == 0) + "\n"),
        "xlf": (xlf_head, "</body></file></xliff>\n", lambda i, s: (
            f'<trans-unit id="{i}"><source>segment {i}</source><target>{escape(s)}</target></trans-unit>\n')),
        "xliff": (x2_head, "</file></xliff>\n", lambda i, s: (
            f'<unit id="u{i}"><segment><source>segment {i}</source><target>{escape(s)}</target></segment></unit>\n')),
        "tmx": (tmx_head, "</body></tmx>\n", lambda i, s: (
            f'<tu tuid="{i}"><tuv xml:lang="en"><seg>segment {i}</seg></tuv>'
            f'<tuv xml:lang="fr"><seg>{escape(s)}</seg></tuv></tu>\n')),
        "po": ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n', "", lambda i, s: (
            f'msgid "segment {i}"\nmsgstr "{s.replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))}"\n\n')),
    }
    total = int(mb * 1_000_000)
    for fmt, share in FORMATS.items():
        size = int(total * share)
        files = max(1, round(size / (FILE_MB * 1_000_000)))
        head, tail, item = kinds[fmt]
        for k in range(files):
            _fill(out / f"{fmt}-{k:02d}.{fmt}", size // files, head, tail, item, gen)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="/tmp/mtreview-bench-normalise/corpus")
    ap.add_argument("--mb", type=float, default=100.0)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if not SHARED.exists():
        sys.exit(f"{SHARED} is missing: the benchmark needs ../shared/data")
    write_corpus(Path(args.out), args.mb, args.seed)
    size = sum(p.stat().st_size for p in Path(args.out).iterdir())
    print(f"wrote {size / 1e6:.1f} MB to {args.out}; glossary {Path(args.out).parent / 'glossary.tsv'}")


if __name__ == "__main__":
    main()
