"""Training pairs for the transliteration model: romanised Russian (noisy) → original Latin spelling.

The Wikidata English→Russian name-token pairs (``shared/data/wikidata-names-en-ru-translit``) give the
first step of the pivot channel (Latin → Cyrillic). The second step (Cyrillic → Latin as MT prints it)
is simulated with :func:`mtreview.knowledge.transliteration.romanise` under several schemes, Russian
case forms from :func:`~mtreview.knowledge.transliteration.case_forms`, and :func:`adhoc_noise`
(doubled vowels «Zhaiir», dropped final vowels «Bolsonar», mixed schemes).

Pairs whose Cyrillic side is not a transliteration of the Latin one (Wikidata misalignments such as
``yoritoshi → мацудаира``) are dropped by :func:`is_plausible_pair`, on every split alike.
"""

from __future__ import annotations

import os
import random
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mtreview.knowledge.transliteration import SCHEMES, case_forms, normalise_latin, romanise

#: the three splits of the source data (train, dev, test)
SPLITS = {"train": "wd_russian_64.tsv", "dev": "wd_russian_16.tsv", "test": "wd_russian_20.tsv"}

#: romanisation schemes and how often MT output shows them ("mixed" = per letter, at random)
SCHEME_WEIGHTS: dict[str, float] = {
    "bgn": 0.30, "passport": 0.15, "adhoc": 0.20, "iso9": 0.08, "gost": 0.10,
    "german": 0.04, "french": 0.05, "mixed": 0.08,
}
#: schemes of the main test figure (the ones the issue names; nominative forms, no extra noise)
EVAL_SCHEMES = ("bgn", "iso9", "passport", "adhoc", "gost")

MIN_SIMILARITY = 0.3
MAX_LEN = 24
_VOWELS_LAT = "aeiouy"


@dataclass(frozen=True)
class Pair:
    """One name token: its Latin original, its Cyrillic form and its corpus count."""

    latin: str
    cyrillic: str
    count: int = 1


def data_dir() -> Path:
    """The data folder (training only): ``$MTREVIEW_TRANSLIT_DATA``, else ``wikidata-names-en-ru-translit``
    in :func:`mtreview.resources.shared_data_dir` (``$MTREVIEW_SHARED_DATA`` or ``../shared/data``)."""
    from mtreview.resources import shared_data_dir

    env = os.environ.get("MTREVIEW_TRANSLIT_DATA")
    if env:
        return Path(env)
    return shared_data_dir() / "wikidata-names-en-ru-translit"


def normalise_target(latin: str) -> str:
    """Lower-cased NFC Latin spelling (diacritics kept): the model's target form."""
    return unicodedata.normalize("NFC", latin.strip().lower())


def is_plausible_pair(latin: str, cyrillic: str) -> bool:
    """True when the Cyrillic form is plausibly a transliteration of ``latin`` (not a misaligned token)."""
    from rapidfuzz.distance import Levenshtein

    if not latin or not cyrillic or len(latin) > MAX_LEN or len(cyrillic) > MAX_LEN:
        return False
    a = normalise_latin(latin)
    b = normalise_latin(romanise(cyrillic, "bgn"))
    return Levenshtein.normalized_similarity(a, b) >= MIN_SIMILARITY


def read_pairs(path: Path, filter_noise: bool = True) -> list[Pair]:
    """Read a ``latin<TAB>к и р<TAB>count`` file into :class:`Pair` rows (deduplicated, filtered)."""
    pairs: list[Pair] = []
    seen: set[tuple[str, str]] = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            latin = normalise_target(parts[0])
            cyr = parts[1].replace(" ", "").lower()
            count = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1
            if (latin, cyr) in seen:
                continue
            if filter_noise and not is_plausible_pair(latin, cyr):
                continue
            seen.add((latin, cyr))
            pairs.append(Pair(latin, cyr, count))
    return pairs


