"""Glossaries as replacement rules for ``normalise``: each listed variant → its canonical form.

The glossaries are read by the review engine's own loader (:func:`mtreview.knowledge.glossary.
load_glossaries`: CSV/TSV with ``fr``, ``variants``, ``aliases`` columns, headerless
``variant,canonical`` rows, TBX via :mod:`mtreview.knowledge.tbx`), so ``check``, ``fix`` and
``normalise`` read a glossary the same way. This module turns the variants into rules and checks
them for conflicts (a variant that is also some entry's correct form would make a second run change
the first run's output). It applies nothing.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError

#: category recorded for a glossary replacement (MQM: a glossary term not respected)
GLOSSARY_CATEGORY = "terminology/glossary"


@dataclass(frozen=True)
class Rule:
    """Replace ``variant`` (exactly, as a whole word sequence) by ``canonical``."""

    variant: str
    canonical: str
    source: str  # glossary file and entry id
    category: str = GLOSSARY_CATEGORY


@dataclass(frozen=True)
class RuleSet:
    """The rules of some glossaries, the correct forms they protect, and a digest of the files."""

    rules: tuple[Rule, ...] = ()
    protected: tuple[str, ...] = ()
    digest: str = ""


def rules_from_glossary(glossary: Any, digest: str = "") -> RuleSet:
    """Rules from a loaded :class:`~mtreview.knowledge.glossary.Glossary`; raises on conflicts."""
    entities = glossary.entities
    rules = []
    for variant, i in sorted(glossary.variants.items()):
        e = entities[i]
        if variant.strip() and variant != e.fr:
            src = e.source.removeprefix("glossary:")
            rules.append(Rule(variant, e.fr, f"{Path(src).name}#{e.id}"))
    correct = {f for e in entities for f in e.correct_forms()}
    clash = next((r for r in rules if r.variant in correct), None)
    if clash is not None:
        raise InputError(f"glossary conflict: {clash.variant!r} ({clash.source}) is listed as a variant to "
                         "replace and as a correct form; a second run would undo the first")
    variants = {r.variant for r in rules}
    return RuleSet(tuple(rules), tuple(sorted(correct - variants)), digest)


def load_rules(paths: list[str | os.PathLike[str]]) -> tuple[RuleSet, Any]:
    """Read glossary files: their rules and the glossary object the detectors take (None if no file)."""
    if not paths:
        return RuleSet(), None
    from ..glossary_files import load_user_glossaries
    from ..textio import read_bytes

    digest = hashlib.sha256()
    for p in paths:
        digest.update(hashlib.sha256(read_bytes(p)).digest())
    glossary = load_user_glossaries(paths)
    return rules_from_glossary(glossary, digest.hexdigest()), glossary
