"""The names detector itself: reads the document's evidence, finds the mentions of known entities in
each segment and runs the checks in order, each leaving the spans it flagged to the next."""

from __future__ import annotations

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
from .confidence import MODEL_MAX_CONFIDENCE
from .document_variants import flag_document_variants
from .evidence import NameEvidence, gather_evidence
from .homographs import flag_homographs
from .inconsistent import flag_inconsistent
from .known import flag_garbled_given_name, flag_mention
from .mentions import OK, MentionFinder
from .open_vocabulary import flag_open_vocabulary
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
        #: the document evidence of the review in progress (installed by detect, never carried over)
        self.ev = NameEvidence()
        #: roles and lemmas of the parse evidence (:func:`.slots.person_context`)
        self.ctx = person_context()
        self._is_name = functools.partial(is_elided_name, self.kb)

    @property
    def present(self) -> Counter[int]:
        """Entity → number of correct mentions in the document under review."""
        return self.ev.present

    @property
    def doc_names(self) -> Counter[str]:
        """Capitalised words of the document under review that the base does not know, with their counts."""
        return self.ev.doc_names

    def prepare(self, text: str) -> NameEvidence:
        """The document evidence of ``text`` (:func:`.evidence.gather_evidence`): the entities it names
        correctly (or with wrong case only) and where, and the capitalised words the base does not
        know. Returned as a value for :meth:`detect` and :meth:`finish`."""
        self.ev = gather_evidence(self.kb, text, lambda ei: self.finder.forms(ei).correct)
        return self.ev

    def detect(self, document: Document, evidence: NameEvidence | None = None) -> Iterable[Flag]:
        """Flags over ``document``; ``evidence`` is the whole text's (:meth:`prepare`) when the
        document is a chunk of a longer text, else it is gathered from the document itself."""
        self.ev = evidence if evidence is not None else self.prepare(document.text)
        text = document.text
        flags: list[Flag] = []
        for si, seg in enumerate(document.segments):
            words = merge_spaced_hyphens(list(iter_words(text[seg.start:seg.end], seg.start, self._is_name)), text)
            taken: set[int] = set()
            flags.extend(self._known_entities(words, text, taken))
            flags.extend(flag_russian_locale(self, words, text, taken))
            flags.extend(flag_document_variants(self, words, text, taken))
            flags.extend(flag_pivot_forms(self, words, text, taken))
            flags.extend(flag_open_vocabulary(self, words, text, taken))
            tok_at = LazyTokens(document, si)
            flags.extend(flag_calques(self, words, text, taken, tok_at))
            flags.extend(flag_homographs(self, words, text, taken, tok_at))
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

    def finish(self, text: str, flags: list[Flag], evidence: NameEvidence | None = None) -> list[Flag]:
        """After the whole text is reviewed: one entity written several correct ways → name/inconsistent."""
        if evidence is not None:
            self.ev = evidence
        out = flags + flag_inconsistent(self, flags)
        if self.calibrate:
            out = [dataclasses.replace(f, confidence=calibrate(f.confidence, f.category))
                   if f.detector == self.name and f.confidence < CALIBRATED_BAND else f for f in out]
        self.ev = NameEvidence()  # nothing of this document stays on the instance
        return out
