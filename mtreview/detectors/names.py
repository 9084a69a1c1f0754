"""The names detector: proper names that a translation chain broke.

Categories: ``name/corrupted`` (re-romanised, declined or garbled), ``name/translated`` (a name
rendered as a common noun through a pivot homograph, or calqued word by word), ``name/spelling``
(wrong casing of a brand or name), ``name/locale`` (English or Russian convention where French has
its own form), ``name/inconsistent`` (one entity written several correct ways in one document).

How it decides (all knowledge comes from :mod:`mtreview.knowledge`):

1. ``prepare`` reads the whole document once and notes which entities are named correctly in it
   (document evidence: «Musk» 26 times makes «le masque» suspect).
2. Each word is looked up in the knowledge base's variant indexes (exact, folded Latin, fuzzy by
   pivot key); consecutive words that match successive tokens of one entity form a mention. A mention
   with a corrupted token is flagged when it is anchored (another token is right, the entity is in the
   document, or the word is unknown to French and English).
3. Pivot homographs and calques are flagged when the document names the entity elsewhere or the
   parse puts the word where a person stands (subject of *déclarer*, object of *persuader*,
   possessor of *biographie*); a common-noun reading (plural, adjective, *porter un …*) weighs against.

Confidence is a sum of evidence weights clipped to [0.05, 0.99]; the weights were set on the project's
synthetic evaluation set (``bench/names_eval.py``), where a threshold of 0.8 keeps precision above 95 %.
It must not special-case any word or name: words and names are data.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import Document
from ..flags import Flag
from ..knowledge.calques import FUNCTION_WORDS, get_calque_index, stem_fr
from ..knowledge.homographs import get_homograph_index
from ..knowledge.lexicon import zipf_en, zipf_fr
from ..knowledge.names import Entity, NameKnowledgeBase, Variant, kb_with_glossary
from ..knowledge.pivot_forms import PivotForm
from ..knowledge.pivot_forms import lookup as lookup_pivot_form
from ..knowledge.spellings import REAL_SPELLING_ZIPF, is_french_word, is_real_spelling, name_tokens
from ..knowledge.transliteration import normalise_latin, pivot_key
from ..translit.signature import pivot_score
from . import BaseDetector

WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_ELISION = re.compile(r"^(?:[lLdDjJnNsScCmMtT]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’]")
CONTEXT_FILE = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "lexicon" / "person_context_fr.tsv"

#: how a token of a mention relates to the entity's correct form, worst last
OK, CASE, LOCALE, CORRUPT = 0, 1, 2, 3
STATUS_CATEGORY = {CASE: "name/spelling", LOCALE: "name/locale", CORRUPT: "name/corrupted"}
TYPE_FR = {"person": "personne", "organisation": "organisation", "brand": "marque", "place": "lieu"}


@functools.lru_cache(maxsize=1)
def person_context() -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    if CONTEXT_FILE.exists():
        for line in CONTEXT_FILE.read_text(encoding="utf-8").splitlines()[1:]:
            if "\t" in line:
                role, lemma = line.split("\t", 1)
                out[role.strip()].add(lemma.strip().lower())
    return out


#: document evidence counts only this close (characters) to the word it supports: about a page
EVIDENCE_WINDOW = 1500
#: the highest confidence of a correction the text around it gives no reason for (a real spelling,
#: a locale or casing convention, with the entity not named nearby and no sign of a pivot language):
#: shown as a suggestion, never applied at the default thresholds, not counted as an error
OPEN_WORLD_CAP = 0.45
#: a word at least this frequent in French (Zipf) is read as a translated name only with the parse's support
HOMOGRAPH_SLOT_ZIPF = 5.0
#: a foreign form given on purpose: «(en anglais : …», «en allemand, …», «de l'anglais «…»
_FOREIGN_QUOTE = re.compile(
    r"\b(?:en|de\s+l['’]|du)\s*(?:anglais|allemand|espagnol|italien|portugais|néerlandais|polonais|"
    r"tchèque|russe|ukrainien|latin|arabe|chinois|japonais|turc|hongrois|suédois|norvégien|danois|grec)"
    r"\s*[:,]?\s*[«\"“(]?\s*$", re.IGNORECASE)
#: letters of the French transcription of Russian («Souleïmenov», «Ianoukovitch»): the form the French
#: press writes, not one to correct
_FRENCH_TRANSCRIPTION = re.compile(r"ï|tch", re.IGNORECASE)
#: pivot signature (mtreview.translit.signature) from which an unknown word is sent to the
#: transliteration model, and from which it is a sign of the pivot on its own
#: a pivot form is trusted when its original occurs this many times more often than the form as a name
PIVOT_FORM_DOMINANCE = 10.0
#: ... and, for a word that is itself a real spelling, only beside signs of the pivot and this dominant
PIVOT_FORM_REAL_DOMINANCE = 50.0
#: a word this frequent (Zipf) in French or English is a word, never read as a pivot form
PIVOT_FORM_COMMON_ZIPF = 2.5
SIGNATURE_OPEN = 0.6
SIGNATURE_STRONG = 0.85
#: the prior of a model proposal that is a token of a real person's name (Wikidata)
NAME_TOKEN_PRIOR = 2.5
#: how many signs of a Russian pivot near a word make its locale and open-world corrections errors
PIVOT_SIGNALS = 2
#: countries whose names are written in Cyrillic: a Latin spelling of their people's names is a
#: transcription (English or French), never an original form to keep
CYRILLIC_COUNTRIES = frozenset({"RU", "UA", "BY", "KZ", "KG", "TJ", "BG", "RS", "MK", "MN", "ME"})
#: a roman numeral or French ordinal («II», «XIV», «IVe», «Ier»)
ROMAN_RE = re.compile(r"^(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?:er|re|e|ème)?$")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'"})


#: an article or contracted article right before a word: «le », «l'», «du », «au », «un »
_ARTICLE = re.compile(r"(?:(?<=[\s(«\"'’])|^)(le|la|l['’]|un|une|du|au|de\s+la|de\s+l['’]|à\s+la|à\s+l['’])\s*$",
                      re.IGNORECASE)
_VOWEL_START = re.compile(r"^[AEIOUYÀÂÉÈÊËÎÏÔÛÙÜaeiouyàâéèêëîïôûùü]")


def with_article(text: str, start: int, name: str) -> tuple[int, str]:
    """Where a correction of the word at ``start`` to the person's ``name`` must start, and its
    text, so that the result is French: «le masque» → «Musk», «du masque» → «de Musk» (or
    «d'Elon»), «au masque» → «à Musk», «de la …» → «de …». A person's name takes no article."""
    m = _ARTICLE.search(text, max(0, start - 12), start)
    if m is None or m.end() != start:
        return start, name
    art = m.group(1)
    low = re.sub(r"\s+", " ", art.lower())
    cap = art[:1].isupper()
    if low in ("le", "la", "l'", "l’", "un", "une"):
        return m.start(1), name
    if low == "au" or low.startswith("à"):
        prep = "à "
    else:  # du, de la, de l'
        apostrophe = "’" if text.count("’") > text.count("'") else "'"
        prep = ("d" + apostrophe) if _VOWEL_START.match(name) else "de "
    if cap:
        prep = prep[:1].upper() + prep[1:]
    return m.start(1), prep + name


def _near(offsets: list[int] | tuple[int, ...], start: int, end: int) -> int:
    """How many of the sorted ``offsets`` lie within :data:`EVIDENCE_WINDOW` of ``[start, end)`` and
    outside it (binary search: the evidence lists of a long document are long)."""
    lo = bisect.bisect_left(offsets, start - EVIDENCE_WINDOW)
    hi = bisect.bisect_right(offsets, end + EVIDENCE_WINDOW)
    inside = bisect.bisect_left(offsets, end, lo, hi) - bisect.bisect_left(offsets, start, lo, hi)
    return hi - lo - inside


def name_case(name: str) -> str:
    """A lower-case name spelled with its capitals: «mccartney» → «McCartney», «o'neil» → «O'Neil»,
    «jean-luc» → «Jean-Luc»."""
    out = re.sub(r"(^|[-'’ ])(\w)", lambda m: m.group(1) + m.group(2).upper(), name)
    return re.sub(r"^Mc(\w)", lambda m: "Mc" + m.group(1).upper(), out)


def _index_at(words: list[Word], start: int) -> int | None:
    """The index of the word that starts at ``start`` (None when no word does)."""
    return next((i for i, w in enumerate(words) if w.start == start), None)


def _real_word(w: Word) -> bool:
    """Is the word as written a real spelling? A capitalised word: of a name or a word of some
    Latin-script language (:func:`is_real_spelling`); a lower-case one: of French or English; a word
    repaired from pieces («Jong -in») never."""
    if w.key != w.text:
        return False
    if w.text[:1].islower():
        return max(zipf_fr(w.text), zipf_en(w.text)) >= REAL_SPELLING_ZIPF
    return is_real_spelling(w.text)


def keeps_original(span: str, suggestion: str) -> bool:
    """True when a suggestion would only take away what the writer had right: typographic
    apostrophes («O’Neal» = «O'Neal»), the original language's diacritics («Poznań» → «Poznan»,
    «São Paulo» → «Sao Paulo»), an acronym or its expansion («National Football League» / «NFL»),
    or words of a longer or shorter form of the same name («Jean Jaurès» / «Fondation Jean-Jaurès»)."""
    from unidecode import unidecode

    a, b = span.translate(_APOSTROPHES), suggestion.translate(_APOSTROPHES)
    if a == b:
        return True
    if a.lower() != b.lower() and unidecode(a).lower() == unidecode(b).lower() and sum(
            not c.isascii() for c in a) >= sum(not c.isascii() for c in b):
        return True  # only diacritics differ, and the text has at least as many
    ta = [t for t in re.split(r"[\s\-'.]+", unidecode(a).lower()) if t]
    tb = [t for t in re.split(r"[\s\-'.]+", unidecode(b).lower()) if t]
    if len(ta) != len(tb) and (set(ta) <= set(tb) or set(tb) <= set(ta)):
        return True
    for long_, short in ((a, b), (b, a)):
        words = [w for w in re.split(r"[\s\-]+", long_) if w]
        caps = "".join(w[0] for w in words if w[:1].isupper())
        if short.isupper() and len(words) > 1 and caps.upper() == short.replace(".", ""):
            return True
    return False

#: a lower-case word at least this frequent in French (Zipf) is never read as a broken name on its own
LOWERCASE_WORD_ZIPF = 3.0
#: a lower-case word at least this frequent is read only as a miscased correct form («starlink»)
LOWERCASE_RARE_ZIPF = 1.0


@dataclass
class Word:
    start: int  # document offset
    end: int
    text: str
    sent_start: bool = False  # first word of a sentence or line
    key: str = ""  # the form looked up: «Jong -in» is looked up as «Jong-in»

    def __post_init__(self) -> None:
        if not self.key:
            self.key = self.text

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


#: words whose candidates are remembered (the cache is emptied when full)
CANDIDATE_CACHE_SIZE = 100_000

_SENTENCE_GAP = re.compile(r"[.!?…:«\"\n]\s*$")


def iter_words(text: str, offset: int = 0, keep: Callable[[str], bool] | None = None) -> Iterator[Word]:
    """Words with document offsets; a French elided article («l'», «d'») is split off unless
    ``keep(word)`` says the whole word is a name («D'Alema»)."""
    prev_end = 0
    for m in WORD_RE.finditer(text):
        s, w = m.start(), m.group(0)
        el = _ELISION.match(w)
        if el and len(w) > el.end() and not (keep and keep(w)):
            s += el.end()
            w = w[el.end():]
        # the first word, or one after a sentence end, a colon, an opening quote or a line break
        sent_start = prev_end == 0 or _SENTENCE_GAP.search(text, prev_end, s) is not None
        yield Word(offset + s, offset + s + len(w), w, sent_start)
        prev_end = m.end()


_SPACED_HYPHEN = re.compile(r"^(?: -|- | - )$")


def merge_spaced_hyphens(words: list[Word], text: str, offset: int = 0) -> list[Word]:
    """Join «Jong -in» (a hyphenated name split by stray spaces) into one word looked up as «Jong-in»."""
    out: list[Word] = []
    for w in words:
        if out and w.text[:1].islower() and len(w.text) <= 4:
            p = out[-1]
            gap = text[p.end - offset:w.start - offset]
            if _SPACED_HYPHEN.match(gap) and p.capitalised:
                out[-1] = Word(p.start, w.end, text[p.start - offset:w.end - offset], p.sent_start,
                               f"{p.key}-{w.text}")
                continue
        out.append(w)
    return out


@dataclass
class Match:
    """One word matched to one token of an entity."""

    word: Word
    variant: Variant
    status: int
    similarity: float = 1.0


@dataclass
class Mention:
    entity: int
    matches: list[Match] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.matches[0].word.start

    @property
    def end(self) -> int:
        return self.matches[-1].word.end

    @property
    def status(self) -> int:
        return max(m.status for m in self.matches)


@dataclass
class NameEvidence:
    """What one document says about its names, gathered by :meth:`NamesDetector.prepare`."""

    #: entity → number of correct mentions
    present: Counter[int] = field(default_factory=Counter)
    #: entity → offsets of its correct mentions (evidence must come from elsewhere, nearby)
    present_at: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    #: (entity, token) → correct surface forms met, with their spans (for name/inconsistent)
    seen: dict[tuple[int, int], list[tuple[int, int, str]]] = field(default_factory=lambda: defaultdict(list))
    #: capitalised words the base does not know, with their counts
    doc_names: Counter[str] = field(default_factory=Counter)
    #: those words → their offsets
    doc_name_at: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    #: pivot key → those words
    doc_keys: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    #: entity → offsets of its mentions written exactly as one of its correct forms
    exact_at: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    #: offsets of words that show a Russian pivot (see NamesDetector.prepare)
    pivot_at: list[int] = field(default_factory=list)
    #: where the document under review starts in the text this evidence was gathered from (chunks)
    offset: int = 0


class NamesDetector(BaseDetector):
    """Finds names that a translation through a pivot language corrupted, translated or mis-spelled."""

    name = "names"
    accepts_glossary = True
    #: parses only the segments a check needs (see Reviewer.review_document)
    parse = "some"
    categories = ("name/corrupted", "name/translated", "name/spelling", "name/locale", "name/inconsistent")
    #: the highest confidence of a proposal from the transliteration model alone (open vocabulary): a
    #: caller that keeps only flags above it can leave the model out (``use_model=False``) and lose nothing
    MODEL_MAX_CONFIDENCE = 0.7

    def __init__(self, glossary: Iterable[Entity] | None = None, kb: NameKnowledgeBase | None = None,
                 use_model: bool = True) -> None:
        self.kb = kb or kb_with_glossary(list(glossary) if glossary else None)
        self.use_model = use_model
        self._form_cache: dict[int, tuple[set[str], set[str], set[str], list[str]]] = {}
        #: entity → the mention-independent end of its rank (see _mention_rank)
        self._rank_tail: dict[int, tuple[bool, float, int]] = {}
        #: (word, capitalised, strict) → (variants, compare with the segment's names?)
        self._cand_cache: dict[tuple[str, bool, bool], tuple[list[tuple[Variant, float]], bool]] = {}
        self._segment_entities: set[int] = set()
        #: the document evidence of the review in progress (installed by detect, never carried over)
        self._ev = NameEvidence()
        self.ctx = person_context()

    # ------------------------------------------------------------------ document evidence
    @property
    def present(self) -> Counter[int]:
        return self._ev.present

    @property
    def _present_at(self) -> dict[int, list[int]]:
        return self._ev.present_at

    @property
    def _seen(self) -> dict[tuple[int, int], list[tuple[int, int, str]]]:
        return self._ev.seen

    @property
    def doc_names(self) -> Counter[str]:
        return self._ev.doc_names

    @property
    def _doc_keys(self) -> dict[str, list[str]]:
        return self._ev.doc_keys

    def prepare(self, text: str) -> NameEvidence:
        """The document evidence of ``text``: the entities it names correctly (or with wrong case
        only) and where, and the capitalised words the base does not know (names it has never seen,
        compared with each other). Returned as a value for :meth:`detect` and :meth:`finish`."""
        ev = NameEvidence()
        self._ev = ev
        kb = self.kb
        words = list(iter_words(text, 0, self._is_name))
        for w in words:
            if (w.capitalised and len(w.text) >= 3 and zipf_fr(w.text) < 3.0 and not kb.lookup(w.text)
                    and not (w.sent_start and zipf_fr(w.text) >= 1.0)):
                ev.doc_names[w.text] += 1
                ev.doc_name_at[w.text].append(w.start)
            if w.capitalised and len(w.text) >= 4 and self._shows_pivot(w.text):
                ev.pivot_at.append(w.start)
        for name in ev.doc_names:
            ev.doc_keys[pivot_key(name)].append(name)
        for i, w in enumerate(words):
            if not w.capitalised:
                continue
            for v in kb.lookup(w.text):
                if v.kind not in ("fr", "alias", "en"):
                    continue
                e = kb.entities[v.entity]
                toks = e.fr_tokens if v.kind != "en" else e.en_tokens
                last = len(toks) - 1
                # a surname or one-word name alone, or any token next to another token of the name
                nxt = words[i + 1].text if i + 1 < len(words) else ""
                prv = words[i - 1].text if i > 0 else ""
                if (v.token in (-1, last) and not (w.sent_start and zipf_fr(w.text) >= 3.0
                                                   and is_french_word(w.text))) or \
                        any(nxt.lower() == t.lower() or prv.lower() == t.lower() for t in toks if t != w.text):
                    ev.present[v.entity] += 1
                    ev.present_at[v.entity].append(w.start)
                    if w.text in self._forms(v.entity)[0]:
                        ev.exact_at[v.entity].append(w.start)
        self._pivot_pairs(words, ev)
        ev.pivot_at.sort()
        return ev

    def _pivot_pairs(self, words: list[Word], ev: NameEvidence) -> None:
        """Signs of a Russian pivot that need the entities present: a pivot form of one token of a
        name beside a right token of the same name («Ilon Musk»), and a word that a name's Russian
        form also means, near the name («le masque» a few lines from «Musk»)."""
        kb = self.kb
        homographs = get_homograph_index(kb).words
        for i, w in enumerate(words):
            if w.capitalised and i + 1 < len(words) and words[i + 1].start - w.end <= 1:
                nxt = words[i + 1]
                pivots = {v.entity for v in kb.lookup(w.text) if v.kind == "pivot"}
                if pivots and not kb.is_correct_token(w.text):
                    if any(v.entity in pivots and v.kind in ("fr", "alias", "en") for v in kb.lookup(nxt.text)):
                        ev.pivot_at.append(w.start)
                        continue
            if not w.capitalised or not w.sent_start:
                hs = homographs.get(w.text.lower())
                if hs and not kb.is_correct_token(w.text) and any(
                        self._ev_near(ev, h.entity, w.start, w.end) for h in hs):
                    ev.pivot_at.append(w.start)

    @staticmethod
    def _ev_near(ev: NameEvidence, ei: int, start: int, end: int, exact: bool = False) -> bool:
        """Is entity ``ei`` named (``exact``: in one of its correct forms, case included) outside
        ``[start, end)`` and within :data:`EVIDENCE_WINDOW` of it?"""
        at = ev.exact_at if exact else ev.present_at
        return _near(at.get(ei, ()), start, end) > 0

    def _shows_pivot(self, word: str) -> bool:
        """A capitalised word that only a Russian pivot writes: no language writes it (not a real
        spelling) and it is an exact romanisation of a Russian form of a known name, or carries the
        digraphs of a romanisation from Cyrillic («Zhaiir», «Mileya», «Dzhon»)."""
        if zipf_fr(word) > 0.0 or zipf_en(word) >= 1.0 or is_real_spelling(word):
            return False
        if any(v.kind == "pivot" for v in self.kb.lookup(word)):
            return True
        pf = lookup_pivot_form(word)
        if pf is not None and pf.dominance >= PIVOT_FORM_DOMINANCE:
            return True
        return pivot_score(word) >= SIGNATURE_STRONG or (
            bool(self._ROMANISED.search(word)) and pivot_score(word) >= SIGNATURE_OPEN)

    def _is_name(self, word: str) -> bool:
        return bool(self.kb.lookup(word)) and word[:1].isupper() and word.split("'")[-1][:1].isupper()

    # ------------------------------------------------------------------ main entry
    def detect(self, document: Document, evidence: NameEvidence | None = None) -> Iterable[Flag]:
        """Flags over ``document``; ``evidence`` is the whole text's (:meth:`prepare`) when the
        document is a chunk of a longer text, else it is gathered from the document itself."""
        self._ev = evidence if evidence is not None else self.prepare(document.text)
        flags: list[Flag] = []
        for si, seg in enumerate(document.segments):
            seg_text = document.text[seg.start:seg.end]
            words = merge_spaced_hyphens(list(iter_words(seg_text, seg.start, self._is_name)), document.text)
            self._segment_entities = {v.entity for w in words if w.capitalised
                                      for v in self.kb.lookup(w.key) if v.kind in ("fr", "alias", "en")}
            taken: set[int] = set()
            tok_at = _LazyTokens(document, si)
            for mention in self._mentions(words):
                f = self._flag_mention(mention, words, document.text)
                if f is None and mention.status == OK:
                    f = self._garbled_given_name(mention, words, document.text)
                    if f is None:
                        for x in mention.matches:
                            off = self._ev.offset
                            self._seen[(mention.entity, x.variant.token)].append(
                                (x.word.start + off, x.word.end + off, x.word.text))
                if f is not None:
                    flags.append(f)
                    taken.update(range(f.start, f.end))
            flags.extend(self._russian_locale(words, document.text, taken))
            flags.extend(self._document_variants(words, document.text, taken))
            flags.extend(self._pivot_forms(words, document.text, taken))
            flags.extend(self._open_vocabulary(words, document.text, taken))
            flags.extend(self._calques(words, document.text, taken, tok_at))
            flags.extend(self._homographs(words, document.text, taken, tok_at))
        return flags

    def finish(self, text: str, flags: list[Flag], evidence: NameEvidence | None = None) -> list[Flag]:
        """After the whole text is reviewed: one entity written several correct ways → name/inconsistent."""
        if evidence is not None:
            self._ev = evidence
        out = flags + self._inconsistent(text, flags)
        self._ev = NameEvidence()  # nothing of this document stays on the instance
        return out

    # ------------------------------------------------------------------ mentions
    def _candidates(self, w: Word, strict: bool = True) -> list[tuple[Variant, float]]:
        key = (w.key, w.capitalised, strict)
        got = self._cand_cache.get(key)
        if got is None:
            if len(self._cand_cache) >= CANDIDATE_CACHE_SIZE:
                self._cand_cache.clear()
            got = self._cand_cache[key] = self._word_candidates(w.key, w.capitalised, strict)
        cands, near_present = got
        if near_present:
            return self._fuzzy_present(w.key, self._segment_entities)
        return cands

    def _word_candidates(self, text: str, capitalised: bool,
                         strict: bool) -> tuple[list[tuple[Variant, float]], bool]:
        """The base's variants a word may be, from the word alone (cached by :meth:`_candidates`), and
        whether, failing those, it should be compared with the names of its segment."""
        kb = self.kb
        if text.endswith(("'s", "’s")):
            return [], False  # an English possessive left in the text is not a name form
        if strict and zipf_fr(text) >= 4.5 and text.lower() not in kb.correct_tokens:
            return [], False  # a very common French word («Il», «Pour») is not a broken name on its own
        if not capitalised and zipf_fr(text) >= LOWERCASE_RARE_ZIPF:
            # a lower-case French word is not a name (homographs and calques are checked apart),
            # unless it is a rare word that a brand writes with capitals («starlink»)
            if zipf_fr(text) >= LOWERCASE_WORD_ZIPF:
                return [], False
            return [(v, 1.0) for v in kb.lookup(text) if v.kind in ("fr", "alias") and v.form != text], False
        exact = kb.lookup(text)
        seen = set(exact)
        folded = [v for v in kb.lookup_folded(text) if v not in seen]
        if exact or folded:
            return [(v, 1.0) for v in exact] + [(v, 0.95) for v in folded], False
        out: list[tuple[Variant, float]] = []
        if len(text) >= 4 and zipf_fr(text) < 2.5 and (capitalised or zipf_en(text) < 1.0):
            out = kb.fuzzy(text, 0.75)
        if not out and len(text) >= 4 and zipf_fr(text) == 0.0 and zipf_en(text) < 2.0:
            return [], True
        return out, False

    def _fuzzy_present(self, text: str, nearby: set[int]) -> list[tuple[Variant, float]]:
        """An unknown word close to the surname of a person named in the same segment: a garbled mention."""
        fold = normalise_latin(text)
        out = []
        for ei in nearby:
            e = self.kb.entities[ei]
            if e.type != "person":
                continue
            ti = len(e.fr_tokens) - 1
            for t in e.fr_tokens[-1:]:
                ft = normalise_latin(t)
                if len(ft) < 4 or ft[:1] != fold[:1]:
                    continue
                sim = _similar(text, t)
                if sim >= 0.6:
                    out.append((Variant(ei, ti, "fr", t, "document"), sim))
        out.sort(key=lambda p: -p[1])
        return out[:3]

    def _forms(self, ei: int) -> tuple[set[str], set[str], set[str], list[str]]:
        """Cached per entity: correct forms and tokens, their lower-case forms, English-only tokens."""
        got = self._form_cache.get(ei)
        if got is None:
            e = self.kb.entities[ei]
            correct = set(e.correct_forms()) | set(e.fr_tokens)
            for a in e.correct_aliases:
                correct.update(a.split())
            correct.update({c.rstrip(".") for c in correct})  # «Inc.»: the word pattern stops before the dot
            got = (correct, {c.lower() for c in correct}, e.english_only_tokens | {e.en}, e.fr_tokens)
            self._form_cache[ei] = got
        return got

    def _status(self, w: Word, v: Variant) -> int:
        text = w.text if w.key == w.text else w.key + " "  # a repaired word is never right as written
        correct, lower, en_only, _ = self._forms(v.entity)
        if text in correct:
            return OK
        if text.lower() in lower:
            return CASE
        if text in en_only:
            return LOCALE
        return CORRUPT

    def _mentions(self, words: list[Word]) -> list[Mention]:
        cands = [self._candidates(w) for w in words]
        # a common word («Si») may still open a multi-word name («Si Jinping»)
        weak = set()
        for i, w in enumerate(words[:-1]):
            nxt = words[i + 1]
            if not cands[i] and w.capitalised and nxt.capitalised and nxt.start - w.end == 1 and cands[i + 1]:
                cands[i] = self._candidates(w, strict=False)
                weak.add(i)
        mentions: list[Mention] = []
        # words that may continue a name by resemblance alone (see _anchored_next): decided once per word
        anchorable = [self._may_anchor(w) for w in words]
        i = 0
        n = len(words)
        while i < n:
            best: Mention | None = None
            best_rank: tuple = ()
            for v, sim in cands[i]:
                m = Mention(v.entity, [Match(words[i], v, self._status(words[i], v), sim)])
                j = i + 1
                last_tok = v.token
                while j < n and words[j].start - words[j - 1].end <= 2:
                    nxt = [(v2, s2) for v2, s2 in cands[j] if v2.entity == v.entity
                           and (v2.token == -1 or last_tok == -1 or v2.token == last_tok + 1)]
                    if not nxt and anchorable[j]:
                        nxt = self._anchored_next(v.entity, last_tok, words[j])
                    if not nxt:
                        break
                    v2, s2 = max(nxt, key=lambda p: (p[1], p[0].kind != "pivot"))
                    m.matches.append(Match(words[j], v2, self._status(words[j], v2), s2))
                    last_tok = v2.token
                    j += 1
                if best is not None and len(m.matches) < len(best.matches):
                    continue  # a shorter mention ranks lower whatever else (the rank starts with the length)
                rank = self._mention_rank(m)
                if best is None or rank > best_rank:
                    best, best_rank = m, rank
            if best is not None and i in weak and len(best.matches) == 1:
                best = None
            if best is not None:
                mentions.append(best)
                i += len(best.matches)
            else:
                i += 1
        return mentions

    def _may_anchor(self, w: Word) -> bool:
        """Can ``w`` continue a name by resemblance (:meth:`_anchored_next`)? Only a capitalised word
        that is not itself a real name token of someone else («Pham Binh» is not «Pham Minh»)."""
        if not w.capitalised and not w.key[:1].isupper():
            return False
        return not (w.key == w.text and self.kb.is_correct_token(w.text))

    def _anchored_next(self, ei: int, last_tok: int, w: Word) -> list[tuple[Variant, float]]:
        """The word after a matched token, compared with the entity's next token directly (``w`` passed
        :meth:`_may_anchor`)."""
        e = self.kb.entities[ei]
        if last_tok < 0 or last_tok + 1 >= len(e.en_tokens) or len(e.en_tokens) != len(e.fr_tokens):
            return []
        nxt = last_tok + 1
        best = max(_similar(w.key, f) for f in {e.fr_tokens[nxt], e.en_tokens[nxt]})
        if best < 0.7:
            return []
        return [(Variant(ei, nxt, "fr", e.fr_tokens[nxt], "anchored"), best)]

    def _mention_rank(self, m: Mention) -> tuple:
        tail = self._rank_tail.get(m.entity)
        if tail is None:  # what does not depend on the mention: user entity first, then the likelier
            e = self.kb.entities[m.entity]
            tail = self._rank_tail[m.entity] = (e.user, _prior(e), -m.entity)
        n_ok = sum(1 for x in m.matches if x.status == OK)
        return (len(m.matches), self.present[m.entity] > 0, n_ok, sum(x.similarity for x in m.matches), *tail)

    def _flag_mention(self, m: Mention, words: list[Word], text: str) -> Flag | None:
        status = m.status
        if status == OK:
            return None
        kb = self.kb
        e = kb.entities[m.entity]
        n = len(m.matches)
        anchored = any(x.status in (OK, CASE, LOCALE) for x in m.matches) and n > 1
        in_doc = self._named_elsewhere(m.entity, m.start, m.end)
        if status == CASE and not m.matches[0].word.text.islower():
            # the same miscased form elsewhere («Easyjet» … «Easyjet») is no evidence of the right one
            in_doc = self._named_elsewhere(m.entity, m.start, m.end, exact=True)
        fr_t, en_t = e.fr_tokens, e.en_tokens
        tok_idx = [x.variant.token for x in m.matches]
        first_name_only = n == 1 and e.type == "person" and len(en_t) > 1 and tok_idx[0] == 0
        conf = 0.0
        reasons: list[str] = []
        # ---- single words need more evidence than multi-word mentions
        if n == 1:
            x = m.matches[0]
            wtext = x.word.text
            if status in (CASE, LOCALE) and self._inside_longer_name(x.word, words):
                return None
            if kb.is_correct_token(wtext) and status != CASE:
                return None  # a correct form of another entity
            if status == CASE:
                forms = [f for f in e.correct_forms() + e.fr_tokens if f.lower() == wtext.lower()]
                if wtext.isupper() and len(wtext) > 1:
                    return None  # a headline in capitals
                if any(f.isupper() and len(f) > 1 for f in forms):
                    return None  # an acronym written as a word («Un», «Otan»)
                if wtext[1:] == wtext[1:].lower() and wtext[:1].isupper() and any(f == f.lower() for f in forms):
                    return None  # a lower-case form capitalised (sentence start, title)
                if wtext.islower() and (zipf_fr(wtext) >= 3.0 or not in_doc
                                        or not self._pivot_near(m.start, m.end)):
                    return None  # a common word that a brand also uses, a species name («surinam»)
                if wtext[:1].isupper() and any(f[1:] == wtext[1:] and f[:1].islower() for f in forms):
                    return None  # only the first letter differs: sentence or title capitalisation
                conf = 0.85 if in_doc or not wtext.islower() else 0.7
            elif status == LOCALE:
                if first_name_only or x.variant.token == -1 and len(en_t) > 1:
                    return None
                conf = 0.8 if zipf_fr(wtext) < 3.0 else 0.0
            else:
                common = zipf_fr(wtext) >= 3.0
                if common or (not wtext[:1].isupper() and not in_doc):
                    return None
                if first_name_only and not in_doc:
                    return None
                if x.word.sent_start and zipf_fr(wtext) > 0.0:
                    return None  # a capitalised French word at the start of a sentence
                if _same_letters(wtext, self._forms(m.entity)[3][x.variant.token]
                                 if 0 <= x.variant.token < len(fr_t) else e.fr):
                    status = CASE  # only diacritics differ («Tôkyô»): a spelling matter
                elif not in_doc and e.type != "person" and (x.similarity < 1.0 or x.variant.kind == "pivot"):
                    return None  # a near miss or declined form of a place or company, no other evidence
                elif not in_doc and not self._pivot_fingerprint(x, wtext):
                    return None  # alone, with no other evidence, it may be a correct name the base lacks
                if status == CASE and not in_doc:
                    return None
                conf = {1.0: 0.8, 0.95: 0.72}.get(x.similarity, 0.35 + 0.4 * x.similarity)
                if status == CASE:
                    conf = 0.55
                if zipf_en(wtext) >= 3.5 and x.variant.kind == "pivot" and not in_doc:
                    conf -= 0.2  # an English word (e.g. a common noun) written as the pivot form
                if max(zipf_fr(wtext), zipf_en(wtext)) < 1.0:
                    conf += 0.1
                if in_doc:
                    conf += 0.15
                    reasons.append("l'entité est nommée correctement ailleurs dans le document")
        else:
            base = 0.85 if anchored else 0.7
            sims = [x.similarity for x in m.matches if x.status == CORRUPT]
            if sims:
                base -= 0.5 * (1.0 - min(sims))
            # every word corrupt and one of them an ordinary French word: likely words, not a name; but a
            # pivot form that is a real name of other people («Vladimir» for «Volodymyr») is no such word
            if all(x.status == CORRUPT for x in m.matches) and any(
                    zipf_fr(x.word.text) >= 3.0 and not (e.type == "person" and x.variant.kind == "pivot"
                                                         and kb.is_correct_token(x.word.text))
                    for x in m.matches):
                return None
            conf = base + (0.1 if in_doc else 0.0)
            if in_doc:
                reasons.append("l'entité est nommée correctement ailleurs dans le document")
        if e.country and self._country_near(e, words, m):
            conf += 0.05
        # ---- open world: real names the base does not hold are left alone
        if _FOREIGN_QUOTE.search(text, max(0, m.start - 40), m.start):
            return None  # «en anglais : United States»: the text gives the foreign form on purpose
        corrupt = [x for x in m.matches if x.status == CORRUPT]
        if any(x.word.text.isupper() and len(x.word.text) > 1 for x in corrupt):
            return None  # an acronym («OMMS») is not a re-romanised spelling of another one
        real = all(_real_word(x.word) for x in corrupt)
        longer = self._part_of_longer_name(m, words)
        if longer and real:
            return None  # «Brawn GP», «World Trade Center», «Elizabeth I», «Léon XII»
        if corrupt and real:
            # every "corrupted" word is written as real names or words are: another person, a
            # place or a typo, unless the entity is named right nearby and the form is the exact
            # pivot form, or the pivot form stands beside a right token («Si Jinping»)
            exact_pivot = all(x.similarity >= 1.0 and x.variant.kind == "pivot" for x in corrupt)
            if n == 1 and not (in_doc and exact_pivot):
                return None
            if not in_doc and not (anchored and exact_pivot):
                conf = min(conf, OPEN_WORLD_CAP)
        pivot_near = self._pivot_near(m.start, m.end)
        certain_person = e.type == "person" and n >= 2 and e.country in CYRILLIC_COUNTRIES
        if status == LOCALE and not pivot_near and not certain_person:
            # «Myanmar», «Patriots», «Genoa»: the original or English form is correct text; the
            # French convention is an error only where the text came through the pivot. A full
            # name of a person written in Cyrillic («Sergey Lavrov») has no original Latin form:
            # its English transcription is no correct French
            conf = min(conf, OPEN_WORLD_CAP)
        if not (in_doc or pivot_near or (status == LOCALE and certain_person)):
            # nothing around says this text went wrong: a locale or casing convention, a near miss
            # of a name the base knows, are suggestions, not errors; only a typo in a longer name
            # that is otherwise right («Bruce Sprinsteen») stays an error on its own
            typo = (anchored and not real and status == CORRUPT
                    and all(x.similarity >= 0.8 and len(x.word.text) >= 5 for x in corrupt)
                    and not longer)
            if not typo:
                conf = min(conf, OPEN_WORLD_CAP)
        conf = max(0.05, min(0.99, conf))
        if conf < 0.3:
            return None
        # ---- the suggestion
        suggestion = self._suggest(e, m)
        span_text = text[m.start:m.end]
        if suggestion == span_text or not suggestion or keeps_original(span_text, suggestion):
            return None
        if _same_letters(span_text, suggestion) and not (in_doc or pivot_near):
            conf = min(conf, OPEN_WORLD_CAP)  # accents added («Edouard» → «Édouard»): a house style
        category = STATUS_CATEGORY[status]
        mech = self._mechanism(m)
        explanation = self._explain(category, span_text, suggestion, e, mech, reasons)
        sev = "minor" if category == "name/spelling" else ("major" if category != "name/locale" else "minor")
        return Flag(m.start, m.end, span_text, category, sev, round(conf, 3), [suggestion], explanation,
                    self.name, {"entity": e.fr, "entity_id": e.id, "type": e.type, "mechanism": mech,
                                "in_document": self.present[m.entity]})

    def _garbled_given_name(self, m: Mention, words: list[Word], text: str) -> Flag | None:
        """«talent Carlson»: a lower-case word standing where the given name of a known person should."""
        e = self.kb.entities[m.entity]
        if e.type != "person" or len(m.matches) != 1 or len(e.fr_tokens) < 2:
            return None
        if m.matches[0].variant.token not in (len(e.fr_tokens) - 1, -1):
            return None
        k = _index_at(words, m.start)
        if not k:
            return None
        prev = words[k - 1]
        if prev.capitalised or prev.end + 1 != m.start or len(prev.text) < 4:
            return None
        low = prev.text.lower()
        ctx = self.ctx
        if low in ctx["title"] or low in FUNCTION_WORDS or zipf_fr(low) >= 5.0:
            return None
        given = e.fr_tokens[0]
        forms = {given, e.en_tokens[0]}
        forms.update(v.form for v in self._given_variants(m.entity))
        sim = max(_similar(prev.text, f) for f in forms)
        if sim < 0.45 or normalise_latin(prev.text)[:1] != normalise_latin(given)[:1]:
            return None
        conf = round(min(0.9, 0.35 + sim * 0.5 + (0.1 if self.present[m.entity] > 1 else 0.0)), 3)
        if not (self._named_elsewhere(m.entity, prev.start, m.end) or self._pivot_near(prev.start, m.end)):
            conf = min(conf, OPEN_WORLD_CAP)
        span = text[prev.start:m.end]
        return Flag(prev.start, m.end, span, "name/corrupted", "major", conf, [e.fr],
                    f"« {prev.text} » se trouve à la place du prénom de « {e.fr} » "
                    f"(similarité {sim:.2f} avec une de ses formes) : prénom probablement déformé ou traduit.",
                    self.name, {"entity": e.fr, "entity_id": e.id, "type": e.type,
                                "mechanism": f"given name garbled: {prev.text}", "in_document": self.present[m.entity]})

    def _given_variants(self, ei: int) -> list[Variant]:
        e = self.kb.entities[ei]
        out = []
        if e.ru_tokens:
            from ..knowledge.transliteration import SCHEMES, romanise
            for sch in SCHEMES:
                out.append(Variant(ei, 0, "pivot", romanise(e.ru_tokens[0], sch)))
        return out

    def _named_elsewhere(self, ei: int, start: int, end: int, exact: bool = False) -> bool:
        """True when the document names the entity correctly (``exact``: in one of its correct forms,
        case included) outside ``[start, end)`` and near it (within :data:`EVIDENCE_WINDOW`
        characters): a name in another part of a long file, or in an unrelated sentence of a corpus,
        is no evidence about this one."""
        off = self._ev.offset
        return self._ev_near(self._ev, ei, start + off, end + off, exact)

    def _suggest(self, e: Entity, m: Mention) -> str:
        fr_t, en_t = e.fr_tokens, e.en_tokens
        idx = [x.variant.token for x in m.matches]
        words = [x.word.text for x in m.matches]
        if len(m.matches) >= len(en_t) or len(m.matches) >= len(fr_t):
            return e.fr
        if all(i >= 0 for i in idx) and len(fr_t) == len(en_t):
            if any(fr_t[i] != en_t[i] and _similar(fr_t[i], en_t[i]) < 0.5 for i in idx):
                return ""  # the French name orders its words otherwise («mer d'Aral» / «Aral Sea»)
            return " ".join(fr_t[i] for i in idx)
        if len(words) == 1:
            # a one-word alias or the surname
            aliases = [a for a in e.correct_aliases if " " not in a]
            if aliases:
                best = max(aliases, key=lambda a: _similar(a, words[0]))
                return best
            return fr_t[-1]
        return e.fr

    def _mechanism(self, m: Mention) -> str:
        parts = []
        for x in m.matches:
            v = x.variant
            if x.status == CORRUPT:
                if v.kind == "pivot" and x.similarity >= 0.95:
                    case, scheme = (v.detail.split("/") + [""])[:2]
                    kind = "forme déclinée russe" if case not in ("nom", "") else "translittération"
                    parts.append(f"{x.word.text}: {kind} ({case}, {scheme})")
                else:
                    parts.append(f"{x.word.text}: graphie altérée (similarité {x.similarity:.2f})")
            elif x.status == LOCALE:
                parts.append(f"{x.word.text}: forme anglaise")
            elif x.status == CASE:
                parts.append(f"{x.word.text}: casse")
        return "; ".join(parts)

    def _explain(self, category: str, span: str, sugg: str, e: Entity, mech: str, reasons: list[str]) -> str:
        typ = TYPE_FR.get(e.type, e.type)
        if category == "name/corrupted":
            msg = (f"« {span} » semble être une forme déformée de « {sugg} » ({typ}) : le nom a sans doute "
                   f"transité par le russe ({mech}).")
        elif category == "name/locale":
            msg = f"« {span} » suit la convention anglaise ou russe ; la presse française écrit « {sugg} »."
        elif category == "name/spelling":
            msg = f"La graphie officielle est « {sugg} » (casse ou forme incorrecte dans « {span} »)."
        else:
            msg = f"« {span} » → « {sugg} »."
        if reasons:
            msg += " Indice : " + "; ".join(dict.fromkeys(reasons)) + "."
        return msg

    _MARKERS = re.compile(r"zh|kh|shch|sch|iy$|yy|ya|yu|ye|yo|ii|iu|ia$|ej$|ij$|ts", re.IGNORECASE)

    def _pivot_fingerprint(self, x: Match, word: str) -> bool:
        """A lone word is taken for a re-romanised name only with a Russian fingerprint: an exact
        romanisation of a declined form, or of the nominative with digraphs no Latin-script
        spelling of the name has (zh, kh, ya …), and the word unknown to French and English."""
        v = x.variant
        if v.kind != "pivot" or x.similarity < 1.0 or v.detail.endswith("/french"):
            return False
        if max(zipf_en(word), zipf_fr(word)) >= 2.0:
            return False
        case = v.detail.split("/")[0]
        return case not in ("nom", "") or bool(self._MARKERS.search(word))

    def _part_of_longer_name(self, m: Mention, words: list[Word]) -> bool:
        """True when the mention is glued to a capitalised word or a roman numeral that is not part
        of it: «Brawn» in «Brawn GP», «World Trade» in «World Trade Center», «Elizabeth» before «I».
        A title before a name («président», «M.») does not count."""
        k = _index_at(words, m.start)
        if k is None:
            return False
        last = k + len(m.matches) - 1
        if any(ROMAN_RE.match(x.word.text) for x in m.matches if x.status != OK):
            return True  # a regnal number or ordinal is never a spelling to correct
        if last + 1 < len(words):
            o = words[last + 1]
            if o.start - words[last].end <= 1 and (o.capitalised or ROMAN_RE.match(o.text)) \
                    and o.text.lower() not in FUNCTION_WORDS:
                return True
        if k > 0:
            o = words[k - 1]
            if m.start - o.end <= 1 and o.capitalised and not (o.sent_start and zipf_fr(o.text) >= 3.0) \
                    and o.text.lower() not in self.ctx["title"] and o.text.lower() not in FUNCTION_WORDS:
                return True
        return False

    def _pivot_near(self, start: int, end: int) -> bool:
        """Does the text around ``[start, end)`` show the Russian pivot (re-romanised words that no
        language writes, exact romanisations of Russian case forms) at least :data:`PIVOT_SIGNALS`
        times, this span aside?"""
        off = self._ev.offset
        return _near(self._ev.pivot_at, start + off, end + off) >= PIVOT_SIGNALS

    def _inside_longer_name(self, w: Word, words: list[Word]) -> bool:
        """True when ``w`` touches another capitalised word: part of a longer name («Eurasia Group»)."""
        k = _index_at(words, w.start)
        if k is None:
            return False
        for j in (k - 1, k + 1):
            if 0 <= j < len(words):
                o = words[j]
                gap = o.start - w.end if j > k else w.start - o.end
                if gap <= 1 and o.capitalised and not (j < k and o.sent_start and zipf_fr(o.text) >= 3.0):
                    return True
        return False

    def _country_near(self, e: Entity, words: list[Word], m: Mention) -> bool:
        for w in words:
            if abs(w.start - m.start) > 80 or m.start <= w.start < m.end:
                continue
            for v in self.kb.lookup(w.text):
                o = self.kb.entities[v.entity]
                if o.type == "place" and o.country == e.country and v.kind in ("fr", "alias"):
                    return True
        return False

    # ------------------------------------------------------------------ names missing from the base
    def _unknown_name(self, w: Word) -> bool:
        """A capitalised word unknown to the base and to French and English word lists."""
        return (w.capitalised and len(w.key) >= 4
                and not any(v.kind in ("fr", "alias", "en") for v in self.kb.lookup(w.key))
                and zipf_fr(w.key) == 0.0 and zipf_en(w.key) < 1.5
                and "-" not in w.key)

    def _russian_locale(self, words: list[Word], text: str, taken: set[int]) -> list[Flag]:
        """«Yevgeny Prigozhin» for a Russian not in the base: English convention → French transcription."""
        from ..knowledge.russian_names import given_name_fr
        from ..knowledge.transliteration import french_form_of_english_russian

        flags = []
        for i in range(len(words) - 1):
            g, sname = words[i], words[i + 1]
            if g.start in taken or sname.start in taken or sname.start - g.end != 1 or not sname.capitalised:
                continue
            fr_given = given_name_fr(g.text)
            if fr_given is None or self.kb.lookup(sname.key):
                continue
            if zipf_fr(sname.key) >= 2.0:
                continue
            fr_sur = french_form_of_english_russian(sname.text)
            if fr_given == g.text:
                continue  # the given name is already French (or the same in both): no evidence
            sugg = f"{fr_given} {fr_sur}"
            span = text[g.start:sname.end]
            if keeps_original(span, sugg):
                continue
            # the English transcription is the form most of the world writes: an error only where
            # the text shows it came through Russian
            conf = 0.62 if self._pivot_near(g.start, sname.end) else 0.4
            flags.append(Flag(g.start, sname.end, span, "name/locale", "minor", conf, [sugg],
                              f"« {span} » suit la transcription anglaise d'un nom russe ; la presse française "
                              f"écrit « {sugg} » (transcription française du russe).", self.name,
                              {"entity": sugg, "type": "person", "mechanism": "English romanisation of a Russian name",
                               "in_document": 0}))
            taken.update(range(g.start, sname.end))
        return flags

    @staticmethod
    def _spelling_score(name: str, count: int) -> float:
        """How likely a spelling is the right one: known to wordfreq as a word or name, free of
        romanisation digraphs, frequent in the document."""
        import math

        markers = len(NamesDetector._MARKERS.findall(name))
        return 1.5 * zipf_en(name) + zipf_fr(name) - 1.5 * markers + 0.5 * math.log(count)

    def _document_variants(self, words: list[Word], text: str, taken: set[int]) -> list[Flag]:
        """A name the base lacks, spelled two ways in one document: the less likely spelling
        («Sholts») is flagged with the more likely one («Scholz») as the suggestion."""
        flags = []
        if len(self.doc_names) < 2:
            return flags
        for w in words:
            if w.start in taken or w.text not in self.doc_names or is_real_spelling(w.text):
                continue
            fold = normalise_latin(w.text)
            best = None
            off = self._ev.offset
            for other in self._doc_keys.get(pivot_key(w.text), ()):
                if other == w.text or not _near(self._ev.doc_name_at.get(other, ()), w.start + off, w.end + off):
                    continue  # the other spelling must be near: in a corpus it is another name
                of = normalise_latin(other)
                sim = _similar(w.text, other)
                declined = fold.startswith(of) and len(fold) - len(of) <= 2 and len(of) >= 4
                if sim < 0.75 and not declined:
                    continue
                gain = self._spelling_score(other, self.doc_names[other]) - \
                    self._spelling_score(w.text, self.doc_names[w.text])
                if best is None or gain > best[0]:
                    best = (gain, other, sim, declined)
            if best is None or best[0] <= 0.5:
                continue
            gain, other, sim, declined = best
            if keeps_original(w.text, other):
                continue
            corrupted = gain >= 2.0 or declined
            conf = round(min(0.8, 0.45 + 0.08 * gain + (0.1 if declined else 0.0)), 3)
            if not (declined or self._pivot_near(w.start, w.end)):
                conf = min(conf, OPEN_WORLD_CAP)
            cat = "name/corrupted" if corrupted else "name/inconsistent"
            expl = (f"« {w.text} » et « {other} » semblent désigner le même nom dans ce document ; "
                    f"« {other} » est la graphie la plus vraisemblable"
                    + (" (« " + w.text + " » porte une terminaison de déclinaison russe)." if declined else "."))
            flags.append(Flag(w.start, w.end, w.text, cat, "major" if corrupted else "minor", conf, [other],
                              expl, self.name, {"entity": other, "type": "unknown",
                                                "mechanism": f"spellings in document: {w.text} / {other}",
                                                "in_document": self.doc_names[other]}))
            taken.update(range(w.start, w.end))
        return flags

    _ROMANISED = re.compile(r"zh|kh|shch|iy$|yy|ya|yu|ye|yo|ii|ia$|iu|ej$|ij$|ts$|aa", re.IGNORECASE)

    def _pivot_forms(self, words: list[Word], text: str, taken: set[int]) -> list[Flag]:
        """Names the base does not know, written as an exact pivot form of a real name («Stivenson»:
        «Стивенсон» romanised, from «Stevenson»; «Kolvina»: the genitive of «Колвин»), found in the
        inverted Wikidata name pairs (:mod:`mtreview.knowledge.pivot_forms`). A word that is itself a
        real spelling («Pol», «Edvard») is suspected only where the text shows the pivot and the original
        is far commoner; without signs of the pivot nearby the correction is a suggestion."""
        flags = []
        shows = [w.capitalised and len(w.key) >= 4 and self._shows_pivot(w.key) for w in words]
        for k, w in enumerate(words):
            if (w.start in taken or not w.capitalised or len(w.key) < 3 or _FRENCH_TRANSCRIPTION.search(w.key)
                    or any(v.kind in ("fr", "alias", "en") for v in self.kb.lookup(w.key))):
                continue
            parts = w.key.split("-")
            found: list[PivotForm | None] = []
            for part in parts:
                pf = lookup_pivot_form(part) if len(part) >= 3 else None
                if pf is not None and (pf.dominance < PIVOT_FORM_DOMINANCE
                                       or (len(parts) > 1 and is_real_spelling(part))):
                    pf = None
                found.append(pf)
            if not any(found):
                continue
            if zipf_fr(w.key) >= PIVOT_FORM_COMMON_ZIPF or zipf_en(w.key) >= PIVOT_FORM_COMMON_ZIPF:
                continue  # a common word («Sans», «Roi», «Men») is not read as a name's pivot form
            real = is_real_spelling(w.key) or zipf_fr(w.key) > 0.0 or zipf_en(w.key) >= 1.5
            sugg = "-".join(name_case(pf.original) if pf is not None else part
                            for part, pf in zip(parts, found, strict=True))
            if w.text[:1].isupper():
                sugg = sugg[:1].upper() + sugg[1:]
            if keeps_original(w.text, sugg):
                continue
            # the original written nearby («Stephen Colbert» … «Stiven Colbert»), or a given name right
            # before a surname that only the pivot writes («Dzhek Dorsi»), is evidence for this word
            window = text[max(0, w.start - EVIDENCE_WINDOW):w.end + EVIDENCE_WINDOW]
            written = re.search(rf"(?<![\w-]){re.escape(sugg)}(?![\w-])", window) is not None
            beside = k + 1 < len(words) and words[k + 1].start - w.end <= 1 and shows[k + 1]
            near = self._pivot_near(w.start, w.end) or beside or written
            dominance = min(pf.dominance for pf in found if pf is not None)
            if real and not ((written or beside) and dominance >= PIVOT_FORM_REAL_DOMINANCE):
                continue  # a real spelling is suspected only beside its own evidence
            conf = 0.55 + 0.05 * min(4.0, math.log10(dominance)) - (0.1 if real else 0.0)
            if not near:
                conf = min(conf, OPEN_WORLD_CAP)
            conf = round(conf, 3)
            shown = ", ".join(f"« {pf.form} » ← « {pf.original} »" for pf in found if pf is not None)
            flags.append(Flag(w.start, w.end, text[w.start:w.end], "name/corrupted", "major", conf, [sugg],
                              f"« {w.text} » est la graphie qu'un nom prend après un passage par le russe "
                              f"({shown}) ; l'original s'écrit « {sugg} ».", self.name,
                              {"entity": sugg, "type": "unknown",
                               "mechanism": f"pivot form of a real name ({shown}; the original is "
                                            f"{dominance:.0f}× commoner)",
                               "in_document": 0}))
            taken.update(range(w.start, w.end))
        return flags

    def _open_vocabulary(self, words: list[Word], text: str, taken: set[int]) -> list[Flag]:
        """Names the base does not know, re-romanised from Cyrillic: the transliteration model proposes
        the original spelling, wordfreq's English frequencies (names included) rank the proposals."""
        if not self.use_model:
            return []
        cands = [w for w in words if w.start not in taken and self._unknown_name(w)
                 and not is_real_spelling(w.key) and not _FRENCH_TRANSCRIPTION.search(w.key)
                 and (self._ROMANISED.search(w.key) or pivot_score(w.key) >= SIGNATURE_OPEN)]
        if not cands:
            return []
        from ..translit.infer import get_transliterator

        tr = get_transliterator()
        if not tr.available:
            return []
        flags = []
        keys = [w.key for w in cands]
        raw = tr.model_candidates(keys, n=5)
        reranked = tr.candidates(keys, n=5)
        for w, nbest, rr in zip(cands, raw, reranked, strict=True):
            best = None
            logps = dict(nbest)
            # the re-ranked list (a 64-beam search re-ranked by how people spell names) puts the
            # likeliest real spelling first; the raw log-probability still measures the model's belief
            nbest = [(c, logps.get(c, -5.0)) for c, _ in rr] or nbest
            for rank, (cand, logp) in enumerate(nbest):
                if normalise_latin(cand) == normalise_latin(w.key):
                    break  # the model reads the word as already right
                prior = max(zipf_en(cand), 3.0 if self.kb.is_correct_token(cand) else 0.0,
                            NAME_TOKEN_PRIOR if cand.lower() in name_tokens() else 0.0)
                if prior < 2.0:
                    continue
                score = logp + 0.7 * prior - 0.3 * rank
                if best is None or score > best[0]:
                    best = (score, cand, logp, prior)
            if best is None:
                continue
            _, cand, logp, prior = best
            sugg = name_case(cand)
            sig = pivot_score(w.key)
            in_text = sugg in self._ev.doc_name_at or any(self.kb.lookup(sugg))
            conf = 0.3 + 0.08 * (prior - 2.0) + 0.1 * (logp > -1.0) + 0.3 * max(0.0, sig - SIGNATURE_OPEN)
            conf = round(max(0.3, min(self.MODEL_MAX_CONFIDENCE, conf)), 3)
            if not (self._pivot_near(w.start, w.end) or (sig >= SIGNATURE_STRONG and in_text)):
                conf = min(conf, OPEN_WORLD_CAP)
            flags.append(Flag(w.start, w.end, text[w.start:w.end], "name/corrupted", "major", conf, [sugg],
                              f"« {w.text} » ressemble à un nom re-romanisé depuis le cyrillique ; le modèle de "
                              f"translittération propose « {sugg} » (nom connu en anglais).", self.name,
                              {"entity": sugg, "type": "unknown",
                               "mechanism": f"translit model: log p {logp:.2f}, prior {prior:.1f}, "
                                            f"pivot signature {sig:.2f}",
                               "in_document": 0}))
        return flags

    # ------------------------------------------------------------------ person slots
    def _person_slot(self, tok: Any) -> list[str]:
        """Evidence from the parse that ``tok`` stands where a person (or organisation) does."""
        if tok is None:
            return []
        ev = []
        head = tok.head
        dep = tok.dep_
        ctx = self.ctx
        if dep in ("nsubj", "nsubj:pass") and head.lemma_.lower() in ctx["speech_verb"]:
            ev.append(f"sujet de « {head.lemma_} »")
        if dep in ("obj", "iobj", "obl:arg", "obl") and head.lemma_.lower() in ctx["person_object_verb"]:
            ev.append(f"complément de « {head.lemma_} »")
        if dep == "nmod" and head.lemma_.lower() in ctx["possessed_noun"]:
            ev.append(f"possesseur de « {head.text} »")
        if tok.ent_type_ in ("PER", "ORG"):
            ev.append(f"entité {tok.ent_type_} selon l'analyse")
        return ev

    def _common_noun_use(self, tok: Any) -> list[tuple[str, float]]:
        """Evidence, with its weight, that ``tok`` is used as the ordinary noun (so not as a name)."""
        if tok is None:
            return []
        ev: list[tuple[str, float]] = []
        if tok.morph.get("Number") == ["Plur"] or tok.text.lower().endswith(("s", "x")) and tok.tag_ == "NOUN" \
                and tok.lemma_.lower() != tok.text.lower():
            ev.append(("pluriel", 1.0))
        for ch in tok.children:
            if ch.dep_ == "amod" and ch.pos_ == "ADJ":
                ev.append((f"qualifié par « {ch.text} »", 0.3))
            if ch.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ == "à" for c in ch.children):
                ev.append((f"complément « à {ch.text} »", 0.4))
        if tok.dep_ in ("obj", "obl:arg") and tok.head.lemma_.lower() in self.ctx["wear_verb"]:
            ev.append((f"objet de « {tok.head.lemma_} »", 0.5))
        return ev

    # ------------------------------------------------------------------ homographs
    def _homographs(self, words: list[Word], text: str, taken: set[int], tok_at: _LazyTokens) -> list[Flag]:
        index = get_homograph_index(self.kb).words
        flags = []
        for w in words:
            if w.start in taken:
                continue
            hs = index.get(w.text.lower())
            if not hs or self.kb.is_correct_token(w.text):
                continue
            hs = [h for h in hs if h.token == -1 or h.token == len(self.kb.entities[h.entity].fr_tokens) - 1]
            if not hs:
                continue  # given names are not taken for words: only surnames and one-word names
            best = max(hs, key=lambda h: (self._named_elsewhere(h.entity, w.start, w.end), self.present[h.entity],
                                          _prior(self.kb.entities[h.entity])))
            e = self.kb.entities[best.entity]
            in_doc = self._named_elsewhere(best.entity, w.start, w.end)
            cap_mid = w.capitalised and not w.sent_start
            if not in_doc and not cap_mid:
                continue  # without the entity in the document, only a capitalised word is suspect
            tok = tok_at.get(w.start)
            slot = self._person_slot(tok)
            common = self._common_noun_use(tok)
            conf = 0.72 if in_doc else 0.45
            if not in_doc and not slot:
                continue
            if not slot and zipf_fr(w.text) >= HOMOGRAPH_SLOT_ZIPF:
                continue  # a very common noun («film») stands for a name only where the parse says so
            conf += 0.12 * min(2, len(slot)) + (0.1 if cap_mid else 0.0)
            conf -= sum(w for _, w in common)
            if not in_doc and not self._pivot_near(w.start, w.end):
                conf = min(conf, OPEN_WORLD_CAP)  # «Loup», «Rossignol»: French surnames too
            conf = max(0.05, min(0.99, conf))
            if conf < 0.3:
                continue
            sugg = e.fr_tokens[best.token] if 0 <= best.token < len(e.fr_tokens) else (
                next((a for a in e.correct_aliases if " " not in a), e.fr_tokens[-1]))
            start, fix = w.start, sugg
            if e.type == "person":  # «du masque» → «de Musk»: the article goes with the noun
                start, fix = with_article(text, w.start, sugg)
            span = text[start:w.end]
            reasons = []
            if in_doc:
                reasons.append(f"« {sugg} » est nommé ailleurs dans le document")
            reasons += slot
            if common:
                reasons.append("mais emploi de nom commun possible : " + ", ".join(c for c, _ in common))
            expl = (f"« {w.text} » est probablement le nom « {sugg} » traduit comme un mot : en russe, "
                    f"« {best.ru_form} » (forme de « {e.ru_tokens[best.token] if 0 <= best.token < len(e.ru_tokens) else e.ru} ») "
                    f"est aussi le nom commun « {best.ru_word} ». Indices : {'; '.join(reasons)}.")
            if start != w.start:
                expl += f" Un nom de personne se passe d'article : « {span} » → « {fix} »."
            flags.append(Flag(start, w.end, span, "name/translated", "critical" if conf >= 0.8 else "major",
                              round(conf, 3), [fix], expl, self.name,
                              {"entity": e.fr, "entity_id": e.id, "type": e.type,
                               "mechanism": f"pivot homograph ru:{best.ru_form} → {best.ru_word} → {w.text.lower()}",
                               "slot": slot, "common_noun_use": [c for c, _ in common], "in_document": self.present[best.entity]}))
        return flags

    # ------------------------------------------------------------------ calques
    def _calques(self, words: list[Word], text: str, taken: set[int], tok_at: _LazyTokens) -> list[Flag]:
        cidx = get_calque_index(self.kb)
        if not cidx.keys:
            return []
        flags = []
        n = len(words)
        used: set[int] = set()
        for i in range(n):
            if i in used or words[i].start in taken:
                continue
            w0 = words[i]
            if w0.text.lower() in FUNCTION_WORDS or stem_fr(w0.text) not in cidx.stems:
                continue
            best = None
            content: list[str] = []
            j = i
            while j < n and j - i < 6:
                w = words[j]
                if j > i and w.start - words[j - 1].end > 3:
                    break
                if w.text.lower() in FUNCTION_WORDS:
                    j += 1
                    continue
                content.append(stem_fr(w.text))
                if len(content) > cidx.max_parts:
                    break
                key = frozenset(content)
                ents = cidx.keys.get(key)
                if ents and len(key) == len(content):
                    best = (j, ents, len(content))
                j += 1
            if not best:
                continue
            j, ents, nparts = best
            e_idx = max(ents, key=lambda k: (self._named_elsewhere(k, w0.start, words[j].end), self.present[k],
                                             _prior(self.kb.entities[k])))
            e = self.kb.entities[e_idx]
            in_doc = self._named_elsewhere(e_idx, w0.start, words[j].end)
            caps = any(words[k].capitalised and not words[k].sent_start for k in range(i, j + 1))
            if nparts == 1:
                if not (in_doc and caps):
                    continue
                slot = self._person_slot(tok_at.get(w0.start))  # parse the segment only when it can matter
                conf = 0.55 + (0.15 if caps else 0.0) + 0.1 * len(slot)
            else:
                if not (in_doc or caps):
                    continue
                conf = 0.6 + (0.25 if in_doc else 0.0) + (0.1 if caps else 0.0)
            if not in_doc and not self._pivot_near(w0.start, words[j].end):
                conf = min(conf, OPEN_WORLD_CAP)  # «Foire aux vanités» is also a French title
            conf = max(0.05, min(0.97, conf))
            start, end = w0.start, words[j].end
            span = text[start:end]
            flat = re.sub(r"[\s\-]+", " ", span.lower())
            if any(re.sub(r"[\s\-]+", " ", f.lower()) == flat for f in e.correct_forms()):
                continue  # the French name of the entity is itself the translation («Maison-Blanche»)
            parts = cidx.parts.get(e_idx, [])
            expl = (f"« {span} » semble être le nom « {e.fr} » traduit mot à mot "
                    f"({' + '.join(parts)} → {span}).")
            if in_doc:
                expl += f" « {e.fr} » est nommé ailleurs dans le document."
            flags.append(Flag(start, end, span, "name/translated", "critical" if conf >= 0.8 else "major",
                              round(conf, 3), [e.fr], expl, self.name,
                              {"entity": e.fr, "entity_id": e.id, "type": e.type,
                               "mechanism": "calque: " + " + ".join(parts), "in_document": self.present[e_idx]}))
            used.update(range(i, j + 1))
        return flags

    # ------------------------------------------------------------------ consistency
    def _inconsistent(self, text: str, flags: list[Flag]) -> list[Flag]:
        out: list[Flag] = []
        flagged = [(f.start, f.end) for f in flags]
        for (ei, tok), spans in self._seen.items():
            forms = Counter(form for _, _, form in spans)
            if len(forms) < 2:
                continue
            e = self.kb.entities[ei]
            preferred = e.fr_tokens[tok] if 0 <= tok < len(e.fr_tokens) else e.fr
            ranked = sorted(forms.items(), key=lambda kv: (-kv[1], kv[0] != preferred))
            major = ranked[0][0]
            for start, end, form in spans:
                if form == major or _similar(form, major) < 0.6:
                    continue  # a short form or acronym is not an inconsistency
                if any(start < b and a < end for a, b in flagged) or keeps_original(form, major):
                    continue
                out.append(Flag(start, end, form, "name/inconsistent", "minor", OPEN_WORLD_CAP, [major],
                                f"« {form} » et « {major} » désignent la même entité ({e.fr}) dans ce document ; "
                                f"« {major} » est la forme la plus employée.", self.name,
                                {"entity": e.fr, "entity_id": e.id, "type": e.type,
                                 "mechanism": f"forms in document: {dict(forms)}"}))
        return out


class _LazyTokens:
    """Token at a document offset, parsing the segment only when a check asks for it."""

    def __init__(self, document: Document, index: int) -> None:
        self.document = document
        self.index = index
        self._map: dict[int, Any] | None = None

    def get(self, offset: int) -> Any:
        if self._map is None:
            doc = self.document.segment_doc(self.index)
            base = self.document.segments[self.index].start
            self._map = {base + t.idx: t for t in doc}
        return self._map.get(offset)


def _prior(e: Entity) -> float:
    """How likely a text is to name this entity: wordfreq frequency of its English name."""
    return _prior_cached(e.en or e.fr)


@functools.lru_cache(maxsize=50_000)
def _prior_cached(name: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(name, "en")


def _same_letters(a: str, b: str) -> bool:
    """True when two spellings differ only by diacritics."""
    from unidecode import unidecode

    return a != b and unidecode(a).lower() == unidecode(b).lower()


def _similar(a: str, b: str) -> float:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.normalized_similarity(_fold(a), _fold(b))


@functools.lru_cache(maxsize=100_000)
def _fold(word: str) -> str:
    """:func:`normalise_latin`, remembered: the same names and words are compared again and again."""
    return normalise_latin(word)
