"""Benchmarks and measurements of the fluency and accuracy detectors (issue 5).

    python3 bench/bench_detectors.py seed      # precision/recall per category on the annotated seed
    python3 bench/bench_detectors.py wmt       # flag rates and MQM ranking on WMT22 de-fr (Kendall's tau)
    python3 bench/bench_detectors.py speed     # warm words/s, as ratios to spaCy's parse and to Grammalecte
    python3 bench/bench_detectors.py context   # context scorers (co-occurrence model vs vectors), wikineural

Everything reads ``../shared/data`` and the project's files; nothing is downloaded. Numbers are printed
(and written as JSON with ``--json PATH``); docs/detectors.md reports them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED = ROOT / "corpora" / "seed" / "musk-putin-wsj.fr-mt.txt"
ANNOTATION = ROOT / "tests" / "data" / "seed_annotated_nonname.tsv"
NAMES_GOLD = [ROOT / "tests" / "data" / "seed_names_gold.tsv", ROOT / "tests" / "data" / "seed_names_extra.tsv"]
SHARED = ROOT.parent / "shared" / "data"
WMT22 = SHARED / "wmt22-general-de-fr"
ISSUE5 = ["spelling", "grammar", "typography", "repetition", "untranslated", "omission", "mistranslation",
          "bilingual"]


# --------------------------------------------------------------------------- seed
def load_annotation(text: str, path: Path = ANNOTATION) -> list[dict[str, Any]]:
    """Annotated spans: ``pattern<TAB>category<TAB>expected<TAB>note`` (regexes over the text)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if not line.strip():
            continue
        pat, cat, exp, note = (line.split("\t") + ["", "", ""])[:4]
        for m in re.finditer(pat, text):
            out.append({"start": m.start(), "end": m.end(), "category": cat, "expected": exp, "note": note,
                        "text": m.group(0)})
    return out


def name_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for p in NAMES_GOLD:
        if p.exists():
            for line in p.read_text(encoding="utf-8").splitlines()[1:]:
                if line.strip():
                    for m in re.finditer(line.split("\t")[0], text):
                        spans.append((m.start(), m.end()))
    return spans


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    if a0 == a1:  # zero-width flag
        return b0 <= a0 <= b1
    return a0 < b1 and b0 < a1


def score_seed(flags: list[Any], text: str) -> dict[str, Any]:
    """Recall per annotated category and precision per flag category (non-name flags only)."""
    gold = load_annotation(text)
    names = name_spans(text)
    nn = [f for f in flags if not f.category.startswith("name/")]
    rec: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    missed = []
    for g in gold:
        hit = any(_overlap(f.start, f.end, g["start"], g["end"]) for f in nn)
        rec[g["category"]][1] += 1
        rec[g["category"]][0] += hit
        if not hit:
            missed.append(f"{g['category']}: {g['text']!r}")
    prec: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    false = []
    for f in nn:
        real = any(_overlap(f.start, f.end, g["start"], g["end"]) for g in gold) or \
            any(_overlap(f.start, f.end, a, b) for a, b in names)
        prec[f.category][1] += 1
        prec[f.category][0] += real
        if not real:
            false.append(f"{f.category} {f.confidence:.2f} {f.text!r} -> {f.suggestions[:1]} [{f.detector}]")

    def tot(d: dict[str, list[int]], skip_typo: bool) -> list[int]:
        return [sum(v[0] for k, v in d.items() if not (skip_typo and k == "fluency/typography")),
                sum(v[1] for k, v in d.items() if not (skip_typo and k == "fluency/typography"))]

    return {"recall": {k: v for k, v in sorted(rec.items())}, "precision": {k: v for k, v in sorted(prec.items())},
            "recall_all": tot(rec, False), "recall_no_typo": tot(rec, True),
            "precision_all": tot(prec, False), "precision_no_typo": tot(prec, True),
            "missed": missed, "false": false}


def cmd_seed(args: argparse.Namespace) -> dict[str, Any]:
    from mtreview.review import Reviewer

    text = SEED.read_text(encoding="utf-8")
    dets = ["names"] + [d for d in ISSUE5 if d != "bilingual"] if not args.detectors else args.detectors
    r = Reviewer(dets)
    res = r.review(text)
    s = score_seed(res.flags, text)
    pct = lambda v: f"{v[0]}/{v[1]} = {v[0] / v[1]:.0%}" if v[1] else "-"  # noqa: E731
    print("recall by annotated category:")
    for k, v in s["recall"].items():
        print(f"  {k:28s} {pct(v)}")
    print("precision by flag category (real = overlaps an annotated error or a name error):")
    for k, v in s["precision"].items():
        print(f"  {k:28s} {pct(v)}")
    print("recall all:", pct(s["recall_all"]), " without typography:", pct(s["recall_no_typo"]))
    print("precision all:", pct(s["precision_all"]), " without typography:", pct(s["precision_no_typo"]))
    if args.verbose:
        print("\nmissed:\n  " + "\n  ".join(s["missed"]))
        print("\nfalse flags:\n  " + "\n  ".join(s["false"]))
    return s


