"""The names detector itself: reads the document's evidence, finds the mentions of known entities in
each segment and runs the checks in order, each leaving the spans it flagged to the next."""

from __future__ import annotations

import copy
import dataclasses
import functools
from collections import Counter
from collections.abc import Iterable

from ...document import Document
from ...flags import Flag
from ...knowledge.name_calibration import BAND as CALIBRATED_BAND
from ...knowledge.name_calibration import calibrate
from ...knowledge.names import Entity, NameKnowledgeBase, kb_with_glossary
from .. import BaseDetector
from .calques import flag_calques
from .chinese_names import read_chinese_names
from .confidence import MODEL_MAX_CONFIDENCE
from .declined import flag_declined_names
from .document_spelling import prefer_document_spelling
from .document_variants import flag_document_variants
from .east_asian_names import read_east_asian_names
from .evidence import NameEvidence, gather_evidence
from .homographs import flag_homographs
from .inconsistent import flag_inconsistent
from .known import flag_garbled_given_name, flag_mention
from .mentions import OK, MentionFinder
from .name_language import respell_given_names
from .name_words import flag_name_words
from .open_vocabulary import flag_open_vocabulary
from .org_calques import flag_org_calques
from .pivot_forms import flag_pivot_forms
from .russian_locale import flag_russian_locale
from .slots import LazyTokens, person_context
from .tokens import Word, is_elided_name, iter_words, merge_spaced_hyphens


