"""Generalisation benchmark for the names detector: synthetic French news documents about many
entities, corrupted by the mechanisms of PIVOT-ERRORS.md, scored for recall, precision and top-1.

    python bench/names_eval.py [--docs 80] [--seed 7] [--holdout] [--no-model] [--out bench/results/names_eval.json]

The corruptions are produced independently of the detector's own tables where possible: Cyrillic
forms are declined with pymorphy3 (the detector uses its own suffix rules) and romanised with
cyrtranslit and unidecode as well as the published schemes; MT-like noise (doubled vowels, dropped
final vowels) is added. Entities are drawn from the knowledge base at random, never from the seed
article's list. ``--holdout`` removes the drawn entities from the knowledge base before reviewing, to
measure the open-vocabulary fallback on names the engine has never seen.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtreview.evaluation import GoldSpan, score_names  # noqa: E402
from mtreview.knowledge.names import Entity, NameKnowledgeBase, builtin_files, read_entities  # noqa: E402

TEMPLATES_PERSON = [
    "{P} a déclaré mardi que les négociations avec {ORG} reprendraient la semaine prochaine.",
    "Selon un proche de {S}, la décision a été prise après plusieurs semaines de discussions à {PLACE}.",
    "Interrogé par des journalistes, {S} a refusé de commenter les informations publiées par {ORG}.",
    "La visite de {P} à {PLACE} a été reportée en raison de la situation sécuritaire.",
    "Les partisans de {S} se sont rassemblés devant le siège de {ORG} pour dénoncer la décision.",
    "{S} a affirmé que son pays ne céderait pas aux pressions extérieures.",
    "Dans un entretien, {P} a expliqué qu'il souhaitait renforcer la coopération avec {PLACE}.",
    "Les conseillers de {S} ont rencontré des représentants de {ORG} jeudi soir.",
    "Plusieurs responsables ont critiqué la position de {S} sur la question énergétique.",
    "{P} est arrivé à {PLACE} pour une visite officielle de deux jours.",
]
TEMPLATES_ORG = [
    "{O} a annoncé une hausse de ses bénéfices au troisième trimestre.",
    "Les actionnaires de {O} se réuniront à {PLACE} le mois prochain.",
    "Le patron de {O} a promis de nouveaux investissements en Europe.",
]


@dataclass
class Corruption:
    form: str
    expected: str
    mechanism: str


def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def ru_genitive(word: str, morph) -> str:
    """The genitive by pymorphy3 when it knows the word as a name; else a plain -а after a consonant."""
    for p in morph.parse(word):
        if {"Name", "Surn"} & set(str(p.tag).replace(" ", ",").split(",")):
            g = p.inflect({"gent"})
            if g:
                return g.word[:1].upper() + g.word[1:]
    if word[-1:].lower() in "бвгдзклмнпрстфх":
        return word + "а"
    return word


def romanisers(rng: random.Random):
    import cyrtranslit
    from unidecode import unidecode

    from mtreview.knowledge.transliteration import romanise

    choices = [
        ("cyrtranslit", lambda s: cyrtranslit.to_latin(s, "ru")),
        ("unidecode", unidecode),
        ("bgn", lambda s: romanise(s, "bgn")),
        ("passport", lambda s: romanise(s, "passport")),
        ("gost", lambda s: romanise(s, "gost")),
    ]
    return choices


def mt_noise(s: str, rng: random.Random) -> str:
    r = rng.random()
    vowels = [i for i, c in enumerate(s) if c in "aeiou" and 0 < i < len(s) - 1]
    if r < 0.15 and vowels:
        i = rng.choice(vowels)
        return s[:i] + s[i] + s[i:]
    if r < 0.3 and len(s) > 5 and s[-1] in "aeiou":
        return s[:-1]
    return s


def corrupt_token(ru_tok: str, rng: random.Random, morph, gen: bool) -> tuple[str, str]:
    src = ru_genitive(ru_tok, morph) if gen else ru_tok
    name, fn = rng.choice(romanisers(rng))
    out = mt_noise(fn(src), rng)
    out = out.replace("'", "").replace("’", "")
    out = "-".join(p[:1].upper() + p[1:].lower() for p in out.split("-"))
    return out, f"{'gen+' if gen else ''}{name}"


def make_docs(entities: list[Entity], others: list[Entity], places: list[Entity], n_docs: int, seed: int):
    rng = random.Random(seed)
    morph = _morph()
    from mtreview.knowledge.calques import get_calque_index
    docs = []
    persons = [e for e in entities if e.type == "person" and e.ru and len(e.fr.split()) >= 2
               and len(e.ru.split()) == len(e.en.split()) == len(e.fr.split())]
    rng.shuffle(persons)
    for d in range(min(n_docs, len(persons))):
        e = persons[d]
        org = rng.choice(others)
        place = rng.choice(places)
        sents = rng.sample(TEMPLATES_PERSON, 6)
        text_parts: list[str] = []
        gold: list[GoldSpan] = []
        pos = 0
        surname_fr = e.fr.split()[-1]
        for k, tpl in enumerate(sents):
            mode = rng.random()
            # one sentence in three keeps the name right (document evidence), others corrupt it
            fill_p, fill_s = e.fr, surname_fr
            corr = None
            if k > 0 and mode < 0.75:
                kind = rng.random()
                ru_t = e.ru.split()
                if kind < 0.55:
                    # re-romanised surname (genitive after «de»)
                    gen = "de {S}" in tpl or "de {P}" in tpl
                    form, mech = corrupt_token(ru_t[-1], rng, morph, gen)
                    if form and form.lower() != surname_fr.lower() and form.lower() != e.en.split()[-1].lower():
                        corr = Corruption(form, surname_fr, f"translit {mech}")
                        fill_s = form
                        fill_p = " ".join(e.fr.split()[:-1] + [form])
                elif kind < 0.8:
                    form, mech = corrupt_token(ru_t[0], rng, morph, False)
                    if form and form.lower() != e.fr.split()[0].lower() and form.lower() != e.en.split()[0].lower():
                        corr = Corruption(form, e.fr.split()[0], f"translit given {mech}")
                        fill_p = " ".join([form] + e.fr.split()[1:])
                        tpl = tpl.replace("{S}", "{P}")
                elif e.en != e.fr and e.en.split()[-1] != surname_fr:
                    corr = Corruption(e.en.split()[-1], surname_fr, "locale")
                    fill_s = e.en.split()[-1]
                    fill_p = e.en
            sentence = tpl.replace("{ORG}", org.fr).replace("{PLACE}", place.fr)
            start_in_sent = None
            for slot, fill in (("{P}", fill_p), ("{S}", fill_s)):
                if slot in sentence:
                    start_in_sent = sentence.index(slot)
                    sentence = sentence.replace(slot, fill, 1)
                    if corr is not None and corr.form in fill:
                        off = fill.index(corr.form)
                        gs = pos + start_in_sent + off
                        gold.append(GoldSpan(gs, gs + len(corr.form), corr.expected, corr.mechanism))
                    break
            sentence = sentence[:1].upper() + sentence[1:]
            text_parts.append(sentence)
            pos += len(sentence) + 1
        docs.append(("\n".join(text_parts) + "\n", gold, e.id))
    # calque documents for organisations/brands
    cidx = get_calque_index(NameKnowledgeBase(others))
    calque_ents = [i for i in cidx.parts if len(cidx.parts[i]) == 2]
    rng.shuffle(calque_ents)
    for i in calque_ents[: max(1, n_docs // 8)]:
        e = others[i]
        from mtreview.knowledge.calques import translate_part
        a, b = (translate_part(p)[0] for p in cidx.parts[i])
        calque = f"{b} d'{a}" if a[:1] in "aeiouéèh" else f"{b} de {a}"
        t1 = TEMPLATES_ORG[0].replace("{O}", e.fr)
        t2 = f"Les clients de {calque} ont signalé une panne."
        t3 = TEMPLATES_ORG[1].replace("{O}", e.fr).replace("{PLACE}", rng.choice(places).fr)
        text = f"{t1}\n{t2}\n{t3}\n"
        s = len(t1) + 1 + t2.index(calque)
        docs.append((text, [GoldSpan(s, s + len(calque), e.fr, "calque")], e.id))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=80)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--holdout", action="store_true", help="remove the drawn entities from the knowledge base")
    ap.add_argument("--no-model", action="store_true", help="switch the transliteration model off")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--dump", type=Path, help="also write the documents and their gold spans as JSONL here")
    args = ap.parse_args()

    ents: list[Entity] = []
    for p in builtin_files():
        ents.extend(read_entities(p))
    places = [e for e in ents if e.type == "place" and " " not in e.fr]
    others = [e for e in ents if e.type in ("organisation", "brand")]
    docs = make_docs(ents, others, places, args.docs, args.seed)

    if args.dump:
        args.dump.parent.mkdir(parents=True, exist_ok=True)
        with args.dump.open("w", encoding="utf-8") as f:
            for text, gold, eid in docs:
                f.write(json.dumps({"entity": eid, "text": text, "gold": [
                    {"start": g.start, "end": g.end, "text": text[g.start:g.end], "expected": g.expected,
                     "mechanism": g.note} for g in gold]}, ensure_ascii=False) + "\n")
    from mtreview.detectors.names import NamesDetector
    from mtreview.review import Reviewer

    if args.holdout:
        drawn = {d[2] for d in docs}
        kb = NameKnowledgeBase([e for e in ents if e.id not in drawn])
    else:
        kb = None
    rv = Reviewer(["names"])
    rv.detectors = [NamesDetector(kb=kb, use_model=not args.no_model)]
    t = time.time()
    tot = {"gold": 0, "found": 0, "right": 0, "flags": 0, "real": 0}
    by_mech: dict[str, list[int]] = {}
    bins: dict[str, list[int]] = {}
    examples = []
    for text, gold, _ in docs:
        res = rv.review(text)
        s = score_names(text, res.flags, gold)
        tot["gold"] += s.gold
        tot["found"] += s.found
        tot["right"] += s.right
        tot["flags"] += s.flags
        tot["real"] += s.real_flags
        for f in res.flags:
            if not f.category.startswith("name/"):
                continue
            b = "≥0.8" if f.confidence >= 0.8 else ("0.6–0.8" if f.confidence >= 0.6 else "<0.6")
            real = any(f.start < g.end and g.start < f.end for g in gold)
            bins.setdefault(b, [0, 0])
            bins[b][0] += 1
            bins[b][1] += real
        for g in gold:
            mech = g.note.split()[0] + (" given" if "given" in g.note else "")
            hit = any(f.start < g.end and g.start < f.end and f.category.startswith("name/") for f in res.flags)
            by_mech.setdefault(mech, [0, 0])
            by_mech[mech][0] += 1
            by_mech[mech][1] += hit
        if (s.missed or s.false_flags) and len(examples) < 25:
            examples.append({"missed": s.missed, "wrong": s.wrong, "false": s.false_flags})
    secs = time.time() - t
    out = {
        "docs": len(docs), "holdout": args.holdout, "model": not args.no_model,
        "gold": tot["gold"], "recall": round(tot["found"] / max(1, tot["gold"]), 3),
        "top1": round(tot["right"] / max(1, tot["gold"]), 3),
        "precision": round(tot["real"] / max(1, tot["flags"]), 3), "flags": tot["flags"],
        "recall_by_mechanism": {k: round(v[1] / v[0], 3) for k, v in sorted(by_mech.items())},
        "precision_by_confidence": {k: f"{v[1]}/{v[0]} = {v[1] / v[0]:.3f}" for k, v in sorted(bins.items())},
        "seconds": round(secs, 1), "examples": examples,
    }
    print(json.dumps({k: v for k, v in out.items() if k != "examples"}, ensure_ascii=False, indent=1))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
