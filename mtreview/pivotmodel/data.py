"""Synthetic pivot-error data: clean French sentences, and copies corrupted the way a pivot translation
corrupts them, with the corrupted character span marked.

Clean text: the fr-mono corpus (``../shared/data/fr-mono-commonvoice-eltec``, Assemblée nationale debates
and public-domain books, CC0 / public domain). Mechanisms (PIVOT-ERRORS.md), all driven by data files in
``mtreview/knowledge/data/pivotmodel/`` and ``.../confusions/`` (sources in their READMEs):

``dup``        a duplicated complement: «le service» → «le service de service»
``copula``     the Russian zero copula as a dash: «Son objectif est la croissance» → «Son objectif — la croissance»
``sense``      another sense of the Russian translation (FreeDict fra-rus pairs, curated pivot senses)
``valence``    a verb's preposition replaced by the one its Russian/English equivalent governs
``english``    a French noun left in English (FreeDict fra-eng)
``falsefriend`` an English false friend («en fait» → «actuellement»)
``genitive``   a genitive turned adjective: «les conversations du milliardaire» → «les conversations milliardaires»
``idiom``      an idiom calque: «prendre une décision» → «accepter une décision»

An :class:`Example` is the sentence, the error spans (character offsets, empty for a clean sentence) and
the mechanism. No sentence of the seed article (``corpora/seed``) is ever used.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import lzma
import random
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..knowledge.confusions import AUTO_FILE, SENSES_FILE, VALENCE_FILE
from ..resources import SOURCE_ROOT, shared_data_dir

#: training only: the source checkout (seed article excluded from training) and the training data
#: (``$MTREVIEW_SHARED_DATA``, by default ``../shared/data``; see :mod:`mtreview.resources`)
REPO_ROOT = SOURCE_ROOT
KNOW_DIR = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "pivotmodel"
SHARED_DATA = shared_data_dir()
CORPUS_DIR = SHARED_DATA / "fr-mono-commonvoice-eltec"
SEED_DIR = REPO_ROOT / "corpora" / "seed"
TATOEBA = SHARED_DATA / "tatoeba-manythings-fra-eng" / "fra.txt"
#: a corrupted word is produced at most CAP_RATE times as often as the word occurs naturally (+ CAP_EXTRA):
#: the model cannot flag a word on its own prior, it needs the context
CAP_RATE = 0.25
CAP_EXTRA = 2
CAPPED = frozenset({"sense", "falsefriend"})

MECHANISMS = ("dup", "copula", "sense", "valence", "english", "falsefriend", "genitive", "idiom")
#: relative priority when several mechanisms apply to a sentence (rare ones first, so they are seen)
WEIGHTS = {"dup": 0.3, "copula": 1.5, "sense": 2.5, "valence": 4.0, "english": 0.5, "falsefriend": 4.0,
           "genitive": 2.0, "idiom": 8.0}

DETS = frozenset("le la les l' un une des du son sa ses leur leurs notre nos votre vos mon ma mes ce cet "
                 "cette ces".split())
FUNCTION = frozenset("le la les l' un une des du de d' à au aux et ou en dans par pour sur avec sans sous "
                     "que qu' qui quoi dont où ne n' pas plus il elle ils elles on nous vous je j' tu se s' "
                     "ce c' cet cette ces son sa ses leur leurs mon ma mes notre nos votre vos est sont a ont "
                     "été être avoir fait faire tout tous toute toutes très bien mais donc car si y même".split())


@dataclass
class Example:
    """A sentence, its error spans (character offsets) and the mechanism that made them ('' = clean)."""

    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    mechanism: str = ""


# --------------------------------------------------------------------------- corpus
def read_lines(path: Path) -> Iterator[str]:
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield line


@functools.lru_cache(maxsize=1)
def seed_sentences() -> frozenset[str]:
    """Every line and sentence of the seed article (never used for training or tests)."""
    out: set[str] = set()
    for p in SEED_DIR.glob("*.txt"):
        for line in p.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line:
                out.add(line)
                out.update(s.strip() for s in re.split(r"(?<=[.!?])\s+", line) if s.strip())
    return frozenset(out)


def is_test(line: str, test_permille: int = 20) -> bool:
    """The held-out synthetic test split: a stable hash of the clean sentence."""
    return int(hashlib.md5(line.encode("utf-8")).hexdigest()[:6], 16) % 1000 < test_permille


def tatoeba_french() -> list[str]:
    """The French side of the Tatoeba pairs (modern everyday French, CC BY 2.0 FR), distinct lines."""
    path = TATOEBA
    if not path.exists():
        return []
    seen: dict[str, None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and len(parts[1].split()) >= 3:
            seen.setdefault(parts[1].strip().replace("\u2019", "'"), None)
    return list(seen)


def load_corpus(books: int = 600_000, seed: int = 13, max_words: int = 50) -> list[str]:
    """All debate lines, the Tatoeba French sentences and a random sample of ``books`` book lines
    (≤ ``max_words`` words), the seed article excluded."""
    rng = random.Random(seed)
    seed_lines = seed_sentences()
    deb = [x for x in read_lines(CORPUS_DIR / "an_debats.fr.txt.xz") if len(x.split()) <= max_words]
    bk = [x for x in read_lines(CORPUS_DIR / "books_pd.fr.txt.xz") if len(x.split()) <= max_words]
    rng.shuffle(bk)
    lines = [x for x in deb + tatoeba_french() + bk[:books] if x not in seed_lines]
    rng.shuffle(lines)
    return lines


# --------------------------------------------------------------------------- knowledge tables
def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader((ln for ln in f if not ln.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE)
        return [{k: (v or "").strip() for k, v in r.items() if k} for r in rows]


@functools.lru_cache(maxsize=1)
def false_friends() -> dict[str, tuple[str, str]]:
    """Right form (lower case) → (false-friend form, row id)."""
    out: dict[str, tuple[str, str]] = {}
    for r in _tsv(KNOW_DIR / "false_friends.tsv"):
        rights, wrongs = r["right"].split("|"), r["wrong"].split("|")
        for a, b in zip(rights, wrongs, strict=True):
            out.setdefault(a.lower(), (b, r["id"]))
    return out


@dataclass(frozen=True)
class Idiom:
    id: str
    pivot: str
    right: re.Pattern[str]
    wrong: str
    source: str


@functools.lru_cache(maxsize=1)
def idioms() -> list[Idiom]:
    return [Idiom(r["id"], r["pivot"], re.compile(r["right"]), r["wrong"], r["source"])
            for r in _tsv(KNOW_DIR / "idioms.tsv")]


@dataclass(frozen=True)
class Valence:
    head: str  # regex on the word form
    right: str
    wrong: str
    pivot: str


@functools.lru_cache(maxsize=1)
def valence_table() -> list[Valence]:
    out = [Valence(r["head"], r["right"], r["wrong"], r["pivot"]) for r in _tsv(KNOW_DIR / "valence_pivot.tsv")]
    for r in _tsv(VALENCE_FILE):
        if r.get("right") and r.get("wrong") and len(r["lemma"]) > 4:
            stem = re.escape(r["lemma"][:-2] if r["lemma"].endswith(("er", "re")) else r["lemma"])
            out.append(Valence(stem + r"\w{0,4}", r["right"], r["wrong"], "table valence.tsv"))
    return out


@functools.lru_cache(maxsize=1)
def sense_pairs() -> dict[str, list[str]]:
    """French word → words that render another sense of one of its Russian translations.

    From ``pivot_auto.tsv`` (pairs of FreeDict fra-rus translations of one Russian word, far apart in
    context) both ways, and ``pivot_senses.tsv`` (curated: the right word → the wrong one)."""
    out: dict[str, list[str]] = {}
    for r in _tsv(AUTO_FILE):
        a, b = r.get("a", "").lower(), r.get("b", "").lower()
        if a.isalpha() and b.isalpha():
            out.setdefault(a, []).append(b)
            out.setdefault(b, []).append(a)
    for r in _tsv(SENSES_FILE):
        wrong = r.get("wrong", "").lower()
        for right in r.get("right", "").split("|"):
            right = right.strip().lower()
            if right.isalpha() and wrong.replace("-", "").isalpha():
                out.setdefault(right, []).append(wrong)
    return out


@functools.lru_cache(maxsize=1)
def genitive_nouns() -> frozenset[str]:
    return frozenset(x.strip() for x in (KNOW_DIR / "genitive_nouns.txt").read_text(encoding="utf-8").splitlines()
                     if x.strip() and not x.startswith("#"))


def _zipf_fr(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "fr"))


@functools.lru_cache(maxsize=1)
def english_nouns() -> dict[str, str]:
    """French word → a one-word English translation (FreeDict fra-eng) that is not also a French word."""
    from ..knowledge.dictionaries import get_dictionary

    d = get_dictionary("fra-eng")
    out: dict[str, str] = {}
    for fr, trs in d.entries.items():
        if not fr.isalpha() or len(fr) < 4:
            continue
        for t in trs:
            t = t.strip().lower()
            if t.isascii() and t.isalpha() and len(t) >= 4 and t != fr and _zipf_fr(t) < 3.0:
                out[fr] = t
                break
    return out


# --------------------------------------------------------------------------- mechanisms
WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
Corruptor = Callable[[str, random.Random, "set[str]"], "Example | None"]


def _words(s: str) -> list[re.Match[str]]:
    return list(WORD_RE.finditer(s))


def _replace(s: str, a: int, b: int, new: str, mech: str, lo: int | None = None, hi: int | None = None) -> Example:
    """``s`` with ``s[a:b]`` replaced by ``new``; the error span is ``new`` (or ``new[lo:hi]``)."""
    t = s[:a] + new + s[b:]
    lo = 0 if lo is None else lo
    hi = len(new) if hi is None else hi
    return Example(t, [(a + lo, a + hi)], mech)


def _case_like(new: str, old: str) -> str:
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def c_dup(s: str, rng: random.Random, french: set[str]) -> Example | None:
    ws = _words(s)
    cands = [i for i in range(1, len(ws)) if ws[i - 1].group().lower() in DETS and ws[i].group().islower()
             and len(ws[i].group()) >= 4 and ws[i].group() not in FUNCTION]
    if not cands:
        return None
    m = ws[rng.choice(cands)]
    w = m.group()
    ins = (" d'" if w[0] in "aeiouyéèêâîôh" else " de ") + w
    return Example(s[:m.end()] + ins + s[m.end():], [(m.end() + 1, m.end() + len(ins))], "dup")


_COPULA = re.compile(r"^((?:[A-ZÉ][\w']*|[A-ZÉ]')[^,;:—–()«»]{2,60}?) (est|sont) (?=(?:le|la|les|l'|un|une|des|son|sa|ses|"
                     r"leur|leurs|notre|nos|votre|mon|ma|mes|ce|cette|ces)\b)")


def c_copula(s: str, rng: random.Random, french: set[str]) -> Example | None:
    m = _COPULA.search(s)
    if m is None or len(m.group(1).split()) > 8 or "?" in s or not (
            s.split()[0].lower() in DETS or s[:2].lower() == "l'"):
        return None
    a, b = m.start(2), m.end(2)
    return _replace(s, a, b, "—", "copula")


def c_sense(s: str, rng: random.Random, french: set[str]) -> Example | None:
    pairs = sense_pairs()
    cands = []
    for m in _words(s):
        w = m.group()
        low = w.lower()
        if len(low) < 4 or low in FUNCTION:
            continue
        if low in pairs and (w.islower() or m.start() == 0):
            cands.append((m, pairs[low], ""))
        elif low.endswith("s") and low[:-1] in pairs and w.islower():
            cands.append((m, pairs[low[:-1]], "s"))
    if not cands:
        return None
    m, alts, suffix = rng.choice(cands)
    new = rng.choice(alts) + suffix
    return _replace(s, m.start(), m.end(), _case_like(new, m.group()), "sense")


_CONTRACT = {"du": ("de", "le "), "des": ("de", "les "), "au": ("à", "le "), "aux": ("à", "les ")}


def c_valence(s: str, rng: random.Random, french: set[str]) -> Example | None:
    low = s.lower()
    hits = []
    for v in valence_table():
        preps = {"de": r"de|du|des", "à": r"à|au|aux"}.get(v.right, re.escape(v.right))
        head = re.sub(r"\((?!\?)", "(?:", v.head)
        for m in re.finditer(rf"\b(?:{head}) ({preps})\b(?!')", low):
            hits.append((m, v))
    if not hits:
        return None
    m, v = rng.choice(hits)
    prep = m.group(1)
    _, det = _CONTRACT.get(prep, (prep, ""))
    new = v.wrong + (" " + det.strip() if det else "")
    return _replace(s, m.start(1), m.end(1), new, "valence")


def c_english(s: str, rng: random.Random, french: set[str]) -> Example | None:
    en = english_nouns()
    cands = []
    for m in _words(s):
        w = m.group()
        if not w.islower() or w in FUNCTION:
            continue
        if w in en and en[w] not in french:
            cands.append((m, en[w]))
        elif w.endswith("s") and w[:-1] in en and en[w[:-1]] not in french:
            e = en[w[:-1]]
            cands.append((m, e + ("es" if e.endswith(("s", "x", "ch", "sh")) else "s")))
    if not cands:
        return None
    m, e = rng.choice(cands)
    return _replace(s, m.start(), m.end(), e, "english")


def c_falsefriend(s: str, rng: random.Random, french: set[str]) -> Example | None:
    ff = false_friends()
    low = s.lower()
    hits = []
    for right, (wrong, _id) in ff.items():
        i = low.find(right)
        while i >= 0:
            j = i + len(right)
            if (i == 0 or not low[i - 1].isalpha()) and (j == len(low) or not low[j].isalpha()):
                hits.append((i, j, wrong))
            i = low.find(right, j)
    if not hits:
        return None
    i, j, wrong = rng.choice(hits)
    return _replace(s, i, j, _case_like(wrong, s[i:j]), "falsefriend")


def c_genitive(s: str, rng: random.Random, french: set[str]) -> Example | None:
    nouns = genitive_nouns()
    hits = []
    for m in re.finditer(r"\b([a-zéèêàâîôûç]{3,}) (du|de la|de l'|des) ([a-zéèêàâîôûçœ]+)\b(?!')", s):
        head, noun = m.group(1), m.group(3)
        base = noun[:-1] if m.group(2) == "des" and noun.endswith("s") else noun
        if base in nouns and head not in FUNCTION:
            hits.append((m, head, base))
    if not hits:
        return None
    m, head, base = rng.choice(hits)
    adj = base + ("s" if head.endswith(("s", "x")) and not base.endswith(("s", "x")) else "")
    return _replace(s, m.end(1), m.end(3), " " + adj, "genitive", 1)


def c_idiom(s: str, rng: random.Random, french: set[str]) -> Example | None:
    low = s.lower()
    if len(low) != len(s):
        return None
    hits = [(m, idi) for idi in idioms() for m in idi.right.finditer(low)]
    if not hits:
        return None
    m, idi = rng.choice(hits)
    new = m.expand(idi.wrong)
    return _replace(s, m.start(), m.end(), _case_like(new, s[m.start():m.end()]), "idiom")


CORRUPTORS: dict[str, Corruptor] = {"dup": c_dup, "copula": c_copula, "sense": c_sense, "valence": c_valence,
                                     "english": c_english, "falsefriend": c_falsefriend, "genitive": c_genitive,
                                     "idiom": c_idiom}


class Caps:
    """Running counts that keep each corrupted word rarer than its natural occurrences (see CAP_RATE)."""

    def __init__(self) -> None:
        self.natural: Counter[str] = Counter()
        self.produced: Counter[str] = Counter()

    def see(self, s: str) -> None:
        self.natural.update(m.group().lower() for m in WORD_RE.finditer(s))

    def accept(self, ex: Example) -> bool:
        if ex.mechanism not in CAPPED:
            return True
        a, b = ex.spans[0]
        w = ex.text[a:b].lower()
        if self.produced[w] >= CAP_RATE * self.natural[w] + CAP_EXTRA:
            return False
        self.produced[w] += 1
        return True


def corrupt(s: str, rng: random.Random, french: set[str], mechanisms: tuple[str, ...] = MECHANISMS,
            caps: Caps | None = None) -> Example | None:
    """One corruption of ``s`` by a mechanism drawn by weight among those that apply, or None."""
    order = sorted(mechanisms, key=lambda m: rng.random() ** (1.0 / WEIGHTS[m]), reverse=True)
    for mech in order:
        ex = CORRUPTORS[mech](s, rng, french)
        if ex is not None and ex.text != s and (caps is None or caps.accept(ex)):
            return ex
    return None


def make_examples(lines: list[str], rng: random.Random, french: set[str], p_corrupt: float = 0.5,
                  caps: Caps | None = None) -> list[Example]:
    """Each line kept clean, or (with probability ``p_corrupt``) corrupted when some mechanism applies."""
    out: list[Example] = []
    for s in lines:
        if caps is not None:
            caps.see(s)
        ex = corrupt(s, rng, french, caps=caps) if rng.random() < p_corrupt else None
        out.append(ex if ex is not None else Example(s))
    return out