class NamesDetector(BaseDetector):
    """Finds names that a translation through a pivot language corrupted, translated or mis-spelled."""

    name = "names"
    accepts_glossary = True
    #: parses only the segments a check needs (see Reviewer.review_document)
    parse = "some"
    categories = ("name/corrupted", "name/translated", "name/spelling", "name/locale", "name/inconsistent")
    #: the highest confidence of a proposal from the transliteration model alone (open vocabulary): a
    #: caller that keeps only flags above it can leave the model out (``use_model=False``) and lose nothing
    MODEL_MAX_CONFIDENCE = MODEL_MAX_CONFIDENCE

    def __init__(self, glossary: Iterable[Entity] | None = None, kb: NameKnowledgeBase | None = None,
                 use_model: bool = True, calibrate: bool = True) -> None:
        self.kb = kb or kb_with_glossary(list(glossary) if glossary else None)
        self.use_model = use_model
        #: map suggestions scored below 0.5 to their measured reliability (:mod:`~mtreview.knowledge.name_calibration`)
        self.calibrate = calibrate
        #: mentions of the base's entities (holds only what depends on the base)
        self.finder = MentionFinder(self.kb)
        #: the evidence a check reads: empty on the detector itself; each call of :meth:`detect` and
        #: :meth:`finish` works on a view of the detector holding that call's evidence (:meth:`_with`)
        self.ev = NameEvidence()
        #: roles and lemmas of the parse evidence (:func:`.slots.person_context`)
        self.ctx = person_context()
        self._is_name = functools.partial(is_elided_name, self.kb)

    def _with(self, evidence: NameEvidence) -> NamesDetector:
        """A view of this detector that reads ``evidence``: the checks take it as their context, and
        nothing of a document is ever stored on the detector itself (a reused detector is a fresh one)."""
        view = copy.copy(self)
        view.ev = evidence
        return view

    @property
    def present(self) -> Counter[int]:
        """Entity → number of correct mentions in the evidence this view reads."""
        return self.ev.present

    @property
    def doc_names(self) -> Counter[str]:
        """Capitalised words the base does not know in the evidence this view reads, with their counts."""
        return self.ev.doc_names

    def prepare(self, text: str) -> NameEvidence:
        """The document evidence of ``text`` (:func:`.evidence.gather_evidence`): the entities it names
        correctly (or with wrong case only) and where, and the capitalised words the base does not
        know. Returned as a value for :meth:`detect` and :meth:`finish`."""
        return gather_evidence(self.kb, text, lambda ei: self.finder.forms(ei).correct)

    def detect(self, document: Document, evidence: NameEvidence | None = None) -> Iterable[Flag]:
        """Flags over ``document``; ``evidence`` is the whole text's (:meth:`prepare`) when the
        document is a chunk of a longer text, else it is gathered from the document itself. The
        mentions found right are noted in ``evidence`` for :meth:`finish`."""
        run = self._with(evidence if evidence is not None else self.prepare(document.text))
        text = document.text
        flags: list[Flag] = []
        for si, seg in enumerate(document.segments):
            words = merge_spaced_hyphens(list(iter_words(text[seg.start:seg.end], seg.start, self._is_name)), text)
            taken: set[int] = set()
            flags.extend(run._known_entities(words, text, taken))
            flags.extend(flag_document_variants(run, words, text, taken))
            flags.extend(flag_declined_names(run, words, text, taken))
            flags.extend(flag_russian_locale(run, words, text, taken, slavic_only=True))
            flags.extend(flag_pivot_forms(run, words, text, taken))
            flags.extend(flag_open_vocabulary(run, words, text, taken))
            # after the checks that read a word as the pivot form of a Latin name: «Eduard Uestbruk» is
            # Edward Westbrook, not a Russian to write the French way
            flags.extend(flag_russian_locale(run, words, text, taken))
            flags.extend(flag_org_calques(run, words, text, taken))
            tok_at = LazyTokens(document, si)
            flags.extend(flag_calques(run, words, text, taken, tok_at))
            flags.extend(flag_homographs(run, words, text, taken, tok_at))
            flags.extend(flag_name_words(run, words, text, taken, tok_at))
        return flags

    def _known_entities(self, words: list[Word], text: str, taken: set[int]) -> list[Flag]:
        """The flags of a segment's mentions of known entities; a right mention's forms are noted for
        :func:`.inconsistent.flag_inconsistent`, a flagged one's span joins ``taken``."""
        flags = []
        for mention in self.finder.mentions(words, self.ev.present):
            f = flag_mention(self, mention, words, text)
            if f is None and mention.status == OK:
                f = flag_garbled_given_name(self, mention, words, text)
                if f is None:
                    off = self.ev.offset
                    for x in mention.matches:
                        self.ev.seen[(mention.entity, x.variant.token)].append(
                            (x.word.start + off, x.word.end + off, x.word.text))
            if f is not None:
                flags.append(f)
                taken.update(range(f.start, f.end))
        return flags

    def _follow_corrections(self, flags: list[Flag]) -> list[Flag]:
        """A suggestion that is itself a spelling this detector corrects elsewhere in the text takes that
        correction: «Kholtsapfelya» → «Kholtsapfel» (another spelling in the document), which is the
        pivot form of «Holzapfel», becomes «Kholtsapfelya» → «Holzapfel»."""
        fixes: dict[str, str] = {}
        for f in flags:
            if f.detector == self.name and f.category == "name/corrupted" and f.suggestions:
                fixes.setdefault(f.text, f.suggestions[0])
        out = []
        for f in flags:
            first = f.suggestions[0] if f.detector == self.name and f.suggestions else None
            seen = {f.text}
            while first in fixes and first not in seen:
                seen.add(first)
                first = fixes[first]
            if first is not None and first != f.suggestions[0] and first != f.text:
                f = dataclasses.replace(f, suggestions=[first] + [s for s in f.suggestions if s != first])
            out.append(f)
        return out

    def finish(self, text: str, flags: list[Flag], evidence: NameEvidence | None = None) -> list[Flag]:
        """After the whole text is reviewed: one entity written several correct ways → name/inconsistent
        (from the mentions ``evidence`` collected during :meth:`detect`; none without it), a guessed
        spelling replaced by the document's own (:mod:`.document_spelling`), Chinese names read from
        Palladius (:mod:`.chinese_names`), Japanese and Korean ones from Polivanov and Kontsevich
        (:mod:`.east_asian_names`), a given name respelt in its surname's language (:mod:`.name_language`), and the suggestions below
        0.5 calibrated."""
        out = flags + (flag_inconsistent(self._with(evidence), flags) if evidence is not None else [])
        out = self._follow_corrections(out)
        if evidence is not None:
            out = prefer_document_spelling(self.name, text, out, evidence)
        out = read_chinese_names(self.name, text, out)
        out = read_east_asian_names(self.name, text, out)
        out = respell_given_names(self.name, text, out, self.use_model)
        if self.calibrate:
            out = [dataclasses.replace(f, confidence=calibrate(f.confidence, f.category))
                   if f.detector == self.name and f.confidence < CALIBRATED_BAND else f for f in out]
        return out
