"""Detectors: each family of checks in its own module, registered here by name.

A detector is a class with ``name``, ``categories`` (those it may emit) and
``detect(document) -> Iterable[Flag]``; it reads the shared parse and the knowledge base and never
modifies either. To add a check, write a module in this package and add one line to ``REGISTRY``.
``DEFAULT_ON`` lists the detectors a plain ``mtreview check`` runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Protocol

from ..document import Document
from ..flags import Flag


class Detector(Protocol):
    name: str
    categories: tuple[str, ...]
    #: optional: "all" (the default when absent: reads ``document.parsed``), "some" (parses only the
    #: segments it needs, ``document.segment_doc``) or "none"
    parse: str

    def detect(self, document: Document) -> Iterable[Flag]: ...


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
    "pivotmodel": "mtreview.detectors.pivotmodel:PivotModelDetector",  # learned; opt-in (models/pivot-errors)
}

#: detectors a plain review runs, in order
DEFAULT_ON: list[str] = ["names"]
DEFAULT_ON.append("spelling")
DEFAULT_ON.append("grammar")
DEFAULT_ON.append("repetition")
DEFAULT_ON.append("untranslated")
DEFAULT_ON.append("omission")
DEFAULT_ON.append("mistranslation")
DEFAULT_ON.append("bilingual")  # finds nothing without a source
DEFAULT_ON.append("typography")  # minor: 0.1 MQM point a flag


def available() -> list[str]:
    return list(REGISTRY)


def load(name: str, **options) -> Detector:
    """Instantiate the detector registered as ``name``."""
    try:
        path = REGISTRY[name]
    except KeyError:
        raise KeyError(f"unknown detector {name!r}; known: {', '.join(REGISTRY)}") from None
    module, cls = path.split(":")
    return getattr(importlib.import_module(module), cls)(**options)
