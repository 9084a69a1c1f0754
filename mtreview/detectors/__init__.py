"""Detectors: each family of checks in its own module, registered here by name.

The contract (:class:`Detector`, what :class:`mtreview.review.Reviewer` relies on): a detector has a
``name``, the ``categories`` it may emit, how much of the shared parse it reads (``parse``), whether its
constructor takes the user glossary (``accepts_glossary``), and three steps over one text:

* ``prepare(text) -> evidence``: document-wide evidence gathered once over the whole text (``None`` when
  the detector needs none); returned as a value, never kept for the next text;
* ``detect(document, evidence=None) -> Iterable[Flag]``: the flags of one document (the text, or a chunk
  of a long text), with the evidence ``prepare`` returned;
* ``finish(text, flags, evidence=None) -> list[Flag]``: the flags of the whole text once every chunk is
  reviewed (document-wide checks); returns ``flags`` unchanged when there is nothing to add.

A detector reads the shared parse and the knowledge base and never modifies either. :class:`BaseDetector`
gives the defaults (no evidence, nothing to finish, the whole parse, no glossary), so a detector
subclasses it and writes ``detect``. To add a check, write a module in this package and add one line to
``REGISTRY``. ``DEFAULT_ON`` lists the detectors a plain ``mtreview check`` runs.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterable
from typing import Any, ClassVar, Protocol

from ..document import Document
from ..flags import Flag


class Detector(Protocol):
    """What the Reviewer relies on (see the module docstring)."""

    name: str
    categories: tuple[str, ...]
    #: "all" (reads ``document.parsed``), "some" (parses only the segments it needs,
    #: ``document.segment_doc``) or "none"
    parse: str
    #: the constructor takes ``glossary=`` (user entities); the Reviewer passes it only then
    accepts_glossary: bool

    def prepare(self, text: str) -> Any: ...

    def detect(self, document: Document, evidence: Any = None) -> Iterable[Flag]: ...

    def finish(self, text: str, flags: list[Flag], evidence: Any = None) -> list[Flag]: ...


class BaseDetector:
    """The contract's defaults: subclass it, set ``name`` and ``categories``, write :meth:`detect`."""

    name: ClassVar[str]
    categories: ClassVar[tuple[str, ...]]
    parse: ClassVar[str] = "all"
    accepts_glossary: ClassVar[bool] = False

    def prepare(self, text: str) -> Any:
        """Document-wide evidence of ``text`` (none by default)."""
        return None

    def detect(self, document: Document, evidence: Any = None) -> Iterable[Flag]:
        raise NotImplementedError

    def finish(self, text: str, flags: list[Flag], evidence: Any = None) -> list[Flag]:
        """The whole text's flags after every chunk is reviewed (unchanged by default)."""
        return flags


#: name -> "module:Class" (imported only when used, so start-up stays fast)
REGISTRY: dict[str, str] = {
    "names": "mtreview.detectors.names:NamesDetector",
    "spelling": "mtreview.detectors.spelling:SpellingDetector",
    "grammar": "mtreview.detectors.grammar:GrammarDetector",
    "typography": "mtreview.detectors.typography:TypographyDetector",
    "repetition": "mtreview.detectors.repetition:RepetitionDetector",
    "untranslated": "mtreview.detectors.untranslated:UntranslatedDetector",
    "omission": "mtreview.detectors.omission:OmissionDetector",
    "mistranslation": "mtreview.detectors.mistranslation:MistranslationDetector",
    "bilingual": "mtreview.detectors.bilingual:BilingualDetector",
    "pivotmodel": "mtreview.detectors.pivotmodel:PivotModelDetector",  # learned (models/pivot-errors), gated
    "polysemy": "mtreview.detectors.polysemy:PolysemyDetector",  # sense sets + fr-ngrams; opt-in
    "genitive": "mtreview.detectors.genitive:GenitiveDetector",  # «N ADJ» for «N de N2» (models/noun-phrases)
}

#: detectors a plain review runs, in order
DEFAULT_ON: list[str] = ["names"]
DEFAULT_ON.append("spelling")
DEFAULT_ON.append("grammar")
DEFAULT_ON.append("repetition")
DEFAULT_ON.append("untranslated")
DEFAULT_ON.append("omission")
DEFAULT_ON.append("mistranslation")
DEFAULT_ON.append("genitive")  # a Russian genitive turned adjective, judged by the fr-mono noun phrases
DEFAULT_ON.append("pivotmodel")  # the learned tagger, its spans kept only with evidence the tagger lacks
DEFAULT_ON.append("bilingual")  # finds nothing without a source
DEFAULT_ON.append("typography")  # minor: 0.1 MQM point a flag


def available() -> list[str]:
    return list(REGISTRY)


def detector_class(name: str) -> type:
    """The class registered as ``name`` (its module is imported on first use)."""
    try:
        path = REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown detector {name!r}; known: {', '.join(REGISTRY)}") from None
    module, cls = path.split(":")
    return getattr(importlib.import_module(module), cls)


def takes_glossary(cls: type) -> bool:
    """Does detector class ``cls`` take the user glossary? Its ``accepts_glossary`` declaration; a class
    that declares nothing (one not derived from :class:`BaseDetector`) is taken at its constructor's
    word: a ``glossary`` parameter."""
    declared = getattr(cls, "accepts_glossary", None)
    if declared is not None:
        return bool(declared)
    return "glossary" in inspect.signature(cls).parameters


def load(name: str, **options: Any) -> Detector:
    """Instantiate the detector registered as ``name``."""
    return detector_class(name)(**options)
