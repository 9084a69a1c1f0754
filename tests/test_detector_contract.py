"""A contract every registered detector keeps: flags inside the text with known categories, nothing of
one document carried into the next (a reused instance gives a fresh instance's flags), empty and
one-word documents reviewed without error."""

from __future__ import annotations

import importlib
import inspect

import pytest

from mtreview import detectors as registry
from mtreview.review import Reviewer

FIRST = ("Elon Musk a racheté Twitter en 2022. Musk a parlé avec Poutine au Kremlin. "
         "Le service de service a été coupé. Il a dit que the meeting was great.\n")
SECOND = ("Le masque a parlé hier soir avec les journalistes. Le Mask a déclaré que Sholts et Scholz "
          "se sont rencontrés. Les enfants mange des pommes.\n")

#: detectors that load no parser, dictionary, names base or model: their contract is in the fast tier
LIGHT = {"typography", "bilingual"}
DETECTORS = [pytest.param(name, marks=() if name in LIGHT else pytest.mark.slow) for name in registry.available()]


def _flags(reviewer: Reviewer, text: str) -> list[tuple]:
    return [(f.start, f.end, f.category, f.suggestions[:1], round(f.confidence, 3))
            for f in reviewer.review(text).flags]


@pytest.mark.parametrize("name", DETECTORS)
def test_reused_detector_gives_a_fresh_detectors_flags(name):
    reused = Reviewer([name])
    _flags(reused, FIRST)
    again = _flags(reused, SECOND)
    assert again == _flags(Reviewer([name]), SECOND)


def _state(det) -> dict[str, tuple]:
    """What a detector instance holds: each attribute's identity, and the size of a container."""
    return {k: (id(v), len(v) if isinstance(v, (dict, list, set, tuple, str)) else None)
            for k, v in vars(det).items()}


@pytest.mark.parametrize("name", DETECTORS)
def test_a_review_leaves_no_evidence_on_the_detector(name):
    """Per-document evidence is a value passed in: after a review the instance holds what it held before
    (a lazily loaded resource aside, loaded by a first review)."""
    reviewer = Reviewer([name])
    reviewer.review(FIRST)
    det = reviewer.detectors[0]
    before = _state(det)
    reviewer.review(SECOND)
    assert _state(det) == before


@pytest.mark.parametrize("name", DETECTORS)
@pytest.mark.parametrize("text", ["", "Bonjour", "Musk\n", " \n\n"])
def test_empty_and_one_word_documents(name, text):
    res = Reviewer([name]).review(text)
    det = registry.load(name)
    for f in res.flags:
        assert 0 <= f.start < f.end <= len(text) and text[f.start:f.end] == f.text
        assert f.category in det.categories


# ------------------------------------------------------------------------------- the declared contract
def _params(fn) -> list[inspect.Parameter]:
    return list(inspect.signature(fn).parameters.values())[1:]  # without self


@pytest.mark.parametrize("name", registry.available())
def test_declared_contract(name):
    """What the Reviewer relies on, read from the class (nothing is instantiated): name, categories, parse,
    glossary support as the constructor has it, and the prepare / detect / finish signatures."""
    cls = registry.detector_class(name)
    assert cls.name == name
    assert cls.categories and all(isinstance(c, str) for c in cls.categories)
    assert cls.parse in ("all", "some", "none")
    takes = "glossary" in inspect.signature(cls).parameters
    declared = getattr(cls, "accepts_glossary", None)
    assert declared is None or declared is takes, f"{name}: accepts_glossary={declared} but glossary param: {takes}"
    assert registry.takes_glossary(cls) is takes
    assert [p.name for p in _params(cls.prepare)] == ["text"]
    detect, finish = _params(cls.detect), _params(cls.finish)
    assert [p.name for p in detect] == ["document", "evidence"] and detect[1].default is None
    assert [p.name for p in finish] == ["text", "flags", "evidence"] and finish[2].default is None


def test_base_detector_defaults():
    from mtreview.flags import Flag

    class Plain(registry.BaseDetector):
        name = "plain"
        categories = ("fluency/typography",)

    det = Plain()
    flags = [Flag(0, 1, "x", "fluency/typography", "minor", 1.0)]
    assert det.prepare("x") is None and det.finish("x", flags) is flags
    assert det.parse == "all" and det.accepts_glossary is False and not registry.takes_glossary(Plain)


class _WithGlossary(registry.BaseDetector):
    name = "with-glossary"
    categories = ("fluency/typography",)
    parse = "none"
    accepts_glossary = True

    def __init__(self, glossary=None):
        self.glossary = glossary

    def detect(self, document, evidence=None):
        return []


class _WithoutGlossary(registry.BaseDetector):
    name = "without-glossary"
    categories = ("fluency/typography",)
    parse = "none"

    def __init__(self, strict: bool = False):
        if strict is None:
            raise TypeError("a TypeError of the constructor itself")
        self.strict = strict

    def detect(self, document, evidence=None):
        return []


@pytest.fixture
def fake_registry(monkeypatch):
    review_mod = importlib.import_module("mtreview.review")  # the module (``mtreview.review`` is the function)
    monkeypatch.setitem(registry.REGISTRY, "with-glossary", f"{__name__}:_WithGlossary")
    monkeypatch.setitem(registry.REGISTRY, "without-glossary", f"{__name__}:_WithoutGlossary")
    monkeypatch.setattr(review_mod, "_DEFAULT", {})
    return review_mod


def test_glossary_goes_only_to_detectors_that_declare_it(fake_registry):
    glossary = ["an entity"]
    rv = Reviewer(["with-glossary", "without-glossary"], glossary=glossary)
    assert rv.detectors[0].glossary is glossary and rv.detectors[1].strict is False
    assert rv.review("Bonjour.").flags == []
    # a constructor's own TypeError is not taken for "no glossary here"
    with pytest.raises(TypeError, match="constructor itself"):
        Reviewer(["without-glossary"], glossary=glossary, detector_options={"without-glossary": {"strict": None}})


def test_reviewers_are_cached_by_detector_set_and_never_by_glossary(fake_registry):
    get = fake_registry.get_reviewer
    assert get(["without-glossary"]) is get(["without-glossary"])
    assert get(["with-glossary"]) is not get(["without-glossary"])
    glossary = ["an entity"]
    first, second = get(["with-glossary"], glossary), get(["with-glossary"], glossary)
    assert first is not second and first.detectors[0].glossary is glossary
    assert list(fake_registry._DEFAULT) == [("without-glossary",), ("with-glossary",)]
