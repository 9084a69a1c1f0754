"""The names detector as a package: its modules import without loading a model or a parser, the registry
path still names the detector, and the rule "this word names that entity" is one function that the
batch prefilter uses too."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

from mtreview.knowledge.names import Entity, NameKnowledgeBase


def _musk() -> Entity:
    return Entity(id="elon-musk", type="person", fr="Elon Musk", en="Elon Musk", ru="Илон Маск", aliases=["Musk"])


def test_modules_import_without_models():
    code = ("import importlib, pkgutil, sys\n"
            "import mtreview.detectors.names as pkg\n"
            "for m in pkgutil.iter_modules(pkg.__path__):\n"
            "    importlib.import_module(f'mtreview.detectors.names.{m.name}')\n"
            "heavy = ('torch', 'spacy', 'transformers', 'onnxruntime', 'ctranslate2')\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_registry_path_and_public_names():
    import mtreview.detectors.names as pkg
    from mtreview.detectors import REGISTRY
    from mtreview.detectors.names.confidence import MODEL_MAX_CONFIDENCE

    module, cls = REGISTRY["names"].split(":")
    assert getattr(importlib.import_module(module), cls) is pkg.NamesDetector
    assert pkg.NamesDetector.MODEL_MAX_CONFIDENCE == MODEL_MAX_CONFIDENCE
    assert all(hasattr(pkg, n) for n in pkg.__all__)
    names = {m.name for m in pkgutil.iter_modules(pkg.__path__)}
    assert {"detector", "tokens", "evidence", "mentions", "confidence", "explain"} <= names


def test_names_entity_rule():
    from mtreview.detectors.names import names_entity

    kb = NameKnowledgeBase([_musk()])
    surname = [v for v in kb.lookup("Musk") if v.kind == "fr"]
    given = [v for v in kb.lookup("Elon") if v.kind == "fr"]
    pivot = [v for v in kb.lookup("Ilon") if v.kind == "pivot"]
    assert surname and given and pivot
    assert all(names_entity(kb, v, "Musk") for v in surname)
    assert not any(names_entity(kb, v, "Elon") for v in given)  # a given name alone names nobody
    assert all(names_entity(kb, v, "Elon", nxt="Musk") for v in given)  # beside the surname it does
    assert not any(names_entity(kb, v, "Ilon", nxt="Musk") for v in pivot)  # a pivot form is no correct form


def test_batch_prefilter_asks_the_detector_rule(monkeypatch):
    from mtreview.batch import worker
    from mtreview.detectors.names import evidence

    kb = NameKnowledgeBase([Entity(id="jair-bolsonaro", type="person", fr="Jair Bolsonaro", en="Jair Bolsonaro",
                                   ru="Жаир Болсонару")])
    strings = ["Bolsonaro", "Jair", "Jair Bolsonaro"]
    _, entity_of = worker._entity_evidence(kb, strings, [])
    assert entity_of == {"bolsonaro": frozenset({0}), "jair bolsonaro": frozenset({0})}
    asked = []
    monkeypatch.setattr(evidence, "names_entity", lambda kb, v, *a, **k: asked.append(v.form) and False)
    _, entity_of = worker._entity_evidence(kb, strings, [])
    assert sorted(asked) == ["Bolsonaro", "Jair"]
    assert entity_of == {"jair bolsonaro": frozenset({0})}  # a whole name still counts
