"""A name the base lacks, spelled two ways in one document («Sholts» … «Scholz»): the less likely
spelling is flagged with the likelier one as the suggestion."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...flags import Flag
from ...knowledge.lexicon import zipf_en, zipf_fr
from ...knowledge.spellings import is_real_spelling
from ...knowledge.transliteration import normalise_latin, pivot_key
from . import explain
from .confidence import open_world, spelling_score, variant_confidence
from .evidence import near
from .romanisation import ROMANISATION_MARKERS
from .tokens import Word, keeps_original, similarity

if TYPE_CHECKING:  # pragma: no cover
    from .detector import NamesDetector

#: two spellings this similar may be one name
VARIANT_MIN_SIMILARITY = 0.75
#: the other spelling must be this much likelier (:func:`spelling_likelihood` points)
VARIANT_MIN_GAIN = 0.5
#: from this gain on, the less likely spelling is corrupted (else only inconsistent)
VARIANT_CORRUPT_GAIN = 2.0
#: a Russian case ending: at most this many letters added to a stem ...
DECLINED_MAX_ENDING = 2
#: ... of at least this many letters
DECLINED_MIN_STEM = 4
#: two spellings given as alternatives: «Iazyges ou Jazyges», «Tchaïkovski (ou Tchaikovsky)», «X / Y»,
#: «X, aussi écrit Y» — what lies between them, at most this long
LISTED_GAP = re.compile(r"^[\s\"«»“”'’(),;:/]*(?:ou|or|aussi|également|alias|dit|voire|soit|"
                        r"(?:aussi |également )?(?:écrit|orthographié|transcrit)e?s?)?[\s\"«»“”'’(),;:/]*$",
                        re.IGNORECASE)
#: how far apart two listed spellings may be (characters between them)
LISTED_MAX_GAP = 40
#: two neighbours in a list this similar are spellings of one name
LISTED_MIN_SIMILARITY = 0.6
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: the words that join listed spellings («ou», «alias» …), skipped when looking for the next spelling
_CONNECTORS = frozenset({"ou", "or", "aussi", "également", "alias", "dit", "voire", "soit", "écrit", "écrite",
                         "orthographié", "orthographiée", "transcrit", "transcrite"})
#: what marks a list between two spellings: a bracket, a comma, a slash or one of the connectors
_LIST_MARK = re.compile(r"[(),/]|\b(?:" + "|".join(sorted(_CONNECTORS, key=len, reverse=True)) + r")\b",
                        re.IGNORECASE)


def in_spelling_list(text: str, w: Word) -> bool:
    """True when ``w`` stands in a list of spellings of one name («les Iazyges ou Jazyges ou Yaziges»,
    «Scholz (Sholts)»): the nearest word before or after it, past a connector («ou», «alias» …) and
    punctuation only, is a similar spelling. A text that lists spellings is not corrupting one."""
    lo = max(0, w.start - 2 * LISTED_MAX_GAP)
    before = [m for m in _WORD.finditer(text, lo, w.start) if m.group(0).lower() not in _CONNECTORS]
    after = [m for m in _WORD.finditer(text, w.end, min(len(text), w.end + 2 * LISTED_MAX_GAP))
             if m.group(0).lower() not in _CONNECTORS]
    near_words = ([(before[-1].group(0), text[before[-1].end():w.start])] if before else []) + \
        ([(after[0].group(0), text[w.end:after[0].start()])] if after else [])
    # a separator must stand between them: «Pushpa Kamal Dakhal» is one name, not a list
    return any(len(gap) <= LISTED_MAX_GAP and LISTED_GAP.match(gap) and _LIST_MARK.search(gap)
               and similarity(word, w.text) >= LISTED_MIN_SIMILARITY for word, gap in near_words)


def spelling_likelihood(name: str, count: int) -> float:
    """How likely a spelling is the right one: known to wordfreq as a word or name, free of
    romanisation digraphs, frequent in the document (``count`` times)."""
    return spelling_score(zipf_en(name), zipf_fr(name), len(ROMANISATION_MARKERS.findall(name)), count)


def flag_document_variants(det: NamesDetector, words: list[Word], text: str, taken: set[int]) -> list[Flag]:
    """A name the base lacks, spelled two ways in one document: the less likely spelling
    («Sholts») is flagged with the more likely one («Scholz») as the suggestion. The other spelling
    must be near (in a corpus it is another name); flagged spans join ``taken``."""
    flags = []
    ev = det.ev
    if len(ev.doc_names) < 2:
        return flags
    for w in words:
        if w.start in taken or w.text not in ev.doc_names or is_real_spelling(w.text):
            continue
        if in_spelling_list(text, w):
            continue
        fold = normalise_latin(w.text)
        best = None
        off = ev.offset
        for other in ev.doc_keys.get(pivot_key(w.text), ()):
            if other == w.text or not near(ev.doc_name_at.get(other, ()), w.start + off, w.end + off):
                continue  # the other spelling must be near: in a corpus it is another name
            of = normalise_latin(other)
            sim = similarity(w.text, other)
            declined = fold.startswith(of) and len(fold) - len(of) <= DECLINED_MAX_ENDING and len(of) >= DECLINED_MIN_STEM
            if sim < VARIANT_MIN_SIMILARITY and not declined:
                continue
            gain = spelling_likelihood(other, ev.doc_names[other]) - spelling_likelihood(w.text, ev.doc_names[w.text])
            if best is None or gain > best[0]:
                best = (gain, other, sim, declined)
        if best is None or best[0] <= VARIANT_MIN_GAIN:
            continue
        gain, other, sim, declined = best
        if keeps_original(w.text, other):
            continue
        corrupted = gain >= VARIANT_CORRUPT_GAIN or declined
        conf = variant_confidence(gain, declined)
        if not (declined or ev.pivot_near(w.start, w.end)):
            conf = open_world(conf)
        cat = "name/corrupted" if corrupted else "name/inconsistent"
        flags.append(Flag(w.start, w.end, w.text, cat, "major" if corrupted else "minor", conf, [other],
                          explain.document_variant(w.text, other, declined), det.name,
                          {"entity": other, "type": "unknown",
                           "mechanism": f"spellings in document: {w.text} / {other}",
                           "in_document": ev.doc_names[other]}))
        taken.update(range(w.start, w.end))
    return flags