# --------------------------------------------------------------------------- WMT
def kendall_tau(a: list[float], b: list[float]) -> float:
    n = len(a)
    conc = disc = 0
    for i in range(n):
        for j in range(i + 1, n):
            x = (a[i] - a[j]) * (b[i] - b[j])
            conc += x > 0
            disc += x < 0
    pairs = n * (n - 1) / 2
    return (conc - disc) / pairs if pairs else 0.0


def official_bleu() -> dict[str, float]:
    out = {}
    for line in (WMT22 / "automatic-scores.de-fr_fr-de.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        p = line.split("\t")
        if len(p) >= 6 and p[0] == "de-fr" and p[4] == "bleu-A":
            out[p[1]] = float(p[5])
    return out


def cmd_wmt(args: argparse.Namespace) -> dict[str, Any]:
    from mtreview.flags import mqm_score
    from mtreview.review import Reviewer

    base = WMT22 / "de-fr"
    files = {"reference": base / "generaltest2022.de-fr.ref.A.fr"}
    for p in sorted((base / "system-outputs").glob("*.fr")):
        files[p.name.split(".hyp.")[1][:-3]] = p
    src = (base / "generaltest2022.de-fr.src.de").read_text(encoding="utf-8") if args.source else None
    limit = args.limit
    dets = args.detectors or ["names"] + [d for d in ISSUE5 if d != "bilingual" or args.source]
    r = Reviewer(dets)
    out: dict[str, Any] = {}
    for name, path in files.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        if limit:
            lines = lines[:limit]
        text = "\n".join(lines) + "\n"
        source = "\n".join(src.splitlines()[:len(lines)]) + "\n" if src else None
        t0 = time.perf_counter()
        res = r.review(text, source)
        dt = time.perf_counter() - t0
        words = res.words
        by = Counter(f.category for f in res.flags)
        by_det = Counter(f.detector for f in res.flags)
        out[name] = {"words": words, "flags": len(res.flags), "per_1000": round(1000 * len(res.flags) / words, 2),
                     "mqm": mqm_score(res.flags, words), "by_category": dict(by), "by_detector": dict(by_det),
                     "seconds": round(dt, 1)}
        if args.verbose:
            rules = Counter((f.detector, f.evidence.get("rule") or f.evidence.get("entry") or
                             f.evidence.get("mechanism") or "") for f in res.flags)
            out[name]["by_rule"] = {f"{d}:{k}": v for (d, k), v in rules.most_common(40)}
        print(f"{name:12s} words {words:6d} flags {len(res.flags):5d} per1000 {out[name]['per_1000']:6.2f} "
              f"MQM {out[name]['mqm']:6.2f}  {dict(by_det)}  ({dt:.0f}s)", flush=True)
    bleu = official_bleu()
    systems = [s for s in out if s in bleu]
    tau = kendall_tau([bleu[s] for s in systems], [out[s]["mqm"] for s in systems])
    weakest = min(systems, key=lambda s: bleu[s])
    ratio = out["reference"]["per_1000"] / out[weakest]["per_1000"] if out[weakest]["per_1000"] else 0.0
    print(f"BLEU order: {sorted(systems, key=lambda s: -bleu[s])}")
    print(f"MQM  order: {sorted(systems, key=lambda s: -out[s]['mqm'])}")
    print(f"Kendall tau (MQM vs BLEU): {tau:.3f}; reference/weakest ({weakest}) flag-rate ratio: {ratio:.3f}")
    out["_summary"] = {"kendall_tau": round(tau, 3), "ref_over_weakest": round(ratio, 3), "weakest": weakest}
    return out


# --------------------------------------------------------------------------- speed
def cmd_speed(args: argparse.Namespace) -> dict[str, Any]:
    from mtreview.detectors.grammar import check_paragraphs
    from mtreview.document import Document
    from mtreview.nlp import get_nlp
    from mtreview.review import Reviewer

    if args.text:
        text = Path(args.text).read_text(encoding="utf-8")
    else:
        lines = (WMT22 / "de-fr" / "system-outputs" / "generaltest2022.de-fr.hyp.Online-A.fr"
                 ).read_text(encoding="utf-8").splitlines()[:args.lines]
        text = SEED.read_text(encoding="utf-8") + "\n" + "\n".join(lines) + "\n"
    words = len(text.split())
    paras = [ln for ln in text.splitlines() if ln.strip()]
    nlp = get_nlp()
    dets = ["names"] + [d for d in ISSUE5 if d != "bilingual"]
    reviewer = Reviewer(dets)
    reviewer.review(SEED.read_text(encoding="utf-8"))  # warm up every detector

    def best(fn: Any) -> float:
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    serial = Reviewer(dets, detector_options={"grammar": {"use_worker": False}})
    serial.review(SEED.read_text(encoding="utf-8"))
    t_spacy = best(lambda: list(nlp.pipe(paras, batch_size=64)))
    t_gram = best(lambda: check_paragraphs(paras))
    t_all = best(lambda: reviewer.review(text))
    t_serial = best(lambda: serial.review(text))
    per_det: dict[str, float] = {}
    doc = Document.from_text(text)
    _ = doc.parsed
    for d in reviewer.detectors:
        t0 = time.perf_counter()
        list(d.detect(doc))
        per_det[d.name] = round(words / max(1e-9, time.perf_counter() - t0))
    out = {"words": words, "spacy_wps": round(words / t_spacy), "grammalecte_wps": round(words / t_gram),
           "all_detectors_wps": round(words / t_all), "ratio_to_spacy": round(t_spacy / t_all, 3),
           "all_detectors_one_process_wps": round(words / t_serial),
           "ratio_to_grammalecte": round(t_gram / t_all, 3), "per_detector_wps_on_parsed_doc": per_det}
    print(json.dumps(out, indent=1))
    return out


# --------------------------------------------------------------------------- context scorers
def _wikineural_sentences(limit: int) -> list[str]:
    out = []
    for name in ("val.conllu", "test.conllu"):
        toks: list[str] = []
        for line in (SHARED / "wikineural-fr" / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if toks:
                    s = " ".join(toks).replace(" ' ", "'").replace("' ", "'")
                    out.append(re.sub(r" ([,.;:!?)])", r"\1", s))
                    toks = []
                continue
            p = line.split("\t")
            if len(p) >= 2:
                toks.append(p[1])
        if len(out) >= limit:
            break
    return out[:limit]


def cmd_context(args: argparse.Namespace) -> dict[str, Any]:
    """For each confusion pair (w, w'), on real sentences that use w or w', does the scorer prefer the word
    actually used? Accuracy per scorer. Wikineural (CC BY-NC-SA) is used for measurement only."""
    from mtreview.detectors import mistranslation as mis
    from mtreview.detectors.mistranslation import MistranslationDetector
    from mtreview.knowledge.confusions import auto_confusions, sense_confusions
    from mtreview.nlp import get_nlp

    pairs: dict[str, set[str]] = defaultdict(set)
    for src in (sense_confusions(), auto_confusions()):
        for wrong, cs in src.items():
            for c in cs:
                r = c.right[0]
                if " " not in r:
                    pairs[wrong].add(r)
                    pairs[r].add(wrong)
    sents = _wikineural_sentences(args.limit)
    words = set(pairs)
    cand = [s for s in sents if any(w in s.lower() for w in words)]
    nlp = get_nlp()
    det = MistranslationDetector()
    rows: list[dict[str, float]] = []
    for doc in nlp.pipe(cand, batch_size=64):
        for tok in doc:
            lem = tok.lemma_.lower()
            if lem not in pairs or tok.pos_ not in {"NOUN", "VERB", "ADJ"}:
                continue
            for other in pairs[lem]:
                row = det.context_score(tok, lem, other)  # > 0: the other word fits better
                row["ngram_pf"] = det.ngram_fit(tok, other, prior_free=True)
                rows.append(row)
    n = len(rows)

    def acc(key: str, subset: list[dict[str, float]]) -> dict[str, Any]:
        decided = [r[key] for r in subset if r.get(key)]
        ok = sum(1 for v in decided if v < 0)
        return {"accuracy": round(ok / len(decided), 3) if decided else None, "decided": len(decided),
                "coverage": round(len(decided) / len(subset), 3) if subset else None}

    weights = (0.05, 0.1, 0.2)
    for r in rows:  # the scores without the n-grams, and candidate weightings of the two n-gram fits
        r["vec+cooc"] = round(r.get("vec", 0.0) + mis.COOC_WEIGHT * r.get("cooc", 0.0), 3)
        if r.get("ngram") is not None and r.get("ngram_pf") is not None:
            r["prior"] = round(r["ngram"] - r["ngram_pf"], 3)  # the words' own frequencies alone
        for key in ("ngram", "ngram_pf"):
            for w in weights:
                if r.get(key) is not None:
                    r[f"vec+cooc+{w}{key}"] = round(r["vec+cooc"] + w * r[key], 3)
    keys = ("cooc", "vec", "ngram", "ngram_pf", "prior", "vec+cooc", "combined",
            *(f"vec+cooc+{w}{k}" for k in ("ngram", "ngram_pf") for w in weights))
    both = [r for r in rows if r.get("cooc") and r.get("vec")]
    out = {"instances": n, "all": {k: acc(k, rows) for k in keys},
           "where_both_decide": {k: acc(k, both) for k in keys}}
    print(json.dumps(out, indent=1))
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("cmd", choices=["seed", "wmt", "speed", "context"])
    p.add_argument("--detectors", nargs="*")
    p.add_argument("--limit", type=int, default=0, help="wmt: first N lines per file; context: sentences")
    p.add_argument("--source", action="store_true", help="wmt: review with the German source (bilingual)")
    p.add_argument("--lines", type=int, default=300, help="speed: WMT lines appended to the seed")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--text", help="speed: a text file instead of the default sample")
    p.add_argument("--json", help="write the result as JSON")
    p.add_argument("-v", "--verbose", action="store_true")
    args = p.parse_args()
    if args.cmd == "context" and not args.limit:
        args.limit = 25000
    out = {"seed": cmd_seed, "wmt": cmd_wmt, "speed": cmd_speed, "context": cmd_context}[args.cmd](args)
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