def load_split(split: str, limit: int | None = None, filter_noise: bool = True) -> list[Pair]:
    """Pairs of one split (``train``, ``dev`` or ``test``), optionally the first ``limit`` of them."""
    pairs = read_pairs(data_dir() / SPLITS[split], filter_noise=filter_noise)
    return pairs[:limit] if limit else pairs


# ---------------------------------------------------------------------------- noise


def adhoc_noise(text: str, rng: random.Random) -> str:
    """Ad-hoc MT corruptions of a romanised token.

    One of: a vowel doubled after a vowel («zhair» → «zhaiir»), a dropped final vowel («bolsonaru» →
    «bolsonar»), ``kh`` → ``h``, ``y`` ↔ ``i``, ``e`` → ``ye`` after a vowel, or a doubled consonant
    merged.
    """
    if len(text) < 3:
        return text
    kind = rng.randrange(6)
    if kind == 0:
        spots = [i for i in range(1, len(text)) if text[i] in _VOWELS_LAT and text[i - 1] in _VOWELS_LAT]
        if spots:
            i = rng.choice(spots)
            return text[: i + 1] + text[i] + text[i + 1 :]
    elif kind == 1 and text[-1] in _VOWELS_LAT and len(text) > 4:
        return text[:-1]
    elif kind == 2 and "kh" in text:
        return text.replace("kh", "h")
    elif kind == 3:
        spots = [i for i, c in enumerate(text) if c in "yi"]
        if spots:
            i = rng.choice(spots)
            return text[:i] + ("i" if text[i] == "y" else "y") + text[i + 1 :]
    elif kind == 4:
        spots = [i for i in range(1, len(text)) if text[i] == "e" and text[i - 1] in _VOWELS_LAT]
        if spots:
            i = rng.choice(spots)
            return text[:i] + "y" + text[i:]
    elif kind == 5:
        for i in range(1, len(text)):
            if text[i] == text[i - 1] and text[i] not in _VOWELS_LAT:
                return text[:i] + text[i + 1 :]
    return text


def romanise_mixed(cyrillic: str, rng: random.Random) -> str:
    """Romanise letter by letter, each letter under a scheme drawn at random (inconsistent MT output)."""
    schemes = list(SCHEMES)
    return "".join(romanise(ch, rng.choice(schemes)) for ch in cyrillic)


def noisy_romanisation(
    cyrillic: str,
    rng: random.Random,
    p_case: float = 0.3,
    p_noise: float = 0.15,
    scheme: str | None = None,
) -> str:
    """One way an MT system may print the Cyrillic name in Latin script (lower-case)."""
    word = cyrillic
    if p_case and rng.random() < p_case:
        forms = case_forms(cyrillic)
        if len(forms) > 1:
            word = rng.choice(forms[1:])[0]
    if scheme is None:
        scheme = rng.choices(list(SCHEME_WEIGHTS), weights=list(SCHEME_WEIGHTS.values()))[0]
    out = romanise_mixed(word, rng) if scheme == "mixed" else romanise(word, scheme)
    out = unicodedata.normalize("NFC", out.lower())
    if p_noise and rng.random() < p_noise:
        out = adhoc_noise(out, rng)
    return out or cyrillic


def training_examples(pairs: Iterable[Pair], rng: random.Random) -> list[tuple[str, str]]:
    """One fresh noisy ``(source, target)`` example per pair (call once per epoch for new noise)."""
    return [(noisy_romanisation(p.cyrillic, rng), p.latin) for p in pairs]


def eval_examples(pairs: Iterable[Pair], seed: int = 20, noisy: bool = False) -> list[tuple[str, str]]:
    """Deterministic evaluation inputs: the nominative under one of :data:`EVAL_SCHEMES` per pair.

    With ``noisy=True`` the harder variant: a random case form, any scheme, ad-hoc noise as in training.
    """
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for p in pairs:
        if noisy:
            src = noisy_romanisation(p.cyrillic, rng)
        else:
            src = noisy_romanisation(p.cyrillic, rng, p_case=0.0, p_noise=0.0, scheme=rng.choice(EVAL_SCHEMES))
        out.append((src, p.latin))
    return out
